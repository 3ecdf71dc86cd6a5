package nlp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/geokg/geokg/schema"
)

func TestParsePredicates(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		want    string // "TYPE POS words targets flags" or the error
		wantErr string
	}{
		{"verb with default targets", "SUPPORT\tv\tback", "SUPPORT v back [obj]", ""},
		{"noun with targets", "CONSULT\tn\ttalks\twith|between\tplural", "CONSULT n talks [with between] plural", ""},
		{"multiword target", "AID\tn\tintervention\ton behalf of", "AID n intervention [on behalf of]", ""},
		{"slot", "REJECT\tv\twant _ ousted", "REJECT v want _ ousted [obj]", ""},
		{"lower-case type", "assault\tv\tshell", "ASSAULT v shell [obj against]", ""},
		{"bad type", "HUG\tv\thug", "", `event type "HUG" is not a PLOVER category`},
		{"bad pos", "SUPPORT\tx\tback", "", `POS "x": want v or n`},
		{"too few columns", "SUPPORT back", "", "want TYPE, POS and CUE separated by tabs, got 1 column(s)"},
		{"slot first", "REJECT\tv\t_ ousted", "", `cue "_ ousted": want a word first`},
		{"bad flag", "SUPPORT\tv\tback\tobj\tloud", "", `flag "loud": want inverse, plural, notarget, onesided, together, mutual or conflict`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, _, err := parsePredicates(strings.NewReader("# comment\n\n"+tt.line+"\n"), "test.tsv")
			if tt.wantErr != "" {
				want := "test.tsv:3: " + tt.wantErr
				if err == nil || err.Error() != want {
					t.Fatalf("error = %v, want %q", err, want)
				}
				return
			}
			if err != nil || len(ps) != 1 {
				t.Fatalf("got %v, %v", ps, err)
			}
			p := ps[0]
			var targets []string
			for _, tg := range p.Targets {
				targets = append(targets, strings.Join(tg, " "))
			}
			got := string(p.Type) + " " + p.POS.String() + " " + strings.Join(p.Words, " ") + " [" + strings.Join(targets, " ") + "]"
			if p.Plural {
				got += " plural"
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPredicateLexiconUserFileOverrides(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mine.tsv")
	// Retype "back", delete "praise", add a new cue.
	data := "ACCUSE\tv\tback\n-\tv\tpraise\nCOERCE\tv\tkettle\n"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	lex, err := loadPredicateLexicon(path)
	if err != nil {
		t.Fatal(err)
	}
	find := func(first string) *predicate {
		for _, p := range lex.byFirst[first] {
			if p.POS == verbCue && len(p.Words) == 1 {
				return p
			}
		}
		return nil
	}
	if p := find("back"); p == nil || p.Type != schema.Accuse {
		t.Errorf("back = %+v, want the user's ACCUSE", p)
	}
	if p := find("praise"); p != nil && !p.generated {
		t.Errorf("praise = %+v, want it deleted", p)
	}
	if p := find("kettle"); p == nil || p.Type != schema.Coerce {
		t.Errorf("kettle = %+v, want COERCE", p)
	}
	if _, err := loadPredicateLexicon(filepath.Join(dir, "missing.tsv")); err == nil || !strings.Contains(err.Error(), "missing.tsv") {
		t.Errorf("missing file error = %v, want one naming the file", err)
	}
}

func TestBuiltinPredicateLexicon(t *testing.T) {
	lex, err := loadPredicateLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if lex.size < 400 {
		t.Errorf("built-in lexicon has %d entries, want the hand-written and CAMEO ones", lex.size)
	}
	// Every PLOVER type has cues.
	types := map[schema.EventType]bool{}
	for _, ps := range lex.byFirst {
		for _, p := range ps {
			types[p.Type] = true
		}
	}
	for _, typ := range schema.EventTypes {
		if !types[typ] {
			t.Errorf("no cue for %s", typ)
		}
	}
	// A bare verb of a symmetric type pairs coordinated subjects without
	// a target, so only verbs of joint acts are cues: "Russia and China
	// increased spending" and "issued separate statements" are no
	// cooperation; "lifted sanctions" is read from the noun.
	for _, w := range []string{"increase", "issue", "escalate", "manage", "rule", "provide", "buy", "lift sanction"} {
		for _, p := range lex.byFirst[strings.Fields(w)[0]] {
			if p.Type.Symmetric() && strings.Join(p.Words, " ") == w {
				t.Errorf("%q is a %s cue", w, p.Type)
			}
		}
	}
}

func TestLemmatizer(t *testing.T) {
	l := newLemmatizer([]string{"back", "ally", "target", "agree", "tie", "ban", "sanction", "panic", "expel"}, []string{"sanction", "ally", "talks"})
	tests := []struct {
		word, tag, want string
	}{
		{"backed", "VBD", "back"},
		{"backs", "VBZ", "back"},
		{"backing", "VBG", "back"},
		{"allied", "VBN", "ally"},
		{"allies", "VBZ", "ally"},
		{"targeted", "VBD", "target"},
		{"agreed", "VBD", "agree"},
		{"agreeing", "VBG", "agree"},
		{"tying", "VBG", "tie"},
		{"banned", "VBN", "ban"},
		{"expelled", "VBD", "expel"},
		{"panicked", "VBD", "panic"},
		{"struck", "VBD", "strike"},
		{"fought", "VBN", "fight"},
		{"met", "VBD", "meet"},
		{"sought", "VBD", "seek"},
		{"withdrew", "VBD", "withdraw"},
		{"sanctions", "NNS", "sanction"},
		{"allies", "NNS", "ally"},
		{"talks", "NNS", "talks"},
		{"crises", "NNS", "crisis"},
		// Unknown words fall back to suffix rules.
		{"negotiated", "VBD", "negotiate"},
		{"shelling", "VBG", "shell"},
		{"embassies", "NNS", "embassy"},
		{"Russia", "NNP", "Russia"},
	}
	for _, tt := range tests {
		if got := l.lemma(tt.word, tt.tag); got != tt.want {
			t.Errorf("lemma(%q, %s) = %q, want %q", tt.word, tt.tag, got, tt.want)
		}
	}
}

// TestLemmatizerIsOrderIndependent: the first lemma to claim a form
// keeps it, and the lexicon hands the lemmas over in map order, so the
// lemmatizer must not depend on the order it is given them ("exercises"
// is both a lemma of its own and the plural of "exercise").
func TestLemmatizerIsOrderIndependent(t *testing.T) {
	verbs := []string{"exercise", "leave", "lean", "found", "find", "wind"}
	nouns := []string{"exercises", "exercise", "leaf", "leave", "talks", "talk"}
	rev := func(xs []string) []string {
		out := make([]string, len(xs))
		for i, x := range xs {
			out[len(xs)-1-i] = x
		}
		return out
	}
	a, b := newLemmatizer(verbs, nouns), newLemmatizer(rev(verbs), rev(nouns))
	for _, w := range []string{"exercises", "leaves", "leaned", "found", "wound", "talks"} {
		for _, tag := range []string{"NNS", "VBZ", "VBD"} {
			if x, y := a.lemma(w, tag), b.lemma(w, tag); x != y {
				t.Errorf("lemma(%q, %s) is %q or %q depending on the order of the lexicon", w, tag, x, y)
			}
		}
	}
}
