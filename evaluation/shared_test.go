package evaluation_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/geokg/geokg/evaluation"
	"github.com/geokg/geokg/jsonl"
	"github.com/geokg/geokg/nlp"
	"github.com/geokg/geokg/pipeline"
	"github.com/geokg/geokg/source"
)

// The scorer must give score.py's numbers. These tests score real
// predictions on the evaluation sets beside the repository
// (../shared/eval, read in place, never copied) with both and compare
// their whole output: the table and the --json object, character for
// character.

// sharedEval returns ../shared/eval, or skips when it or python3 is
// missing — except in CI, where that fails.
func sharedEval(t *testing.T) (dir, python string) {
	t.Helper()
	dir = filepath.Join("..", "..", "shared", "eval")
	_, err := os.Stat(filepath.Join(dir, "score.py"))
	if err == nil {
		python, err = exec.LookPath("python3")
	}
	if err != nil {
		if os.Getenv("CI") != "" || os.Getenv("GEOKG_REQUIRE_NEO4J") == "1" {
			t.Fatalf("the evaluation sets and python3 must be there in CI: %v", err)
		}
		t.Skipf("no ../shared/eval or python3: %v", err)
	}
	return dir, python
}

// extract writes geokg's own predictions for the articles of dir, as
// `geokg extract --include '*.txt' DIR` does.
func extract(t *testing.T, dir string) []byte {
	t.Helper()
	x, err := nlp.New(nlp.Config{})
	if err != nil {
		t.Fatal(err)
	}
	src := source.NewReader(dir)
	src.Include, src.Fields = []string{"*.txt"}, source.Fields{}.WithDefaults()
	var buf bytes.Buffer
	sum, err := pipeline.Run(context.Background(), src, x, jsonl.NewWriter(&buf), pipeline.Config{BatchSize: 1})
	if err != nil || sum.Failed > 0 {
		t.Fatalf("extract %s: %v, %d failed", dir, err, sum.Failed)
	}
	return buf.Bytes()
}

// scorePy runs score.py with the arguments and returns its output.
func scorePy(t *testing.T, python, script string, args ...string) string {
	t.Helper()
	out, err := exec.Command(python, append([]string{script}, args...)...).Output()
	if err != nil {
		t.Fatalf("score.py %s: %v", strings.Join(args, " "), err)
	}
	return string(out)
}

// scoreGo scores pred against the gold in dir and returns the table and
// the JSON as evaluation prints them.
func scoreGo(t *testing.T, dir string, pred []byte) (table, js string) {
	t.Helper()
	gold, problems, err := evaluation.ReadGold(dir)
	if err != nil || len(problems) > 0 {
		t.Fatalf("gold %s: %v %v", dir, err, problems)
	}
	preds, err := evaluation.ReadPredictions(bytes.NewReader(pred), "pred.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	res := evaluation.Score(gold, preds)
	var tb, jb strings.Builder
	if err := evaluation.WriteTable(&tb, res); err != nil {
		t.Fatal(err)
	}
	if err := evaluation.WriteJSON(&jb, res, false); err != nil {
		t.Fatal(err)
	}
	return tb.String(), jb.String()
}

func TestSameNumbersAsScorePy(t *testing.T) {
	eval, python := sharedEval(t)
	script := filepath.Join(eval, "score.py")
	for _, set := range []string{"dev", "dev-b"} {
		dir := filepath.Join(eval, set)
		extracted := extract(t, dir)
		for _, v := range variants(t, dir, extracted) {
			t.Run(set+"/"+v.name, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "pred.jsonl")
				if err := os.WriteFile(path, v.pred, 0o644); err != nil {
					t.Fatal(err)
				}
				table, js := scoreGo(t, dir, v.pred)
				if want := scorePy(t, python, script, dir, path); table != want {
					t.Errorf("table differs from score.py's\n--- evaluation\n%s--- score.py\n%s", table, want)
				}
				if want := scorePy(t, python, script, "--json", dir, path); js != want {
					t.Errorf("JSON differs from score.py's\n--- evaluation\n%s--- score.py\n%s", js, want)
				}
				t.Logf("%s %s\n%s", set, v.name, table)
			})
		}
	}
}

// variant is a prediction file to score.
type variant struct {
	name string
	pred []byte
}

// variants are geokg's extraction as it is, the gold itself as a
// prediction, and both rewritten in the other shapes score.py accepts
// (ends by name, ends as objects, nested article names, aliases as
// mention objects, affiliations as objects or as relations, types in
// lower case or unknown), with errors of every kind (reversed, retyped,
// dropped and invented relations, missing articles).
func variants(t *testing.T, dir string, extracted []byte) []variant {
	t.Helper()
	var recs []map[string]any
	for _, line := range bytes.Split(bytes.TrimSpace(extracted), []byte("\n")) {
		var rec map[string]any
		if err := json.Unmarshal(line, &rec); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
	golds := goldAsPredictions(t, dir)
	var files []byte // each gold file as it is, with a path
	paths, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	for _, p := range paths {
		var rec map[string]any
		b, err := os.ReadFile(p)
		if err != nil || json.Unmarshal(b, &rec) != nil {
			t.Fatalf("%s: %v", p, err)
		}
		rec["path"] = p
		files = append(files, lines(t, []map[string]any{rec})...)
	}
	return []variant{
		{"gold-files", files},
		{"extracted", extracted},
		{"gold", lines(t, golds)},
		{"extracted-reshaped", lines(t, reshape(recs))},
		{"gold-reshaped", lines(t, reshape(golds))},
		{"empty", []byte("\n")},
	}
}

// goldAsPredictions turns each gold file into a prediction record.
func goldAsPredictions(t *testing.T, dir string) []map[string]any {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	var recs []map[string]any
	for _, p := range paths {
		var g struct {
			Actors    []map[string]any `json:"actors"`
			Relations []map[string]any `json:"relations"`
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatal(err)
		}
		var actors []any
		for _, a := range g.Actors {
			names := a["names"].([]any)
			pa := map[string]any{"id": a["key"], "name": names[0], "type": a["type"], "aliases": names}
			if a["affiliation"] != nil {
				pa["affiliation"] = a["affiliation"]
			}
			actors = append(actors, pa)
		}
		var rels []any
		for _, r := range g.Relations {
			rels = append(rels, r)
		}
		recs = append(recs, map[string]any{"path": strings.TrimSuffix(p, ".json") + ".txt", "actors": actors, "relations": rels})
	}
	return recs
}

// reshape rewrites records deterministically: the n-th record of every
// seven is left out, names are moved under "article", relation ends are
// given by name or as objects, some relations are reversed, retyped or
// duplicated, and affiliations are given in other forms.
func reshape(recs []map[string]any) []map[string]any {
	var out []map[string]any
	n := 0
	for i, rec := range recs {
		if i%7 == 3 {
			continue
		}
		r := map[string]any{}
		switch i % 3 {
		case 0:
			r["article"] = map[string]any{"id": rec["path"]}
		case 1:
			r["doc"] = rec["path"]
		default:
			r["path"] = rec["path"]
		}
		names := map[any]any{}
		var actors []any
		for _, a := range list(rec["actors"]) {
			a := clone(a.(map[string]any))
			names[a["id"]] = a["name"]
			n++
			switch n % 5 {
			case 0:
				var ms []any
				for _, al := range list(a["aliases"]) {
					ms = append(ms, map[string]any{"text": al})
				}
				a["mentions"], a["aliases"] = ms, nil
			case 1:
				if aff, ok := a["affiliation"]; ok {
					a["affiliation"] = map[string]any{"id": aff}
				}
			case 2:
				a["aliases"] = "Moscow"
			case 3:
				a["name"] = strings.ToUpper(fmt.Sprint(a["name"]))
			}
			actors = append(actors, a)
		}
		var rels []any
		for _, x := range list(rec["relations"]) {
			x := clone(x.(map[string]any))
			n++
			switch n % 9 {
			case 0:
				x["source"], x["target"] = x["target"], x["source"]
			case 1:
				x["source"] = names[x["source"]]
			case 2:
				x["target"] = map[string]any{"id": x["target"]}
			case 3:
				x["type"] = strings.ToLower(fmt.Sprint(x["type"]))
			case 4:
				x["type"] = "ASSAULT"
			case 5:
				x["target"] = "Atlantis"
			case 6:
				rels = append(rels, clone(x))
			case 7:
				delete(x, "type")
			case 8:
				x["type"], x["target"] = "AFFILIATED_WITH", x["source"]
				x["source"] = names[x["target"]]
			}
			rels = append(rels, x)
		}
		if n%4 == 0 {
			rels = append(rels, map[string]any{"source": "Atlantis", "type": "CONSULT", "target": "Lemuria"})
		}
		r["actors"], r["relations"] = actors, rels
		out = append(out, r)
	}
	return out
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

func clone(m map[string]any) map[string]any {
	c := map[string]any{}
	for k, v := range m {
		c[k] = v
	}
	return c
}

func lines(t *testing.T, recs []map[string]any) []byte {
	t.Helper()
	var buf bytes.Buffer
	for _, r := range recs {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(append(b, '\n'))
	}
	return buf.Bytes()
}
