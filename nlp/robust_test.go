package nlp

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/geokg/geokg/schema"
)

// Unseen text puts every construction at every position: a state body
// or a name opens an article, a sentence is cut short, a headline stands
// alone. Extraction must never fail on such fragments of the articles
// written for geokg (an out-of-range index once failed whole articles
// whose first word was a state body).
func TestExtractNeverFailsOnFragments(t *testing.T) {
	x := sharedExtractor(t)
	var files []string
	for _, dir := range []string{"heldout", "unseen", "blind"} {
		fs, err := filepath.Glob(filepath.Join("testdata", dir, "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	// The dev set, read in place beside the repository when it is there.
	dev, _ := filepath.Glob(filepath.Join("..", "..", "shared", "eval", "dev", "*.txt"))
	files = append(files, dev...)
	if len(files) == 0 {
		t.Fatal("no test articles")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var frags []string
		for _, line := range strings.Split(string(b), "\n") {
			for _, s := range strings.SplitAfter(line, ". ") {
				if s = strings.TrimSpace(s); s != "" {
					frags = append(frags, s, strings.TrimSuffix(s, "."), "Body.\n\n"+s)
				}
			}
		}
		for _, fr := range frags {
			if _, err := x.Extract(context.Background(), schema.Article{ID: "frag", Path: f, Text: fr}); err != nil {
				t.Errorf("%s: %q: %v", f, fr, err)
			}
		}
	}
}
