package alliance_test

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/geokg/geokg/alliance"
	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/internal/devgraph"
	"github.com/geokg/geokg/outdir"
	"github.com/geokg/geokg/schema"
)

// planted draws a signed graph with a known partition: sizes[k] actors in
// bloc k, each pair inside a bloc allied with probability pIn, each pair
// across opposed with probability pOut, and a share noise of the edges
// with their sign flipped. Scores vary like real alignments (1 to 20).
func planted(seed uint64, sizes []int, pIn, pOut, noise float64) ([]alliance.Alignment, map[string]int) {
	r := rand.New(rand.NewPCG(seed, 7))
	truth := map[string]int{}
	var ids []string
	for k, n := range sizes {
		for i := range n {
			id := fmt.Sprintf("b%d-%02d", k, i)
			truth[id] = k
			ids = append(ids, id)
		}
	}
	var als []alliance.Alignment
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			same := truth[a] == truth[b]
			p := pOut
			if same {
				p = pIn
			}
			// Neighbours in a bloc are always allies (unflipped), so that
			// every actor has a net tie to its bloc and the planted
			// partition is what the data say.
			chain := same && b == ids[i+1]
			if !chain && r.Float64() >= p {
				continue
			}
			score := 1 + 19*r.Float64()
			if chain {
				score += 20
			}
			if !same {
				score = -score
			}
			if !chain && r.Float64() < noise {
				score = -score
			}
			als = append(als, alliance.Alignment{A: a, B: b, Score: score})
		}
	}
	return als, truth
}

// samePartition reports whether got groups the actors of want alike:
// every pair together in one is together in the other.
func samePartition(got, want map[string]int) bool {
	for a, wa := range want {
		for b, wb := range want {
			ga, okA := got[a]
			gb, okB := got[b]
			if !okA || !okB || (ga == gb) != (wa == wb) {
				return false
			}
		}
	}
	return true
}

func TestBlocsRecoverPlantedPartitions(t *testing.T) {
	tests := []struct {
		name            string
		sizes           []int
		pIn, pOut, flip float64
	}{
		{"two camps, complete and balanced", []int{6, 6}, 1, 1, 0},
		{"three camps, sparse", []int{8, 8, 8}, 0.6, 0.3, 0},
		{"four camps of unequal size", []int{12, 7, 5, 3}, 0.7, 0.3, 0},
		{"three camps with 10% of signs flipped", []int{10, 10, 10}, 0.8, 0.5, 0.1},
		{"two camps, rivalries rare", []int{15, 15}, 0.5, 0.08, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for seed := range uint64(5) {
				als, truth := planted(seed, tc.sizes, tc.pIn, tc.pOut, tc.flip)
				p := alliance.Blocs(als, alliance.BlocOptions{})
				if !samePartition(p.Of, truth) {
					t.Errorf("seed %d: blocs %v, want the planted %d camps", seed, p.Blocs, len(tc.sizes))
				}
				if tc.flip == 0 && p.Frustration != 0 {
					t.Errorf("seed %d: frustration %v of a balanced graph, want 0", seed, p.Frustration)
				}
				// Same input, same blocs: nothing depends on map order.
				if again := alliance.Blocs(als, alliance.BlocOptions{}); fmt.Sprint(again.Blocs) != fmt.Sprint(p.Blocs) {
					t.Errorf("seed %d: a second run gave other blocs", seed)
				}
			}
		})
	}
}

func TestBlocsEdgeCases(t *testing.T) {
	tests := []struct {
		name string
		als  []alliance.Alignment
		want [][]string
	}{
		{"no alignments", nil, nil},
		{"one alliance", []alliance.Alignment{{A: "A", B: "B", Score: 3}}, [][]string{{"A", "B"}}},
		{"one rivalry: two blocs of one", []alliance.Alignment{{A: "A", B: "B", Score: -3}}, [][]string{{"A"}, {"B"}}},
		{"the common enemy stays alone, not with the camp it fights less", []alliance.Alignment{
			{A: "R1", B: "R2", Score: 10}, {A: "U1", B: "U2", Score: 10}, {A: "R1", B: "U1", Score: -10},
			{A: "IS", B: "R1", Score: -5}, {A: "IS", B: "U1", Score: -20},
		}, [][]string{{"R1", "R2"}, {"U1", "U2"}, {"IS"}}},
		{"zero scores tie nobody", []alliance.Alignment{{A: "A", B: "B", Score: 0}}, [][]string{{"A"}, {"B"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := alliance.Blocs(tc.als, alliance.BlocOptions{})
			var got [][]string
			for _, b := range p.Blocs {
				m := slices.Clone(b.Members)
				slices.Sort(m)
				got = append(got, m)
			}
			slices.SortFunc(got, func(a, b []string) int { return cmp.Or(cmp.Compare(len(b), len(a)), slices.Compare(a, b)) })
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("blocs %v, want %v", got, tc.want)
			}
		})
	}
}

// TestBlocsOfTheDevGraph partitions the alignments of the dev articles
// (through the real extractor): the Syrian war's camps must come out as
// the articles describe them — Russia, Iran, Syria and Bashar al-Assad on
// one side; the United States and the Syrian opposition on the other; the
// Islamic State, at war with both, in neither.
func TestBlocsOfTheDevGraph(t *testing.T) {
	src, err := outdir.Open(devgraph.Folder(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	s := alliance.NewScorer(alliance.Window{}, alliance.DefaultHalfLife, schema.Date{})
	err = src.Events(context.Background(), graphdata.Filter{}, func(e graphdata.Event) error {
		s.Add(alliance.Event{Source: e.Source, Target: e.Target, Score: e.Score, Date: e.Date})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	p := alliance.Blocs(s.Alignments(), alliance.BlocOptions{})
	names := map[string]string{}
	_ = src.Actors(context.Background(), func(a graphdata.Actor) error { names[a.Name] = a.ID; return nil })
	bloc := func(name string) int {
		id, ok := names[name]
		if !ok {
			t.Fatalf("the dev graph has no actor %q", name)
		}
		return p.Of[id]
	}
	for _, b := range p.Blocs {
		if len(b.Members) > 1 {
			t.Logf("bloc %d: %v", b.Number, b.Members)
		}
	}
	russia, us := bloc("Russia"), bloc("United States")
	if russia == us {
		t.Fatalf("Russia and the United States share bloc %d", russia)
	}
	for _, name := range []string{"Iran", "Syria", "Bashar al-Assad"} {
		if got := bloc(name); got != russia {
			t.Errorf("%s in bloc %d, want Russia's (%d)", name, got, russia)
		}
	}
	if got := bloc("Syrian opposition"); got != us {
		t.Errorf("the Syrian opposition in bloc %d, want the United States' (%d)", got, us)
	}
	if is := bloc("Islamic State"); is == russia || is == us {
		t.Errorf("the Islamic State in bloc %d, with Russia (%d) or the United States (%d)", is, russia, us)
	}
	if p.Frustration > 0.15 {
		t.Errorf("frustration %v: the blocs contradict too much of the alignment", p.Frustration)
	}
}

func ExampleBlocs() {
	als := []alliance.Alignment{
		{A: "IRN", B: "RUS", Score: 10.5},
		{A: "RUS", B: "SYR", Score: 18.8},
		{A: "SYO", B: "USA", Score: 4.6},
		{A: "RUS", B: "USA", Score: -10.8},
		{A: "SYR", B: "USA", Score: -11.3},
		{A: "SYO", B: "SYR", Score: -9.3},
	}
	p := alliance.Blocs(als, alliance.BlocOptions{})
	for _, b := range p.Blocs {
		fmt.Println(b.Number, b.Members, b.Cohesion, b.Opposition)
	}
	fmt.Println("frustration", p.Frustration)
	// Output:
	// 1 [RUS SYR IRN] 29.3 -31.4
	// 2 [USA SYO] 4.6 -31.4
	// frustration 0
}
