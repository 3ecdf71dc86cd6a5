package nlp

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// segmenter splits an article into sentences. It is built once per
// Extractor (prose builds its Punkt model anew for every document, which
// costs more than everything else together) and is safe for concurrent
// use: Punkt only reads its trained model.
//
// The article is first cut into paragraphs at blank lines. A first
// paragraph of one line is the headline, and the one-line paragraphs that
// follow it without sentence punctuation are sub-headlines; each is one
// sentence marked Headline. The other paragraphs go through Punkt
// (neurosnap/sentences, English model, the one prose uses), which knows
// abbreviations such as "U.S." and "Gen.". A line break after sentence
// punctuation always ends a sentence.
type segmenter struct {
	punkt *sentences.DefaultSentenceTokenizer
}

func newSegmenter() (*segmenter, error) {
	p, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		return nil, fmt.Errorf("sentence model: %w", err)
	}
	return &segmenter{punkt: p}, nil
}

// segment fills a.Sentences and a.Tokens from a.Text.
func (sg *segmenter) segment(a *analysis) {
	text := a.Text
	inHeader := true // still in the headline and sub-headline lines
	first := true
	for p := 0; p < len(text); {
		ps, pe, next := nextParagraph(text, p)
		p = next
		if ps == pe {
			continue
		}
		oneLine := strings.IndexByte(text[ps:pe], '\n') < 0
		if inHeader && oneLine && (first || !endsSentence(text[ps:pe])) {
			a.addSentence(ps, pe, true)
			first = false
			continue
		}
		inHeader = false
		first = false
		// Lines ending in sentence punctuation end a sentence even when
		// Punkt would read on.
		for ls := ps; ls < pe; {
			le := pe
			for k := ls; k < pe; k++ {
				if text[k] == '\n' && endsSentence(strings.TrimRight(text[ls:k], " \t\r")) {
					le = k
					break
				}
			}
			sg.punktSplit(a, ls, le)
			ls = le + 1
		}
	}
}

// punktSplit adds the Punkt sentences of text[s:e].
func (sg *segmenter) punktSplit(a *analysis, s, e int) {
	chunk := a.Text[s:e]
	last := 0
	for _, pos := range sg.punkt.SentencePositions(chunk) {
		if pos <= last {
			continue
		}
		a.addSentence(s+last, s+pos, false)
		last = pos
	}
	if last < len(chunk) {
		a.addSentence(s+last, e, false)
	}
}

// addSentence trims text[s:e] and appends it as a sentence with its
// tokens, unless it is blank.
func (a *analysis) addSentence(s, e int, headline bool) {
	for s < e {
		r, size := utf8.DecodeRuneInString(a.Text[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(a.Text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	if s == e {
		return
	}
	first := len(a.Tokens)
	a.Tokens = tokenize(a.Text, s, e, a.Tokens)
	if len(a.Tokens) == first {
		return
	}
	a.Sentences = append(a.Sentences, sentence{
		Index: len(a.Sentences), Start: s, End: e,
		First: first, Last: len(a.Tokens), Headline: headline,
	})
}

// nextParagraph finds the paragraph starting at or after p: it returns its
// bounds (without the blank lines around it) and where to continue.
func nextParagraph(text string, p int) (start, end, next int) {
	// Skip blank lines.
	start = p
	for k := p; k < len(text); k++ {
		c := text[k]
		if c == '\n' {
			start = k + 1
		} else if c != ' ' && c != '\t' && c != '\r' {
			break
		}
		if k == len(text)-1 {
			start = len(text)
		}
	}
	// The paragraph ends at the next line that is blank.
	for k := start; k < len(text); k++ {
		if text[k] != '\n' {
			continue
		}
		j := k + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		if j >= len(text) || text[j] == '\n' {
			return start, k, j
		}
	}
	return start, len(text), len(text)
}

// endsSentence reports whether a line ends in sentence punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(line string) bool {
	line = strings.TrimRight(line, " \t\r")
	for line != "" {
		r, size := utf8.DecodeLastRuneInString(line)
		switch r {
		case '.', '!', '?', '…':
			return true
		case '"', '”', '’', '\'', ')', ']', '»':
			line = line[:len(line)-size]
			continue
		}
		return false
	}
	return false
}
