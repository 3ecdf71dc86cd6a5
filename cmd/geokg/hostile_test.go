package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// checkLines fails when output has a line not starting with prefix, or a
// control character other than a newline or tab.
func checkLines(t *testing.T, what, output, prefix string) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSuffix(output, "\n"), "\n") {
		if prefix != "" && !strings.HasPrefix(line, prefix) {
			t.Errorf("%s: line %q does not start with %q", what, line, prefix)
		}
		for _, r := range line {
			if r != '\t' && unicode.IsControl(r) {
				t.Errorf("%s: line %q holds control character %U", what, line, r)
			}
		}
	}
}

// writeFiles writes files (name → content) into dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestNamesAreQuotedAndKeptExact imports files whose names hold a
// newline, an escape sequence and invalid UTF-8: each gets one quoted
// line on standard error and in the summary, and the --errors file keeps
// the exact bytes, so that --files-from finds the files again.
func TestNamesAreQuotedAndKeptExact(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"evil\ngeokg: error: forged.txt": "",
		"red\x1b[31m.txt":                "\x00binary",
		"caf\xe9.txt":                    "\x00binary",
		"good.txt":                       "Russia backs Syria\n\nRussia backs Syria, Putin said.\n",
	}
	writeFiles(t, dir, files)
	opts, f := testOptions(t, dir)
	opts.Quiet = true
	opts.DryRun = true
	opts.ErrorsFile = filepath.Join(t.TempDir(), "errors.jsonl")
	var out, errw bytes.Buffer
	runImport(context.Background(), f.withIO(streams{In: strings.NewReader(""), Out: &out, Err: &errw}), opts)
	checkLines(t, "stderr", errw.String(), "geokg: ")
	checkLines(t, "summary", out.String(), "")
	if n := strings.Count(errw.String(), "\n"); n != 3 {
		t.Errorf("stderr has %d lines, want one per bad file:\n%s", n, errw.String())
	}
	for _, q := range []string{`evil\ngeokg: error: forged.txt": empty file`, `red\x1b[31m.txt": binary file`, `caf\xe9.txt": binary file`} {
		if !strings.Contains(errw.String(), q) || !strings.Contains(out.String(), q) {
			t.Errorf("stderr or summary lacks %q:\n%s\n%s", q, errw.String(), out.String())
		}
	}
	paths, err := readFilesFrom(opts.ErrorsFile, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "caf\xe9.txt"), filepath.Join(dir, "red\x1b[31m.txt")}
	if !slices.Equal(paths, want) {
		t.Errorf("--files-from takes %q, want %q", paths, want)
	}
}

// TestFailureMessages: the final line tells failed files from failed
// articles, extract reports problems with import's "error:" prefix, and a
// corrupt .gz says "gzip:" once.
func TestFailureMessages(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"fake.txt.gz": "not gzip at all",
		"rows.jsonl":  "{\"text\":\"Russia backs Syria.\"}\n{\"text\": broken\n{\"title\":\"x\",\"text\":12345}\n",
		"good.txt":    "Putin visited Syria.\n",
	}
	writeFiles(t, dir, files)
	tests := []struct {
		cmd  []string
		want []string
	}{
		{[]string{"import", "--dry-run", "-q"}, []string{
			"geokg: error: " + filepath.Join(dir, "fake.txt.gz") + ": gzip: invalid header\n",
			"geokg: error: " + filepath.Join(dir, "rows.jsonl") + ":2: syntax error",
			"geokg: error: " + filepath.Join(dir, "rows.jsonl") + `:3: the text field "text" holds a number, not text`,
			"geokg: 1 file and 2 articles failed; see the messages above\n",
		}},
		{[]string{"extract"}, []string{
			"geokg: error: " + filepath.Join(dir, "fake.txt.gz") + ": gzip: invalid header\n",
			"geokg: error: " + filepath.Join(dir, "rows.jsonl") + ":2: syntax error",
			"geokg: 1 file and 2 articles failed; see the messages above\n",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.cmd[0], func(t *testing.T) {
			var out, errw bytes.Buffer
			args := append(append([]string{"geokg"}, tt.cmd...), dir)
			if code := run(context.Background(), args, strings.NewReader(""), &out, &errw); code != exitFailed {
				t.Errorf("exit code %d, want %d", code, exitFailed)
			}
			for _, w := range tt.want {
				if !strings.Contains(errw.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, errw.String())
				}
			}
			if strings.Contains(errw.String(), "gzip: gzip:") {
				t.Errorf("stderr repeats gzip:\n%s", errw.String())
			}
		})
	}
}
