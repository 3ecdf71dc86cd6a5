package export

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"io"

	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/schema"
)

// PLOVERActor is an actor object of the PLOVER specification ("Information
// object for actors").
type PLOVERActor struct {
	// Code is the top-level (country) code: ISO 3166 alpha-3, a person's
	// state's.
	Code string `json:"code,omitempty"`
	// Sector is the CAMEO-style sector (GOV, MIL, REB …).
	Sector string `json:"sector,omitempty"`
	// ActorText is the name as the graph shows it.
	ActorText string `json:"actor_text,omitempty"`
	// IdentifierID and IdentifierText are the resolved identity: geokg's
	// canonical actor id and name.
	IdentifierID   string `json:"identifier_id"`
	IdentifierText string `json:"identifier_text,omitempty"`
	// Office is a person's role.
	Office string `json:"office,omitempty"`
	// Type is geokg's actor type (an extension field).
	Type schema.ActorType `json:"geokg_type,omitempty"`
}

// PLOVERTextInfo is the "Information object for text".
type PLOVERTextInfo struct {
	// Sequence is the 0-based index of the evidence sentence.
	Sequence int `json:"sequence"`
}

// PLOVERCiteInfo is the "Information object for citations".
type PLOVERCiteInfo struct {
	URL         string `json:"url,omitempty"`
	Title       string `json:"title,omitempty"`
	Publication string `json:"publication,omitempty"`
	Citation    string `json:"citation,omitempty"`
	Coder       string `json:"coder"`
	Codebook    string `json:"codebook"`
}

// PLOVEREvent is one event record in the PLOVER JSON format (the
// specification's "JSON Data Fields": id, date, source and event are
// required). Fields of geokg's own are named geokg_*.
type PLOVEREvent struct {
	ID         string          `json:"id"`
	Date       *string         `json:"date"`
	Source     []PLOVERActor   `json:"source"`
	Recipient  []PLOVERActor   `json:"recipient,omitempty"`
	Event      []string        `json:"event"`
	EventText  []string        `json:"event_text,omitempty"`
	EventLoc   *PLOVERLocation `json:"event_loc,omitempty"`
	QuadCode   int             `json:"quad_code"`
	EventScale float64         `json:"event_scale"`
	Text       string          `json:"text,omitempty"`
	TextInfo   *PLOVERTextInfo `json:"text_info,omitempty"`
	CiteInfo   *PLOVERCiteInfo `json:"cite_info,omitempty"`
	// Modes are geokg's statement modes (negated, hypothetical, future,
	// attributed), not PLOVER's category-specific mode field.
	Modes    []schema.Mode `json:"geokg_modes,omitempty"`
	Claimant string        `json:"geokg_claimant,omitempty"`
	// References are the pronouns and descriptions through which Text
	// names the source or recipient ("he", "the two leaders").
	References []string `json:"geokg_references,omitempty"`
	// DateSource says whether the sentence ("text") or the article
	// ("article") dates the event; DatePrecision whether Date is a day or
	// the first day of the month or year the sentence names.
	DateSource    string  `json:"geokg_date_source,omitempty"`
	DatePrecision string  `json:"geokg_date_precision,omitempty"`
	Confidence    float64 `json:"geokg_confidence"`
	// Mentions, Articles and Sources count the sentences, articles and
	// distinct outlets that report the event (GDELT's NumMentions,
	// NumArticles, NumSources).
	Mentions int `json:"geokg_mentions"`
	Articles int `json:"geokg_articles"`
	Sources  int `json:"geokg_sources"`
	// Reports are every article's account of the event: text and text_info
	// are the first report's first sentence.
	Reports []PLOVERReport `json:"geokg_reports,omitempty"`
}

// PLOVERLocation is the specification's location object (GeoNames' field
// names) for where the event happened.
type PLOVERLocation struct {
	Name      string  `json:"name"`
	Latitude  float64 `json:"latitude"`
	Longitude float64 `json:"longitude"`
	// CC3 is the ISO 3166 alpha-3 code of the country, the specification's
	// suggested field beside GeoNames' alpha-2 "country code".
	CC3 string `json:"cc3,omitempty"`
	// Kind is country, region, city, water or area; Text how the sentence
	// wrote the place.
	Kind string `json:"geokg_kind,omitempty"`
	Text string `json:"geokg_text,omitempty"`
}

// PLOVERReport is one article's account of an event.
type PLOVERReport struct {
	// Citation is the article's id; URL, Title and Publication its
	// metadata, as in cite_info.
	Citation    string `json:"citation"`
	URL         string `json:"url,omitempty"`
	Title       string `json:"title,omitempty"`
	Publication string `json:"publication,omitempty"`
	// Sequences are the 0-based indexes of the sentences that state the
	// event, Texts their text.
	Sequences []int    `json:"sequences"`
	Texts     []string `json:"texts"`
}

// PLOVEROptions tune the PLOVER export.
type PLOVEROptions struct {
	// Coder names the coding system in cite_info.coder.
	Coder string
	// KeepUndated writes events without a date with "date": null; PLOVER
	// requires a date, so they are left out by default.
	KeepUndated bool
}

// WritePLOVER writes one PLOVER event record per line (JSON lines, as the
// specification suggests). Events without a date are counted in Stats.Skipped
// unless opts.KeepUndated.
func WritePLOVER(ctx context.Context, w io.Writer, src graphdata.Source, f graphdata.Filter, opts PLOVEROptions) (Stats, error) {
	var st Stats
	actors, _, err := actorsByID(ctx, src)
	if err != nil {
		return st, err
	}
	// Article metadata for cite_info. Kept in memory: one small record per
	// article that has events.
	articles := map[string]graphdata.Article{}
	if err := src.Articles(ctx, func(a graphdata.Article) error {
		articles[a.ID] = graphdata.Article{ID: a.ID, URL: a.URL, Title: a.Title, Source: a.Source}
		return nil
	}); err != nil {
		return st, err
	}
	coder := opts.Coder
	if coder == "" {
		coder = "geokg"
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	err = src.Events(ctx, f, func(e graphdata.Event) error {
		if !e.Type.Valid() {
			return nil
		}
		mentions, sources, reported := eventCounts(e)
		rec := PLOVEREvent{
			ID:         e.ID,
			Source:     []PLOVERActor{ploverActor(e.Source, e.SourceCountry, e.SourceSector, actors)},
			Recipient:  []PLOVERActor{ploverActor(e.Target, e.TargetCountry, e.TargetSector, actors)},
			Event:      []string{string(e.Type)},
			QuadCode:   quadCode(e.Type.Quad()),
			EventScale: e.Score,
			Text:       e.Evidence,
			TextInfo:   &PLOVERTextInfo{Sequence: e.Sentence},
			Modes:      e.Modes,
			Claimant:   e.Claimant,
			References: e.References,
			DateSource: e.DateSource, DatePrecision: e.DatePrecision,
			Confidence: e.Confidence,
			Mentions:   mentions, Articles: reported, Sources: sources,
		}
		if p := e.Place; p != nil {
			rec.EventLoc = &PLOVERLocation{Name: p.Name, Latitude: p.Lat, Longitude: p.Lon, CC3: p.Country, Kind: p.Kind, Text: p.Text}
		}
		for _, r := range e.Reports {
			a := articles[r.Article]
			rec.Reports = append(rec.Reports, PLOVERReport{Citation: r.Article, URL: a.URL, Title: a.Title,
				Publication: cmp.Or(r.Source, a.Source), Sequences: r.Sentences, Texts: r.Evidence})
		}
		if e.Cue != "" {
			rec.EventText = []string{e.Cue}
		}
		if st.skipUndated(e, opts.KeepUndated) {
			return nil
		}
		if !e.Date.IsZero() {
			d := e.Date.String()
			rec.Date = &d
		}
		a := articles[e.Article]
		rec.CiteInfo = &PLOVERCiteInfo{URL: a.URL, Title: a.Title, Publication: a.Source, Citation: e.Article,
			Coder: coder, Codebook: "plover"}
		st.Events++
		return enc.Encode(&rec)
	})
	if err != nil {
		return st, err
	}
	return st, bw.Flush()
}

// ploverActor is an event's end: the actor, the country it acts for in
// the event's article (else the graph's), and its sector.
func ploverActor(id, country, sector string, actors map[string]graphdata.Actor) PLOVERActor {
	a, ok := actors[id]
	if !ok {
		return PLOVERActor{Code: country, Sector: sector, IdentifierID: id, IdentifierText: id}
	}
	return PLOVERActor{Code: cmp.Or(country, countryCode(a, actors)), Sector: sector, ActorText: a.Name, IdentifierID: a.ID,
		IdentifierText: a.Name, Office: a.Role, Type: a.Type}
}
