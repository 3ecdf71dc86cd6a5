package graphmodel

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/geokg/geokg/schema"
)

// DefaultEventWindow is how many days apart two day-dated reports of one
// source, type and target may be and still be one happening.
const DefaultEventWindow = 1

// Rollup is what an actor of one article stands for at state level.
type Rollup struct {
	// State is the country or organization a person acts for in the
	// article (its Affiliation), else the actor itself: agencies, armed
	// forces and capitals are already their country in the extraction.
	State string `json:"state,omitempty"`
	// Country is State's ISO 3166 alpha-3 code when State is a country.
	Country string `json:"country,omitempty"`
	// Sector is the actor's CAMEO-style sector code (schema.Actor.Sector).
	Sector string `json:"sector,omitempty"`
}

// Rollups returns the Rollup of every actor of the doc, by id: the one
// definition of an actor's state, country and sector in an article that
// every sink and reader uses.
func Rollups(d *schema.Doc) map[string]Rollup {
	types := make(map[string]schema.ActorType, len(d.Actors))
	for _, a := range d.Actors {
		types[a.ID] = a.Type
	}
	out := make(map[string]Rollup, len(d.Actors))
	for _, a := range d.Actors {
		r := Rollup{State: a.ID, Sector: a.Sector}
		if a.Type == schema.Person && a.Affiliation != "" {
			r.State = a.Affiliation
		}
		if t, ok := types[r.State]; ok && t == schema.Country || !ok && isISO3(r.State) {
			r.Country = r.State
		}
		out[a.ID] = r
	}
	return out
}

// isISO3 reports whether id has the form of a country's id (three capital
// letters), for an affiliation the article names no actor for.
func isISO3(id string) bool {
	if len(id) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if id[i] < 'A' || id[i] > 'Z' {
			return false
		}
	}
	return true
}

// HappeningKey is what two reports must share to be of one happening: the
// ends (symmetric types ordered), the PLOVER type and the modes (an
// asserted event is never the same as a negated one).
type HappeningKey struct {
	Source string           `json:"source"`
	Target string           `json:"target"`
	Type   schema.EventType `json:"type"`
	// Modes are the sorted modes joined by commas; empty for a plain
	// assertion.
	Modes string `json:"modes,omitempty"`
}

// Dyad returns the aggregated typed edge the key's events count for.
func (k HappeningKey) Dyad() DyadRow {
	return DyadRow{Source: k.Source, Target: k.Target, Type: k.Type}
}

// ModeList returns the key's modes as a list.
func (k HappeningKey) ModeList() []string {
	if k.Modes == "" {
		return []string{}
	}
	return strings.Split(k.Modes, ",")
}

// Asserted reports whether the key's events are neither negated nor
// hypothetical.
func (k HappeningKey) Asserted() bool {
	for _, m := range k.ModeList() {
		if m == string(schema.Negated) || m == string(schema.Hypothetical) {
			return false
		}
	}
	return true
}

// KeyOf returns the happening key of a relation: a symmetric type orders
// its ends, and the modes are sorted, so every route keys alike.
func KeyOf(r schema.Relation) HappeningKey {
	s, t := r.Source, r.Target
	if r.Type.Symmetric() && t < s {
		s, t = t, s
	}
	modes := make([]string, len(r.Modes))
	for i, m := range r.Modes {
		modes[i] = string(m)
	}
	slices.Sort(modes)
	return HappeningKey{Source: s, Target: t, Type: r.Type, Modes: strings.Join(slices.Compact(modes), ",")}
}

// Report is one article's account of a happening: every sentence of the
// article that states a relation with one HappeningKey. It is the stored
// unit from which happenings are clustered (in Neo4j, the report property
// of a REPORTED_IN relationship), so it holds all an Event takes from it.
type Report struct {
	Key     HappeningKey `json:"key"`
	Article string       `json:"article"`
	// Outlet is the article's source (schema.Doc.Source).
	Outlet string `json:"outlet,omitempty"`
	// Date is the first day-, month- or year-precise date the text gives
	// (the most precise wins), else the first sentence's date (usually the
	// article's); empty when undated. DateSource and DatePrecision go
	// with it.
	Date          string `json:"date,omitempty"`
	DateSource    string `json:"date_source,omitempty"`
	DatePrecision string `json:"date_precision,omitempty"`
	// Sentences are the indexes of the sentences stating the event, in
	// text order, and Evidence their text.
	Sentences []int    `json:"sentences"`
	Evidence  []string `json:"evidence"`
	// Cue, Claimant, Confidence and References are the first sentence's.
	Cue        string   `json:"cue,omitempty"`
	Claimant   string   `json:"claimant,omitempty"`
	Confidence float64  `json:"confidence"`
	References []string `json:"references,omitempty"`
	// SourceRollup and TargetRollup are the ends at state level in this
	// article.
	SourceRollup Rollup `json:"source_rollup"`
	TargetRollup Rollup `json:"target_rollup"`
	// Place is the first place a sentence gives; nil when none does.
	Place *schema.Place `json:"place,omitempty"`
}

// Mentions is the number of sentences of the report.
func (r Report) Mentions() int { return len(r.Sentences) }

// JSON returns the report as stored on its REPORTED_IN relationship.
func (r Report) JSON() string {
	b, _ := json.Marshal(r) // plain fields: cannot fail
	return string(b)
}

// ParseReport reads a report written by Report.JSON.
func ParseReport(s string) (Report, error) {
	var r Report
	err := json.Unmarshal([]byte(s), &r)
	return r, err
}

// Stored returns the report as its REPORTED_IN relationship's report
// property holds it: its JSON without the sentences and evidence, which
// the relationship holds as properties of their own (no text is stored
// twice).
func (r Report) Stored() string {
	r.Sentences, r.Evidence = nil, nil
	return r.JSON()
}

// ParseStored reads a report from its REPORTED_IN relationship: the report
// property (Report.Stored) and the sentences and evidence properties.
func ParseStored(s string, sentences []int, evidence []string) (Report, error) {
	r, err := ParseReport(s)
	r.Sentences, r.Evidence = sentences, evidence
	return r, err
}

// precisionRank orders date precisions, the most precise first.
func precisionRank(p string) int {
	switch p {
	case schema.DayPrecision:
		return 0
	case schema.MonthPrecision:
		return 1
	case schema.YearPrecision:
		return 2
	}
	return 3
}

// ReportsOf groups the relations of a doc that keep becomes events of
// into reports, in order of first mention. The relations must be
// consistent with the doc (see checkRelation).
func ReportsOf(d *schema.Doc, keep func(i int, r schema.Relation) bool) []Report {
	rollups := Rollups(d)
	var out []Report
	index := map[HappeningKey]int{}
	textDated := map[HappeningKey]bool{}
	for i, r := range d.Relations {
		if !keep(i, r) {
			continue
		}
		k := KeyOf(r)
		j, ok := index[k]
		if !ok {
			j = len(out)
			index[k] = j
			precision := r.DatePrecision
			if precision == "" && !r.Date.IsZero() {
				precision = schema.DayPrecision // an extraction older than date_precision
			}
			out = append(out, Report{Key: k, Article: d.ID, Outlet: d.Source,
				Date: r.Date.String(), DateSource: r.DateSource, DatePrecision: precision,
				Sentences: []int{}, Evidence: []string{},
				Cue: r.Cue, Claimant: r.Claimant, Confidence: r.Confidence, References: slices.Clone(r.References),
				SourceRollup: rollups[k.Source], TargetRollup: rollups[k.Target]})
			textDated[k] = r.DateSource == schema.DateFromText
		}
		rep := &out[j]
		if r.DateSource == schema.DateFromText && !r.Date.IsZero() &&
			(!textDated[k] || precisionRank(r.DatePrecision) < precisionRank(rep.DatePrecision)) {
			rep.Date, rep.DateSource, rep.DatePrecision = r.Date.String(), r.DateSource, r.DatePrecision
			textDated[k] = true
		}
		if rep.Place == nil && r.Place != nil {
			p := *r.Place
			rep.Place = &p
		}
		if slices.Contains(rep.Sentences, r.Sentence) {
			continue // a second relation of one key in one sentence
		}
		rep.Sentences = append(rep.Sentences, r.Sentence)
		rep.Evidence = append(rep.Evidence, r.Evidence)
	}
	return out
}

// Happening is one event: the reports of one HappeningKey that tell of
// the same happening.
type Happening struct {
	ID  string
	Key HappeningKey
	// Reports are ordered by date (undated last), then article; the first
	// dates the happening and gives its evidence.
	Reports []Report
}

// Mentions, Articles and Sources count the happening's sentences, its
// articles and their distinct outlets (an article without an outlet is
// its own), GDELT's NumMentions, NumArticles and NumSources.
func (h Happening) Mentions() int {
	n := 0
	for _, r := range h.Reports {
		n += r.Mentions()
	}
	return n
}

// Articles counts the happening's articles; see Mentions.
func (h Happening) Articles() int { return len(h.Reports) }

// Sources counts the happening's distinct outlets; see Mentions.
func (h Happening) Sources() int {
	seen := map[string]bool{}
	for _, r := range h.Reports {
		o := r.Outlet
		if o == "" {
			o = "\x00" + r.Article
		}
		seen[o] = true
	}
	return len(seen)
}

// Place returns the place of the first report that gives one.
func (h Happening) Place() *schema.Place {
	for _, r := range h.Reports {
		if r.Place != nil {
			return r.Place
		}
	}
	return nil
}

// compareReports orders reports by date (undated last), then article.
func compareReports(x, y Report) int {
	if (x.Date == "") != (y.Date == "") {
		if x.Date == "" {
			return 1
		}
		return -1
	}
	return cmp.Or(cmp.Compare(x.Date, y.Date), cmp.Compare(x.Article, y.Article))
}

// Cluster groups reports into happenings: reports of one key whose dates
// are day-precise and at most window days apart (through a chain of
// such reports: single linkage) are one happening; month- and year-precise
// reports are one happening only with reports of the same date and
// precision; an undated report is a happening of its own (an article
// holds one report per key). A happening's id is derived from its key and
// its earliest date (for an undated one, its article), so it does not
// depend on the order the reports come in. An article gives at most one
// report per key: a later report of the same article and key replaces
// an earlier one. The result is ordered by key, then id.
func Cluster(reports []Report, window int) []Happening {
	byKey := map[HappeningKey][]Report{}
	for _, r := range reports {
		byKey[r.Key] = append(byKey[r.Key], r)
	}
	keys := make([]HappeningKey, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, compareKeys)
	var out []Happening
	for _, k := range keys {
		out = append(out, clusterKey(k, byKey[k], window)...)
	}
	return out
}

// compareKeys orders happening keys.
func compareKeys(x, y HappeningKey) int {
	return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Target, y.Target),
		cmp.Compare(x.Type, y.Type), cmp.Compare(x.Modes, y.Modes))
}

// dated reports whether a report has a date of a known precision; the
// others are happenings of their own.
func dated(r Report) bool { return r.Date != "" && precisionRank(r.DatePrecision) < 3 }

// clusterKey clusters the reports of one key.
func clusterKey(k HappeningKey, reports []Report, window int) []Happening {
	last := map[string]Report{}
	for _, r := range reports {
		last[r.Article] = r
	}
	rs := make([]Report, 0, len(last))
	for _, r := range last {
		rs = append(rs, r)
	}
	slices.SortFunc(rs, func(x, y Report) int {
		return cmp.Or(cmp.Compare(precisionRank(x.DatePrecision), precisionRank(y.DatePrecision)), compareReports(x, y))
	})
	var out []Happening
	cur := -1 // the happening the next report may join
	var curEnd time.Time
	for _, r := range rs {
		if cur >= 0 {
			c := out[cur].Reports[0]
			switch {
			case !dated(r) || c.DatePrecision != r.DatePrecision:
			case r.DatePrecision == schema.DayPrecision:
				if d, err := time.Parse(time.DateOnly, r.Date); err == nil && !d.After(curEnd.AddDate(0, 0, window)) {
					out[cur].Reports = append(out[cur].Reports, r)
					curEnd = d
					continue
				}
			case c.Date == r.Date:
				out[cur].Reports = append(out[cur].Reports, r)
				continue
			}
		}
		out = append(out, Happening{Key: k, Reports: []Report{r}})
		cur = len(out) - 1
		if !dated(r) {
			cur = -1
		}
		curEnd, _ = time.Parse(time.DateOnly, r.Date)
	}
	for i := range out {
		h := &out[i]
		slices.SortFunc(h.Reports, compareReports)
		first := h.Reports[0]
		anchor := first.DatePrecision + "\x00" + first.Date
		if !dated(first) {
			anchor = "article\x00" + first.Article
		}
		h.ID = schema.ContentHash(k.Source + "\x00" + string(k.Type) + "\x00" + k.Target + "\x00" + k.Modes + "\x00" + anchor)[:32]
	}
	slices.SortFunc(out, func(x, y Happening) int { return cmp.Compare(x.ID, y.ID) })
	return out
}
