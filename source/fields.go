package source

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/itlightning/dateparse"

	"github.com/geokg/geokg/schema"
)

// Fields names the fields of a record (a JSON object or a CSV row) that
// hold each part of an article, in order of preference. Names match keys
// exactly first, then ignoring case; a dotted name ("source.name") looks
// inside a nested JSON object.
type Fields struct {
	Text, Title, Date, URL, Source []string
}

// DefaultFields covers the exports of common news APIs and databases.
var DefaultFields = Fields{
	Text:   []string{"text", "body", "content"},
	Title:  []string{"title", "headline"},
	Date:   []string{"date", "published", "publishedAt"},
	URL:    []string{"url", "link"},
	Source: []string{"source"},
}

func (f Fields) isZero() bool {
	return len(f.Text)+len(f.Title)+len(f.Date)+len(f.URL)+len(f.Source) == 0
}

// WithDefaults returns f with every empty list taken from DefaultFields.
func (f Fields) WithDefaults() Fields {
	fill := func(l, d []string) []string {
		if len(l) == 0 {
			return d
		}
		return l
	}
	return Fields{
		Text:   fill(f.Text, DefaultFields.Text),
		Title:  fill(f.Title, DefaultFields.Title),
		Date:   fill(f.Date, DefaultFields.Date),
		URL:    fill(f.URL, DefaultFields.URL),
		Source: fill(f.Source, DefaultFields.Source),
	}
}

// record is one structured input record.
type record interface {
	// field returns the value of the first of names present, and whether
	// any was present at all.
	field(names []string) (string, bool)
}

// fieldNotFound explains a record that has no text field.
func fieldNotFound(names []string) error {
	return fmt.Errorf("no text field: none of %s (choose one with --text-field)", strings.Join(names, ", "))
}

// buildArticle makes an article from a record: Text is the headline, a
// blank line and the body, so that extraction sees the headline as the
// first sentence. n numbers the record within its file; line is where it
// starts (0 when unknown), for warnings.
func (in *input) buildArticle(rec record, n, line int) (schema.Article, error) {
	f := in.opts.fields
	body, ok := rec.field(f.Text)
	if !ok {
		return schema.Article{}, fieldNotFound(f.Text)
	}
	if r, ok := rec.(jsonRecord); ok {
		if err := r.checkText(f.Text); err != nil {
			return schema.Article{}, err
		}
	}
	title, _ := rec.field(f.Title)
	date, _ := rec.field(f.Date)
	link, _ := rec.field(f.URL)
	src, _ := rec.field(f.Source)
	if looksLikeHTML(body) {
		body = htmlFragmentText(body)
	}
	a, err := in.newArticle(in.recordPath(n), line, title, body, link, src)
	if err != nil {
		return a, err
	}
	a.Published = in.parseDate(date, line)
	return a, nil
}

// newArticle assembles an article from its parts, cleaning them into
// valid, trimmed UTF-8, and gives it its id.
func (in *input) newArticle(path string, line int, title, body, link, src string) (schema.Article, error) {
	body = normalizeNewlines(strings.TrimSpace(body))
	title = strings.Join(strings.Fields(title), " ")
	if len(body)+len(title) == 0 {
		return schema.Article{}, ErrNoText
	}
	var repair string
	for _, s := range []*string{&body, &title, &link, &src} {
		var note string
		if *s, note = cleanString(*s); note != "" {
			repair = note
		}
	}
	if repair != "" {
		if line == 0 && path != in.path {
			repair += " in " + path
		}
		in.warnf(line, fmt.Errorf("%w: %s", ErrRepaired, repair))
	}
	text := body
	switch {
	case title == "":
	case body == "":
		text = title
	case !strings.HasPrefix(body, title):
		text = title + "\n\n" + body
	}
	if int64(len(text)) > in.opts.maxSize {
		return schema.Article{}, fmt.Errorf("%w: the text has %s, more than the limit of %s (--max-article-size)", ErrTooLarge, formatBytes(int64(len(text))), formatBytes(in.opts.maxSize))
	}
	hash := schema.ContentHash(text)
	a := schema.Article{
		Path:   path,
		URL:    normalizeURL(strings.TrimSpace(link)),
		Title:  title,
		Source: strings.TrimSpace(src),
		Text:   text,
		Hash:   hash,
	}
	a.ID = articleID(a.URL, hash)
	return a, nil
}

// articleID is the URL when known, else the content hash.
func articleID(link, hash string) string {
	if link != "" {
		return link
	}
	return "sha256:" + hash
}

// normalizeURL makes the same page get the same id however it was linked:
// lower-case scheme and host, no fragment, no tracking parameters. Text
// that is not an absolute URL is kept as it is (a database key, a DOI).
func normalizeURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return s
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	u.Fragment, u.RawFragment = "", ""
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			lk := strings.ToLower(k)
			if strings.HasPrefix(lk, "utm_") || lk == "fbclid" || lk == "gclid" {
				q.Del(k)
			}
		}
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// parseDate reads a date in any common form (ISO 8601, RFC 1123,
// "March 4, 2016", Unix seconds…). One it cannot read is reported as a
// warning and left unknown: a missing date must not lose an article.
func (in *input) parseDate(s string, line int) schema.Date {
	s = strings.TrimSpace(s)
	if s == "" {
		return schema.Date{}
	}
	d, err := parseDate(s)
	if err != nil {
		in.warnf(line, fmt.Errorf("date %q not understood; the article's date is left unknown", truncate(s, 60)))
	}
	return d
}

// parseDate parses s as a calendar date, keeping the day as written (the
// time zone is not applied: "2016-07-15T23:30:00-05:00" is July 15).
func parseDate(s string) (schema.Date, error) {
	if m := isoDay.FindStringSubmatch(s); m != nil {
		return schema.ParseDate(m[1])
	}
	if isDigits(s) && len(s) >= 9 && len(s) <= 13 {
		n, _ := strconv.ParseInt(s, 10, 64)
		if len(s) == 13 {
			return schema.NewDate(time.UnixMilli(n).UTC()), nil
		}
		return schema.NewDate(time.Unix(n, 0).UTC()), nil
	}
	t, err := dateparse.ParseIn(s, time.UTC, dateparse.RetryAmbiguousDateWithSwap(true))
	if err != nil {
		return schema.Date{}, err
	}
	if t.Year() < 1800 || t.Year() > 2200 {
		return schema.Date{}, errors.New("year out of range")
	}
	return schema.NewDate(t), nil
}

// isoDay matches a date that starts with an ISO 8601 day.
var isoDay = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})(?:$|[T ]\d)`)

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// fileDate reads a date at the start of a file name
// ("2015-10-30-vienna-talks.txt"), the way many archives name articles.
func fileDate(path string) schema.Date {
	base := path[strings.LastIndexAny(path, `/\`)+1:]
	if len(base) < 10 {
		return schema.Date{}
	}
	d, err := schema.ParseDate(base[:10])
	if err != nil || (len(base) > 10 && isDigits(base[10:11])) {
		return schema.Date{}
	}
	return d
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// jsonRecord is a JSON object read as a record.
type jsonRecord map[string]any

func (r jsonRecord) field(names []string) (string, bool) {
	for _, name := range names {
		if v, ok := r.lookup(name); ok {
			return jsonString(v), true
		}
	}
	return "", false
}

// checkText rejects a text field that holds a number or a boolean: a
// record whose text is 12345 is a broken export, not an article.
func (r jsonRecord) checkText(names []string) error {
	for _, name := range names {
		if v, ok := r.lookup(name); ok {
			switch v.(type) {
			case json.Number, float64, bool:
				return fmt.Errorf("the text field %q holds %s, not text", name, describeValue(v))
			}
			return nil
		}
	}
	return nil
}

// lookup finds name exactly, then ignoring case, then as a dotted path.
func (r jsonRecord) lookup(name string) (any, bool) {
	if v, ok := r[name]; ok && v != nil {
		return v, true
	}
	for k, v := range r {
		if v != nil && strings.EqualFold(k, name) {
			return v, true
		}
	}
	if head, rest, ok := strings.Cut(name, "."); ok {
		if inner, ok := r.lookup(head); ok {
			if m, ok := inner.(map[string]any); ok {
				return jsonRecord(m).lookup(rest)
			}
		}
	}
	return nil, false
}

// jsonString renders a JSON value as field text: strings as they are,
// numbers as written, lists of strings as paragraphs, an object by its
// name or title ({"source": {"name": "Reuters"}}).
func jsonString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	case []any:
		parts := make([]string, 0, len(v))
		for _, e := range v {
			if s := jsonString(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, "\n\n")
	case map[string]any:
		if s, ok := jsonRecord(v).field([]string{"name", "title", "text", "value"}); ok {
			return s
		}
	}
	return ""
}
