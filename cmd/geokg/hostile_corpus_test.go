package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/geokg/geokg/internal/hostile"
)

// TestHostileCorpus runs the geokg binary on the hostile inputs of issue
// 14 mixed with 200 good articles: the job exits 1, imports every good
// article, prints one line per bad input naming it (quoted when the name
// needs it), and its peak RSS stays under 300 MB.
func TestHostileCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary on 8 GiB of hostile input")
	}
	start := time.Now()
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "geokg")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := filepath.Join(tmp, "corpus")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	put := func(name, content string) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	// Good articles, written for this test.
	var good []string
	for i := 1; i <= 200; i++ {
		good = append(good, put(fmt.Sprintf("%03d-talks.txt", i), fmt.Sprintf(
			"Talks round %d\n\nRussia backs Syria in talks, round %d, diplomats in Geneva said on Monday.\n", i, i)))
	}

	// The hostile inputs, each with the part of its one line that names it.
	bad := map[string]string{}
	if err := errors.Join(
		hostile.WriteGzip(filepath.Join(dir, "big.json.gz"), `{"title":"b","text":"`, 'a', 64<<20, 64, `"}`),
		hostile.WriteGzip(filepath.Join(dir, "big.csv.gz"), "title,text\n\"B\",\"", 'a', 64<<20, 64, ""),
	); err != nil {
		t.Fatal(err)
	}
	bad["big.json.gz"] = "big.json.gz:1: too large"
	bad["big.csv.gz"] = "big.csv.gz:2: too large"
	// 200 MB of a list of numbers after the text.
	junk, err := os.Create(filepath.Join(dir, "junk.json"))
	if err != nil {
		t.Fatal(err)
	}
	jw := bufio.NewWriter(junk)
	jw.WriteString(`{"text":"Peace talks on the border resumed.","junk":[1`)
	unit := bytes.Repeat([]byte(",1"), 1<<19)
	for range 200 {
		jw.Write(unit)
	}
	jw.WriteString("]}")
	if err := errors.Join(jw.Flush(), junk.Close()); err != nil {
		t.Fatal(err)
	}
	bad["junk.json"] = "junk.json:1: too large"
	put("open.rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Broken entry<description>no closing tags</item></channel></rss>`)
	bad["open.rss"] = "open.rss: syntax error: feed: malformed XML"
	put("num.json", `{"title":"x","text":12345}`)
	bad["num.json"] = `num.json:1: the text field "text" holds a number`
	put("open.csv", "title,text\nA,\"unclosed quote\nB,Chile and Peru signed a border treaty.\n")
	bad["open.csv"] = "open.csv:2: syntax error: CSV"
	good = append(good, filepath.Join(dir, "open.csv")+"#2") // row B
	put("evil\ngeokg: error: forged.txt", "\x00")
	bad["forged"] = `evil\ngeokg: error: forged.txt": binary file`
	put("red\x1b[31m.txt", "\x00")
	bad["escape"] = `red\x1b[31m.txt": binary file`
	put("caf\xe9.txt", "")
	bad["latin-1 name"] = `caf\xe9.txt": empty file`
	put("photo.txt", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	bad["photo.txt"] = "photo.txt: binary file"
	put("empty.txt", "")
	bad["empty.txt"] = "empty.txt: empty file"
	put("latin.txt", "Talks in Z\xfcrich\n\nIran and Oman met in Z\xfcrich on Tuesday.\n")
	bad["latin.txt"] = "latin.txt: text repaired"
	good = append(good, filepath.Join(dir, "latin.txt"))
	var article bytes.Buffer
	zw := gzip.NewWriter(&article)
	zw.Write([]byte("Cut short\n\nThe talks in Vienna were cut short when the delegations left.\n"))
	zw.Close()
	put("cut.txt.gz", article.String()[:article.Len()/2])
	bad["cut.txt.gz"] = "cut.txt.gz: gzip: unexpected EOF"
	put("fake.txt.gz", "plain text, not gzip")
	bad["fake.txt.gz"] = "fake.txt.gz: gzip: invalid header"
	put("deep.json", strings.Repeat("[", 200000))
	bad["deep.json"] = "deep.json:1: syntax error"
	// Named on the command line, between the folder and a good file.
	fifo := filepath.Join(tmp, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	bad["pipe.txt"] = "pipe.txt: not a regular file"
	last := filepath.Join(tmp, "last.txt")
	if err := os.WriteFile(last, []byte("Last word\n\nNorway hosted the last round of talks.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	good = append(good, last)

	out := filepath.Join(tmp, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "import", "-q", "-j", "2", "--out", out, dir, fifo, last)
	cmd.Env = append(os.Environ(), "NEO4J_URI=")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	t.Logf("corpus ready after %.1fs", time.Since(start).Seconds())
	runStart := time.Now()
	err = cmd.Run()
	t.Logf("geokg import took %.1fs", time.Since(runStart).Seconds())
	if ctx.Err() != nil {
		t.Fatalf("geokg import did not end in 2 minutes (blocked?)\n%s", stderr.String())
	}
	if code := cmd.ProcessState.ExitCode(); code != exitFailed {
		t.Errorf("exit code %d (%v), want %d", code, err, exitFailed)
	}
	peak := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10 // KiB on Linux
	t.Logf("peak RSS %d MiB", peak>>20)
	if peak > 300<<20 {
		t.Errorf("peak RSS %d MiB, want under 300 MiB", peak>>20)
	}

	// One line per bad input, each naming it; and the final count.
	lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
	checkLines(t, "stderr", stderr.String(), "geokg: ")
	for name, marker := range bad {
		n := 0
		for _, l := range lines {
			if strings.Contains(l, marker) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %d lines contain %q, want 1", name, n, marker)
		}
	}
	if len(lines) != len(bad)+1 || !strings.HasSuffix(lines[len(lines)-1], "failed; see the messages above") {
		t.Errorf("stderr has %d lines, want one per bad input (%d) and the count:\n%s", len(lines), len(bad), stderr.String())
	}

	// Every good article is in the output folder.
	docs, err := os.ReadFile(filepath.Join(out, "docs.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range good {
		q, _ := json.Marshal(path)
		if !bytes.Contains(docs, append([]byte(`"path":`), q...)) {
			t.Errorf("%s was not imported", path)
		}
	}
	if n := bytes.Count(docs, []byte("\n")); n != len(good) {
		t.Errorf("%d docs written, want the %d good articles", n, len(good))
	}
	if t.Failed() || testing.Verbose() {
		t.Logf("stderr:\n%s\nsummary:\n%s", stderr.String(), stdout.String())
	}
	t.Logf("whole test %.1fs", time.Since(start).Seconds())
}
