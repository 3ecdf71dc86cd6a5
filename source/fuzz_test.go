package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/geokg/geokg/schema"
)

// fuzzFormat feeds arbitrary bytes to one format's reader, without the
// Reader's panic guard, and checks that it neither panics nor loops, that
// every error is one line and that every article is valid.
func fuzzFormat(f *testing.F, format string, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		watchdog(t, data, func() string {
			in := &input{path: "fuzz", format: format, r: bytes.NewReader(data), size: -1,
				opts: options{fields: DefaultFields, maxSize: 64 << 10}}
			it, err := formats[format](in)
			if err != nil {
				return checkFuzzError(err)
			}
			for range 1 << 16 {
				a, _, err := it.next()
				if err == io.EOF {
					return ""
				}
				if err != nil {
					if msg := checkFuzzError(err); msg != "" {
						return msg
					}
					continue
				}
				if a.Text == "" || !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) || a.Hash != schema.ContentHash(a.Text) || a.ID == "" {
					return fmt.Sprintf("bad article %+v (text %q)", a, a.Text)
				}
				if int64(len(a.Text)) > in.opts.maxSize {
					return fmt.Sprintf("article of %d bytes passes the %d-byte limit", len(a.Text), in.opts.maxSize)
				}
			}
			return "the reader does not reach the end"
		})
	})
}

// watchdog runs check and fails the test with its message, or when it
// takes so long that the reader must be stuck: the fuzzer itself would
// only stall.
func watchdog(t *testing.T, data []byte, check func() string) {
	t.Helper()
	done := make(chan string, 1)
	go func() { done <- check() }()
	select {
	case msg := <-done:
		if msg != "" {
			t.Fatal(msg)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("stuck for 10s on %q", data)
	}
}

// checkFuzzError says what is wrong with an error message, "" if nothing.
func checkFuzzError(err error) string {
	msg := (&Error{Path: "fuzz", Err: err}).Error()
	if strings.ContainsAny(msg, "\n\r") || msg == "fuzz: " {
		return fmt.Sprintf("error is not one clear line: %q", msg)
	}
	if strings.Contains(msg, "internal error") {
		return msg
	}
	return ""
}

func FuzzText(f *testing.F) {
	fuzzFormat(f, "text", headlineText, "", "\xff\xfeH\x00", "Caf\xe9", "%PDF-1.4", "a\x00b")
}

func FuzzMarkdown(f *testing.F) {
	fuzzFormat(f, "markdown", "---\ntitle: T\ndate: 2016-01-02\n---\n# T\n\n**Bold** [link](u) ![i](p)\n", "+++\ntitle = \"x\"\n+++\nbody", "---\nunclosed", "# only")
}

func FuzzHTML(f *testing.F) {
	fuzzFormat(f, "html", pageHTML, "<html><body></body></html>", `<meta charset="iso-8859-1"><p>Caf`+"\xe9</p>", "<p>")
}

func FuzzJSON(f *testing.F) {
	fuzzFormat(f, "json", `[{"title":"A","text":"B"},{"x":1},3]`, `{"articles":[{"content":"x"}],"n":1}`, `{"text":"one"}`, `[{"text":`, `{"a":[1,{"b":2}],"text":"t"}`, "42")
}

func FuzzJSONL(f *testing.F) {
	fuzzFormat(f, "jsonl", "{\"text\":\"a\",\"date\":\"2016-01-01\"}\n{bad\n[1]\n", "{\"text\":\"Gen\xe8ve\"}\n", `{"text":"<p>x</p>","url":"http://A.example/#f"}`)
}

func FuzzCSV(f *testing.F) {
	fuzzFormat(f, "csv", "title,text\nA,B\n", "text;date\n\"x\ny\";2016-01-01\n", "id\n1\n", "text\n\"bad \"quote\"\n", "\ufefftext\tx\n")
}

func FuzzFeed(f *testing.F) {
	fuzzFormat(f, "feed", feedRSS, feedAtom, "<rss><channel><item><title>A</title></item>", "<config/>")
}

// FuzzReader runs the whole Reader on standard input, sniffing the format
// and decompressing gzip, as `geokg import -` does.
func FuzzReader(f *testing.F) {
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte(`{"text":"x"}` + "\n"))
	w.Close()
	for _, s := range []string{headlineText, feedRSS, pageHTML, `[{"text":"a"}]`, `{"text":"a"}` + "\n", gz.String(), "---\ntitle: x\n---\nbody"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		watchdog(t, data, func() string {
			r := NewReader("-")
			r.Stdin, r.MaxArticleSize = bytes.NewReader(data), 64<<10
			for range 1 << 16 {
				_, err := r.Next(context.Background())
				if err == io.EOF {
					return ""
				}
				if err != nil && strings.Contains(err.Error(), "internal error") {
					return err.Error()
				}
			}
			return "the reader does not reach the end"
		})
	})
}
