package nlp

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"strings"

	"github.com/jdkato/prose/v2"
)

// tagger is prose's part-of-speech tagger — an averaged perceptron (a port
// of TextBlob's, trained on the Penn Treebank) — run on prose's own model
// weights, read once from prose's embedded model files.
//
// prose's implementation builds a map and a dozen strings per token and
// looks features up in nested maps; this one keeps the weights in one flat
// array, builds each feature key in a reused buffer and allocates nothing
// per token. It computes the same scores, and breaks ties between classes
// in a fixed order where prose's choice depends on map iteration order, so
// tagging is deterministic.
type tagger struct {
	classes []string          // class index → tag
	tagMap  map[string]string // frequent unambiguous words → tag
	feats   map[string]int32  // feature → index into spans
	spans   []int32           // feature i's weights are weights[spans[i]:spans[i+1]]
	weights []classWeight
}

// classWeight is one feature's weight for one class.
type classWeight struct {
	class  uint8
	weight float64
}

// maxClasses bounds the tag set (prose has 45 tags).
const maxClasses = 64

// newTagger decodes prose's averaged-perceptron model.
func newTagger() (*tagger, error) {
	var (
		wts     map[string]map[string]float64
		tags    map[string]string
		classes []string
	)
	for _, part := range []struct {
		name string
		into any
	}{{"classes", &classes}, {"tags", &tags}, {"weights", &wts}} {
		name := "model/AveragedPerceptron/" + part.name + ".gob"
		b, err := prose.Asset(name)
		if err != nil {
			return nil, fmt.Errorf("tagger model %s: %w", name, err)
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(part.into); err != nil {
			return nil, fmt.Errorf("tagger model %s: %w", name, err)
		}
	}
	if len(classes) > maxClasses {
		return nil, fmt.Errorf("tagger model: %d classes, at most %d supported", len(classes), maxClasses)
	}
	classIndex := make(map[string]uint8, len(classes))
	for i, c := range classes {
		classIndex[c] = uint8(i)
	}
	t := &tagger{
		classes: classes,
		tagMap:  tags,
		feats:   make(map[string]int32, len(wts)),
		spans:   make([]int32, 0, len(wts)+1),
	}
	n := 0
	for _, w := range wts {
		n += len(w)
	}
	t.weights = make([]classWeight, 0, n)
	for feat, w := range wts {
		t.feats[feat] = int32(len(t.spans))
		t.spans = append(t.spans, int32(len(t.weights)))
		for class, weight := range w {
			ci, ok := classIndex[class]
			if !ok {
				return nil, fmt.Errorf("tagger model: feature %q has unknown class %q", feat, class)
			}
			t.weights = append(t.weights, classWeight{ci, weight})
		}
	}
	t.spans = append(t.spans, int32(len(t.weights)))
	return t, nil
}

// tagScratch is per-call working memory, reused across sentences.
type tagScratch struct {
	ctx []string // normalized words with the START and END pads
	key []byte   // the feature key being built
}

// tag sets Tag on every token of toks, one sentence.
func (t *tagger) tag(toks []token, sc *tagScratch) {
	ctx := append(sc.ctx[:0], "-START-", "-START2-")
	for i := range toks {
		ctx = append(ctx, normalizeForTagger(tagForm(toks[i].Text), toks[i].Lower))
	}
	ctx = append(ctx, "-END-", "-END2-")
	sc.ctx = ctx
	p1, p2 := "-START-", "-START2-"
	for i := range toks {
		word := tagForm(toks[i].Text)
		var tag string
		if word == "-" {
			tag = "-"
		} else if looksLikeLink(word) {
			tag = "NN"
		} else if fixed, ok := t.tagMap[word]; ok {
			tag = fixed
		} else {
			tag = t.predict(i+2, ctx, word, p1, p2, sc)
		}
		toks[i].Tag = tag
		p2, p1 = p1, tag
	}
}

// predict scores the features of the word at ctx[i] (prose's featurize)
// and returns the best class.
func (t *tagger) predict(i int, ctx []string, w, p1, p2 string, sc *tagScratch) string {
	var scores [maxClasses]float64
	var seen uint64 // classes that got a score, as in prose's score map
	add := func(parts ...string) {
		k := sc.key[:0]
		for j, p := range parts {
			if j > 0 {
				k = append(k, ' ')
			}
			k = append(k, p...)
		}
		sc.key = k
		f, ok := t.feats[string(k)]
		if !ok {
			return
		}
		for _, cw := range t.weights[t.spans[f]:t.spans[f+1]] {
			scores[cw.class] += cw.weight
			seen |= 1 << cw.class
		}
	}
	// The 14 features of prose's featurize, in its order.
	add("bias")
	add("i suffix", suffix3(w))
	add("i pref1", string(rune(w[0])))
	add("i-1 tag", p1)
	add("i-2 tag", p2)
	add("i tag+i-2 tag", p1, p2)
	add("i word", ctx[i])
	add("i-1 tag+i word", p1, ctx[i])
	add("i-1 word", ctx[i-1])
	add("i-1 suffix", suffix3(ctx[i-1]))
	add("i-2 word", ctx[i-2])
	add("i+1 word", ctx[i+1])
	add("i+1 suffix", suffix3(ctx[i+1]))
	add("i+2 word", ctx[i+2])
	best, bestScore := -1, math.Inf(-1)
	for c := range t.classes {
		if seen&(1<<c) != 0 && scores[c] > bestScore {
			best, bestScore = c, scores[c]
		}
	}
	if best < 0 {
		return "NN"
	}
	return t.classes[best]
}

// suffix3 is the last three bytes of w, as prose takes them.
func suffix3(w string) string {
	if len(w) <= 3 {
		return w
	}
	return w[len(w)-3:]
}

// tagForm is the token as the tagger's training data spelled it: prose
// maps typographic quotes to ASCII before tagging.
func tagForm(w string) string {
	switch w {
	case "“", "”", "„", "«", "»":
		return `"`
	case "‘", "’":
		return "'"
	case "’s", "’S":
		return "'s"
	case "n’t":
		return "n't"
	case "’re", "’ve", "’ll", "’d", "’m":
		return "'" + w[len("’"):]
	case "—", "–", "―", "‒":
		return "--"
	}
	return w
}

// normalizeForTagger is prose's normalize: hyphenated words, years and
// numbers collapse to classes; other words are lower-cased.
func normalizeForTagger(w, lower string) string {
	if w == "" {
		return w
	}
	if w[0] != '-' && strings.IndexByte(w, '-') >= 0 {
		return "!HYPHEN"
	}
	if len(w) == 4 && isYearLike(w) {
		return "!YEAR"
	}
	if isDigit(w[0]) {
		return "!DIGITS"
	}
	if lower != "" && len(lower) == len(w) {
		return lower
	}
	return strings.ToLower(w)
}

// isYearLike reports whether strconv.Atoi accepts a four-byte w.
func isYearLike(w string) bool {
	start := 0
	if w[0] == '+' || w[0] == '-' {
		start = 1
	}
	for i := start; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return true
}

// looksLikeLink covers prose's URL, e-mail and @handle cases.
func looksLikeLink(w string) bool {
	return strings.HasPrefix(w, "@") || strings.Contains(w, "://") || strings.HasPrefix(w, "www.") ||
		(strings.IndexByte(w, '@') > 0 && strings.IndexByte(w, '.') > 0)
}
