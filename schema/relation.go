package schema

import (
	"strconv"
	"strings"
)

// Mode qualifies how a text states a relation.
type Mode string

// The modes a relation can carry. Negated and hypothetical relations are
// not asserted: they are kept for inspection but are not graph edges by
// default.
const (
	// Negated: "did not say Assad has to go".
	Negated Mode = "negated"
	// Hypothetical: conditional or merely possible ("would consider").
	Hypothetical Mode = "hypothetical"
	// Future: announced or planned ("will be sent").
	Future Mode = "future"
	// Attributed: reported by a claimant ("X said Y attacked Z").
	Attributed Mode = "attributed"
)

// Relation is one directed, typed PLOVER event between two actors, found
// in one sentence of one article.
type Relation struct {
	// Source and Target are actor IDs; the source acts on the target.
	Source string `json:"source"`
	Target string `json:"target"`
	// Type is the PLOVER category.
	Type EventType `json:"type"`
	// Quad is Type's quad class.
	Quad Quad `json:"quad"`
	// Score is Type's intensity on [-10, 10].
	Score float64 `json:"score"`
	// Symmetric marks CONSULT, AGREE and COOPERATE, stored once per pair.
	Symmetric bool `json:"symmetric,omitempty"`
	// Modes qualify the statement; empty for a plain assertion.
	Modes []Mode `json:"modes,omitempty"`
	// Claimant is the actor ID of whoever the text attributes the relation
	// to, when it is attributed.
	Claimant string `json:"claimant,omitempty"`
	// References are the pronouns and descriptions ("he", "the two
	// leaders", "the bloc") through which the sentence names an actor of
	// the relation that it does not name itself; the actor was named in
	// an earlier sentence or clause.
	References []string `json:"references,omitempty"`
	// Sentence is the 0-based index of the evidence sentence.
	Sentence int `json:"sentence"`
	// Evidence is the sentence's text.
	Evidence string `json:"evidence"`
	// Cue is the word or phrase that signals the event ("back", "met").
	Cue string `json:"cue,omitempty"`
	// CueStart and CueEnd are the cue's code-point offsets in Article.Text.
	CueStart int `json:"cue_start"`
	CueEnd   int `json:"cue_end"`
	// Date is the event's date when the text gives one ("on Friday",
	// "in 2016"), else the article's date; zero when neither is known or
	// the sentence places the event before the article without saying
	// when. A month or a year is dated by its first day; DatePrecision
	// says which it is.
	Date Date `json:"date"`
	// DateSource says where Date comes from: DateFromText or
	// DateFromArticle; empty when Date is zero.
	DateSource string `json:"date_source,omitempty"`
	// DatePrecision is DayPrecision, MonthPrecision or YearPrecision;
	// empty when Date is zero.
	DatePrecision string `json:"date_precision,omitempty"`
	// Confidence is the extractor's confidence in (0, 1].
	Confidence float64 `json:"confidence"`
	// Place is where the sentence says the event happened ("in Aleppo",
	// "in the Red Sea"), resolved against the gazetteer; nil when the
	// sentence gives no place.
	Place *Place `json:"place,omitempty"`
}

// Where an event's date comes from (Relation.DateSource).
const (
	// DateFromText: the sentence dates the event ("on Friday", "in 2016").
	DateFromText = "text"
	// DateFromArticle: the sentence does not, so the article's date stands.
	DateFromArticle = "article"
)

// How much of an event's date is known (Relation.DatePrecision). The
// Date of a month or year is its first day, so that dates stay one type
// (and a Neo4j date) and sort; the precision keeps a year from reading
// as its 1 January.
const (
	DayPrecision   = "day"
	MonthPrecision = "month"
	YearPrecision  = "year"
)

// Asserted reports whether the relation is neither negated nor
// hypothetical, and so is a graph edge by default.
func (r Relation) Asserted() bool {
	for _, m := range r.Modes {
		if m == Negated || m == Hypothetical {
			return false
		}
	}
	return true
}

// EventID returns a deterministic id for the relation as reported in the
// given article: the same event in the same article always gets the same
// id, so loading it twice MERGEs into one node. Symmetric relations get the
// same id whichever way round their ends are given.
func (r Relation) EventID(articleID string) string {
	s, t := r.Source, r.Target
	if r.Type.Symmetric() && t < s {
		s, t = t, s
	}
	var b strings.Builder
	b.WriteString(articleID)
	b.WriteByte(0)
	b.WriteString(strconv.Itoa(r.Sentence))
	b.WriteByte(0)
	b.WriteString(s)
	b.WriteByte(0)
	b.WriteString(string(r.Type))
	b.WriteByte(0)
	b.WriteString(t)
	return ContentHash(b.String())[:32]
}

// Doc is the NLP stage's result for one article: the line format of
// `geokg extract --format jsonl` and of the output folder.
type Doc struct {
	// Path, ID, URL, Title, Published, Source and Hash come from the
	// Article.
	Path      string `json:"path"`
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title"`
	Published Date   `json:"published"`
	Source    string `json:"source,omitempty"`
	Hash      string `json:"hash,omitempty"`
	// Actors are the article's actors, in order of first mention.
	Actors []Actor `json:"actors"`
	// Relations are the relations found, in text order.
	Relations []Relation `json:"relations"`
}

// NewDoc returns an empty Doc carrying the article's metadata.
func NewDoc(a Article) Doc {
	return Doc{
		Path:      a.Path,
		ID:        a.ID,
		URL:       a.URL,
		Title:     a.Title,
		Published: a.Published,
		Source:    a.Source,
		Hash:      a.Hash,
		Actors:    []Actor{},
		Relations: []Relation{},
	}
}
