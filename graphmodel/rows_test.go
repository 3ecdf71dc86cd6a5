package graphmodel_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graphmodel"
	"github.com/geokg/geokg/schema"
)

func TestRecomputeCoversEveryPLOVERType(t *testing.T) {
	for _, typ := range schema.EventTypes {
		branch := fmt.Sprintf("row.type = '%s' THEN [1] ELSE [] END | MERGE (s)-[r:%s]->(t)", typ, typ)
		if !strings.Contains(graphmodel.CypherRecomputeRelations, branch) {
			t.Errorf("CypherRecomputeRelations has no branch for %s", typ)
		}
		if !strings.Contains(graphmodel.CypherRecomputeAllRelations, "|"+string(typ)) && !strings.Contains(graphmodel.CypherRecomputeAllRelations, ":"+string(typ)+"|") {
			t.Errorf("CypherRecomputeAllRelations does not match %s edges", typ)
		}
	}
	if n := strings.Count(graphmodel.CypherRecomputeRelations, "FOREACH"); n != len(schema.EventTypes) {
		t.Errorf("%d FOREACH branches, want %d", n, len(schema.EventTypes))
	}
}

func TestStatementsTakeParameters(t *testing.T) {
	for name, s := range map[string]string{
		"MergeActors": graphmodel.CypherMergeActors, "MergeArticles": graphmodel.CypherMergeArticles,
		"MergeEvents": graphmodel.CypherMergeEvents, "MergeMentions": graphmodel.CypherMergeMentions,
		"DeleteStaleEvents": graphmodel.CypherDeleteStaleEvents, "DeleteStaleMentions": graphmodel.CypherDeleteStaleMentions,
		"RecomputeRelations": graphmodel.CypherRecomputeRelations, "RecomputeAffiliations": graphmodel.CypherRecomputeAffiliations,
		"MarkArticlesLoaded":  graphmodel.CypherMarkArticlesLoaded,
		"MarkLoadedWithLinks": graphmodel.CypherMarkLoadedWithLinks, "UpdateEvents": graphmodel.CypherUpdateEvents,
		"DeleteEvents": graphmodel.CypherDeleteEvents, "LockActors": graphmodel.CypherLockActors,
		"ReportedDyads": graphmodel.CypherReportedDyads, "ReadReports": graphmodel.CypherReadReports,
		"CreateEvents": graphmodel.CypherCreateEvents, "CreateMentions": graphmodel.CypherCreateMentions,
	} {
		if !strings.HasPrefix(s, "UNWIND $rows AS row\n") {
			t.Errorf("%s does not start with UNWIND $rows", name)
		}
		if strings.Contains(s, "%") {
			t.Errorf("%s looks like a format string", name)
		}
	}
}

func TestNewGraphBatch(t *testing.T) {
	date, _ := schema.ParseDate("2015-10-30")
	ru := schema.Actor{ID: "RUS", Name: "Russia", Type: schema.Country, Aliases: []string{"Russia", "Moscow"}, Mentions: make([]schema.Mention, 2)}
	us := schema.Actor{ID: "USA", Name: "US", Type: schema.Country, Aliases: []string{"Washington"}, Mentions: make([]schema.Mention, 1)}
	us2 := us
	us2.Name, us2.Aliases = "United States", []string{"U.S."}
	kerry := schema.Actor{ID: "John Kerry", Name: "Kerry", Type: schema.Person, Affiliation: "USA", Role: "Secretary of State", Mentions: make([]schema.Mention, 1)}
	rel := func(src, typ, tgt string, modes ...schema.Mode) schema.Relation {
		return schema.Relation{Source: src, Target: tgt, Type: schema.EventType(typ), Modes: modes, Date: date, Sentence: len(src)}
	}
	docs := []schema.Doc{
		{ID: "a", Path: "a.txt", Published: date, Hash: "h1", Actors: []schema.Actor{ru, us, kerry}, Relations: []schema.Relation{
			rel("USA", "CONSULT", "RUS"),                 // symmetric: stored RUS→USA
			rel("USA", "CONSULT", "RUS"),                 // the same event again
			rel("RUS", "ASSAULT", "USA", schema.Negated), // not asserted
			rel("RUS", "ATTACK", "USA"),                  // not PLOVER
			rel("RUS", "SUPPORT", "SYR"),                 // SYR is no actor of the article
		}},
		{ID: "b", Path: "b.txt", Actors: []schema.Actor{us2}, Relations: []schema.Relation{}},
		{ID: "c", Path: "old.txt", Actors: []schema.Actor{ru}},
		{ID: "c", Path: "new.txt", Actors: []schema.Actor{us}}, // the last doc of an article wins
	}
	b := graphmodel.NewGraphBatch(docs, graphmodel.GraphOptions{})

	if len(b.Events) != 1 || b.Events[0].Source != "RUS" || b.Events[0].Target != "USA" || !b.Events[0].Symmetric {
		t.Errorf("events = %+v, want one CONSULT RUS→USA", b.Events)
	}
	if len(b.Problems) != 2 {
		t.Errorf("problems = %v, want the non-PLOVER type and the unknown actor", b.Problems)
	}
	var usa graphmodel.ActorRow
	for _, a := range b.Actors {
		if a.ID == "USA" {
			usa = a
		}
	}
	if usa.Name != "United States" || !slices.Equal(usa.Aliases, []string{"U.S.", "Washington"}) {
		t.Errorf("USA row = %+v: want the longest name and the sorted union of aliases", usa)
	}
	var paths []string
	for _, a := range b.Articles {
		paths = append(paths, a.Path)
	}
	if !slices.Equal(paths, []string{"a.txt", "b.txt", "new.txt"}) {
		t.Errorf("articles = %v", paths)
	}
	if len(b.Persons) != 1 || b.Persons[0].ID != "John Kerry" {
		t.Errorf("persons = %v", b.Persons)
	}
	var kerryMention graphmodel.MentionRow
	for _, m := range b.Mentions {
		if m.Actor == "John Kerry" {
			kerryMention = m
		}
	}
	if kerryMention.Affiliation != "USA" || kerryMention.Role != "Secretary of State" || kerryMention.Count != 1 {
		t.Errorf("Kerry's mention = %+v", kerryMention)
	}
	if len(b.Dyads) != 1 || b.Dyads[0] != (graphmodel.DyadRow{Source: "RUS", Target: "USA", Type: schema.Consult}) {
		t.Errorf("dyads = %v", b.Dyads)
	}

	all := graphmodel.NewGraphBatch(docs, graphmodel.GraphOptions{Unasserted: true})
	if len(all.Events) != 2 {
		t.Errorf("with Unasserted: %d events, want 2", len(all.Events))
	}
	for _, e := range all.Events {
		if e.Type == schema.Assault && (e.Asserted || !slices.Equal(e.Modes, []string{"negated"})) {
			t.Errorf("negated event = %+v", e)
		}
	}
}

func TestParamsUseNullForMissingValues(t *testing.T) {
	p := graphmodel.ArticleRow{ID: "x", Title: "T", Path: "p"}.Param()
	for _, k := range []string{"url", "published", "source"} {
		if v, ok := p[k]; !ok || v != nil {
			t.Errorf("%s = %v, want null", k, v)
		}
	}
	e := graphmodel.EventRow{ID: "e"}.Param()
	if l, ok := e["modes"].([]any); !ok || l == nil {
		t.Errorf("modes = %#v, want an empty list", e["modes"])
	}
}

func TestStepsOrder(t *testing.T) {
	b := graphmodel.NewGraphBatch(nil, graphmodel.GraphOptions{})
	var names []string
	for _, s := range b.Steps() {
		names = append(names, s.Name)
	}
	want := "actors articles events mentions stale-events stale-mentions relations affiliations loaded"
	if got := strings.Join(names, " "); strings.ReplaceAll(got, "stale ", "stale-") != want {
		t.Errorf("steps = %s", got)
	}
	if !regexp.MustCompile(`^[a-z ]+$`).MatchString(strings.Join(names, " ")) {
		t.Errorf("step names %v", names)
	}
}

func ExampleNewGraphBatch() {
	doc := schema.Doc{ID: "https://example.org/1", Path: "1.txt", Title: "Moscow backs Damascus",
		Actors: []schema.Actor{
			{ID: "RUS", Name: "Russia", Type: schema.Country, Aliases: []string{"Moscow"}},
			{ID: "SYR", Name: "Syria", Type: schema.Country, Aliases: []string{"Damascus"}},
		},
		Relations: []schema.Relation{{Source: "RUS", Target: "SYR", Type: schema.Support, Evidence: "Moscow backs Damascus."}},
	}
	b := graphmodel.NewGraphBatch([]schema.Doc{doc}, graphmodel.GraphOptions{})
	for _, s := range b.Steps() {
		fmt.Printf("%s: %d row(s)\n", s.Name, len(s.Rows))
	}
	// Output:
	// actors: 2 row(s)
	// articles: 1 row(s)
	// events: 1 row(s)
	// mentions: 2 row(s)
	// stale events: 1 row(s)
	// stale mentions: 1 row(s)
	// relations: 1 row(s)
	// affiliations: 0 row(s)
	// loaded: 1 row(s)
}
