package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The tokenizer follows the Penn Treebank conventions that prose's tagger
// was trained on — punctuation, possessive "'s" and "n't" are tokens of
// their own, abbreviations keep their period ("U.S.", "Mr.") — with three
// departures that help actor recognition:
//
//   - a hyphenated compound whose parts are both capitalized is split
//     around the hyphen ("Trump-Kim" → "Trump", "-", "Kim"), so that each
//     name can be looked up; names rejoin the parts later;
//   - a lower-case prefix before a name is split off with its hyphen
//     ("anti-ISIL" → "anti-", "ISIL"; "pro-Russian" → "pro-", "Russian");
//   - a name before a participle modifier is split off likewise
//     ("U.S.-led" → "U.S.", "-led"; "Tripoli-based" → "Tripoli", "-based").
//
// Arabic article particles stay attached ("al-Assad", "Al-Qaida"), and so
// do short syllables of Korean given names ("Jong-un").
//
// Tokens are substrings of the article text, so tokenizing allocates only
// the token slice and the lower-case forms of capitalized words.

// tokenize appends the tokens of text[start:end] to toks.
func tokenize(text string, start, end int, toks []token) []token {
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i + size
		for j < end {
			r, size := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		toks = tokenizeChunk(text, i, j, toks)
		i = j
	}
	return toks
}

// tokenizeChunk splits one whitespace-delimited chunk text[s:e].
func tokenizeChunk(text string, s, e int, toks []token) []token {
	// Dashes split a chunk anywhere: "war—including".
	for k := s; k < e; {
		r, size := utf8.DecodeRuneInString(text[k:])
		if isDash(r) || (r == '-' && k+1 < e && text[k+1] == '-') {
			n := size
			if r == '-' {
				for k+n < e && text[k+n] == '-' {
					n++
				}
			}
			toks = tokenizeChunk(text, s, k, toks)
			toks = appendToken(toks, text, k, k+n)
			s = k + n
			k = s
			continue
		}
		k += size
	}
	if s >= e {
		return toks
	}
	// Opening punctuation.
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:])
		if !isOpening(r) || (r == '\'' && s+size < e && isDigit(text[s+size])) {
			break
		}
		toks = appendToken(toks, text, s, s+size)
		s += size
	}
	// Closing punctuation, peeled from the end onto a small stack.
	var tail [8][2]int
	nt := 0
	for s < e && nt < len(tail) {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if r == '.' {
			if strings.HasSuffix(text[s:e], "...") {
				tail[nt] = [2]int{e - 3, e}
				nt++
				e -= 3
				continue
			}
			if isAbbreviation(text[s:e]) {
				break
			}
		} else if r == '\'' || r == '’' {
			// A closing quote, or the mark of a plural possessive
			// ("nations’"): a token either way.
		} else if !isClosing(r) {
			break
		}
		tail[nt] = [2]int{e - size, e}
		nt++
		e -= size
	}
	if s < e {
		toks = splitCore(text, s, e, toks)
	}
	for nt > 0 {
		nt--
		toks = appendToken(toks, text, tail[nt][0], tail[nt][1])
	}
	return toks
}

// splitCore splits a chunk without outer punctuation: clitics ("Russia's",
// "don't") and hyphenated names.
func splitCore(text string, s, e int, toks []token) []token {
	w := text[s:e]
	// Clitics: 's 're 've 'll 'd 'm and n't, with either apostrophe.
	if k := cliticStart(w); k > 0 {
		toks = splitHyphens(text, s, s+k, toks)
		return appendToken(toks, text, s+k, e)
	}
	return splitHyphens(text, s, e, toks)
}

// cliticStart returns the byte index where a trailing clitic starts in w,
// or 0.
func cliticStart(w string) int {
	lw := len(w)
	if lw > 3 && (strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "N'T")) {
		return lw - 3
	}
	if lw > 5 && strings.HasSuffix(w, "n’t") {
		return lw - 5
	}
	for _, apo := range [...]string{"'", "’"} {
		k := strings.LastIndex(w, apo)
		if k <= 0 {
			continue
		}
		rest := strings.ToLower(w[k+len(apo):])
		switch rest {
		case "s", "re", "ve", "ll", "d", "m":
			return k
		}
	}
	return 0
}

// splitHyphens splits text[s:e] at hyphens that join names (see the
// package comment on tokenization).
func splitHyphens(text string, s, e int, toks []token) []token {
	w := text[s:e]
	h := strings.IndexByte(w, '-')
	if h <= 0 || h == len(w)-1 {
		return appendToken(toks, text, s, e)
	}
	if _, title := titleHeads[strings.ToLower(w)]; title {
		return appendToken(toks, text, s, e) // "Secretary-General"
	}
	left, right := w[:h], w[h+1:]
	lu, ru := startsUpper(left), startsUpper(right)
	switch {
	case !lu && ru && !isParticle(left):
		// "anti-ISIL", "intra-Afghan".
		toks = appendToken(toks, text, s, s+h+1)
		return splitHyphens(text, s+h+1, e, toks)
	case lu && ru && isHyphenPrefix(left):
		// "Intra-Syrian" at the start of a sentence.
		toks = appendToken(toks, text, s, s+h+1)
		return splitHyphens(text, s+h+1, e, toks)
	case lu && ru && !isParticle(left) && runeLen(right) > 2:
		// "Trump-Kim", "Russian-US", "Frank-Walter".
		toks = appendToken(toks, text, s, s+h)
		toks = appendToken(toks, text, s+h, s+h+1)
		return splitHyphens(text, s+h+1, e, toks)
	case lu && !ru && isParticipleModifier(right):
		// "U.S.-led", "Tripoli-based".
		toks = appendToken(toks, text, s, s+h)
		return appendToken(toks, text, s+h, e)
	}
	return appendToken(toks, text, s, e)
}

// appendToken appends text[s:e] as a token.
func appendToken(toks []token, text string, s, e int) []token {
	w := text[s:e]
	lower := lowerASCIIShared(w)
	return append(toks, token{Text: w, Lower: lower, Lemma: lower, Start: s, End: e})
}

// lowerASCIIShared returns the lower-case form of w, sharing w's memory
// when w has no upper-case letter.
func lowerASCIIShared(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 || ('A' <= c && c <= 'Z') {
			return strings.ToLower(w)
		}
	}
	return w
}

func isDash(r rune) bool {
	return r == '—' || r == '–' || r == '―' || r == '‒'
}

func isOpening(r rune) bool {
	switch r {
	case '(', '[', '{', '"', '“', '‘', '«', '\'', '`', '„', '¿', '¡':
		return true
	}
	return false
}

func isClosing(r rune) bool {
	switch r {
	case ')', ']', '}', '"', '”', '»', ',', ';', ':', '!', '?', '.', '…':
		return true
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func runeLen(w string) int { return utf8.RuneCountInString(w) }

// isAbbreviation reports whether a chunk ending in "." keeps its period:
// initials and dotted acronyms ("J.", "U.S.", "a.m.") and the common
// abbreviations of titles, months and company forms.
func isAbbreviation(w string) bool {
	core := w[:len(w)-1]
	if core == "" {
		return false
	}
	// Dotted acronyms and initials: letters each followed by a period.
	dotted := true
	for i := 0; i < len(w); i += 2 {
		if i+1 >= len(w) || w[i+1] != '.' || !isASCIILetter(w[i]) {
			dotted = false
			break
		}
	}
	if dotted {
		return true
	}
	_, ok := abbreviations[strings.ToLower(core)]
	return ok
}

func isASCIILetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

// abbreviations keep their period: titles, months, company forms.
var abbreviations = setOf(
	"mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr",
	"brig", "cpl", "pvt", "sen", "rep", "gov", "pres", "rev", "fr", "st", "jr", "sr", "hon", "amb",
	"sec", "gen", "supt", "insp", "messrs", "mme", "mlle",
	"inc", "corp", "co", "ltd", "bros", "plc", "dept", "univ", "assn", "est",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"no", "nos", "vs", "etc", "approx", "mt", "ft", "ave", "blvd", "rd", "u.s", "u.n", "u.k",
)

// isParticle reports whether a hyphen-joined name prefix is an Arabic or
// similar particle that belongs to the name ("al-Assad").
func isParticle(w string) bool {
	_, ok := nameParticles[strings.ToLower(w)]
	return ok
}

// isHyphenPrefix reports whether w is a word-forming prefix ("anti").
func isHyphenPrefix(w string) bool {
	_, ok := hyphenPrefixes[strings.ToLower(w)]
	return ok
}

var hyphenPrefixes = setOf("anti", "pro", "intra", "inter", "non", "ex", "post", "pre", "neo", "pan", "trans", "all", "mid", "un", "counter")

// isParticipleModifier reports whether the lower-case part after a name's
// hyphen makes the compound a modifier ("-led", "-backed").
func isParticipleModifier(w string) bool {
	_, ok := participleModifiers[w]
	return ok
}

var participleModifiers = setOf(
	"led", "backed", "based", "born", "brokered", "sponsored", "allied", "aligned", "controlled",
	"held", "run", "funded", "supported", "friendly", "occupied", "annexed", "linked", "affiliated",
	"style", "era", "made", "owned", "bound", "leaning", "inspired", "trained", "armed", "dominated",
	"imposed", "proposed", "drafted", "mediated", "hosted", "organized", "organised", "appointed",
	"installed", "recognized", "recognised", "designated", "listed", "centered", "centric", "oriented",
	"related", "wide", "flagged", "registered",
)

// setOf builds a read-only string set.
func setOf(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}
