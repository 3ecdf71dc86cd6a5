package nlp

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/geokg/geokg/schema"
)

// The built-in lexicon is a set of dictionary files in the --actors CSV
// format (see docs/actors.md for the format, sources and licences),
// loaded in this order; a later entry with the same id replaces an
// earlier one, and user files come last.
//
//go:embed lexicon/*.csv lexicon/given_names.txt
var builtinActors embed.FS

//go:generate go run lexicon/generate.go ../../shared/data/cameo

var builtinActorFiles = []string{
	"lexicon/countries.csv",
	"lexicon/groups_cameo.csv",
	"lexicon/organizations.csv",
	"lexicon/groups.csv",
	"lexicon/persons.csv",
	"lexicon/outlets.csv",
}

// outletFile holds news outlets, which are actors only outside reporting
// frames ("Reuters reported").
const outletFile = "lexicon/outlets.csv"

// lexicon is the compiled dictionary: actors and the token sequences that
// name them.
type lexicon struct {
	actors []lexActor
	byID   map[string]int
	// forms maps a form's first token key to the forms starting with it,
	// longest first.
	forms map[string][]form
	// personKeys maps a person's normalized name key (see nameKey) to the
	// actor, so that spelling variants resolve to the lexicon entry.
	personKeys map[string]int
	// personFirstLast maps "first last" name keys of lexicon persons, so
	// that "Barack Hussein Obama" finds Barack Obama.
	personFirstLast map[string]int
	// givenNames are the first words of the lexicon's person names.
	givenNames map[string]struct{}
	// sectors are the role and name words that give a sector.
	sectors sectorTable
}

// lexActor is one actor of the lexicon.
type lexActor struct {
	ID, Name          string
	Type              schema.ActorType
	Affiliation, Role string
	// Sector is the entry's own sector code, if the lexicon gives one.
	Sector string
	// Demonym is the first demonym, which names the country's opposition
	// groups ("Syrian opposition").
	Demonym string
	// Outlet marks news outlets.
	Outlet bool
	// WeakHeads are the last words of the actor's weak forms ("bloc" of
	// "the West African bloc"): another actor's weak form with the same
	// head may mean this one when it was named last.
	WeakHeads []string
}

// form is one surface form of an actor, as token keys.
type form struct {
	keys  []string
	caps  []capRule
	actor int
	kind  mentionKind
	// weak forms count only in articles that name the actor otherwise.
	weak bool
	// place marks capitals: the government only when the context says so.
	place bool
}

// capRule says what capitalization a form's token needs in the text.
type capRule uint8

const (
	capAny   capRule = iota // "of", "al-"
	capFirst                // "Russia": an upper-case first letter
	capAll                  // "US", "UN": all letters upper-case
)

// loadLexicon compiles the built-in files and the user's files.
func loadLexicon(userFiles []string) (*lexicon, error) {
	var entries []ActorEntry
	for _, name := range builtinActorFiles {
		b, err := fs.ReadFile(builtinActors, name)
		if err != nil {
			return nil, fmt.Errorf("built-in lexicon: %w", err)
		}
		es, err := parseActors(name, b)
		if err != nil {
			return nil, fmt.Errorf("built-in lexicon: %w", err)
		}
		entries = append(entries, es...)
	}
	for _, path := range userFiles {
		es, err := LoadActors(path)
		if err != nil {
			return nil, err
		}
		entries = append(entries, es...)
	}
	lx, err := compileLexicon(entries)
	if err != nil {
		return nil, err
	}
	given, err := fs.ReadFile(builtinActors, "lexicon/given_names.txt")
	if err != nil {
		return nil, fmt.Errorf("built-in lexicon: %w", err)
	}
	for _, line := range strings.Split(string(given), "\n") {
		if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
			lx.givenNames[line] = struct{}{}
		}
	}
	if lx.sectors, err = parseSectors(sectorsTSV); err != nil {
		return nil, fmt.Errorf("built-in lexicon: %w", err)
	}
	return lx, nil
}

// compileLexicon builds the matcher. Later entries override earlier ones:
// by id (the whole entry) and by surface form.
func compileLexicon(entries []ActorEntry) (*lexicon, error) {
	last := map[string]int{}
	for i, e := range entries {
		last[e.ID] = i
	}
	lx := &lexicon{byID: map[string]int{}, forms: map[string][]form{}, personKeys: map[string]int{},
		personFirstLast: map[string]int{}, givenNames: map[string]struct{}{}}
	formAt := map[string]int{} // form signature → index in forms[first]
	for i, e := range entries {
		if last[e.ID] != i {
			continue // replaced by a later entry
		}
		name := e.Name
		if name == "" {
			name = e.ID
		}
		idx := len(lx.actors)
		id := e.ID
		if e.Type == schema.Person {
			id = nameKey(e.ID)
		}
		la := lexActor{ID: id, Name: name, Type: e.Type, Affiliation: e.Affiliation, Role: e.Role, Sector: e.Sector,
			Outlet: strings.HasPrefix(e.source, outletFile+":")}
		if len(e.Demonyms) > 0 {
			la.Demonym = e.Demonyms[0]
		}
		lx.actors = append(lx.actors, la)
		lx.byID[id] = idx
		add := func(text string, kind mentionKind, weak, place bool) {
			f, ok := makeForm(text)
			if !ok {
				return
			}
			f.actor, f.kind, f.weak, f.place = idx, kind, weak, place
			sig := strings.Join(f.keys, " ")
			if at, seen := formAt[sig]; seen {
				prev := &lx.forms[f.keys[0]][at]
				if prev.actor == f.actor {
					// Spellings of one form that differ in case only
					// ("al-Qaida", "Al-Qaida"): the laxer rule wins.
					for j := range prev.caps {
						prev.caps[j] = min(prev.caps[j], f.caps[j])
					}
					return
				}
				*prev = f // a later entry takes the form over
				return
			}
			formAt[sig] = len(lx.forms[f.keys[0]])
			lx.forms[f.keys[0]] = append(lx.forms[f.keys[0]], f)
		}
		names := append([]string{name}, e.Aliases...)
		if e.ID != name && e.Type != schema.Person && e.Type != schema.Country {
			names = append(names, e.ID)
		}
		for _, n := range names {
			for _, v := range spellingVariants(n) {
				add(v, byName, false, false)
			}
		}
		for _, n := range e.Demonyms {
			add(n, byDemonym, false, false)
		}
		for _, n := range e.Capitals {
			add(n, byCapital, false, true)
		}
		for _, n := range e.Bodies {
			add(n, byBody, false, false)
		}
		for _, n := range e.Weak {
			add(n, byReference, true, false)
			if ws := strings.Fields(strings.ToLower(n)); len(ws) > 0 && !slices.Contains(lx.actors[idx].WeakHeads, ws[len(ws)-1]) {
				lx.actors[idx].WeakHeads = append(lx.actors[idx].WeakHeads, ws[len(ws)-1])
			}
		}
		if e.Type == schema.Person {
			for _, n := range names {
				k := nameKey(n)
				if k == "" {
					continue
				}
				lx.personKeys[k] = idx
				if ws := strings.Fields(k); len(ws) >= 2 {
					lx.personFirstLast[ws[0]+" "+ws[len(ws)-1]] = idx
					lx.givenNames[ws[0]] = struct{}{}
				}
			}
		}
	}
	for k, fs := range lx.forms {
		sort.SliceStable(fs, func(i, j int) bool { return len(fs[i].keys) > len(fs[j].keys) })
		lx.forms[k] = fs
	}
	return lx, nil
}

// makeForm tokenizes a surface form. A leading "the" is dropped: it is
// not part of a mention.
func makeForm(text string) (form, bool) {
	toks := tokenize(text, 0, len(text), nil)
	if len(toks) > 1 && toks[0].Lower == "the" {
		toks = toks[1:]
	}
	if len(toks) == 0 {
		return form{}, false
	}
	f := form{keys: make([]string, len(toks)), caps: make([]capRule, len(toks))}
	for i, t := range toks {
		f.keys[i] = tokenKey(t.Text, t.Lower)
		f.caps[i] = capRuleOf(t.Text)
	}
	return f, true
}

// capRuleOf derives what capitalization a form token asks of the text:
// acronyms of up to three letters must be upper-case in the text ("US"
// is not "us"), longer ones and names need an upper-case first letter
// ("Nato" is NATO in British style).
func capRuleOf(w string) capRule {
	letters, upper := 0, 0
	first := rune(0)
	for _, r := range w {
		if unicode.IsLetter(r) {
			if first == 0 {
				first = r
			}
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	switch {
	case letters == 0 || !unicode.IsUpper(first):
		return capAny
	case letters >= 2 && upper == letters && letters <= 3:
		return capAll
	}
	return capFirst
}

// capsOK reports whether a text token satisfies a form token's rule.
func capsOK(w string, rule capRule) bool {
	switch rule {
	case capFirst:
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	case capAll:
		for _, r := range w {
			if unicode.IsLetter(r) && !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return true
}

// spellingVariants returns a name and the variants news spell it with:
// "al-Qaeda" also as "al Qaeda" and "Al-Qaeda".
func spellingVariants(name string) []string {
	out := []string{name}
	for _, p := range [...]string{"al-", "Al-", "el-", "El-"} {
		if strings.Contains(name, p) {
			out = append(out, strings.ReplaceAll(name, p, p[:len(p)-1]+" "))
		}
	}
	return out
}

// tokenKey is the lookup key of a token: lower case, diacritics folded,
// typographic apostrophes made ASCII, and the periods of dotted acronyms
// dropped ("U.S." → "us").
func tokenKey(text, lower string) string {
	k := lower
	if !isASCII(k) {
		k = foldDiacritics(k)
	}
	if strings.IndexByte(k, '.') >= 0 && len(k) > 1 {
		if isDottedAcronym(k) {
			k = strings.ReplaceAll(k, ".", "")
		}
	}
	return k
}

// isDottedAcronym reports whether w is letters each followed by a period,
// the last period optional ("u.s.", "u.n").
func isDottedAcronym(w string) bool {
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == '.' {
			if i == 0 || w[i-1] == '.' {
				return false
			}
			continue
		}
		if !isASCIILetter(c) || (i+1 < len(w) && w[i+1] != '.') {
			return false
		}
		n++
	}
	return n >= 2
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
