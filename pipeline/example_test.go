package pipeline_test

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/geokg/geokg/pipeline"
	"github.com/geokg/geokg/schema"
)

// sliceSource yields the given texts as articles.
type sliceSource []string

func (s *sliceSource) Next(context.Context) (schema.Article, error) {
	if len(*s) == 0 {
		return schema.Article{}, io.EOF
	}
	text := (*s)[0]
	*s = (*s)[1:]
	return schema.Article{ID: text, Path: text, Text: text}, nil
}

// upperExtractor stands in for nlp.Extractor.
type upperExtractor struct{}

func (upperExtractor) Extract(_ context.Context, a schema.Article) (schema.Doc, error) {
	d := schema.NewDoc(a)
	d.Title = strings.ToUpper(a.Text)
	return d, nil
}

// printSink prints each doc's title.
type printSink struct{}

func (printSink) WriteBatch(_ context.Context, docs []schema.Doc) error {
	for _, d := range docs {
		fmt.Println(d.Title)
	}
	return nil
}

func (printSink) Close(context.Context) error { return nil }

func ExampleRun() {
	src := &sliceSource{"vienna talks", "minsk accord", "astana zones"}
	sum, err := pipeline.Run(context.Background(), src, upperExtractor{}, printSink{}, pipeline.Config{Workers: 2})
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(sum.Read, "read,", sum.Written, "written")
	// Output:
	// VIENNA TALKS
	// MINSK ACCORD
	// ASTANA ZONES
	// 3 read, 3 written
}
