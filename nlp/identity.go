package nlp

import (
	"slices"
	"sort"
	"strings"

	"github.com/geokg/geokg/schema"
)

// person is a person of the article being resolved.
type person struct {
	ent  int      // entity index
	keys []string // name token keys without particles
}

// entity is an actor of the article before ordering.
type entity struct {
	id, name string
	typ      schema.ActorType
	lex      int
	nameLen  int // tokens in the display name, to prefer the fullest
	first    int // first mention's token, for ordering
}

// identityPass gives every live candidate its actor. Full names are
// resolved before short ones, so "Assad" in a headline finds "Bashar
// al-Assad" named in the body.
func (r *recognizer) identityPass() {
	r.sortCands()
	r.mergeAdjacentNames()
	r.mergeNameRemainder()
	var ents []entity
	byID := map[string]int{}
	entityFor := func(id, name string, typ schema.ActorType, lex, nameLen int) int {
		if e, ok := byID[id]; ok {
			if nameLen > ents[e].nameLen && lex < 0 && ents[e].lex < 0 {
				ents[e].name, ents[e].nameLen = name, nameLen
			}
			return e
		}
		byID[id] = len(ents)
		ents = append(ents, entity{id: id, name: name, typ: typ, lex: lex, nameLen: nameLen, first: -1})
		return len(ents) - 1
	}
	lexEntity := func(li int) int {
		la := &r.lex.actors[li]
		return entityFor(la.ID, la.Name, la.Type, li, 99)
	}
	cands := r.sc.cands
	r.opposition = -1
	// Known actors and full person names first.
	for ci := range cands {
		c := &cands[ci]
		if c.drop {
			continue
		}
		switch {
		case c.lex >= 0:
			c.actor = lexEntity(c.lex)
			if c.typ == schema.Person {
				r.addPerson(c.actor, r.lex.actors[c.lex].Name)
			}
		case c.typ == schema.Person && r.nameTokens(c) >= 2 && !c.weak:
			c.actor = r.resolveFullName(c, lexEntity, entityFor)
		case c.typ == schema.Organization && strings.HasPrefix(c.newName, "\x01"):
			// A led coalition: "\x01ID\x01name as written".
			parts := strings.SplitN(c.newName[1:], "\x01", 2)
			c.actor = entityFor(parts[0], parts[1], c.typ, -1, 0)
		case c.typ == schema.Organization || (c.typ == schema.Group && !strings.HasPrefix(c.newName, "\x00") && c.newName != ""):
			c.actor = entityFor(orgID(c.newName), c.newName, c.typ, -1, c.last-c.first)
		}
	}
	// Short names, headline names and opposition groups.
	for ci := range cands {
		c := &cands[ci]
		if c.drop || c.actor >= 0 {
			continue
		}
		switch c.typ {
		case schema.Person:
			if e := r.resolveShortName(c, lexEntity); e >= 0 {
				c.actor = e
			} else if !c.weak && r.nameTokens(c) == 1 && r.personEvidence(c) && !r.placeOrThing(c) {
				text := r.spanText(c.first, c.last)
				c.actor = entityFor(nameKey(text), text, schema.Person, -1, 1)
				r.addPerson(c.actor, text)
			}
		case schema.Group:
			if c.crowd {
				// Acting crowds are one party per article, named after
				// their country as the opposition is.
				country := r.oppositionCountry()
				if country < 0 {
					break
				}
				id := r.lex.actors[country].Name + " protesters"
				c.actor = entityFor(id, id, schema.Group, -1, 2)
				break
			}
			// One opposition per article: the conflict's non-state side,
			// named after the first country the text gives it, else the
			// country the article is about.
			if r.opposition < 0 {
				country := r.oppositionCountry()
				if country < 0 || r.lex.actors[country].Demonym == "" {
					break
				}
				id := r.lex.actors[country].Demonym + " opposition"
				r.opposition = entityFor(id, id, schema.Group, -1, 2)
			}
			c.actor = r.opposition
		}
		if c.actor < 0 {
			r.dropCand(ci)
		}
	}
	r.mergeAliases(cands)
	// Order actors by first mention and emit mentions.
	for ci := range cands {
		c := &cands[ci]
		if c.drop || c.actor < 0 {
			continue
		}
		if ents[c.actor].first < 0 {
			ents[c.actor].first = c.first
		}
	}
	order := make([]int, 0, len(ents))
	for e := range ents {
		if ents[e].first >= 0 {
			order = append(order, e)
		}
	}
	sort.Slice(order, func(x, y int) bool { return ents[order[x]].first < ents[order[y]].first })
	remap := make([]int, len(ents))
	for i, e := range order {
		remap[e] = i
		en := &ents[e]
		r.a.Actors = append(r.a.Actors, actorInfo{ID: en.id, Name: en.name, Type: en.typ})
	}
	r.entLex = make([]int, len(order))
	for i, e := range order {
		r.entLex[i] = ents[e].lex
	}
	for ci := range cands {
		c := &cands[ci]
		if c.drop || c.actor < 0 {
			continue
		}
		c.actor = remap[c.actor]
		r.a.Mentions = append(r.a.Mentions, mention{Actor: c.actor, Sentence: c.sent, First: c.first, Last: c.last,
			Kind: c.kind, Possessive: c.possessive})
	}
}

// mergeAdjacentNames joins a capitalized run and a lexicon person that
// touch: "Ivanka" + "Trump" is Ivanka Trump, not Donald Trump.
func (r *recognizer) mergeAdjacentNames() {
	cands := r.sc.cands
	for ci := range cands {
		c := &cands[ci]
		if c.drop || c.typ != schema.Person || c.lex >= 0 || c.weak {
			continue
		}
		if oc := r.candAt(c.last); oc >= 0 && cands[oc].typ == schema.Person && cands[oc].lex >= 0 &&
			cands[oc].sent == c.sent && r.nameTokens(&cands[oc]) == 1 {
			last := cands[oc].last
			r.dropCand(oc)
			for k := c.last; k < last; k++ {
				r.sc.cover[k] = int32(ci)
			}
			c.last = last
			c.merged = true
		}
		if oc := r.candAt(c.first - 1); oc >= 0 && cands[oc].typ == schema.Person && cands[oc].lex >= 0 &&
			cands[oc].sent == c.sent && cands[oc].last == c.first && r.nameTokens(&cands[oc]) == 1 {
			first := cands[oc].first
			r.dropCand(oc)
			for k := first; k < c.first; k++ {
				r.sc.cover[k] = int32(ci)
			}
			c.first = first
			c.merged = true
		}
	}
}

// mergeNameRemainder joins a lexicon person and the rest of its full name
// after a particle: "Sheikh Tamim" + "bin" + "Hamad Al Thani" is Tamim bin
// Hamad Al Thani, not a second person.
func (r *recognizer) mergeNameRemainder() {
	cands := r.sc.cands
	for ci := range cands {
		c := &cands[ci]
		if c.drop || c.typ != schema.Person || c.lex < 0 || c.last+1 >= len(r.a.Tokens) {
			continue
		}
		if _, ok := nameParticles[r.a.Tokens[c.last].Lower]; !ok {
			continue
		}
		oc := r.candAt(c.last + 1)
		if oc < 0 || cands[oc].drop || cands[oc].typ != schema.Person || cands[oc].lex >= 0 || cands[oc].sent != c.sent {
			continue
		}
		full := strings.Fields(nameKey(r.lex.actors[c.lex].Name))
		rest := strings.Fields(nameKey(r.spanText(cands[oc].first, cands[oc].last)))
		if len(rest) == 0 || !containsAllStrings(full, rest) {
			continue
		}
		last := cands[oc].last
		r.dropCand(oc)
		for k := c.last; k < last; k++ {
			r.sc.cover[k] = int32(ci)
		}
		c.last = last
	}
}

// containsAllStrings reports whether every string of xs is in set.
func containsAllStrings(set, xs []string) bool {
	for _, x := range xs {
		if !slices.Contains(set, x) {
			return false
		}
	}
	return true
}

// nameTokens counts a candidate's name words (not particles or hyphens).
func (r *recognizer) nameTokens(c *cand) int {
	n := 0
	for k := c.first; k < c.last; k++ {
		t := &r.a.Tokens[k]
		if t.Text == "-" {
			continue
		}
		if _, ok := nameParticles[t.Lower]; ok {
			continue
		}
		n++
	}
	return n
}

func (r *recognizer) spanText(first, last int) string {
	return r.a.Text[r.a.Tokens[first].Start:r.a.Tokens[last-1].End]
}

// addPerson registers an article person for short-name resolution.
func (r *recognizer) addPerson(ent int, name string) {
	for _, p := range r.people {
		if p.ent == ent {
			return
		}
	}
	r.people = append(r.people, person{ent: ent, keys: strings.Fields(nameKey(name))})
}

// resolveFullName finds the lexicon or article person a full name names,
// or makes a new person.
func (r *recognizer) resolveFullName(c *cand, lexEntity func(int) int, entityFor func(string, string, schema.ActorType, int, int) int) int {
	text := r.spanText(c.first, c.last)
	key := nameKey(text)
	if li, ok := r.lex.personKeys[key]; ok {
		e := lexEntity(li)
		r.addPerson(e, r.lex.actors[li].Name)
		return e
	}
	keys := strings.Fields(key)
	if len(keys) == 0 {
		return -1
	}
	// Same first and last name as a known person: "Barack Hussein Obama".
	for _, p := range r.people {
		if len(p.keys) >= 2 && p.keys[0] == keys[0] && p.keys[len(p.keys)-1] == keys[len(keys)-1] {
			return p.ent
		}
	}
	if li, ok := r.lex.personFirstLast[keys[0]+" "+keys[len(keys)-1]]; ok {
		e := lexEntity(li)
		r.addPerson(e, r.lex.actors[li].Name)
		return e
	}
	if !r.fullNameEvidence(c) {
		return -1
	}
	e := entityFor(key, text, schema.Person, -1, len(keys))
	r.addPerson(e, text)
	return e
}

// fullNameEvidence reports whether a capitalized phrase the lexicon does
// not know is a person's name: it does not end in a place or thing noun
// ("Camp David" does, "Korean War" does), and it starts with a known given
// name, follows a title or honorific, is followed by a speech verb or an
// apposition, or extends a known surname ("Ivanka Trump").
func (r *recognizer) fullNameEvidence(c *cand) bool {
	a := r.a
	if r.placeOrThing(c) {
		return false
	}
	if c.merged || r.personEvidence(c) {
		return true
	}
	if _, ok := r.lex.givenNames[r.sc.keys[c.first]]; ok {
		return true
	}
	s := a.Sentences[c.sent]
	// "the two foreign ministers, Subrahmanyam Jaishankar and Wang Yi":
	// coordinated with a known person.
	if k := c.last; k+1 < s.Last && a.Tokens[k].Lower == "and" {
		if oc := r.candAt(k + 1); oc >= 0 && r.sc.cands[oc].typ == schema.Person && r.sc.cands[oc].lex >= 0 {
			return true
		}
	}
	if k := c.first - 1; k-1 >= s.First && a.Tokens[k].Lower == "and" {
		if oc := r.candAt(k - 1); oc >= 0 && r.sc.cands[oc].typ == schema.Person && r.sc.cands[oc].lex >= 0 {
			return true
		}
	}
	if k := c.last; k+1 < s.Last && a.Tokens[k].Text == "," {
		w := a.Tokens[k+1].Lower
		if w == "who" || w == "whose" || r.sc.isTitle[k+1] || (w == "the" || w == "a") && k+2 < s.Last && r.sc.isTitle[k+2] {
			return true
		}
	}
	return false
}

// placeOrThing reports whether a capitalized phrase names a place or a
// thing, not a person: it ends in a place or thing noun ("Camp David",
// "Korean War", "major Gulf producers"), or follows a locative
// preposition ("in Khan Sheikhoun") or a place noun and "of" ("the
// suburb of Borrowdale said").
func (r *recognizer) placeOrThing(c *cand) bool {
	a := r.a
	if _, thing := nonPersonHeads[a.Tokens[c.last-1].Lower]; thing {
		return true
	}
	s := a.Sentences[c.sent]
	switch r.prevWord(c.first, s, false) {
	case "in", "near", "at", "outside", "inside", "across":
		return true
	case "of":
		_, place := placeOfNouns[r.prevWord(c.first-1, s, false)]
		return place
	}
	return false
}

// resolveShortName finds the person a short or headline name refers to:
// "Kerry" → John Kerry, "Kim" → Kim Jong Un, "Ivanka" → Ivanka Trump.
// The last name is preferred, then the first; among several, the one
// named first.
func (r *recognizer) resolveShortName(c *cand, lexEntity func(int) int) int {
	keys := strings.Fields(nameKey(r.spanText(c.first, c.last)))
	if len(keys) == 0 {
		return -1
	}
	if li, ok := r.lex.personKeys[strings.Join(keys, " ")]; ok {
		e := lexEntity(li)
		r.addPerson(e, r.lex.actors[li].Name)
		return e
	}
	lastKey := keys[len(keys)-1]
	for _, p := range r.people {
		if len(p.keys) > len(keys) && p.keys[len(p.keys)-1] == lastKey && hasPrefixKeys(p.keys, keys[:len(keys)-1]) {
			return p.ent
		}
	}
	if len(keys) == 1 {
		for _, p := range r.people {
			if len(p.keys) > 1 && p.keys[0] == keys[0] {
				return p.ent
			}
		}
		for _, p := range r.people {
			for _, k := range p.keys {
				if k == keys[0] {
					return p.ent
				}
			}
		}
		// "Madhi" for "Mahdi": a surname misspelt by two swapped letters
		// is still the person the article named in full.
		found := -1
		for _, p := range r.people {
			if len(p.keys) > 1 && swappedLetters(p.keys[len(p.keys)-1], keys[0]) {
				if found >= 0 && found != p.ent {
					return -1
				}
				found = p.ent
			}
		}
		if found >= 0 {
			return found
		}
	}
	if c.weak && len(keys) >= 2 {
		return -1
	}
	return -1
}

// swappedLetters reports whether a and b, five letters or longer, differ
// only by two adjacent letters swapped ("mahdi", "madhi").
func swappedLetters(a, b string) bool {
	if len(a) != len(b) || len(a) < 5 || a == b {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// hasPrefixKeys reports whether the words of short are among the first
// words of full ("Bashar" of "bashar assad").
func hasPrefixKeys(full, short []string) bool {
	if len(short) > len(full) {
		return false
	}
	for i, k := range short {
		if full[i] != k {
			return false
		}
	}
	return true
}

// personEvidence reports whether a lone capitalized word is a person: a
// title or honorific before it ("Mr. Pfeiffer", "President Moon") or a
// speech verb after it ("Pfeiffer said").
func (r *recognizer) personEvidence(c *cand) bool {
	a := r.a
	s := a.Sentences[c.sent]
	if c.first > s.First {
		p := a.Tokens[c.first-1].Lower
		if _, ok := honorifics[p]; ok {
			return true
		}
		if r.sc.isTitle[c.first-1] {
			return true
		}
		// "the U.N. envoy for Sudan, Volker Perthes"
		if p == "," && r.titleEndingAt(c.first-1) >= 0 {
			return true
		}
	}
	// "his daughter Yulia", "Lukashenko's main opponent, Jana Kovalenko":
	// a noun that only describes persons, right before or in apposition.
	if p := r.prevWord(c.first, s, false); personNouns[p] || p == "," && personNouns[r.prevWord(c.first-1, s, false)] {
		return true
	}
	// "Kovalenko, who lives in exile": a relative clause about a person.
	if c.last+1 < s.Last && a.Tokens[c.last].Text == "," && a.Tokens[c.last+1].Lower == "who" {
		return true
	}
	if c.last < s.Last {
		if _, ok := speechVerbs[a.Tokens[c.last].Lower]; ok {
			_, common := sourceNouns[a.Tokens[c.first].Lower]
			return !common || c.last-c.first > 1 // "Police said" is no person
		}
	}
	return false
}

// personNouns describe a person by kin or by their relation to
// another ("his daughter", "the president's main opponent").
var personNouns = wordSet("daughter", "son", "wife", "husband", "sister", "brother", "mother", "father", "widow",
	"nephew", "niece", "cousin", "uncle", "aunt", "opponent", "rival", "challenger", "critic", "successor",
	"predecessor", "lawyer", "activist", "dissident", "candidate", "nominee")

// sourceNouns are common nouns that open a sentence before a speech verb
// ("Police said", "Witnesses said"): capitalized, but no name.
var sourceNouns = setOf("police", "officials", "witnesses", "residents", "authorities", "sources", "analysts",
	"diplomats", "observers", "medics", "doctors", "activists", "rescuers", "prosecutors", "investigators",
	"lawmakers", "officers", "troops", "soldiers", "militants", "rebels", "protesters", "organisers",
	"organizers", "critics", "experts", "state", "government", "military", "army", "television", "media")

// oppositionCountry is the country of the first opposition mention that
// names one ("Syrian rebels"), else the theater country.
func (r *recognizer) oppositionCountry() int {
	for ci := range r.sc.cands {
		c := &r.sc.cands[ci]
		if !c.drop && !c.crowd && c.typ == schema.Group && c.lex < 0 && strings.HasPrefix(c.newName, "\x00") {
			if li, ok := r.lex.byID[c.newName[1:]]; ok {
				return li
			}
		}
	}
	return r.theaterCountry()
}

// theaterCountry is the country whose conflict the article is about: the
// one most often named as a place ("in Syria"), else the most named.
func (r *recognizer) theaterCountry() int {
	if r.theater != 0 {
		return r.theater - 1
	}
	best, bestLoc, bestAll := -1, 0, 0
	loc := map[int]int{}
	all := map[int]int{}
	order := []int{}
	for ci := range r.sc.cands {
		c := &r.sc.cands[ci]
		// Countries dropped as mere places count: they are where the
		// conflict is.
		if c.lex < 0 || c.typ != schema.Country {
			continue
		}
		if _, seen := all[c.lex]; !seen {
			order = append(order, c.lex)
		}
		all[c.lex]++
		if c.first > 0 {
			switch r.a.Tokens[c.first-1].Lower {
			case "in", "across", "inside", "throughout", "into":
				loc[c.lex]++
			}
		}
	}
	for _, li := range order {
		if loc[li] > bestLoc || (loc[li] == bestLoc && all[li] > bestAll) {
			best, bestLoc, bestAll = li, loc[li], all[li]
		}
	}
	r.theater = best + 1
	return best
}

// orgID is the identity of an organization the lexicon lacks: its name
// with diacritics folded and spaces collapsed ("Syrian Salvation
// Government").
func orgID(name string) string {
	name = strings.TrimPrefix(name, "the ")
	name = strings.TrimPrefix(name, "The ")
	return strings.Join(strings.Fields(foldDiacritics(name)), " ")
}
