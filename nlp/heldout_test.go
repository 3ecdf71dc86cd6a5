package nlp

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/geokg/geokg/evaluation"
	"github.com/geokg/geokg/schema"
)

// The held-out test runs the whole extractor over annotated articles and
// scores it with package evaluation, score.py's matching in Go (the same
// numbers as `geokg eval` and ../shared/eval/score.py), so that a rule
// that helps one construction but hurts the rest shows up in CI.
//
// testdata/heldout holds fifteen articles written for geokg about events
// the dev set does not cover, annotated per ../shared/eval/GUIDELINES.md
// before the relation rules were tuned on them (ten were written first,
// five more later and kept unseen until the rules were done);
// testdata/unseen, testdata/blind and testdata/final are later sets of
// the same kind (see TestUnseenRelationFloors). The dev set is read in
// place beside the repository (never copied).

// scoreFolder extracts every article of the gold folder dir and scores the
// extraction.
func scoreFolder(t *testing.T, x *Extractor, dir string) map[string]evaluation.Tally {
	t.Helper()
	gold, problems, err := evaluation.ReadGold(dir)
	if err != nil || len(problems) > 0 {
		t.Fatalf("gold folder %s: %v %v", dir, err, problems)
	}
	texts, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(texts) == 0 {
		t.Fatalf("no articles in %s: %v", dir, err)
	}
	preds := evaluation.Predictions{}
	for _, path := range texts {
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := x.Extract(context.Background(), schema.Article{ID: filepath.Base(path), Path: path, Text: string(text)})
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		var rec map[string]any
		if err := json.Unmarshal(b, &rec); err != nil {
			t.Fatal(err)
		}
		rec["path"] = path
		preds[evaluation.Stem(path)] = rec
	}
	return evaluation.Score(gold, preds).Levels
}

// floors are the least precision and F1 a folder must score at each
// level; they sit a little under the scores measured when they were set.
type floors struct {
	precision, f1 float64
}

func checkFloors(t *testing.T, name string, got map[string]evaluation.Tally, want map[string]floors) {
	t.Helper()
	for _, level := range []string{"pairs", "typed", "directed"} {
		s, f := got[level], want[level]
		t.Logf("%s %-8s P %.3f R %.3f F1 %.3f  (%d/%d/%d)", name, level, s.Precision(), s.Recall(), s.F1(), s.TP, s.Predicted, s.Gold)
		if s.Precision() < f.precision || s.F1() < f.f1 {
			t.Errorf("%s %s: P %.3f F1 %.3f, want at least P %.2f F1 %.2f", name, level, s.Precision(), s.F1(), f.precision, f.f1)
		}
	}
}

func TestHeldOutRelationFloors(t *testing.T) {
	x := sharedExtractor(t)
	got := scoreFolder(t, x, filepath.Join("testdata", "heldout"))
	checkFloors(t, "heldout", got, map[string]floors{
		"pairs":    {0.91, 0.84},
		"typed":    {0.85, 0.80},
		"directed": {0.85, 0.80},
	})
}

// The sets written later, each annotated before the extractor ran on it:
// testdata/unseen (ten articles; the rules were then tuned on them),
// testdata/blind (five more, scored at first sight, then tuned on) and
// testdata/final (five more, never tuned on). Their floors sit a little
// under the scores measured when they were set.
func TestUnseenRelationFloors(t *testing.T) {
	x := sharedExtractor(t)
	for _, set := range []struct {
		dir    string
		floors map[string]floors
	}{
		{"unseen", map[string]floors{"pairs": {0.92, 0.78}, "typed": {0.93, 0.78}, "directed": {0.93, 0.79}}},
		{"blind", map[string]floors{"pairs": {0.93, 0.75}, "typed": {0.93, 0.75}, "directed": {0.93, 0.74}}},
		{"final", map[string]floors{"pairs": {0.93, 0.69}, "typed": {0.75, 0.57}, "directed": {0.74, 0.57}}},
	} {
		got := scoreFolder(t, x, filepath.Join("testdata", set.dir))
		checkFloors(t, set.dir, got, set.floors)
	}
}

// The eval sets, read in place: dev, developed on, and dev-b (regions,
// years and event types dev lacks), on which rules are only checked by
// error category (issue 12). Floors sit a little under the scores
// measured when they were set.
func TestDevRelationFloors(t *testing.T) {
	for _, set := range []struct {
		dir    string
		floors map[string]floors
	}{
		{"dev", map[string]floors{"pairs": {0.94, 0.74}, "typed": {0.94, 0.71}, "directed": {0.94, 0.71}}},
		{"dev-b", map[string]floors{"pairs": {0.92, 0.69}, "typed": {0.88, 0.58}, "directed": {0.88, 0.57}}},
	} {
		dir := filepath.Join("..", "..", "shared", "eval", set.dir)
		if _, err := os.Stat(dir); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("the %s set must be beside the repository in CI: %v", set.dir, err)
			}
			t.Skipf("%s set not found: %v", set.dir, err)
		}
		x := sharedExtractor(t)
		checkFloors(t, set.dir, scoreFolder(t, x, dir), set.floors)
	}
}
