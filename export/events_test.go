package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/schema"
)

// eventSource is a graphdata.Source over hand-built records: the events
// carry the fields h-events' graphs and folders fill (counts, state,
// country and sector ends, place, reports), which the exports must pass on.
type eventSource struct {
	actors   []graphdata.Actor
	articles []graphdata.Article
	events   []graphdata.Event
}

func (s eventSource) Actors(_ context.Context, fn func(graphdata.Actor) error) error {
	for _, a := range s.actors {
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

func (s eventSource) Articles(_ context.Context, fn func(graphdata.Article) error) error {
	for _, a := range s.articles {
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

func (eventSource) Mentions(context.Context, func(graphdata.Mention) error) error { return nil }

func (s eventSource) Events(_ context.Context, f graphdata.Filter, fn func(graphdata.Event) error) error {
	for _, e := range s.events {
		if f.Keep(e) {
			if err := fn(e); err != nil {
				return err
			}
		}
	}
	return nil
}

func day(s string) schema.Date {
	d, err := schema.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// summitSource: Putin and Erdogan meet in Sochi (reported by two outlets,
// three sentences), Russia strikes near Aleppo (a bare country event whose
// person-free ends fall back to the actors' own codes), Lavrov briefs Putin
// (one state), and a low-confidence Turkish accusation.
func summitSource() eventSource {
	sochi := &schema.Place{Name: "Sochi", Text: "in Sochi", Kind: "city", Country: "RUS", Lat: 43.6, Lon: 39.73}
	aleppo := &schema.Place{Name: "Aleppo", Text: "near Aleppo", Kind: "city", Country: "SYR", Lat: 36.2, Lon: 37.16}
	return eventSource{
		actors: []graphdata.Actor{
			{ID: "RUS", Name: "Russia", Type: schema.Country},
			{ID: "SYR", Name: "Syria", Type: schema.Country},
			{ID: "TUR", Name: "Turkey", Type: schema.Country},
			{ID: "sergei lavrov", Name: "Sergei Lavrov", Type: schema.Person, Affiliation: "RUS", Role: "Foreign Minister"},
			{ID: "recep tayyip erdogan", Name: "Recep Tayyip Erdogan", Type: schema.Person, Affiliation: "TUR", Role: "President"},
			{ID: "vladimir putin", Name: "Vladimir Putin", Type: schema.Person, Affiliation: "RUS", Role: "President"},
		},
		articles: []graphdata.Article{
			{ID: "wire-1", URL: "https://wire.example/1", Title: "Leaders meet in Sochi", Source: "Example Wire"},
			{ID: "daily-7", URL: "https://daily.example/7", Title: "Sochi summit", Source: "Example Daily"},
		},
		events: []graphdata.Event{{
			ID: "e-summit", Source: "recep tayyip erdogan", Target: "vladimir putin", Type: schema.Consult,
			Quad: schema.VerbalCooperation, Score: 1, Date: day("2016-08-09"), Evidence: "Putin met Erdogan in Sochi.",
			Confidence: 0.9, Article: "wire-1", Mentions: 3, Articles: 2, Sources: 2,
			SourceState: "TUR", TargetState: "RUS", SourceCountry: "TUR", TargetCountry: "RUS", SourceSector: "GOV", TargetSector: "GOV",
			Place: sochi,
			Reports: []graphdata.Report{
				{Article: "wire-1", Source: "Example Wire", Sentences: []int{0, 2}, Evidence: []string{"Putin met Erdogan in Sochi.", "The two leaders talked."}},
				{Article: "daily-7", Source: "Example Daily", Sentences: []int{4}, Evidence: []string{"Erdogan was Putin's guest."}},
			},
		}, {
			ID: "e-strike", Source: "RUS", Target: "SYR", Type: schema.Assault, Quad: schema.MaterialConflict, Score: -10,
			Date: day("2016-08-10"), Evidence: "Russia struck near Aleppo.", Confidence: 0.7, Article: "wire-1", Place: aleppo,
		}, {
			ID: "e-brief", Source: "sergei lavrov", Target: "vladimir putin", Type: schema.Consult, Quad: schema.VerbalCooperation,
			Score: 1, Date: day("2016-08-11"), Evidence: "Lavrov briefed Putin.", Confidence: 0.8, Article: "wire-1",
			SourceState: "RUS", TargetState: "RUS", SourceCountry: "RUS", TargetCountry: "RUS",
		}, {
			ID: "e-accuse", Source: "TUR", Target: "RUS", Type: schema.Accuse, Quad: schema.VerbalConflict, Score: -2,
			Date: day("2016-08-12"), Evidence: "Ankara may have blamed Moscow.", Confidence: 0.3, Article: "daily-7",
		}},
	}
}

// gdeltRows exports src as GDELT TSV and returns its rows by event id,
// each a map from column to value.
func gdeltRows(t *testing.T, src graphdata.Source, f graphdata.Filter) map[string]map[string]string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := export.WriteGDELT(context.Background(), &buf, src, f, export.GDELTOptions{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	rows := map[string]map[string]string{}
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		row := map[string]string{}
		for i, c := range export.GDELTColumns {
			row[c] = f[i]
		}
		rows[row["GLOBALEVENTID"]] = row
	}
	return rows
}

func TestGDELTColumnsFromEventFields(t *testing.T) {
	rows := gdeltRows(t, summitSource(), graphdata.Filter{})
	for _, tc := range []struct {
		event, column, want string
	}{
		// A person's event carries the person's state's code and sector (RUSGOV, TURGOV).
		{"e-summit", "Actor1Code", "recep tayyip erdogan"},
		{"e-summit", "Actor1CountryCode", "TUR"},
		{"e-summit", "Actor1Type1Code", "GOV"},
		{"e-summit", "Actor2CountryCode", "RUS"},
		{"e-summit", "Actor2Type1Code", "GOV"},
		// GDELT's counts: sentences, distinct outlets, articles.
		{"e-summit", "NumMentions", "3"},
		{"e-summit", "NumSources", "2"},
		{"e-summit", "NumArticles", "2"},
		{"e-summit", "ActionGeo_Type", "4"},
		{"e-summit", "ActionGeo_CountryCode", "RS"}, // FIPS 10-4, not ISO's RU
		{"e-summit", "ActionGeo_Lat", "43.6"},
		{"e-summit", "ActionGeo_Long", "39.73"},
		{"e-strike", "ActionGeo_FullName", "Aleppo, Aleppo, Syria"},
		{"e-strike", "ActionGeo_CountryCode", "SY"},
		{"e-strike", "ActionGeo_ADM1Code", "SY09"},
		// No country on the event: the actor's own (a country is its own).
		{"e-strike", "Actor1CountryCode", "RUS"},
		{"e-strike", "Actor1Type1Code", ""},
		// An event read from a graph without counts was reported once.
		{"e-strike", "NumMentions", "1"},
		{"e-strike", "NumSources", "1"},
		{"e-strike", "NumArticles", "1"},
		{"e-brief", "ActionGeo_Type", ""},
	} {
		row, ok := rows[tc.event]
		if !ok {
			t.Fatalf("no row for %s", tc.event)
		}
		if got := row[tc.column]; got != tc.want {
			t.Errorf("%s %s = %q, want %q", tc.event, tc.column, got, tc.want)
		}
	}
}

func TestExportMinConfidence(t *testing.T) {
	for _, tc := range []struct {
		min  float64
		want []string
	}{
		{0, []string{"e-accuse", "e-brief", "e-strike", "e-summit"}},
		{0.75, []string{"e-brief", "e-summit"}},
		{0.95, nil},
	} {
		rows := gdeltRows(t, summitSource(), graphdata.Filter{MinConfidence: tc.min})
		var got []string
		for id := range rows {
			got = append(got, id)
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("--min-confidence %g: events %v, want %v", tc.min, got, tc.want)
		}
	}
}

func TestGDELTStateLevel(t *testing.T) {
	rows := gdeltRows(t, graphdata.AtLevel(summitSource(), graphdata.StateLevel), graphdata.Filter{})
	if _, ok := rows["e-brief"]; ok {
		t.Errorf("Lavrov briefing Putin is within Russia, and stays in the state-level export")
	}
	summit := rows["e-summit"]
	// CONSULT is symmetric: its ends are ordered, RUS before TUR.
	if summit["Actor1Code"] != "RUS" || summit["Actor2Code"] != "TUR" || summit["Actor1Name"] != "Russia" ||
		summit["Actor1Type1Code"] != "GOV" || summit["Actor2CountryCode"] != "TUR" {
		t.Errorf("state-level summit row: %v", summit)
	}
}

func TestPLOVERReportsCountrySector(t *testing.T) {
	var buf bytes.Buffer
	if _, err := export.WritePLOVER(context.Background(), &buf, summitSource(), graphdata.Filter{}, export.PLOVEROptions{}); err != nil {
		t.Fatal(err)
	}
	var summit export.PLOVEREvent
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var rec export.PLOVEREvent
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatal(err)
		}
		if rec.ID == "e-summit" {
			summit = rec
		}
	}
	if s := summit.Source[0]; s.Code != "TUR" || s.Sector != "GOV" || s.IdentifierID != "recep tayyip erdogan" {
		t.Errorf("source actor %+v, want Erdogan with code TUR, sector GOV", s)
	}
	if r := summit.Recipient[0]; r.Code != "RUS" || r.Sector != "GOV" {
		t.Errorf("recipient actor %+v, want code RUS, sector GOV", r)
	}
	if summit.Mentions != 3 || summit.Articles != 2 || summit.Sources != 2 {
		t.Errorf("counts %d/%d/%d, want 3 mentions, 2 articles, 2 sources", summit.Mentions, summit.Articles, summit.Sources)
	}
	if len(summit.Reports) != 2 || summit.Reports[1].Citation != "daily-7" || summit.Reports[1].Publication != "Example Daily" ||
		summit.Reports[1].URL != "https://daily.example/7" || !slices.Equal(summit.Reports[0].Sequences, []int{0, 2}) ||
		summit.Reports[0].Texts[1] != "The two leaders talked." {
		t.Errorf("reports %+v", summit.Reports)
	}
	if l := summit.EventLoc; l == nil || l.Name != "Sochi" || l.CC3 != "RUS" || l.Latitude != 43.6 || l.Kind != "city" {
		t.Errorf("event_loc %+v", l)
	}
}
