package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// Article is one news article as read from a source.
//
// Text is the exact text that character offsets refer to: for plain-text
// files the file's content verbatim (headline on the first line), for
// structured sources the headline, a blank line and the body.
type Article struct {
	// ID is stable across runs: the URL when the source has one, else
	// "sha256:" and the content hash.
	ID string `json:"id"`
	// Path names where the article came from: a file path, with "#N" for
	// the N-th record of a multi-article file ("feed.jsonl#12").
	Path string `json:"path"`
	// URL is the article's address, when the source gives one.
	URL string `json:"url,omitempty"`
	// Title is the headline; empty when unknown.
	Title string `json:"title"`
	// Published is the publication date; zero when unknown.
	Published Date `json:"published"`
	// Source is the outlet ("Reuters"), when the source gives one.
	Source string `json:"source,omitempty"`
	// Text is the article's text; all offsets are code points into it.
	Text string `json:"-"`
	// Hash is the hex SHA-256 of Text, used to skip articles already
	// imported.
	Hash string `json:"hash"`
}

// ContentHash returns the hex SHA-256 of text.
func ContentHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// Date is a calendar day without time of day or zone. The zero Date means
// "unknown" and encodes to JSON null.
type Date struct {
	t time.Time
}

// dateLayout is the one textual form of a Date, also used in Neo4j.
const dateLayout = "2006-01-02"

// NewDate returns the Date of the calendar day of t (in t's location).
func NewDate(t time.Time) Date {
	y, m, d := t.Date()
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// ParseDate parses "YYYY-MM-DD". The empty string gives the zero Date.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return Date{t}, nil
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns the date as midnight UTC.
func (d Date) Time() time.Time { return d.t }

// String returns "YYYY-MM-DD", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(dateLayout)
}

// MarshalJSON encodes the date as "YYYY-MM-DD" or null.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON accepts "YYYY-MM-DD", "" and null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("date: %w", err)
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// QuotePath returns an article path or file name as messages print it:
// as it is when it prints as itself, else Go-quoted ("\n", "\x1b",
// "\xe9" escaped), so that a name cannot forge a second message line,
// reach the terminal as an escape sequence or lose its bytes.
func QuotePath(path string) string {
	q := strconv.Quote(path)
	if q[1:len(q)-1] == path {
		return path
	}
	return q
}
