package nlp

import (
	"strings"
	"unicode"
)

// foldDiacritics maps Latin letters with diacritics onto their base
// letters ("Erdoğan" → "Erdogan", "Salamé" → "Salame") and typographic
// apostrophes onto "'". Other characters are kept.
func foldDiacritics(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		if f, ok := diacriticFold[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// diacriticFold covers Latin-1 Supplement and Latin Extended-A, the
// letters of European, Turkish and Vietnamese-free transliterations that
// news uses.
var diacriticFold = func() map[rune]string {
	m := map[rune]string{'’': "'", '‘': "'", 'ʼ': "'", 'ʻ': "'", '`': "'", 'ß': "ss", 'æ': "ae", 'Æ': "AE",
		'œ': "oe", 'Œ': "OE", 'ø': "o", 'Ø': "O", 'đ': "d", 'Đ': "D", 'ł': "l", 'Ł': "L", 'ı': "i", 'ð': "d", 'þ': "th"}
	groups := []struct {
		base  string
		lower string
		upper string
	}{
		{"a", "àáâãäåāăą", "ÀÁÂÃÄÅĀĂĄ"},
		{"c", "çćĉċč", "ÇĆĈĊČ"},
		{"d", "ď", "Ď"},
		{"e", "èéêëēĕėęě", "ÈÉÊËĒĔĖĘĚ"},
		{"g", "ĝğġģ", "ĜĞĠĢ"},
		{"h", "ĥħ", "ĤĦ"},
		{"i", "ìíîïĩīĭįİ", "ÌÍÎÏĨĪĬĮ"},
		{"j", "ĵ", "Ĵ"},
		{"k", "ķ", "Ķ"},
		{"l", "ĺļľŀ", "ĹĻĽĿ"},
		{"n", "ñńņňŉ", "ÑŃŅŇ"},
		{"o", "òóôõöōŏő", "ÒÓÔÕÖŌŎŐ"},
		{"r", "ŕŗř", "ŔŖŘ"},
		{"s", "śŝşšș", "ŚŜŞŠȘ"},
		{"t", "ţťŧț", "ŢŤŦȚ"},
		{"u", "ùúûüũūŭůűų", "ÙÚÛÜŨŪŬŮŰŲ"},
		{"w", "ŵ", "Ŵ"},
		{"y", "ýÿŷ", "ÝŸŶ"},
		{"z", "źżž", "ŹŻŽ"},
	}
	for _, g := range groups {
		for _, r := range g.lower {
			m[r] = g.base
		}
		for _, r := range g.upper {
			m[r] = strings.ToUpper(g.base)
		}
	}
	return m
}()

// nameParticles are the articles and prepositions inside personal names
// that spelling varies on ("Bashar al-Assad", "Bashar Assad"; "Staffan
// de Mistura").
var nameParticles = setOf("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ibn", "ben", "bint",
	"abu", "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "dos", "das", "y")

// nameKey is the cross-article identity of a personal name, and so a
// person's actor ID: lower case, diacritics folded, particles and
// punctuation dropped, and the transliteration variants of Slavic name
// endings made one ("Sergey"/"Sergei" → "sergey", "Zelensky"/"Zelenskyy"/
// "Zelenskiy" → "zelensky"; "Bashar al-Assad"/"Bashar Assad" → "bashar
// assad"). The folding is deliberately small so that keys stay readable;
// rarer variants ("Gaddafi"/"Gadhafi") are aliases in the lexicon. It
// returns "" for a name without letters.
func nameKey(name string) string {
	s := foldDiacritics(strings.ToLower(name))
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	out := words[:0]
	for _, w := range words {
		w = strings.ReplaceAll(w, "'", "")
		if w == "" {
			continue
		}
		if _, ok := nameParticles[w]; ok && len(words) > 1 {
			continue
		}
		out = append(out, translitKey(w))
	}
	return strings.Join(out, " ")
}

// translitKey folds one lower-case name word's transliteration variants.
func translitKey(w string) string {
	switch {
	case len(w) > 3 && strings.HasSuffix(w, "yy"):
		w = w[:len(w)-1]
	case len(w) > 3 && strings.HasSuffix(w, "iy"):
		w = w[:len(w)-2] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "ei"):
		w = w[:len(w)-2] + "ey"
	}
	return w
}
