package source

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/geokg/geokg/internal/hostile"
)

// boundedChildEnv makes TestBoundedRecordMemory run its reads in a child
// process under a hard address-space limit (ulimit -v).
const boundedChildEnv = "GEOKG_TEST_BOUNDED_CHILD"

// repeatReader yields head, n copies of unit, then tail: a huge input
// that costs no memory to produce.
type repeatReader struct {
	head, unit, tail []byte
	n                int
	pos              []byte
}

func (r *repeatReader) Read(p []byte) (int, error) {
	for len(r.pos) == 0 {
		switch {
		case r.head != nil:
			r.pos, r.head = r.head, nil
		case r.n > 0:
			r.pos = r.unit
			r.n--
		case r.tail != nil:
			r.pos, r.tail = r.tail, nil
		default:
			return 0, io.EOF
		}
	}
	n := copy(p, r.pos)
	r.pos = r.pos[n:]
	return n, nil
}

// TestBoundedRecordMemory reads records far larger than memory allows (a
// 4 GiB JSON string inside a small .json.gz, a 1 GiB unclosed CSV field in
// a .csv.gz, a 1 GiB JSON list of numbers on standard input) in a child
// process limited to 2 GiB of address space (of which the Go runtime
// reserves about 1.5 GiB), and the child's peak RSS must stay under
// 150 MB. Each is reported as one error naming the file, and the good file
// after it is read.
func TestBoundedRecordMemory(t *testing.T) {
	if os.Getenv(boundedChildEnv) == "" {
		if _, err := exec.LookPath("sh"); err != nil {
			t.Skip("no sh to set ulimit -v")
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, "sh", "-c", `ulimit -v 2097152 && exec "$0" -test.run='^TestBoundedRecordMemory$' -test.v`, os.Args[0])
		cmd.Env = append(os.Environ(), boundedChildEnv+"=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("child under ulimit -v 2 GiB failed: %v\n%s", err, lastLines(string(out), 30))
		}
		t.Logf("child:\n%s", lastLines(string(out), 12))
		return
	}
	dir := t.TempDir()
	if err := errors.Join(
		hostile.WriteGzip(filepath.Join(dir, "big.json.gz"), `{"title":"b","text":"`, 'a', 64<<20, 64, `"}`),
		hostile.WriteGzip(filepath.Join(dir, "big.csv.gz"), "title,text\n\"B\",\"", 'a', 64<<20, 16, ""),
	); err != nil {
		t.Fatal(err)
	}
	good := write(t, dir, "good.txt", headlineText)
	tests := []struct {
		name, path string
		stdin      io.Reader
		format     string
		want       string
	}{
		{name: "4 GiB string in a .json.gz", path: filepath.Join(dir, "big.json.gz"),
			want: "big.json.gz:1: too large: the JSON value is longer than 4.1 MiB (--max-article-size); the rest of the file is not read"},
		{name: "1 GiB unclosed field in a .csv.gz", path: filepath.Join(dir, "big.csv.gz"),
			want: "big.csv.gz:2: too large: the CSV row is longer than 4.1 MiB (--max-article-size)"},
		{name: "1 GiB list of numbers in a JSON object", path: "-",
			stdin: &repeatReader{head: []byte(`{"text":"Peace talks resumed.","junk":[1`), unit: bytes.Repeat([]byte(",1"), 1<<19), n: 1 << 10, tail: []byte("]}")},
			want:  "-:1: too large: the JSON value is longer than 4.1 MiB (--max-article-size); the rest of the file is not read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(tt.path, good)
			r.Stdin, r.Format = tt.stdin, tt.format
			arts, errs, _ := readAll(t, r)
			checkErrors(t, errs, []string{tt.want})
			if len(arts) != 1 || arts[0].Path != good {
				t.Errorf("got %d articles, want only %s", len(arts), good)
			}
		})
	}
	if peak := peakRSS(t); peak > 150<<20 {
		t.Errorf("peak RSS %d MiB, want under 150 MiB", peak>>20)
	} else {
		t.Logf("peak RSS %d MiB", peak>>20)
	}
}

// peakRSS reads this process's peak resident set size (VmHWM).
func peakRSS(t *testing.T) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	t.Skip("no VmHWM in /proc/self/status")
	return 0
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// TestNamedPipeIsSkipped names a FIFO nobody writes to between two
// files: it is skipped with a message and the file after it is read.
func TestNamedPipeIsSkipped(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", headlineText)
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// Unblocks a reader stuck in open(2) when the test fails.
	defer func() {
		if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	}()
	b := write(t, dir, "b.txt", "Talks in Oslo\n\nNorway hosted the talks.\n")
	type result struct {
		arts int
		errs []error
	}
	done := make(chan result, 1)
	go func() {
		r := NewReader(a, fifo, b)
		var res result
		for {
			_, err := r.Next(context.Background())
			if err == io.EOF {
				break
			}
			if err != nil {
				res.errs = append(res.errs, err)
				continue
			}
			res.arts++
		}
		done <- res
	}()
	select {
	case res := <-done:
		if res.arts != 2 {
			t.Errorf("read %d articles, want 2 (the files around the pipe)", res.arts)
		}
		checkErrors(t, res.errs, []string{"pipe.txt: not a regular file: a named pipe that no program writes to"})
		var se *Error
		if len(res.errs) == 1 && (!errors.As(res.errs[0], &se) || !se.Skipped()) {
			t.Errorf("the pipe does not count as skipped: %v", res.errs[0])
		}
	case <-time.After(10 * time.Second):
		t.Fatal("reading blocked on the named pipe")
	}
}

// TestNamedPipeWithWriterIsRead reads a pipe a program writes to, as
// bash's <(zcat news.jsonl.gz) gives.
func TestNamedPipeWithWriterIsRead(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.jsonl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer f.Close()
		io.WriteString(f, `{"text":"Chile and Peru signed a treaty."}`+"\n")
		time.Sleep(100 * time.Millisecond)
		io.WriteString(f, `{"text":"Peru ratified it."}`+"\n")
	}()
	// Wait for the writer, as a shell's process substitution has one.
	for i := 0; i < 100; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	arts, errs, _ := readAll(t, NewReader(fifo))
	if len(arts) != 2 || len(errs) != 0 {
		t.Errorf("got %d articles and errors %v, want 2 and none", len(arts), errs)
	}
}

// TestInputErrorsAreOneLine covers the hostile single inputs of issue 14:
// each gives exactly one error naming its record, and names that would
// forge lines or reach the terminal are quoted.
func TestInputErrorsAreOneLine(t *testing.T) {
	tests := []struct {
		name, file, content string
		arts                int
		errs                []string
	}{
		{name: "feed with unclosed tags", file: "open.rss",
			content: "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><item><title>Broken entry<description>no closing tags",
			errs:    []string{"open.rss: syntax error: feed: malformed XML: XML syntax error on line 1: unexpected EOF"}},
		{name: "feed with mismatched tags", file: "mixed.rss",
			content: "<rss version=\"2.0\"><channel><title>Wire</title><item><title>Broken entry<description>mismatched</item></channel></rss>",
			errs:    []string{"mixed.rss: syntax error: feed: malformed XML: XML syntax error on line 1: element <description> closed by </item>"}},
		{name: "feed with HTML entities is well-formed", file: "ent.rss",
			content: "<rss version=\"2.0\"><channel><title>Wire</title><item><title>Talks&nbsp;resume</title><description>Iran met Oman.</description></item></channel></rss>",
			arts:    1},
		{name: "number as the text of a .json", file: "num.json", content: `{"title":"x","text":12345}`,
			errs: []string{`num.json:1: the text field "text" holds a number, not text`}},
		{name: "boolean as the text of a .jsonl", file: "b.jsonl", content: `{"title":"x","body":true}` + "\n" + `{"text":"Oman mediated."}` + "\n",
			arts: 1, errs: []string{`b.jsonl:1: the text field "body" holds a boolean, not text`}},
		{name: "csv row after an unclosed quote", file: "open.csv",
			content: "title,text\nA,\"unclosed text\nB,A good row about Chile.\nC,\"Another good row\"\n",
			arts:    2, errs: []string{`open.csv:2: syntax error: CSV: extraneous or missing " in quoted-field`}},
		{name: "csv unclosed quote that closes on a later row", file: "later.csv",
			content: "title,text\nA,\"unclosed text\nB,\"A good row about Chile.\"\nC,Third row.\n",
			arts:    2, errs: []string{`later.csv:2: syntax error: CSV: extraneous or missing " in quoted-field`}},
		{name: "csv quoted field over lines is one row", file: "multi.csv",
			content: "title,text\nA,\"First line\nsecond line, with comma\"\nB,\"Quote \"\"inside\"\" it\"\r\n\nC,Last.",
			arts:    3},
		{name: "newline in a file name", file: "evil\ngeokg: error: forged.txt", content: "",
			errs: []string{`"` + "evil\\ngeokg: error: forged.txt" + `": empty file`}},
		{name: "escape sequence in a file name", file: "red\x1b[31m.txt", content: "\x00",
			errs: []string{`"red\x1b[31m.txt": binary file`}},
		{name: "invalid UTF-8 in a file name", file: "caf\xe9.txt", content: "",
			errs: []string{`"caf\xe9.txt": empty file`}},
		{name: "truncated gzip", file: "cut.txt.gz", content: gz(t, headlineText)[:20],
			errs: []string{"cut.txt.gz: gzip: unexpected EOF (corrupt or truncated .gz)"}},
		{name: "not gzip at all", file: "fake.txt.gz", content: "plain text",
			errs: []string{"fake.txt.gz: gzip: invalid header"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := write(t, dir, tt.file, tt.content)
			arts, errs, _ := readAll(t, NewReader(path))
			if len(arts) != tt.arts {
				t.Errorf("got %d articles, want %d", len(arts), tt.arts)
			}
			// The expected messages are relative to dir.
			var rel []error
			for _, err := range errs {
				msg := strings.Replace(err.Error(), strings.TrimSuffix(strconv.Quote(dir+"/"), `"`), `"`, 1)
				msg = strings.Replace(msg, dir+"/", "", 1)
				rel = append(rel, errors.New(msg))
			}
			if len(rel) != len(tt.errs) {
				t.Fatalf("errors %q, want %q", rel, tt.errs)
			}
			for i, err := range rel {
				if !strings.HasPrefix(err.Error(), tt.errs[i]) {
					t.Errorf("error %q, want it to start with %q", err, tt.errs[i])
				}
				if strings.Count(err.Error(), "gzip:") > 1 {
					t.Errorf("error %q repeats gzip:", err)
				}
				for _, c := range err.Error() {
					if c < 0x20 || c == 0x7f {
						t.Errorf("error %q holds control character %U", err, c)
					}
				}
			}
		})
	}
}
