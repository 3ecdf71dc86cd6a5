package nlp

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/geokg/geokg/schema"
)

// These tests run the whole extractor, actor stage included.

func extractWith(t *testing.T, cfg Config, text, published string) schema.Doc {
	t.Helper()
	x, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := schema.ParseDate(published)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := x.Extract(context.Background(), schema.Article{ID: "test", Path: "test.txt", Text: text, Published: pub})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestRelationProvenance(t *testing.T) {
	text := "Tensions rise in the east — a report\n\n" +
		"Officials met in Geneva. On Tuesday, Russia’s army attacked Ukraine near the border, Ukrainian officials said."
	doc := extractWith(t, Config{}, text, "2020-03-13")
	var rel *schema.Relation
	for i, r := range doc.Relations {
		if r.Source == "RUS" && r.Target == "UKR" && r.Type == schema.Assault {
			rel = &doc.Relations[i]
		}
	}
	if rel == nil {
		t.Fatalf("no RUS ASSAULT UKR in %+v", doc.Relations)
	}
	cue := "attacked"
	byteStart := strings.Index(text, cue)
	wantStart := utf8.RuneCountInString(text[:byteStart])
	if rel.Cue != cue || rel.CueStart != wantStart || rel.CueEnd != wantStart+len(cue) {
		t.Errorf("cue %q at [%d,%d), want %q at [%d,%d) in code points", rel.Cue, rel.CueStart, rel.CueEnd, cue, wantStart, wantStart+len(cue))
	}
	if got := []rune(text)[rel.CueStart:rel.CueEnd]; string(got) != cue {
		t.Errorf("text at the cue offsets is %q", string(got))
	}
	if rel.Sentence != 2 || !strings.HasPrefix(rel.Evidence, "On Tuesday, Russia’s army attacked") {
		t.Errorf("sentence %d evidence %q", rel.Sentence, rel.Evidence)
	}
	if rel.Date.String() != "2020-03-10" {
		t.Errorf("date %s, want 2020-03-10 (the Tuesday before publication)", rel.Date)
	}
	if rel.Confidence <= 0 || rel.Confidence > 1 {
		t.Errorf("confidence %v", rel.Confidence)
	}
	if rel.Quad != schema.MaterialConflict || rel.Score != schema.Assault.Score() {
		t.Errorf("quad %q score %v", rel.Quad, rel.Score)
	}
	if len(rel.Modes) != 1 || rel.Modes[0] != schema.Attributed || rel.Claimant != "UKR" {
		t.Errorf("modes %v claimant %q, want attributed to UKR", rel.Modes, rel.Claimant)
	}
}

func TestSymmetricOncePerPair(t *testing.T) {
	text := "Headline\n\nFrance and Germany met in Paris, and Germany met France again after lunch."
	doc := extractWith(t, Config{}, text, "2020-03-13")
	n := 0
	for _, r := range doc.Relations {
		if r.Type == schema.Consult {
			n++
			if !r.Symmetric {
				t.Errorf("CONSULT not marked symmetric: %+v", r)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d CONSULT relations, want one per pair per sentence: %+v", n, doc.Relations)
	}
}

func TestAllModes(t *testing.T) {
	text := "Headline\n\nRussia did not attack Ukraine. Iran would consider talks with France."
	if doc := extractWith(t, Config{}, text, ""); len(doc.Relations) != 0 {
		t.Errorf("default output has negated or hypothetical relations: %+v", doc.Relations)
	}
	doc := extractWith(t, Config{AllModes: true}, text, "")
	got := relTriples(doc.Relations, true)
	want := []string{"FRA CONSULT IRN [hypothetical]", "RUS ASSAULT UKR [negated]"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("--all-modes: got %q, want %q", got, want)
	}
}

// TestViennaSeed checks the relations the issue names on the dev article
// it came from, read in place (never copied into the repository).
func TestViennaSeed(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "eval", "dev", "vienna-talks-2015.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the dev set must be beside the repository in CI: %v", err)
		}
		t.Skipf("dev set not found: %v", err)
	}
	doc := extractWith(t, Config{}, string(b), "2015-10-30")
	names := map[string]string{}
	for _, a := range doc.Actors {
		names[a.ID] = a.Name
	}
	have := map[string]bool{}
	for _, r := range doc.Relations {
		s, tg := names[r.Source], names[r.Target]
		if r.Source == "USA" || r.Source == "RUS" || r.Source == "IRN" || r.Source == "SYR" {
			s = r.Source
		}
		if r.Target == "USA" || r.Target == "RUS" || r.Target == "IRN" || r.Target == "SYR" {
			tg = r.Target
		}
		have[s+" "+string(r.Type)+" "+tg] = true
		if strings.Contains(r.Evidence, "I did not say") {
			t.Errorf("relation from the negated Lavrov quote: %+v", r)
		}
	}
	for _, want := range []string{
		"RUS SUPPORT Bashar al-Assad",
		"IRN SUPPORT Bashar al-Assad",
		"John Kerry CONSULT Sergey Lavrov",
		"USA SUPPORT Syrian opposition",
		"USA REJECT Bashar al-Assad",
		"RUS AID SYR",
	} {
		if !have[want] {
			t.Errorf("missing %s; have %v", want, have)
		}
	}
}
