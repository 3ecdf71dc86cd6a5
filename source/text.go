package source

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/geokg/geokg/schema"
)

// parseText turns a plain-text file into an article. The first line is the
// headline when a blank line follows it; Text keeps the file verbatim so
// that offsets are offsets into the file.
func parseText(path string, data []byte) (schema.Article, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return schema.Article{}, ErrEmpty
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return schema.Article{}, ErrBinary
	}
	if !utf8.Valid(data) {
		// Repair rather than reject: news archives often hold stray
		// Latin-1 bytes in otherwise good text.
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	text := string(data)
	hash := schema.ContentHash(text)
	return schema.Article{
		ID:    "sha256:" + hash,
		Path:  path,
		Title: headline(text),
		Text:  text,
		Hash:  hash,
	}, nil
}

// headline returns the first line when a blank line follows it.
func headline(text string) string {
	text = strings.TrimPrefix(text, "\uFEFF")
	first, rest, ok := strings.Cut(text, "\n")
	if !ok {
		return ""
	}
	second, _, _ := strings.Cut(rest, "\n")
	if strings.TrimSpace(second) != "" {
		return ""
	}
	return strings.TrimSpace(first)
}
