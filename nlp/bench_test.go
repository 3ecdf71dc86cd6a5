package nlp

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/geokg/geokg/schema"
)

// devArticles reads the dev articles in place (never copied into the
// repository); benchmarks skip without them.
func devArticles(b *testing.B) []schema.Article {
	b.Helper()
	files, _ := filepath.Glob("../../shared/eval/dev/*.txt")
	sort.Strings(files)
	if len(files) == 0 {
		b.Skip("no dev articles at ../../shared/eval/dev")
	}
	var arts []schema.Article
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, schema.Article{ID: f, Path: f, Text: string(text)})
	}
	return arts
}

// BenchmarkExtract is the whole extraction of one article (actors and
// relations); run it with -benchtime=5000x for the corpus-scale figure.
func BenchmarkExtract(b *testing.B) {
	x := sharedExtractor(b)
	arts := devArticles(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := x.Extract(ctx, arts[i%len(arts)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkActors is the actor stages alone: sentences, tokens, tags,
// recognition and the output actors.
func BenchmarkActors(b *testing.B) {
	x := sharedExtractor(b)
	arts := devArticles(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := x.pool.Get().(*analysis)
		a.reset(arts[i%len(arts)].Text)
		x.seg.segment(a)
		x.tagAll(a)
		x.recognize(a)
		_ = a.actorsOut()
		x.pool.Put(a)
	}
}

// BenchmarkProseSharedModel is prose's full pipeline (segmentation,
// tagging, NER) with its model built once, the fair baseline.
func BenchmarkProseSharedModel(b *testing.B) {
	arts := devArticles(b)
	model := prose.ModelFromData("en")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := prose.NewDocument(arts[i%len(arts)].Text, prose.UsingModel(model)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProseDefault is prose.NewDocument(text) as prose's README
// shows it, which decodes its model on every call.
func BenchmarkProseDefault(b *testing.B) {
	arts := devArticles(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := prose.NewDocument(arts[i%len(arts)].Text); err != nil {
			b.Fatal(err)
		}
	}
}
