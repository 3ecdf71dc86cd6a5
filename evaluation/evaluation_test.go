package evaluation_test

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/geokg/geokg/evaluation"
)

// normCases are names whose normal form is known; TestNormMatchesPython
// also checks them, and more, against score.py's own norm.
var normCases = map[string]string{
	"The U.N.":              "un",
	"Félix Tshisekedi":      "felix tshisekedi",
	"Lashkar-e-Taiba":       "lashkar e taiba",
	"  the  Kremlin ":       "kremlin",
	"Haftar’s forces":       "haftars forces",
	"the the Hague":         "the hague",
	"Theresa May":           "theresa may",
	"ﬁfth ﬂeet":             "fifth fleet",
	"Straße":                "straße",
	"İstanbul":              "istanbul",
	"ΟΔΥΣΣΕΑΣ":              "οδυσσεας",
	"ΟΔΥΣΣΕΑΣ.":             "οδυσσεας",
	"ΣΑ Σ":                  "σα σ",
	"snake_case 42":         "snake_case 42",
	"a\u00a0b\x1cc\u2003d":  "a b c d",
	"— … «quoted» (x) [y]!": "quoted x y",
	"":                      "",
	"the":                   "the",
}

func TestNorm(t *testing.T) {
	for in, want := range normCases {
		if got := evaluation.Norm(in); got != want {
			t.Errorf("Norm(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNormMatchesPython runs score.py's norm on the same names.
func TestNormMatchesPython(t *testing.T) {
	eval, python := sharedEval(t)
	var names []string
	for in := range normCases {
		names = append(names, in)
	}
	names = append(names, "Œuvre Ørsted", "Dž", "ǅ", "Ǆ", "Ⅻ legion", "x²", "Ł", "ß ẞ", "ΣΣ", "ΑΣ'Β", "ᾼ", "Åland", "a\u200bb", "n\u0303", "٣ Arabic-Indic", "Mitsubishi三菱", "ⓐ")
	in, _ := json.Marshal(names)
	script := `import json, sys; sys.path.insert(0, sys.argv[1]); from score import norm; print(json.dumps([norm(s) for s in json.loads(sys.argv[2])]))`
	out, err := exec.Command(python, "-c", script, eval, string(in)).Output()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for i, name := range names {
		if got := evaluation.Norm(name); got != want[i] {
			t.Errorf("Norm(%q) = %q, score.py's norm gives %q", name, got, want[i])
		}
	}
}

func TestStem(t *testing.T) {
	for in, want := range map[string]string{
		"a.txt": "a", "dev/a.txt": "a", "x/y.txt#3": "y", "dir/x.tar.gz": "x.tar", ".env": ".env",
		"a.": "a.", "dir/": "dir", "x/.": "x", "..": "..", "/": "", "https://n.example/1": "1", "sha256:ab": "sha256:ab",
	} {
		if got := evaluation.Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadGoldProblems(t *testing.T) {
	for _, tc := range []struct {
		dir      string
		problems []string
		articles int
		wantErr  bool
	}{
		{dir: "gold", articles: 2},
		{dir: "badgold", articles: 2, problems: []string{
			"broken.json: not JSON: unexpected end of JSON input",
			"lonely.json: no lonely.txt beside it",
			"typos.json: actor 'IRN' has type 'STATE'",
			`typos.json: actor without key or names: {"key":"IRQ","names":"Iraq","type":"COUNTRY"}`,
			"typos.json: actor key 'IRN' twice",
			"typos.json: 'Ali' affiliation 'IRAN' is no actor key",
			"typos.json: relation type 'SIGN'",
			"typos.json: relation target 'Iraq' is no actor key",
			"typos.json: relation from 'IRQ' to itself",
		}},
		{dir: "nothing-here", wantErr: true},
		{dir: ".", problems: []string{"testdata: no gold .json files"}},
	} {
		t.Run(tc.dir, func(t *testing.T) {
			dir := filepath.Join("testdata", tc.dir)
			gold, problems, err := evaluation.ReadGold(dir)
			if err != nil || tc.wantErr {
				if !tc.wantErr {
					t.Fatal(err)
				}
				if err == nil {
					t.Fatalf("ReadGold(%s): no error for a missing folder", dir)
				}
				return
			}
			if !reflect.DeepEqual(problems, tc.problems) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(tc.problems, "\n"))
			}
			if len(gold.Articles) != tc.articles {
				t.Errorf("%d articles, want %d", len(gold.Articles), tc.articles)
			}
		})
	}
}
