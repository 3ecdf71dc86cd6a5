package graphmodel_test

import (
	"slices"
	"testing"

	"github.com/geokg/geokg/graphmodel"
	"github.com/geokg/geokg/schema"
)

func TestDerived(t *testing.T) {
	date := func(s string) schema.Date { d, _ := schema.ParseDate(s); return d }
	putin := schema.Actor{ID: "putin", Name: "Putin", Type: schema.Person, Affiliation: "RUS", Role: "President", Mentions: make([]schema.Mention, 1)}
	lavrov := schema.Actor{ID: "lavrov", Name: "Lavrov", Type: schema.Person, Affiliation: "RUS", Mentions: make([]schema.Mention, 1)}
	ru := schema.Actor{ID: "RUS", Name: "Russia", Type: schema.Country, Mentions: make([]schema.Mention, 1)}
	us := schema.Actor{ID: "USA", Name: "US", Type: schema.Country, Mentions: make([]schema.Mention, 1)}
	rel := func(src, typ, tgt string, d schema.Date, modes ...schema.Mode) schema.Relation {
		return schema.Relation{Source: src, Target: tgt, Type: schema.EventType(typ), Modes: modes, Date: d, Sentence: len(src) + len(typ)}
	}
	pm := putin
	pm.Role = "Prime Minister"
	docs := []schema.Doc{
		{ID: "a", Path: "a.txt", Published: date("2016-01-01"), Actors: []schema.Actor{ru, us, putin}, Relations: []schema.Relation{
			rel("RUS", "SUPPORT", "USA", date("2015-12-30")), rel("RUS", "ASSAULT", "USA", date("2015-12-31"), schema.Negated)}},
		{ID: "b", Path: "b.txt", Actors: []schema.Actor{ru, us, pm, lavrov}, Relations: []schema.Relation{ // undated
			rel("RUS", "SUPPORT", "USA", schema.Date{}), rel("USA", "ACCUSE", "RUS", date("2016-02-02"))}},
		{ID: "c", Path: "c.txt", Published: date("2016-03-03"), Actors: []schema.Actor{ru, us, putin}, Relations: []schema.Relation{
			rel("USA", "SANCTION", "RUS", date("2016-03-01")), rel("RUS", "SUPPORT", "USA", date("2016-03-02"))}},
	}
	b := graphmodel.NewGraphBatch(docs, graphmodel.GraphOptions{})
	supportRUSUSA := graphmodel.DyadRow{Source: "RUS", Target: "USA", Type: schema.Support}
	tests := []struct {
		name         string
		old          []string // articles written before
		staleDyads   []graphmodel.DyadRow
		stalePersons []graphmodel.IDRow
		want         graphmodel.Derived
	}{
		{
			name: "all new: every edge takes an increment",
			want: graphmodel.Derived{
				RelationDeltas: []graphmodel.Relation{
					{Source: "RUS", Target: "USA", Type: schema.Support, Events: 3, Articles: 3, First: "2015-12-30", Last: "2016-03-02"},
					{Source: "USA", Target: "RUS", Type: schema.Accuse, Events: 1, Articles: 1, First: "2016-02-02", Last: "2016-02-02"},
					{Source: "USA", Target: "RUS", Type: schema.Sanction, Events: 1, Articles: 1, First: "2016-03-01", Last: "2016-03-01"},
				},
				AffiliationDeltas: []graphmodel.Affiliation{
					{Person: "lavrov", Org: "RUS", Articles: 1},
					// b is undated, so it is the latest: its role wins.
					{Person: "putin", Org: "RUS", Articles: 3, First: "2016-01-01", Last: "2016-03-03", Role: "Prime Minister", RoleArticle: "b"},
				},
			},
		},
		{
			name: "an article written before: its dyads and persons are recomputed",
			old:  []string{"c"},
			want: graphmodel.Derived{
				RelationDeltas: []graphmodel.Relation{
					{Source: "USA", Target: "RUS", Type: schema.Accuse, Events: 1, Articles: 1, First: "2016-02-02", Last: "2016-02-02"},
				},
				AffiliationDeltas: []graphmodel.Affiliation{{Person: "lavrov", Org: "RUS", Articles: 1}},
				Dyads:             []graphmodel.DyadRow{supportRUSUSA, {Source: "USA", Target: "RUS", Type: schema.Sanction}},
				Persons:           []graphmodel.IDRow{{ID: "putin"}},
			},
		},
		{
			name:         "stale dyads and persons are recomputed",
			staleDyads:   []graphmodel.DyadRow{supportRUSUSA, {Source: "RUS", Target: "TUR", Type: schema.Consult}},
			stalePersons: []graphmodel.IDRow{{ID: "lavrov"}},
			want: graphmodel.Derived{
				RelationDeltas: []graphmodel.Relation{
					{Source: "USA", Target: "RUS", Type: schema.Accuse, Events: 1, Articles: 1, First: "2016-02-02", Last: "2016-02-02"},
					{Source: "USA", Target: "RUS", Type: schema.Sanction, Events: 1, Articles: 1, First: "2016-03-01", Last: "2016-03-01"},
				},
				AffiliationDeltas: []graphmodel.Affiliation{
					{Person: "putin", Org: "RUS", Articles: 3, First: "2016-01-01", Last: "2016-03-03", Role: "Prime Minister", RoleArticle: "b"},
				},
				Dyads:   []graphmodel.DyadRow{{Source: "RUS", Target: "TUR", Type: schema.Consult}, supportRUSUSA},
				Persons: []graphmodel.IDRow{{ID: "lavrov"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := b.Derived(func(a string) bool { return !slices.Contains(tt.old, a) }, tt.staleDyads, tt.stalePersons)
			if !slices.EqualFunc(got.RelationDeltas, tt.want.RelationDeltas, sameRelation) {
				t.Errorf("RelationDeltas =\n%+v\nwant\n%+v", got.RelationDeltas, tt.want.RelationDeltas)
			}
			if !slices.EqualFunc(got.AffiliationDeltas, tt.want.AffiliationDeltas, sameAffiliation) {
				t.Errorf("AffiliationDeltas =\n%+v\nwant\n%+v", got.AffiliationDeltas, tt.want.AffiliationDeltas)
			}
			if !slices.Equal(got.Dyads, tt.want.Dyads) {
				t.Errorf("Dyads = %v, want %v", got.Dyads, tt.want.Dyads)
			}
			if !slices.Equal(got.Persons, tt.want.Persons) {
				t.Errorf("Persons = %v, want %v", got.Persons, tt.want.Persons)
			}
		})
	}
}

// sameRelation compares the fields a delta sets.
func sameRelation(x, y graphmodel.Relation) bool {
	return x.Source == y.Source && x.Target == y.Target && x.Type == y.Type && x.Events == y.Events &&
		x.Articles == y.Articles && x.First == y.First && x.Last == y.Last
}

// sameAffiliation compares the exported fields.
func sameAffiliation(x, y graphmodel.Affiliation) bool {
	return x.Person == y.Person && x.Org == y.Org && x.Articles == y.Articles && x.First == y.First &&
		x.Last == y.Last && x.Role == y.Role && x.RoleArticle == y.RoleArticle
}
