package jsonl_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/geokg/geokg/jsonl"
	"github.com/geokg/geokg/schema"
)

func TestRoundTrip(t *testing.T) {
	pub, _ := schema.ParseDate("2016-08-09")
	docs := []schema.Doc{
		{Path: "a.txt", ID: "sha256:1", Title: `Quotes " and <tags> & backticks ` + "`", Published: pub,
			Actors: []schema.Actor{{ID: "RUS", Name: "Russia", Type: schema.Country, Aliases: []string{"Moscow"},
				Mentions: []schema.Mention{{Text: "Moscow", Start: 0, End: 6}}}},
			Relations: []schema.Relation{{Source: "RUS", Target: "TUR", Type: schema.Sanction, Quad: schema.MaterialConflict}}},
		{Path: "b.txt", ID: "sha256:2", Actors: []schema.Actor{}, Relations: []schema.Relation{}},
	}
	var buf bytes.Buffer
	w := jsonl.NewWriter(&buf)
	if err := w.WriteBatch(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "\n"); n != len(docs) {
		t.Fatalf("wrote %d lines, want %d", n, len(docs))
	}
	if !strings.Contains(buf.String(), "<tags>") {
		t.Error("HTML characters were escaped; the output is for people and tools, not browsers")
	}
	r := jsonl.NewReader(&buf, "docs.jsonl")
	for i, want := range docs {
		got, err := r.Next()
		if err != nil {
			t.Fatalf("doc %d: %v", i, err)
		}
		if got.Title != want.Title || got.Published != want.Published || len(got.Actors) != len(want.Actors) {
			t.Errorf("doc %d = %+v, want %+v", i, got, want)
		}
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("after the last doc: %v, want io.EOF", err)
	}
}

func TestReaderReportsBadLinesAndContinues(t *testing.T) {
	in := "{\"path\":\"a.txt\"}\n\n{not json}\n{\"path\":\"b.txt\",\"published\":\"yesterday\"}\n{\"path\":\"c.txt\"}\n"
	r := jsonl.NewReader(strings.NewReader(in), "in.jsonl")
	var paths, errs []string
	for {
		d, err := r.Next()
		if err == io.EOF {
			break
		}
		var pe *jsonl.ParseError
		if errors.As(err, &pe) {
			errs = append(errs, pe.Error())
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, d.Path)
	}
	if strings.Join(paths, ",") != "a.txt,c.txt" {
		t.Errorf("read %v, want a.txt and c.txt", paths)
	}
	if len(errs) != 2 || !strings.HasPrefix(errs[0], "in.jsonl:3: ") || !strings.HasPrefix(errs[1], "in.jsonl:4: ") {
		t.Errorf("errors = %q, want lines 3 and 4 named", errs)
	}
}

func ExampleWriter() {
	w := jsonl.NewWriter(os.Stdout)
	doc := schema.Doc{Path: "kerry-lavrov.txt", ID: "sha256:0f", Title: "Kerry meets Lavrov",
		Actors: []schema.Actor{}, Relations: []schema.Relation{}}
	_ = w.WriteBatch(context.Background(), []schema.Doc{doc})
	_ = w.Close(context.Background())
	// Output:
	// {"path":"kerry-lavrov.txt","id":"sha256:0f","title":"Kerry meets Lavrov","published":null,"actors":[],"relations":[]}
}

// TestReaderStopsAtFatalError checks that an error the reader cannot go on
// from — a read error, a line over MaxLineSize — is not reported as a bad
// line: it is no *ParseError, names the file and line, and comes back on
// every later call instead of io.EOF.
func TestReaderStopsAtFatalError(t *testing.T) {
	gone := errors.New("disk gone")
	for _, tc := range []struct {
		name string
		in   io.Reader
		is   error
	}{
		{"read error", io.MultiReader(strings.NewReader("{\"path\":\"a.txt\"}\n"), iotest.ErrReader(gone)), gone},
		{"line too long", io.MultiReader(strings.NewReader("{\"path\":\"a.txt\"}\n"), io.LimitReader(repeat('x'), jsonl.MaxLineSize+1)), bufio.ErrTooLong},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := jsonl.NewReader(tc.in, "in.jsonl")
			if d, err := r.Next(); err != nil || d.Path != "a.txt" {
				t.Fatalf("first line: %v, %v; want a.txt", d.Path, err)
			}
			for range 2 {
				_, err := r.Next()
				var pe *jsonl.ParseError
				if errors.As(err, &pe) || !errors.Is(err, tc.is) || !strings.HasPrefix(fmt.Sprint(err), "in.jsonl:2: ") {
					t.Fatalf("after the first line: %#v (%v); want %v at in.jsonl:2, not a ParseError", err, err, tc.is)
				}
			}
		})
	}
}

// repeat is an endless reader of b.
type repeat byte

func (b repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}
