package graph

import (
	"context"
	"io"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graphmodel"
	"github.com/geokg/geokg/schema"
)

// Loaded returns which of the content hashes belong to articles already
// completely loaded: an article's hash is written in the same transaction
// as its last relationship, so a job killed half-way leaves its unfinished
// articles unmarked.
func (w *Writer) Loaded(ctx context.Context, hashes []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(hashes) == 0 {
		return out, nil
	}
	list := make([]any, len(hashes))
	for i, h := range hashes {
		list[i] = h
	}
	s := w.session(ctx, neo4j.AccessModeRead)
	defer s.Close(context.WithoutCancel(ctx))
	_, err := retried(ctx, w, s, neo4j.ExecuteRead, func(tx neo4j.ManagedTransaction) (bool, error) {
		clear(out)
		res, err := tx.Run(ctx, graphmodel.CypherLoadedHashes, map[string]any{"hashes": list})
		if err != nil {
			return false, err
		}
		for res.Next(ctx) {
			if h, ok := res.Record().Values[0].(string); ok {
				out[h] = true
			}
		}
		return true, res.Err()
	})
	if err != nil {
		return nil, w.wrapError("look up loaded articles", err)
	}
	return out, nil
}

// ArticleSource yields articles until io.EOF, like source.Reader.
type ArticleSource interface {
	Next(ctx context.Context) (schema.Article, error)
}

// resumeLookahead is how many articles SkipLoaded reads ahead to look
// their hashes up in one query.
const resumeLookahead = 256

// Resume is an ArticleSource that leaves out articles already loaded.
type Resume struct {
	src     ArticleSource
	w       *Writer
	queue   []item
	done    bool
	skipped int
}

type item struct {
	article schema.Article
	err     error
}

// SkipLoaded wraps src so that articles whose content hash is already
// completely loaded are skipped (for `import --resume`). Read errors pass
// through in order.
func (w *Writer) SkipLoaded(src ArticleSource) *Resume {
	return &Resume{src: src, w: w}
}

// Skipped counts the articles left out so far.
func (r *Resume) Skipped() int { return r.skipped }

// Next returns the next article not yet loaded.
func (r *Resume) Next(ctx context.Context) (schema.Article, error) {
	for len(r.queue) == 0 {
		if r.done {
			return schema.Article{}, io.EOF
		}
		if err := r.fill(ctx); err != nil {
			return schema.Article{}, err
		}
	}
	it := r.queue[0]
	r.queue = r.queue[1:]
	return it.article, it.err
}

// fill reads ahead and drops the loaded articles.
func (r *Resume) fill(ctx context.Context) error {
	var batch []item
	var hashes []string
	for len(batch) < resumeLookahead {
		a, err := r.src.Next(ctx)
		if err == io.EOF {
			r.done = true
			break
		}
		if err != nil && ctx.Err() != nil {
			return err
		}
		batch = append(batch, item{a, err})
		if err == nil && a.Hash != "" {
			hashes = append(hashes, a.Hash)
		}
	}
	loaded, err := r.w.Loaded(ctx, hashes)
	if err != nil {
		return err
	}
	for _, it := range batch {
		if it.err == nil && loaded[it.article.Hash] {
			r.skipped++
			continue
		}
		r.queue = append(r.queue, it)
	}
	return nil
}
