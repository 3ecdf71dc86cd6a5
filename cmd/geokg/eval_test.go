package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// evalGold and evalPred are the example gold folder and a frozen
// prediction for it (see examples/README.md).
var (
	evalGold = filepath.Join("..", "..", "examples", "eval")
	evalPred = filepath.Join("..", "..", "examples", "eval-pred.jsonl")
)

// writeTemp writes content to a file in a temporary folder.
func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestEvalGolden(t *testing.T) {
	for _, tc := range []struct {
		golden string
		args   []string
	}{
		{"eval_table.golden", []string{"eval", evalGold, evalPred}},
		{"eval_errors.golden", []string{"eval", "--errors", evalGold, evalPred}},
		{"eval_json.golden", []string{"eval", evalGold, evalPred, "--json", "--errors"}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			code, out, errs := runCLI(t, tc.args...)
			if code != exitOK || errs != "" {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			golden(t, tc.golden, out)
		})
	}
}

// Without PRED, eval scores what extract prints for the gold's articles.
func TestEvalExtractsWithoutPred(t *testing.T) {
	code, pred, errs := runCLI(t, "extract", "--include", "*.txt", evalGold)
	if code != exitOK {
		t.Fatalf("extract: exit %d: %s", code, errs)
	}
	_, want, _ := runCLI(t, "eval", "--json", "--errors", evalGold, writeTemp(t, "pred.jsonl", pred))
	code, got, errs := runCLI(t, "eval", "--json", "--errors", "-j", "1", evalGold)
	if code != exitOK || errs != "" {
		t.Fatalf("eval: exit %d, stderr %q", code, errs)
	}
	if got != want {
		t.Errorf("eval GOLD differs from eval GOLD <(extract --include '*.txt' GOLD):\n%s\nwant:\n%s", got, want)
	}
}

// PRED "-" is standard input; an article it lacks is scored as
// predicting nothing.
func TestEvalStdin(t *testing.T) {
	code, out, errs := runCLI(t, "eval", evalGold, "-")
	if code != exitOK || errs != "" || !strings.HasSuffix(out, "roles       0.000  0.000  0.000   0/0/3\nno prediction for 2 of 2 articles\n") {
		t.Errorf("exit %d, stderr %q, stdout:\n%s", code, errs, out)
	}
}

func TestEvalBadUse(t *testing.T) {
	bad := filepath.Dir(writeTemp(t, "a.json", `{"actors": [{"key": "X", "type": "STATE", "names": []}]}`))
	broken := writeTemp(t, "pred.jsonl", "{broken\n")
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr []string
	}{
		{"no gold folder named", []string{"eval"}, exitUsage, "", []string{"eval: want GOLD_DIR [PRED]"}},
		{"too many arguments", []string{"eval", evalGold, evalPred, evalPred}, exitUsage, "", []string{"eval: want GOLD_DIR [PRED]"}},
		{"missing prediction file", []string{"eval", evalGold, "nowhere.jsonl"}, exitFailed, "", []string{"nowhere.jsonl: no such file"}},
		{"missing gold folder", []string{"eval", "nowhere", evalPred}, exitFailed, "", []string{"nowhere: no such file"}},
		{"gold with problems is not scored", []string{"eval", bad, evalPred}, exitFailed, "",
			[]string{bad + ": a.json: no a.txt beside it", bad + ": a.json: actor 'X' has type 'STATE'", "has 2 problem(s)"}},
		{"--check lists the problems", []string{"eval", "--check", bad}, exitFailed,
			"a.json: no a.txt beside it\na.json: actor 'X' has type 'STATE'\n1 articles, 1 actors, 0 relations, 2 problems\n", nil},
		{"--check on a good folder", []string{"eval", "--check", evalGold}, exitOK, "2 articles, 11 actors, 14 relations, 0 problems\n", nil},
		{"a prediction line that is not JSON", []string{"eval", evalGold, broken}, exitFailed, "", []string{broken + ":1: not a JSON object"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, tc.args...)
			if code != tc.code || out != tc.stdout {
				t.Errorf("exit %d, stdout %q; want exit %d, stdout %q", code, out, tc.code, tc.stdout)
			}
			for _, s := range tc.stderr {
				if !strings.Contains(errs, s) {
					t.Errorf("stderr %q does not say %q", errs, s)
				}
			}
		})
	}
}

// TestEvalDocExamples runs the `$ geokg eval` examples of
// docs/evaluation.md from the repository's root and checks that they print
// what the page shows.
func TestEvalDocExamples(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "evaluation.md"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join("..", ".."))
	blocks := regexp.MustCompile("(?s)```console\n(.*?)```").FindAllStringSubmatch(string(doc), -1)
	n := 0
	for _, b := range blocks {
		for _, ex := range strings.Split(b[1], "$ ")[1:] {
			cmd, want, _ := strings.Cut(ex, "\n")
			args := strings.Fields(cmd)
			if len(args) < 2 || args[0] != "geokg" || args[1] != "eval" {
				continue
			}
			n++
			code, got, errs := runCLI(t, args[1:]...)
			if code != exitOK || got != want {
				t.Errorf("docs/evaluation.md: $ %s\nexit %d, stderr %q, printed:\n%s\nthe page shows:\n%s", cmd, code, errs, got, want)
			}
		}
	}
	if n < 2 {
		t.Errorf("docs/evaluation.md shows %d geokg eval examples, want at least 2", n)
	}
	// The gold file it shows passes --check.
	n = 0
	for _, b := range regexp.MustCompile("(?s)```json\n(.*?)```").FindAllStringSubmatch(string(doc), -1) {
		if !strings.Contains(b[1], `"key"`) {
			continue
		}
		n++
		dir := filepath.Dir(writeTemp(t, "a.json", b[1]))
		if err := os.WriteFile(filepath.Join(dir, "a.txt"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if code, out, _ := runCLI(t, "eval", "--check", dir); code != exitOK {
			t.Errorf("docs/evaluation.md's gold file: geokg eval --check says\n%s", out)
		}
	}
	if n == 0 {
		t.Error("docs/evaluation.md shows no gold file")
	}
}
