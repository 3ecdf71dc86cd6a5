package outdir_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/geokg/geokg/outdir"
	"github.com/geokg/geokg/schema"
)

func TestNewClaimsOnlyItsOwnFolders(t *testing.T) {
	write := func(t *testing.T, dir, name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		force bool
		ok    bool
	}{
		{"missing", func(t *testing.T, dir string) { os.Remove(dir) }, false, true},
		{"empty", func(*testing.T, string) {}, false, true},
		{"somebody's files", func(t *testing.T, dir string) { write(t, dir, "README.txt", "mine") }, false, false},
		{"somebody's files, forced", func(t *testing.T, dir string) { write(t, dir, "README.txt", "mine") }, true, true},
		{"marked", func(t *testing.T, dir string) {
			write(t, dir, outdir.MarkerFile, "")
			write(t, dir, "docs.jsonl", "")
		}, false, true},
		{"written before the marker", func(t *testing.T, dir string) {
			write(t, dir, outdir.ReadmeFile, "This folder was written by geokg import.\n")
		}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			tt.setup(t, dir)
			w, err := outdir.New(dir, outdir.Options{Force: tt.force})
			if tt.ok != (err == nil) || !tt.ok && !errors.Is(err, outdir.ErrNotOurs) {
				t.Fatalf("New: %v, want ok=%v", err, tt.ok)
			}
			if err != nil {
				return
			}
			if err := w.Close(context.Background()); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(filepath.Join(dir, outdir.MarkerFile)); err != nil {
				t.Error(err)
			}
		})
	}
}

// listSource yields fixed articles.
type listSource []schema.Article

func (l *listSource) Next(context.Context) (schema.Article, error) {
	if len(*l) == 0 {
		return schema.Article{}, io.EOF
	}
	a := (*l)[0]
	*l = (*l)[1:]
	return a, nil
}

func TestReplayKeepsTheWrittenArticles(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "out")
	article := func(text string) schema.Article {
		return schema.Article{ID: "sha256:" + schema.ContentHash(text), Path: text, Text: text, Hash: schema.ContentHash(text)}
	}
	a, b := article("first"), article("second")
	w, err := outdir.New(dir, outdir.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.WriteBatch(ctx, []schema.Doc{schema.NewDoc(a)}); err != nil {
		t.Fatal(err)
	}
	// A crash cut the last line.
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(dir, outdir.DocsFile), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"path":"cut`)
	f.Close()

	w, err = outdir.New(dir, outdir.Options{Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	var warned []error
	w.Warn = func(err error) { warned = append(warned, err) }
	n, err := w.Replay(ctx)
	if err != nil || n != 1 || len(warned) != 1 {
		t.Fatalf("Replay = %d, %v (warnings %v), want the 1 complete article and a warning for the cut line", n, err, warned)
	}
	src := w.Skip(&listSource{a, b})
	got, err := src.Next(ctx)
	if err != nil || got.Hash != b.Hash || src.Skipped() != 1 {
		t.Errorf("Skip gave %q (%v), skipped %d; want the second article, the first skipped", got.Path, err, src.Skipped())
	}
}
