package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Item 17 of issue 14: undated events are treated the same way by the
// event-record exports (left out unless --keep-undated) and counted in a
// message by every export.
func TestExportUndatedOneWay(t *testing.T) {
	in := t.TempDir()
	for name, text := range map[string]string{
		"dated.md":    "---\ntitle: Dated\ndate: 2016-08-09\n---\nRussia backs Syria in talks.\n",
		"undated.txt": "Undated\n\nRussia backs Syria again, Putin said.\n",
	} {
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "out")
	opts, f := testOptions(t, in)
	opts.Out, opts.Quiet = out, true
	if err := runImport(context.Background(), f.withIO(streams{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}), opts); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		format string
		keep   bool
		rows   int    // event lines in the output; -1: not checked
		msg    string // in standard error
	}{
		{"plover-json", false, 1, "1 events left out: undated"},
		{"gdelt-tsv", false, 1 + 1, "1 events left out: undated"}, // and the header
		{"plover-json", true, 2, "1 undated events written without a date"},
		{"gdelt-tsv", true, 1 + 2, "1 undated events written without a date"},
		{"graphml", false, -1, "1 undated events written without a date"},
		{"csv", false, -1, "1 undated events written without a date"},
	} {
		args := []string{"export", "--from", out, "--format", tt.format}
		if tt.format == "csv" {
			args = append(args, "--out", t.TempDir())
		}
		if tt.keep {
			args = append(args, "--keep-undated")
		}
		code, stdout, stderr := geokg(args...)
		if code != exitOK {
			t.Fatalf("geokg %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
		}
		if got := strings.Count(stdout, "\n"); tt.rows >= 0 && got != tt.rows {
			t.Errorf("geokg %s: %d lines, want %d:\n%s", strings.Join(args, " "), got, tt.rows, stdout)
		}
		if !strings.Contains(stderr, tt.msg) {
			t.Errorf("geokg %s: stderr lacks %q:\n%s", strings.Join(args, " "), tt.msg, stderr)
		}
	}
}
