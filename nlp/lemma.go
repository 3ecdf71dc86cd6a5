package nlp

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// lemmatizer maps inflected verbs and nouns to their dictionary form
// ("backed" → "back", "sanctions" → "sanction", "struck" → "strike").
//
// Stripping suffixes alone is ambiguous ("used" → "us" or "use"?), so the
// lemmatizer works the other way round for the words that matter: it
// inflects every lemma it knows — the predicate lexicon's words and the
// irregular verbs — and looks the token up among those forms. Only words
// it has never seen fall back to suffix rules. It is built once and then
// only read, so it is safe for concurrent use.
type lemmatizer struct {
	verbs map[string]string // inflected verb form → lemma
	nouns map[string]string // plural noun → singular
}

// newLemmatizer learns the inflections of the given lemmas.
func newLemmatizer(verbs, nouns []string) *lemmatizer {
	l := &lemmatizer{verbs: map[string]string{}, nouns: map[string]string{}}
	// The first lemma to claim a form keeps it, so learn them in a fixed
	// order: the same words give the same lemmas in every run.
	verbs = slices.Sorted(slices.Values(verbs))
	nouns = slices.Sorted(slices.Values(nouns))
	irr := builtinIrregulars()
	for _, base := range irr.verbOrder {
		for _, f := range irr.verbs[base] {
			l.verbs[f] = base
		}
		l.verbs[base] = base
	}
	// Inflections first, then the lemmas themselves, so that an inflected
	// form that also appears as a lemma ("attacked" in a generated
	// phrase) still maps to its base.
	for _, v := range verbs {
		l.learnVerb(v)
	}
	for _, v := range verbs {
		if _, irregular := irr.verbs[v]; !irregular {
			if _, ok := l.verbs[v]; !ok {
				l.verbs[v] = v
			}
		}
	}
	for _, n := range nouns {
		l.learnNoun(n)
	}
	for _, sg := range irr.nounOrder {
		l.nouns[irr.nouns[sg]] = sg
	}
	return l
}

// learnVerb adds the regular inflections of a verb lemma. It never
// overrides an irregular form ("lay" is the past of "lie").
func (l *lemmatizer) learnVerb(v string) {
	if _, irregular := builtinIrregulars().verbs[v]; irregular {
		return
	}
	set := func(f string) {
		if _, ok := l.verbs[f]; !ok {
			l.verbs[f] = v
		}
	}
	for _, f := range verbForms(v) {
		set(f)
	}
}

// learnNoun adds the plural of a noun lemma.
func (l *lemmatizer) learnNoun(n string) {
	if _, ok := l.nouns[n]; !ok {
		l.nouns[n] = n
	}
	if p := plural(n); p != n {
		if _, ok := l.nouns[p]; !ok {
			l.nouns[p] = n
		}
	}
}

// lemma returns the dictionary form of a lower-case word with the given
// Penn Treebank tag. Words other than verbs and nouns come back as they
// are.
func (l *lemmatizer) lemma(lower, tag string) string {
	switch {
	case strings.HasPrefix(tag, "VB"):
		if b, ok := l.verbs[lower]; ok {
			return b
		}
		return stripVerb(lower)
	case tag == "NNS" || tag == "NNPS":
		if b, ok := l.nouns[lower]; ok {
			return b
		}
		return stripPlural(lower)
	case strings.HasPrefix(tag, "NN"):
		return lower
	}
	return lower
}

// verbLemma returns the lemma of a word read as a verb whatever its tag,
// for cue words the tagger mislabels ("Russia and Iran back/RB Assad").
func (l *lemmatizer) verbLemma(lower string) (string, bool) {
	b, ok := l.verbs[lower]
	return b, ok
}

// verbForms returns the regular inflections of a verb: third person
// singular, past tense and participle, gerund. Where English spelling
// depends on stress ("targeted" but "controlled") both spellings are
// produced; the wrong one is simply never seen in text.
func verbForms(v string) []string {
	if strings.Contains(v, " ") || v == "" {
		return nil
	}
	out := []string{thirdPerson(v)}
	n := len(v)
	last := v[n-1]
	switch {
	case strings.HasSuffix(v, "ie"): // tie → tied, tying
		out = append(out, v+"d", v[:n-2]+"ying")
	case last == 'e' && (strings.HasSuffix(v, "ee") || strings.HasSuffix(v, "ye") || strings.HasSuffix(v, "oe")):
		out = append(out, v+"d", v+"ing") // agree → agreed, agreeing
	case last == 'e':
		out = append(out, v+"d", v[:n-1]+"ing")
	case last == 'y' && n > 1 && !isVowel(v[n-2]): // ally → allied
		out = append(out, v[:n-1]+"ied", v+"ing")
	case last == 'c': // panic → panicked
		out = append(out, v+"ked", v+"king", v+"ed", v+"ing")
	default:
		out = append(out, v+"ed", v+"ing")
		if doubles(v) {
			out = append(out, v+string(last)+"ed", v+string(last)+"ing")
		}
	}
	return out
}

// doubles reports whether a verb may double its last consonant before
// -ed/-ing: it ends consonant–vowel–consonant ("stop", "target", "ban").
func doubles(v string) bool {
	n := len(v)
	if n < 3 {
		return false
	}
	c1, vw, c2 := v[n-3], v[n-2], v[n-1]
	return !isVowel(c1) && isVowel(vw) && !isVowel(c2) && !strings.ContainsRune("wxy", rune(c2))
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// thirdPerson returns the -s form: "back" → "backs", "push" → "pushes",
// "ally" → "allies".
func thirdPerson(v string) string {
	n := len(v)
	switch {
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") ||
		strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "o"):
		return v + "es"
	case n > 1 && v[n-1] == 'y' && !isVowel(v[n-2]):
		return v[:n-1] + "ies"
	}
	return v + "s"
}

// plural returns the regular plural of a noun ("sanction" → "sanctions",
// "ally" → "allies"). Nouns already plural in the lexicon ("talks",
// "arms") are left alone.
func plural(n string) string {
	if strings.HasSuffix(n, "s") && !strings.HasSuffix(n, "ss") {
		return n
	}
	if i := strings.LastIndexByte(n, ' '); i >= 0 {
		return n[:i+1] + plural(n[i+1:])
	}
	return thirdPerson(n)
}

// stripVerb undoes regular verb inflection for words not in the tables.
func stripVerb(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ied"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ing"):
		s := w[:n-3]
		if len(s) > 2 && s[len(s)-1] == s[len(s)-2] && !strings.ContainsRune("lsz", rune(s[len(s)-1])) {
			return s[:len(s)-1]
		}
		return s
	case n > 3 && strings.HasSuffix(w, "ed"):
		s := w[:n-2]
		if len(s) > 2 && s[len(s)-1] == s[len(s)-2] && !strings.ContainsRune("lsz", rune(s[len(s)-1])) {
			return s[:len(s)-1]
		}
		if strings.HasSuffix(s, "at") || strings.HasSuffix(s, "iz") || strings.HasSuffix(s, "is") ||
			strings.HasSuffix(s, "ur") || strings.HasSuffix(s, "uc") || strings.HasSuffix(s, "ag") {
			return s + "e" // negotiated, criticized, secured, reduced, engaged
		}
		return s
	case n > 3 && (strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:n-1]
	}
	return w
}

// stripPlural undoes regular noun plurals for words not in the tables.
func stripPlural(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && (strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		return w[:n-1]
	}
	return w
}

// irregularTable is lexicon/irregular.tsv: verbs with their irregular
// forms and nouns with their irregular plurals, in file order.
type irregularTable struct {
	verbs     map[string][]string
	verbOrder []string
	nouns     map[string]string // singular → plural
	nounOrder []string
}

//go:embed lexicon/irregular.tsv
var builtinIrregularFile string

// builtinIrregulars reads lexicon/irregular.tsv once; it is embedded
// data, checked by TestIrregularTable, so an error in it is a bug.
var builtinIrregulars = sync.OnceValue(func() irregularTable {
	irr, err := parseIrregulars(builtinIrregularFile)
	if err != nil {
		panic(err)
	}
	return irr
})

// parseIrregulars parses the irregular-inflection table.
func parseIrregulars(text string) (irregularTable, error) {
	irr := irregularTable{verbs: map[string][]string{}, nouns: map[string]string{}}
	for _, l := range dataLines(text, tabFields) {
		n, cols := l.n, l.cols
		if len(cols) < 2 || len(cols) > 3 {
			return irr, fmt.Errorf("lexicon/irregular.tsv:%d: want KIND, LEMMA and FORMS separated by tabs", n+1)
		}
		var forms []string
		if len(cols) == 3 {
			forms = strings.Fields(cols[2])
		}
		switch lemma := strings.TrimSpace(cols[1]); cols[0] {
		case "v":
			irr.verbs[lemma] = forms
			irr.verbOrder = append(irr.verbOrder, lemma)
		case "n":
			if len(forms) != 1 {
				return irr, fmt.Errorf("lexicon/irregular.tsv:%d: noun %q wants one plural", n+1, lemma)
			}
			irr.nouns[lemma] = forms[0]
			irr.nounOrder = append(irr.nounOrder, lemma)
		default:
			return irr, fmt.Errorf("lexicon/irregular.tsv:%d: kind %q: want v or n", n+1, cols[0])
		}
	}
	return irr, nil
}
