package nlp

import "testing"

// BenchmarkRelations is the relation stage alone on analyses the actor
// stages filled beforehand; compare it with BenchmarkActors in the same
// run (go test -bench 'Actors|Relations' ./nlp) for its share of the cost.
func BenchmarkRelations(b *testing.B) {
	x := sharedExtractor(b)
	arts := devArticles(b)
	as := make([]*analysis, len(arts))
	for i, art := range arts {
		a := &analysis{}
		a.reset(art.Text)
		x.seg.segment(a)
		x.tagAll(a)
		x.recognize(a)
		as[i] = a
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := as[i%len(as)]
		_ = x.rel.extract(a, arts[i%len(arts)].Published)
	}
}
