package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/geokg/geokg/source"
)

// inputOptions choose and read the articles of `import` and `extract`.
type inputOptions struct {
	InputFormat    string
	Include        []string
	Exclude        []string
	Fields         source.Fields
	MaxArticleSize string

	// The flags' raw values, copied into the fields above by fill.
	include, exclude, textF, titleF, dateF, urlF, sourceF cli.StringSlice
}

// inputFlags returns the flags that fill o.
func inputFlags(o *inputOptions) []cli.Flag {
	const inputs, fields = "Inputs", "Record fields (JSON, JSON lines, CSV)"
	return []cli.Flag{
		&cli.StringFlag{Name: "input-format", Category: inputs, Destination: &o.InputFormat,
			Usage: "read every input as `FORMAT`: " + strings.Join(source.Formats, ", ") + " (default: by extension; sniffed for -)"},
		&cli.StringSliceFlag{Name: "include", Category: inputs, Destination: &o.include,
			Usage: "in folders, read only files matching `GLOB` (repeatable; '*.json', '2016/**')"},
		&cli.StringSliceFlag{Name: "exclude", Category: inputs, Destination: &o.exclude,
			Usage: "in folders, skip files and folders matching `GLOB` (repeatable)"},
		&cli.StringFlag{Name: "max-article-size", Category: inputs, Value: "2MiB", Destination: &o.MaxArticleSize,
			Usage: "reject an article larger than `SIZE` (HTML pages and feeds may be 8x and 16x that)"},
		&cli.StringSliceFlag{Name: "text-field", Category: fields, Destination: &o.textF,
			Usage: "field `NAMES` holding the text, first present wins (default: text,body,content)"},
		&cli.StringSliceFlag{Name: "title-field", Category: fields, Destination: &o.titleF,
			Usage: "field `NAMES` holding the headline (default: title,headline)"},
		&cli.StringSliceFlag{Name: "date-field", Category: fields, Destination: &o.dateF,
			Usage: "field `NAMES` holding the publication date (default: date,published,publishedAt)"},
		&cli.StringSliceFlag{Name: "url-field", Category: fields, Destination: &o.urlF,
			Usage: "field `NAMES` holding the URL, used as the article id (default: url,link)"},
		&cli.StringSliceFlag{Name: "source-field", Category: fields, Destination: &o.sourceF,
			Usage: "field `NAMES` holding the outlet (default: source)"},
	}
}

// fill copies the parsed flag values into o.
func (o *inputOptions) fill() {
	o.Include, o.Exclude = o.include.Value(), o.exclude.Value()
	o.Fields = source.Fields{Text: o.textF.Value(), Title: o.titleF.Value(), Date: o.dateF.Value(),
		URL: o.urlF.Value(), Source: o.sourceF.Value()}.WithDefaults()
}

// validate checks the settings and returns the article size limit in
// bytes.
func (o *inputOptions) validate() (int64, error) {
	if o.InputFormat != "" && !slices.Contains(source.Formats, o.InputFormat) {
		return 0, fmt.Errorf("--input-format %q: want one of %s", o.InputFormat, strings.Join(source.Formats, ", "))
	}
	if err := source.CheckGlobs(append(slices.Clone(o.Include), o.Exclude...)); err != nil {
		return 0, err
	}
	size, err := parseSize(o.MaxArticleSize)
	if err != nil {
		return 0, fmt.Errorf("--max-article-size: %w", err)
	}
	return size, nil
}

// reader returns a source over paths with these settings; maxSize comes
// from validate.
func (o *inputOptions) reader(paths []string, stdin io.Reader, maxSize int64) *source.Reader {
	src := source.NewReader(paths...)
	src.Fields, src.Include, src.Exclude = o.Fields, o.Include, o.Exclude
	src.Format, src.MaxArticleSize, src.Stdin = o.InputFormat, maxSize, stdin
	return src
}
