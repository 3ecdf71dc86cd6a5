package source

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/geokg/geokg/schema"
)

// openText reads a plain-text file as one article. The first line is the
// headline when a blank line follows it; Text keeps the file verbatim
// (less a byte-order mark) so that offsets are offsets into the file.
func openText(in *input) (iterator, error) {
	return &single{parse: func() (schema.Article, error) {
		data, err := in.readAll(in.opts.maxSize)
		if err != nil {
			return schema.Article{}, err
		}
		return in.parseText(data)
	}}, nil
}

func (in *input) parseText(data []byte) (schema.Article, error) {
	text, err := in.decode(data)
	if err != nil {
		return schema.Article{}, err
	}
	hash := schema.ContentHash(text)
	return schema.Article{
		ID:        "sha256:" + hash,
		Path:      in.path,
		Title:     headline(text),
		Published: fileDate(in.path),
		Text:      text,
		Hash:      hash,
	}, nil
}

// decode turns a whole file into text, rejecting empty and binary files
// and warning about a repair.
func (in *input) decode(data []byte) (string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", ErrEmpty
	}
	text, repair, err := decodeText(data)
	if err != nil {
		return "", err
	}
	if repair != "" {
		in.warnf(0, fmt.Errorf("%w: %s", ErrRepaired, repair))
	}
	if strings.TrimSpace(text) == "" {
		return "", ErrEmpty
	}
	return text, nil
}

// headline returns the first line when a blank line follows it.
func headline(text string) string {
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
