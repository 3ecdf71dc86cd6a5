package nlp

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/geokg/geokg/schema"
)

// The held-out test runs the whole extractor over annotated articles and
// scores it the way ../shared/eval/score.py does (a Go port of its
// matching: actors by id, name or alias, case-, accent- and
// punctuation-insensitive; relations as unordered pairs, typed pairs and
// directed triples, symmetric types without direction), so that a rule
// that helps one construction but hurts the rest shows up in CI.
//
// testdata/heldout holds fifteen articles written for geokg about events
// the dev set does not cover, annotated per ../shared/eval/GUIDELINES.md
// before the relation rules were tuned on them (ten were written first,
// five more later and kept unseen until the rules were done);
// testdata/unseen, testdata/blind and testdata/final are later sets of
// the same kind (see TestUnseenRelationFloors). The dev set is read in
// place beside the repository (never copied).

// levelScore is precision and F1 at one level.
type levelScore struct {
	tp, pred, gold int
}

func (s levelScore) precision() float64 { return ratio(s.tp, s.pred) }
func (s levelScore) recall() float64    { return ratio(s.tp, s.gold) }
func (s levelScore) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// goldFile is an annotation in the GUIDELINES format.
type goldFile struct {
	Actors []struct {
		Key   string   `json:"key"`
		Names []string `json:"names"`
	} `json:"actors"`
	Relations []struct {
		Source string `json:"source"`
		Type   string `json:"type"`
		Target string `json:"target"`
	} `json:"relations"`
}

// scoreNorm is score.py's norm: accents folded, lower case, hyphens as
// spaces, punctuation dropped, a leading "the" dropped.
func scoreNorm(s string) string {
	s = strings.ToLower(foldDiacritics(s))
	s = strings.ReplaceAll(s, "-", " ")
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || unicode.IsSpace(r) {
			b.WriteRune(r)
		}
	}
	s = strings.Join(strings.Fields(b.String()), " ")
	return strings.TrimPrefix(s, "the ")
}

// scoreFolder extracts every NAME.txt beside a NAME.json in dir and
// scores the relations at the pairs, typed and directed levels.
func scoreFolder(t *testing.T, x *Extractor, dir string) map[string]levelScore {
	t.Helper()
	golds, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(golds) == 0 {
		t.Fatalf("no gold files in %s: %v", dir, err)
	}
	sort.Strings(golds)
	tally := map[string]levelScore{}
	for _, gp := range golds {
		var g goldFile
		b, err := os.ReadFile(gp)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", gp, err)
		}
		text, err := os.ReadFile(strings.TrimSuffix(gp, ".json") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		doc, err := x.Extract(context.Background(), schema.Article{ID: filepath.Base(gp), Path: gp, Text: string(text)})
		if err != nil {
			t.Fatal(err)
		}
		match := func(forms map[string]bool) string {
			best := ""
			for _, ga := range g.Actors {
				if forms[scoreNorm(ga.Key)] {
					return ga.Key
				}
				if best == "" {
					for _, n := range ga.Names {
						if forms[scoreNorm(n)] {
							best = ga.Key
							break
						}
					}
				}
			}
			return best
		}
		keyOf := map[string]string{}
		for _, a := range doc.Actors {
			forms := map[string]bool{scoreNorm(a.ID): true, scoreNorm(a.Name): true}
			for _, al := range a.Aliases {
				forms[scoreNorm(al)] = true
			}
			for _, m := range a.Mentions {
				forms[scoreNorm(m.Text)] = true
			}
			k := match(forms)
			keyOf[a.ID], keyOf[a.Name] = k, k
		}
		triples := func(src, typ, tgt string, n int) (pair, typed, directed string) {
			if src == "" || tgt == "" || src == tgt {
				u := fmt.Sprintf("<unmatched %d>", n)
				return u, u, u
			}
			a, b := src, tgt
			if b < a {
				a, b = b, a
			}
			pair = a + "|" + b
			typed = pair + "|" + typ
			directed = typed
			if !schema.EventType(typ).Symmetric() {
				directed = src + "|" + typ + "|" + tgt
			}
			return pair, typed, directed
		}
		gold := [3]map[string]bool{{}, {}, {}}
		for i, r := range g.Relations {
			p, ty, d := triples(r.Source, r.Type, r.Target, i)
			gold[0][p], gold[1][ty], gold[2][d] = true, true, true
		}
		pred := [3]map[string]bool{{}, {}, {}}
		for i, r := range doc.Relations {
			p, ty, d := triples(keyOf[r.Source], string(r.Type), keyOf[r.Target], -1-i)
			pred[0][p], pred[1][ty], pred[2][d] = true, true, true
		}
		for li, level := range []string{"pairs", "typed", "directed"} {
			s := tally[level]
			for k := range pred[li] {
				if gold[li][k] {
					s.tp++
				}
			}
			s.pred += len(pred[li])
			s.gold += len(gold[li])
			tally[level] = s
		}
	}
	return tally
}

// floors are the least precision and F1 a folder must score at each
// level; they sit a little under the scores measured when they were set.
type floors struct {
	precision, f1 float64
}

func checkFloors(t *testing.T, name string, got map[string]levelScore, want map[string]floors) {
	t.Helper()
	for _, level := range []string{"pairs", "typed", "directed"} {
		s, f := got[level], want[level]
		t.Logf("%s %-8s P %.3f R %.3f F1 %.3f  (%d/%d/%d)", name, level, s.precision(), s.recall(), s.f1(), s.tp, s.pred, s.gold)
		if s.precision() < f.precision || s.f1() < f.f1 {
			t.Errorf("%s %s: P %.3f F1 %.3f, want at least P %.2f F1 %.2f", name, level, s.precision(), s.f1(), f.precision, f.f1)
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
		{"dev-b", map[string]floors{"pairs": {0.90, 0.63}, "typed": {0.86, 0.54}, "directed": {0.86, 0.54}}},
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

func TestScoreNorm(t *testing.T) {
	for in, want := range map[string]string{
		"The U.N.":          "un",
		"Félix Tshisekedi":  "felix tshisekedi",
		"Lashkar-e-Taiba":   "lashkar e taiba",
		"  the  Kremlin ":   "kremlin",
		"Haftar’s forces":   "haftars forces",
		"al-Qaida’s branch": "al qaidas branch",
	} {
		if got := scoreNorm(in); got != want {
			t.Errorf("scoreNorm(%q) = %q, want %q", in, got, want)
		}
	}
}
