package nlp

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"github.com/geokg/geokg/schema"
)

// Config configures an Extractor. The zero Config is valid.
type Config struct{}

// Extractor turns articles into actors and relations. It is safe for
// concurrent use.
type Extractor struct {
	model *prose.Model
}

// New builds an Extractor, loading its models once.
func New(cfg Config) (*Extractor, error) {
	return &Extractor{model: prose.ModelFromData("en")}, nil
}

// Extract finds the actors and relations of one article.
func (x *Extractor) Extract(ctx context.Context, a schema.Article) (schema.Doc, error) {
	doc := schema.NewDoc(a)
	if err := ctx.Err(); err != nil {
		return doc, err
	}
	pd, err := prose.NewDocument(a.Text, prose.UsingModel(x.model))
	if err != nil {
		return doc, fmt.Errorf("extract %s: %w", a.Path, err)
	}
	byID := map[string]int{}
	cursor := 0 // byte offset where the search for the next entity starts
	for _, ent := range pd.Entities() {
		typ, ok := entityTypes[ent.Label]
		if !ok {
			continue
		}
		at := strings.Index(a.Text[cursor:], ent.Text)
		if at < 0 {
			continue
		}
		start := cursor + at
		end := start + len(ent.Text)
		cursor = end
		m := schema.Mention{
			Text:  ent.Text,
			Start: utf8.RuneCountInString(a.Text[:start]),
			End:   utf8.RuneCountInString(a.Text[:end]),
		}
		id := ent.Text
		i, seen := byID[id]
		if !seen {
			i = len(doc.Actors)
			byID[id] = i
			doc.Actors = append(doc.Actors, schema.Actor{ID: id, Name: ent.Text, Type: typ, Aliases: []string{ent.Text}})
		}
		doc.Actors[i].Mentions = append(doc.Actors[i].Mentions, m)
	}
	return doc, nil
}

// entityTypes maps prose's entity labels onto actor types.
var entityTypes = map[string]schema.ActorType{
	"PERSON":       schema.Person,
	"GPE":          schema.Country,
	"GSP":          schema.Country,
	"ORGANIZATION": schema.Organization,
}
