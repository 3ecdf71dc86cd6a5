package nlp

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/geokg/geokg/gazetteer"
	"github.com/geokg/geokg/schema"
)

// Config configures an Extractor. The zero Config is valid.
type Config struct {
	// ActorFiles are user dictionaries (CSV or YAML, see LoadActors) whose
	// entries are added to the built-in lexicon, later files overriding
	// earlier ones and the built-in entries.
	ActorFiles []string
	// PredicateFiles are user predicate lexicons (see docs/relations.md)
	// read after the built-in one, later entries overriding earlier ones.
	PredicateFiles []string
	// AllModes keeps negated and hypothetical relations in Doc.Relations;
	// by default only asserted relations are returned.
	AllModes bool
	// Gazetteer locates events (Relation.Place). Nil makes one per
	// Extractor; its data (30 MB, 0.3 s to parse) is parsed on the first
	// extraction, so extractors of one process may share one instead.
	Gazetteer *gazetteer.Gazetteer
}

// Extractor turns articles into actors and relations. It is safe for
// concurrent use.
type Extractor struct {
	seg    *segmenter
	tagger *tagger
	lex    *lexicon
	rel    *relationStage
	// pool recycles analyses so that an article's tokens, sentences and
	// mentions reuse the memory of earlier articles.
	pool sync.Pool
}

// New builds an Extractor: it loads the sentence and tagging models and
// the lexicon once.
func New(cfg Config) (*Extractor, error) {
	seg, err := newSegmenter()
	if err != nil {
		return nil, err
	}
	tg, err := newTagger()
	if err != nil {
		return nil, err
	}
	lex, err := loadLexicon(cfg.ActorFiles)
	if err != nil {
		return nil, err
	}
	preds, err := loadPredicateLexicon(cfg.PredicateFiles...)
	if err != nil {
		return nil, err
	}
	gaz := cfg.Gazetteer
	if gaz == nil {
		gaz = gazetteer.New()
	}
	x := &Extractor{seg: seg, tagger: tg, lex: lex, rel: newRelationStage(preds, gaz, cfg.AllModes)}
	x.pool.New = func() any { return new(analysis) }
	return x, nil
}

// Extract finds the actors and relations of one article. The same article
// always gives the same Doc.
func (x *Extractor) Extract(ctx context.Context, art schema.Article) (schema.Doc, error) {
	doc := schema.NewDoc(art)
	if err := ctx.Err(); err != nil {
		return doc, err
	}
	if !utf8.ValidString(art.Text) {
		return doc, fmt.Errorf("extract %s: text is not valid UTF-8", art.Path)
	}
	a := x.pool.Get().(*analysis)
	defer x.pool.Put(a)
	a.reset(art.Text)

	// The stages, in order; each reads what the earlier ones filled.
	x.seg.segment(a)
	x.tagAll(a)
	x.recognize(a)
	doc.Actors = a.actorsOut()
	doc.Relations = x.rel.extract(a, art.Published)
	return doc, nil
}

// tagAll tags every sentence.
func (x *Extractor) tagAll(a *analysis) {
	for _, s := range a.Sentences {
		x.tagger.tag(a.Tokens[s.First:s.Last], &a.tagScratch)
	}
}

// reset prepares a recycled analysis for a new text, keeping the memory
// of its slices.
func (a *analysis) reset(text string) {
	a.Text = text
	a.Tokens = a.Tokens[:0]
	a.Sentences = a.Sentences[:0]
	a.Actors = a.Actors[:0]
	a.Mentions = a.Mentions[:0]
	a.scratch.reset()
}

// actorsOut builds the Doc's actors from the analysis, converting byte
// offsets to code points.
func (a *analysis) actorsOut() []schema.Actor {
	out := make([]schema.Actor, len(a.Actors))
	for i, ai := range a.Actors {
		out[i] = schema.Actor{
			ID: ai.ID, Name: ai.Name, Type: ai.Type,
			Aliases: []string{}, Mentions: []schema.Mention{},
			Affiliation: ai.Affiliation, Role: ai.Role, Sector: ai.Sector,
		}
	}
	// Mentions are in text order, so one forward pass converts offsets.
	var conv offsetConverter
	for _, m := range a.Mentions {
		s, e := a.Tokens[m.First].Start, a.Tokens[m.Last-1].End
		act := &out[m.Actor]
		text := a.Text[s:e]
		act.Mentions = append(act.Mentions, schema.Mention{
			Text: text, Start: conv.runes(a.Text, s), End: conv.runes(a.Text, e),
		})
		if !slices.Contains(act.Aliases, text) {
			act.Aliases = append(act.Aliases, text)
		}
	}
	return out
}

// offsetConverter turns increasing byte offsets into code-point offsets
// in one pass over the text.
type offsetConverter struct {
	byteAt, runeAt int
}

// runes returns the code-point offset of byte offset b. Calls must not go
// backwards by more than the last span; a backwards call restarts.
func (c *offsetConverter) runes(text string, b int) int {
	if b < c.byteAt {
		c.byteAt, c.runeAt = 0, 0
	}
	c.runeAt += utf8.RuneCountInString(text[c.byteAt:b])
	c.byteAt = b
	return c.runeAt
}
