package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/geokg/geokg/schema"
)

// The fixtures are short texts written for these tests.
const (
	headlineText = "Russia and Turkey mend ties\n\nPresident Putin met President Erdogan in St Petersburg on Tuesday.\n"
	feedRSS      = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test Wire</title><link>https://wire.example/</link>
<item><title>Iran and Saudi Arabia restore ties</title><link>https://wire.example/a1</link>
<description>&lt;p&gt;Iran and Saudi Arabia agreed to reopen embassies.&lt;/p&gt;</description>
<pubDate>Fri, 10 Mar 2023 14:00:00 +0000</pubDate></item>
<item><title></title><description></description></item>
<item><title>Headline only</title><link>https://wire.example/a3</link></item>
</channel></rss>`
	feedAtom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>NATO ministers meet in Brussels</title><link href="https://atom.example/n1"/>
<id>urn:n1</id><updated>2016-07-08T09:00:00Z</updated>
<content type="html">&lt;p&gt;NATO defence ministers met in Brussels.&lt;/p&gt;</content></entry>
</feed>`
	pageHTML = `<!DOCTYPE html><html><head><title>Ceasefire agreed | The Example Post</title>
<meta property="og:title" content="Ceasefire agreed in Geneva">
<meta property="article:published_time" content="2016-02-22T21:30:00-05:00">
<meta property="og:site_name" content="The Example Post">
<link rel="canonical" href="https://post.example/world/ceasefire">
<script>var tracking = "Moscow Washington";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Ceasefire agreed in Geneva</h1>
<p>The United States and Russia announced a cessation of hostilities in Syria on Monday, to begin at midnight on Friday.</p>
<p>The agreement excludes the Islamic State and the Nusra Front, which the United Nations lists as terrorist groups.</p>
<p>Secretary of State John Kerry and Foreign Minister Sergei Lavrov had negotiated the terms for weeks in Geneva and Munich.</p>
</article><footer>Copyright The Example Post. Subscribe to our newsletter.</footer></body></html>`
)

// got is one result of a Reader.
type got struct {
	a   schema.Article
	err error
}

// readAll drains a reader, collecting articles, errors and warnings.
func readAll(t *testing.T, r *Reader) (arts []schema.Article, errs []error, warns []string) {
	t.Helper()
	r.Warn = func(e *Error) { warns = append(warns, e.Error()) }
	for i := 0; ; i++ {
		if i > 10000 {
			t.Fatal("reader does not end")
		}
		a, err := r.Next(context.Background())
		if err == io.EOF {
			return arts, errs, warns
		}
		if err != nil {
			var se *Error
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not a *source.Error", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
			errs = append(errs, err)
			continue
		}
		if a.Text == "" || a.ID == "" || a.Hash != schema.ContentHash(a.Text) {
			t.Errorf("article %s: empty text or id, or hash not of the text", a.Path)
		}
		arts = append(arts, a)
	}
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func gz(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.String()
}

// summary prints an article's fields that matter, for comparison.
func summary(a schema.Article) string {
	return fmt.Sprintf("id=%s title=%q date=%s source=%q text=%q", a.ID, a.Title, a.Published, a.Source, a.Text)
}

func TestFormats(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		content string
		want    []string // summaries of the articles
		errs    []string // substrings of the errors, in order
	}{
		{
			name: "plain text with a headline", file: "2016-08-09-putin.txt", content: headlineText,
			want: []string{fmt.Sprintf("id=sha256:%s title=%q date=2016-08-09 source=\"\" text=%q", schema.ContentHash(headlineText), "Russia and Turkey mend ties", headlineText)},
		},
		{
			name: "markdown with front matter", file: "talks.md",
			content: "---\ntitle: \"Talks in Vienna\"\ndate: 2015-10-30\nsource: Example Wire\nurl: https://wire.example/vienna#top\n---\n# Talks in Vienna\n\nMinisters met in **Vienna** to discuss [Syria](https://x.example/syria).\n",
			want:    []string{`id=https://wire.example/vienna title="Talks in Vienna" date=2015-10-30 source="Example Wire" text="Talks in Vienna\n\nMinisters met in Vienna to discuss Syria."`},
		},
		{
			name: "markdown without front matter takes the first heading", file: "plain.md",
			content: "# Kim meets Moon\n\nThe leaders met at _Panmunjom_.\n",
			want:    []string{fmt.Sprintf("id=sha256:%s title=\"Kim meets Moon\" date= source=\"\" text=\"Kim meets Moon\\n\\nThe leaders met at _Panmunjom_.\"", schema.ContentHash("Kim meets Moon\n\nThe leaders met at _Panmunjom_."))},
		},
		{
			name: "json lines with default and nested fields", file: "news.jsonl",
			content: `{"headline":"Talks resume","body":"Iran and the EU resumed talks.","publishedAt":"2019-03-04T10:00:00Z","link":"https://a.example/1?utm_source=rss","source":{"id":"x","name":"Wire"}}` + "\n\n" +
				`{"title":"Second","text":"Japan protested.","date":"1457049600"}` + "\n",
			want: []string{
				`id=https://a.example/1 title="Talks resume" date=2019-03-04 source="Wire" text="Talks resume\n\nIran and the EU resumed talks."`,
				fmt.Sprintf(`id=sha256:%s title="Second" date=2016-03-04 source="" text="Second\n\nJapan protested."`, schema.ContentHash("Second\n\nJapan protested.")),
			},
		},
		{
			name: "json list", file: "list.json",
			content: "[\n {\"title\": \"A\", \"content\": \"<p>Egypt and <b>Israel</b> met.</p>\", \"url\": \"https://b.example/a\"},\n {\"title\": \"B\", \"text\": \"Chad mediated.\", \"url\": \"https://b.example/b\", \"date\": \"March 5, 2016\"}\n]",
			want: []string{
				`id=https://b.example/a title="A" date= source="" text="A\n\nEgypt and Israel met."`,
				`id=https://b.example/b title="B" date=2016-03-05 source="" text="B\n\nChad mediated."`,
			},
		},
		{
			name: "json object wrapping a list, as news APIs return", file: "api.json",
			content: `{"status":"ok","totalResults":1,"articles":[{"source":{"name":"API Wire"},"title":"Oil talks","content":"OPEC met in Vienna.","url":"https://c.example/1","publishedAt":"2020-04-09T12:00:00Z"}]}`,
			want:    []string{`id=https://c.example/1 title="Oil talks" date=2020-04-09 source="API Wire" text="Oil talks\n\nOPEC met in Vienna."`},
		},
		{
			name: "json single object", file: "one.json",
			content: `{"title":"One","text":"Peru and Chile signed.","tags":["a","b"],"authors":[{"name":"X"}]}`,
			want:    []string{fmt.Sprintf(`id=sha256:%s title="One" date= source="" text="One\n\nPeru and Chile signed."`, schema.ContentHash("One\n\nPeru and Chile signed."))},
		},
		{
			name: "csv with header, quoted newlines and a semicolon delimiter", file: "table.csv",
			content: "\ufeffTitle;Text;Date;URL\nTruce;\"Armenia and Azerbaijan agreed.\nTalks follow.\";10/11/2020;https://d.example/t\n",
			want:    []string{`id=https://d.example/t title="Truce" date=2020-10-11 source="" text="Truce\n\nArmenia and Azerbaijan agreed.\nTalks follow."`},
		},
		{
			name: "tsv", file: "table.tsv",
			content: "title\tbody\nAccord\tSudan signed.\n",
			want:    []string{fmt.Sprintf(`id=sha256:%s title="Accord" date= source="" text="Accord\n\nSudan signed."`, schema.ContentHash("Accord\n\nSudan signed."))},
		},
		{
			name: "rss with an empty entry", file: "wire.rss", content: feedRSS,
			want: []string{
				`id=https://wire.example/a1 title="Iran and Saudi Arabia restore ties" date=2023-03-10 source="Test Wire" text="Iran and Saudi Arabia restore ties\n\nIran and Saudi Arabia agreed to reopen embassies."`,
				`id=https://wire.example/a3 title="Headline only" date= source="Test Wire" text="Headline only"`,
			},
			errs: []string{"wire.rss: entry 2: no article text"},
		},
		{
			name: "atom", file: "desk.atom", content: feedAtom,
			want: []string{`id=https://atom.example/n1 title="NATO ministers meet in Brussels" date=2016-07-08 source="Atom Desk" text="NATO ministers meet in Brussels\n\nNATO defence ministers met in Brussels."`},
		},
		{
			name: "gzipped json lines", file: "news.jsonl.gz", content: gz(t, `{"text":"Mali and France met."}`+"\n"),
			want: []string{fmt.Sprintf(`id=sha256:%s title="" date= source="" text="Mali and France met."`, schema.ContentHash("Mali and France met."))},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := write(t, t.TempDir(), tt.file, tt.content)
			arts, errs, _ := readAll(t, NewReader(path))
			var sums []string
			for _, a := range arts {
				sums = append(sums, summary(a))
			}
			if fmt.Sprint(sums) != fmt.Sprint(tt.want) {
				t.Errorf("articles:\n%s\nwant:\n%s", strings.Join(sums, "\n"), strings.Join(tt.want, "\n"))
			}
			checkErrors(t, errs, tt.errs)
		})
	}
}

func checkErrors(t *testing.T, errs []error, want []string) {
	t.Helper()
	if len(errs) != len(want) {
		t.Errorf("errors %q, want %d matching %q", errs, len(want), want)
		return
	}
	for i, err := range errs {
		if !strings.Contains(err.Error(), want[i]) {
			t.Errorf("error %d = %q, want it to contain %q", i, err, want[i])
		}
	}
}

func TestHTMLMainText(t *testing.T) {
	path := write(t, t.TempDir(), "page.html", pageHTML)
	arts, errs, _ := readAll(t, NewReader(path))
	if len(errs) > 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	a := arts[0]
	for _, want := range []string{"cessation of hostilities", "Islamic State", "John Kerry"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, a.Text)
		}
	}
	for _, boilerplate := range []string{"Sport", "Subscribe", "tracking"} {
		if strings.Contains(a.Text, boilerplate) {
			t.Errorf("text keeps boilerplate %q:\n%s", boilerplate, a.Text)
		}
	}
	if !strings.HasPrefix(a.Text, "Ceasefire agreed in Geneva\n\n") {
		t.Errorf("text does not start with the headline and a blank line:\n%s", a.Text)
	}
	if got := fmt.Sprintf("%s|%s|%s|%s", a.ID, a.Title, a.Published, a.Source); got != "https://post.example/world/ceasefire|Ceasefire agreed in Geneva|2016-02-22|The Example Post" {
		t.Errorf("id|title|date|source = %s", got)
	}
}

func TestBadInputs(t *testing.T) {
	latin1 := "Caf\xe9 talks\n\nThe minist\xe8re said Fran\xe7ois Hollande met Merkel.\n"
	mixed := "Talks in Zürich\n\nDelegates from Iran met in Z\xfcrich.\n"
	tests := []struct {
		name    string
		file    string
		content string
		mode    os.FileMode
		arts    int
		errs    []string
		warns   []string
		skips   int // how many of the errors count as skipped, not failed
	}{
		{name: "empty file", file: "empty.txt", content: "", errs: []string{"empty.txt: empty file"}, skips: 1},
		{name: "white space only", file: "blank.md", content: " \n\t\n", errs: []string{"blank.md: empty file"}, skips: 1},
		{name: "binary with NUL bytes", file: "photo.txt", content: "\x00\x01\x02abc", errs: []string{"photo.txt: binary file, not text (NUL byte at offset 0)"}},
		{name: "PDF named .txt", file: "report.txt", content: "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", errs: []string{"report.txt: binary file, not text (PDF document)"}},
		{name: "binary named .jsonl", file: "data.jsonl", content: "\x89PNG\r\n\x1a\n\x00\x00", errs: []string{"data.jsonl: binary file, not text (PNG image)"}},
		{name: "latin-1 text is decoded", file: "latin1.txt", content: latin1, arts: 1,
			warns: []string{"latin1.txt: text repaired: not UTF-8; decoded as Windows-1252 (Latin-1)"}},
		{name: "stray bytes in UTF-8 are replaced", file: "mixed.txt", content: mixed, arts: 1,
			warns: []string{"mixed.txt: text repaired: invalid UTF-8 (1 bad bytes) replaced with U+FFFD"}},
		{name: "UTF-16 is decoded", file: "utf16.txt", content: "\xff\xfeH\x00i\x00\n\x00", arts: 1,
			warns: []string{"utf16.txt: text repaired: decoded from UTF-16"}},
		{name: "malformed json lines are reported by line", file: "bad.jsonl",
			content: "{\"text\":\"Good one.\"}\n{\"text\": broken\n[1,2]\n{\"title\":\"no text\"}\n{\"text\":\"\"}\n{\"text\":\"Good two.\"}\n{\"text\":\"x\"} trailing\n{\"text\":\"cut",
			arts:    2,
			errs: []string{
				"bad.jsonl:2: syntax error: invalid JSON: invalid character 'b'",
				"bad.jsonl:3: syntax error: not a JSON object",
				"bad.jsonl:4: no text field: none of text, body, content (choose one with --text-field)",
				"bad.jsonl:5: no article text",
				"bad.jsonl:7: syntax error: invalid JSON: text after the object",
				"bad.jsonl:8: syntax error: invalid JSON: unexpected end of input (truncated?)",
			},
			skips: 1},
		{name: "invalid UTF-8 in a json line", file: "latin.jsonl", content: "{\"text\":\"Gen\xe8ve talks.\"}\n", arts: 1,
			warns: []string{"latin.jsonl:1: text repaired: not UTF-8; decoded as Windows-1252 (Latin-1)"}},
		{name: "truncated json list", file: "cut.json", content: "[{\"text\":\"One.\"},\n{\"text\":\"Two.\"},\n{\"text\":", arts: 2,
			errs: []string{"cut.json:3: syntax error: invalid JSON: unexpected end of input (truncated?); the rest of the file is not read"}},
		{name: "json that is not an article", file: "num.json", content: "42", errs: []string{"num.json:1: syntax error: a JSON file must hold an article object or a list of them, not a number"}},
		{name: "csv without a text column", file: "notext.csv", content: "id,headline\n1,Hello\n",
			errs: []string{`notext.csv: no text field: none of text, body, content (choose one with --text-field) (the header has "id", "headline")`}},
		{name: "csv with missing columns and broken quotes", file: "rows.csv",
			content: "title,text,date\nA,Good row.,2016-01-01\nB,Short row\nC,\"bad \"quote\",2016-01-02\nD,Another good row.,2016-01-03\n",
			arts:    2,
			errs: []string{
				"rows.csv:3: the row has 2 fields but the header has 3 (missing columns or a stray delimiter)",
				"rows.csv:4: syntax error: CSV: extraneous or missing \" in quoted-field",
			}},
		{name: "html with no text", file: "nav.html", content: "<html><head><title>Menu</title><script>x()</script></head><body><nav></nav></body></html>",
			errs: []string{"nav.html: no article text"}, skips: 1},
		{name: "feed that is not well-formed", file: "broken.rss", content: "<rss version=\"2.0\"><channel><item><title>A</title></chan",
			errs: []string{"broken.rss: syntax error: feed:"}},
		{name: "xml that is not a feed", file: "config.xml", content: "<?xml version=\"1.0\"?><config><a>1</a></config>",
			errs: []string{"config.xml: unsupported file type: not an RSS or Atom feed"}},
		{name: "corrupt gzip", file: "news.jsonl.gz", content: "\x1f\x8b\x08\x00garbage", errs: []string{"news.jsonl.gz: gzip:"}},
		{name: "unsupported extension named directly", file: "notes.docx", content: "PK\x03\x04", errs: []string{"notes.docx: unsupported file type \".docx\""}},
		{name: "bad date is a warning", file: "d.jsonl", content: "{\"text\":\"Fiji voted.\",\"date\":\"the day after\"}\n", arts: 1,
			warns: []string{`d.jsonl:1: date "the day after" not understood`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := write(t, t.TempDir(), tt.file, tt.content)
			arts, errs, warns := readAll(t, NewReader(path))
			if len(arts) != tt.arts {
				t.Errorf("got %d articles, want %d", len(arts), tt.arts)
			}
			checkErrors(t, errs, tt.errs)
			skips := 0
			for _, err := range errs {
				var se *Error
				if errors.As(err, &se) && se.Skipped() {
					skips++
				}
			}
			if skips != tt.skips {
				t.Errorf("%d errors count as skipped, want %d", skips, tt.skips)
			}
			if len(warns) != len(tt.warns) {
				t.Fatalf("warnings %q, want %q", warns, tt.warns)
			}
			for i, w := range warns {
				if !strings.Contains(w, tt.warns[i]) {
					t.Errorf("warning %q, want it to contain %q", w, tt.warns[i])
				}
			}
		})
	}
}

func TestLatin1IsDecodedCorrectly(t *testing.T) {
	path := write(t, t.TempDir(), "fr.txt", "Fran\xe7ois Hollande \xe0 Gen\xe8ve\n")
	arts, _, _ := readAll(t, NewReader(path))
	if len(arts) != 1 || arts[0].Text != "François Hollande à Genève\n" {
		t.Errorf("got %q", arts)
	}
}

func TestLargeFile(t *testing.T) {
	dir := t.TempDir()
	// A 50 MB text file: rejected without being read into memory.
	big := filepath.Join(dir, "dump.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	// A 50 MB JSON-lines file of small articles streams through.
	lines := filepath.Join(dir, "many.jsonl")
	var b bytes.Buffer
	line := fmt.Sprintf(`{"text":"%s"}`+"\n", strings.Repeat("Peace talks went on. ", 240))
	for b.Len() < 50<<20 {
		fmt.Fprintf(&b, `{"id":%d,`, b.Len())
		b.WriteString(line[1:])
	}
	if err := os.WriteFile(lines, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	r := NewReader(big, lines)
	r.Warn = func(e *Error) { t.Errorf("warning %v", e) }
	n, dups := 0, 0
	var errs []error
	for {
		_, err := r.Next(context.Background())
		if err == io.EOF {
			break
		}
		switch {
		case errors.Is(err, ErrDuplicate):
			dups++
		case err != nil:
			errs = append(errs, err)
		default:
			n++
		}
	}
	checkErrors(t, errs, []string{"dump.txt: too large: 50 MiB, over the 2 MiB limit for one article (--max-article-size)"})
	// Every line has the same text: one article, the rest duplicates.
	if n != 1 || dups < 9000 {
		t.Errorf("read %d articles and %d duplicates, want 1 and the rest", n, dups)
	}
	if r.BytesRead() < 50<<20 {
		t.Errorf("BytesRead = %d, want the whole JSON-lines file", r.BytesRead())
	}
}

func TestDuplicatesAreSkipped(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", headlineText)
	write(t, dir, "b/copy.txt", headlineText)
	write(t, dir, "c.jsonl", `{"text":"One.","url":"https://e.example/1"}`+"\n"+`{"text":"Other text.","url":"https://E.example/1#comments"}`+"\n")
	arts, errs, _ := readAll(t, NewReader(dir))
	if len(arts) != 2 {
		t.Errorf("read %d articles, want 2", len(arts))
	}
	checkErrors(t, errs, []string{"copy.txt: duplicate article: same text", "c.jsonl:2: duplicate article: id https://e.example/1 was read before"})
}

func TestDirectoryWalk(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"2016/a.txt", "2016/b.json", "2017/c.md", "2017/drafts/d.txt", ".git/e.txt", "f.pdf", "g.html.gz", "out/docs.jsonl"} {
		write(t, dir, name, "x")
	}
	tests := []struct {
		name             string
		include, exclude []string
		want             string
	}{
		{name: "all known formats, hidden folders skipped", want: "2016/a.txt 2016/b.json 2017/c.md 2017/drafts/d.txt g.html.gz"},
		{name: "include by base name", include: []string{"*.txt"}, want: "2016/a.txt 2017/drafts/d.txt"},
		{name: "include by path", include: []string{"2017/**"}, want: "2017/c.md 2017/drafts/d.txt"},
		{name: "exclude a folder by name", exclude: []string{"drafts"}, want: "2016/a.txt 2016/b.json 2017/c.md g.html.gz"},
		{name: "exclude by path glob", exclude: []string{"2016/*.json", "*.gz"}, want: "2016/a.txt 2017/c.md 2017/drafts/d.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(dir)
			r.Include, r.Exclude, r.Ignore = tt.include, tt.exclude, []string{filepath.Join(dir, "out")}
			var files []string
			for {
				path, err := r.nextPath()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				rel, _ := filepath.Rel(dir, path)
				files = append(files, filepath.ToSlash(rel))
			}
			if got := strings.Join(files, " "); got != tt.want {
				t.Errorf("files %s\nwant  %s", got, tt.want)
			}
		})
	}
	if err := CheckGlobs([]string{"[a-"}); err == nil {
		t.Error("CheckGlobs accepts a malformed glob")
	}
}

func TestMissingPath(t *testing.T) {
	_, errs, _ := readAll(t, NewReader(filepath.Join(t.TempDir(), "nope.txt")))
	checkErrors(t, errs, []string{"nope.txt: stat: no such file or directory"})
}

func TestStdinIsSniffed(t *testing.T) {
	tests := []struct {
		name, in, format string
		want             int
	}{
		{name: "json lines", in: `{"text":"A."}` + "\n" + `{"text":"B."}`, want: 2},
		{name: "json list", in: `[{"text":"A."},{"text":"B."},{"text":"C."}]`, want: 3},
		{name: "feed", in: feedAtom, want: 1},
		{name: "html", in: pageHTML, want: 1},
		{name: "text", in: headlineText, want: 1},
		{name: "gzipped json lines", in: gz(t, `{"text":"A."}`+"\n"), want: 1},
		{name: "csv needs its format named", in: "text\nA.\nB.\n", format: "csv", want: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader("-")
			r.Stdin, r.Format = strings.NewReader(tt.in), tt.format
			arts, errs, _ := readAll(t, r)
			if len(arts) != tt.want || len(errs) > 0 {
				t.Errorf("got %d articles, errors %v; want %d", len(arts), errs, tt.want)
			}
			for _, a := range arts {
				if !strings.HasPrefix(a.Path, "-") {
					t.Errorf("path %q, want it to name standard input", a.Path)
				}
			}
		})
	}
}

func TestConfiguredFields(t *testing.T) {
	path := write(t, t.TempDir(), "custom.jsonl", `{"story":{"words":"Ghana voted."},"hed":"Vote","when":"2012-12-07"}`+"\n")
	r := NewReader(path)
	r.Fields = Fields{Text: []string{"story.words"}, Title: []string{"hed"}, Date: []string{"when"}}.WithDefaults()
	arts, errs, _ := readAll(t, r)
	if len(errs) > 0 || len(arts) != 1 || arts[0].Text != "Vote\n\nGhana voted." || arts[0].Published.String() != "2012-12-07" {
		t.Errorf("got %v %v", arts, errs)
	}
}

func TestArticleTooLarge(t *testing.T) {
	path := write(t, t.TempDir(), "big.jsonl", `{"text":"`+strings.Repeat("a", 3000)+`"}`+"\n"+`{"text":"small"}`+"\n")
	r := NewReader(path)
	r.MaxArticleSize = 1000
	arts, errs, _ := readAll(t, r)
	if len(arts) != 1 {
		t.Errorf("got %d articles, want the small one", len(arts))
	}
	checkErrors(t, errs, []string{"big.jsonl:1: too large: the text has 2.9 KiB, more than the limit of 1000 bytes (--max-article-size)"})
}

func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := NewReader("x").Next(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}
