package evaluation

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Norm is the scorer's name normalization, the one score.py calls norm:
// compatibility decomposition (NFKD) with combining marks dropped, lower
// case, hyphens as spaces, every character that is neither a word
// character nor white space dropped, white space folded to single spaces,
// and a leading "the " dropped. Two names match when their Norm is equal.
func Norm(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if norm.NFD.PropertiesString(string(r)).CCC() == 0 {
			b.WriteRune(r)
		}
	}
	s = pyLower(b.String())
	b.Reset()
	space := true // drops leading white space and folds runs of it
	for _, r := range s {
		switch {
		case r == '-' || pySpace(r):
			if !space {
				b.WriteByte(' ')
			}
			space = true
		case pyWord(r):
			b.WriteRune(r)
			space = false
		}
	}
	s = strings.TrimSuffix(b.String(), " ")
	return strings.TrimPrefix(s, "the ")
}

// pyWord is Python's \w on text: letters, numbers and the underscore.
func pyWord(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) }

// pySpace is Python's \s on text, which also counts the ASCII information
// separators 0x1C–0x1F as white space.
func pySpace(r rune) bool { return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f) }

// pyLower is Python's str.lower: strings.ToLower except that a capital
// sigma ending a word becomes final sigma (ς). The other special casing,
// the dotted capital I, cannot occur after NFKD.
func pyLower(s string) string {
	if !strings.ContainsRune(s, 'Σ') {
		return strings.ToLower(s)
	}
	rs := []rune(s)
	out := []rune(strings.ToLower(s))
	if len(out) != len(rs) {
		return string(out)
	}
	for i, r := range rs {
		if r == 'Σ' && finalSigma(rs, i) {
			out[i] = 'ς'
		}
	}
	return string(out)
}

// finalSigma is Unicode's Final_Sigma condition: a cased letter before the
// sigma and none after it, skipping case-ignorable characters both ways.
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && caseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !cased(rs[j]) {
		return false
	}
	j = i + 1
	for j < len(rs) && caseIgnorable(rs[j]) {
		j++
	}
	return j == len(rs) || !cased(rs[j])
}

func cased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) ||
		unicode.In(r, unicode.Other_Lowercase, unicode.Other_Uppercase)
}

// caseIgnorable is Unicode's Case_Ignorable: marks, format characters,
// modifier letters and symbols, and the word-internal punctuation of
// Word_Break MidLetter, MidNumLet and Single_Quote.
func caseIgnorable(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk) ||
		strings.ContainsRune("'.:·\u0387\u055f\u05f4\u2018\u2019\u2024\u2027\ufe13\ufe52\ufe55\uff07\uff0e\uff1a", r)
}

// Stem is the name of a file path without its folder and its last
// extension, as Python's PurePath.stem has it: "dev/a.txt" is "a",
// "x.tar.gz" is "x.tar", ".env" stays ".env". Predictions name their
// article by it.
func Stem(path string) string {
	parts := strings.Split(path, "/")
	name := ""
	for i := len(parts) - 1; i >= 0; i-- {
		if parts[i] != "" && parts[i] != "." {
			name = parts[i]
			break
		}
	}
	if i := strings.LastIndexByte(name, '.'); i > 0 && i < len(name)-1 {
		return name[:i]
	}
	return name
}

// lineBreak is every character Python's str.splitlines breaks at.
var lineBreak = regexp.MustCompile("\r\n|[\n\r\v\f\x1c\x1d\x1e\u0085\u2028\u2029]")
