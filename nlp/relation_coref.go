package nlp

import (
	"github.com/geokg/geokg/schema"
)

// Reference resolution across sentences: what a pronoun or a
// description refers to, and the provenance of relations found through
// one. News names an actor once and then says "he", "the minister", "the
// delegation", "the kingdom", "we" in a quote; a relation stated that way
// belongs to the actor referred to (GUIDELINES, Conventions 11). The
// candidates are the actors the text named before, in the same sentence
// or an earlier one; they are filtered by type ("she" is a person, "the
// bloc" an organization), number ("they", "the two leaders"), role
// ("the minister" holds a ministry) and taken by recency, subjects
// before other mentions.
//
// Collective and descriptive nouns and event nouns are in
// relation_refs.go; this file holds the pronouns, the bodies a state
// sends ("the delegation", "the envoys") and the provenance.

// refMemory is the part of the discourse that references keep.
type refMemory struct {
	// uses are the pronouns resolved so far, with what they resolved to.
	uses []refUse
	// persons are the person mentions so far, for pronouns whose
	// antecedent was no subject ("Turkey praised Petrov. He …").
	persons []refUse
	// bodies maps a body class ("delegation") to the actors whose body
	// of that class the text introduced last ("Turkey sent a delegation").
	bodies map[string]refUse
	// sentFirst is the first token of the current sentence; plural are
	// its phrases that name several actors ("his Cambodian and Thai
	// counterparts"), for "they" later in the sentence.
	sentFirst int
	plural    []refUse
	// blockers are the tokens of subjects that "it" could refer to but
	// that name no known actor ("the army took control" where the story
	// named two states): a later "it" is theirs, not an earlier actor's.
	blockers []int
}

// refUse is a span of tokens that names or refers to actors.
type refUse struct {
	first, last int
	actors      []int
	// speaker: "we" or "I" in a quote, which the sentence names as its
	// speaker, not as a party.
	speaker bool
}

// pronounWindow is how far back, in tokens, a pronoun looks: about three
// sentences.
const pronounWindow = 120

// resolve returns the actors a third-person pronoun at token tok refers
// to (see resolvePronoun), and remembers the use for the provenance of relations.
func (d *discourse) resolve(pronoun string, tok int) []int {
	if d == nil {
		return nil
	}
	out := d.resolvePronoun(pronoun, tok)
	d.noteUse(tok, tok+1, out)
	return out
}

// noteUse remembers that tokens [first, last) referred to actors.
func (d *discourse) noteUse(first, last int, actors []int) {
	if d == nil || len(actors) == 0 {
		return
	}
	d.uses = append(d.uses, refUse{first: first, last: last, actors: actors})
}

// noteSpeaker remembers that a first-person pronoun at tokens [first,
// last) of a quote stood for its speakers.
func (d *discourse) noteSpeaker(first, last int, actors []int) {
	if d == nil || len(actors) == 0 {
		return
	}
	d.uses = append(d.uses, refUse{first: first, last: last, actors: actors, speaker: true})
}

// resolvePronoun: "he"/"she" the last person subject, else the last
// person named; "it" the last single non-person subject; "they" the last
// set of parties or subject of several actors.
func (d *discourse) resolvePronoun(pronoun string, tok int) []int {
	if xs, ok := d.resolveInSentence(pronoun, tok); ok {
		return xs
	}
	if xs, ok := d.mainSubjectBefore(pronoun, tok); ok {
		return xs
	}
	for i := len(d.subjects) - 1; i >= 0; i-- {
		s := d.subjects[i]
		if s.tok >= tok {
			continue
		}
		if tok-s.tok > pronounWindow {
			break
		}
		switch pronoun {
		case "he", "she":
			if s.person && len(s.actors) == 1 {
				return s.actors
			}
		case "it":
			if !s.person && len(s.actors) == 1 {
				if d.blockedAfter(s.tok, tok) {
					return nil
				}
				return s.actors
			}
		case "they":
			if !s.person || len(s.actors) > 1 {
				// A set of parties named after this subject is the
				// likelier referent: "Trump met Kim; their summit".
				if p, ok := d.lastParties(s.tok, tok); ok {
					return p
				}
				return s.actors
			}
		}
	}
	switch pronoun {
	case "they":
		if p, ok := d.lastParties(tok-pronounWindow, tok); ok {
			return p
		}
	case "he", "she":
		// No person was a subject: the person named last, when the
		// sentence before named one ("Turkey praised Petrov. He …").
		for i := len(d.persons) - 1; i >= 0; i-- {
			p := d.persons[i]
			if p.first >= tok {
				continue
			}
			if tok-p.first <= pronounWindow/2 {
				return p.actors
			}
			break
		}
	}
	return nil
}

// mainSubjectBefore resolves "he" or "she" opening a sentence to the
// first person subject of the sentence before, the main clause's, over
// those of its subordinate clauses: "Zuma spoke to the leader, who said
// he was fine. He is also in contact with the army" — Zuma.
func (d *discourse) mainSubjectBefore(pronoun string, tok int) ([]int, bool) {
	if pronoun != "he" && pronoun != "she" || tok != d.sentFirst {
		return nil, false
	}
	prev := -1
	for i := len(d.subjects) - 1; i >= 0; i-- {
		s := d.subjects[i]
		if s.tok >= tok {
			continue
		}
		if prev >= 0 && s.sentFirst != prev {
			break
		}
		prev = s.sentFirst
	}
	if prev < 0 || tok-prev > pronounWindow {
		return nil, false
	}
	for _, s := range d.subjects {
		if s.sentFirst == prev && s.tok < tok {
			if s.person && len(s.actors) == 1 {
				return s.actors, true
			}
			return nil, false // the main subject is no single person
		}
	}
	return nil, false
}

// resolveInSentence resolves a pronoun to a phrase of its own sentence
// when no subject of the sentence fits: the nearest antecedent wins over
// the subjects of earlier sentences ("tariffs imposed by Trump in
// response to what he called…"; "he talked with his Cambodian and Thai
// counterparts and they agreed").
func (d *discourse) resolveInSentence(pronoun string, tok int) ([]int, bool) {
	for i := len(d.subjects) - 1; i >= 0 && d.subjects[i].tok >= d.sentFirst; i-- {
		s := d.subjects[i]
		if s.tok >= tok {
			continue
		}
		switch pronoun {
		case "he", "she":
			if s.person && len(s.actors) == 1 {
				return nil, false // the subject rule takes it
			}
		case "they":
			if len(s.actors) > 1 {
				// A phrase of several actors after that subject is
				// nearer: "They asked me …, adding he talked with his
				// Cambodian and Thai counterparts and they agreed".
				for j := len(d.plural) - 1; j >= 0 && d.plural[j].first > s.tok; j-- {
					if d.plural[j].last <= tok {
						return d.plural[j].actors, true
					}
				}
				return nil, false
			}
		}
	}
	switch pronoun {
	case "he", "she":
		for i := len(d.persons) - 1; i >= 0 && d.persons[i].first >= d.sentFirst; i-- {
			if d.persons[i].last <= tok {
				return d.persons[i].actors, true
			}
		}
	case "they":
		for i := len(d.plural) - 1; i >= 0 && d.plural[i].first >= d.sentFirst; i-- {
			if d.plural[i].last <= tok {
				return d.plural[i].actors, true
			}
		}
	}
	return nil, false
}

// blockedAfter reports whether a blocker stands between tokens from and
// to.
func (d *discourse) blockedAfter(from, to int) bool {
	for i := len(d.blockers) - 1; i >= 0; i-- {
		b := d.blockers[i]
		if b < 0 {
			// A thing blocks only within its own sentence.
			if b = -b - 1; b < d.sentFirst {
				continue
			}
		}
		if b > from && b < to {
			return true
		}
	}
	return false
}

// blockingHeads head singular phrases that "it" can refer to: a state's
// or movement's apparatus.
var blockingHeads = wordSet("army", "military", "government", "regime", "junta", "administration", "cabinet",
	"navy", "police", "militia", "ministry", "parliament", "council", "party", "company")

// rememberBlockers records the sentence's definite subjects that name no
// actor: an apparatus phrase ("the army took control"), or, for the rest
// of its own sentence only, any singular thing ("The agreement will
// expand Hungary's fleet, and it also helps rebuild ties").
func (v *sentenceView) rememberBlockers() {
	for _, c := range v.chunks {
		if len(c.Actors) > 0 || c.Last >= v.last || !verbTag(v.tag(c.Last)) && v.tag(c.Last) != "MD" {
			continue
		}
		switch {
		case blockingHeads[v.tok(c.Head).Lower] && v.word(c.First) == "the":
			v.disc.blockers = append(v.disc.blockers, c.First)
		case v.tag(c.Head) == "NN" && (v.word(c.First) == "the" || v.word(c.First) == "this"):
			v.disc.blockers = append(v.disc.blockers, -c.First-1) // negative: this sentence only
		}
	}
}

// rememberSentence records where the sentence starts, its person
// mentions and its phrases that name several actors.
func (v *sentenceView) rememberSentence() {
	v.disc.sentFirst = v.first
	// A phrase that names several actors, or coordinated phrases that
	// do ("his French and German counterparts", "Iran, Iraq and Syria";
	// not "…, including Iran and Iraq, Pompeo told reporters").
	var run []chunk
	var seps []string
	flush := func() {
		for len(seps) > 0 && seps[len(seps)-1] == "," {
			run, seps = run[:len(run)-1], seps[:len(seps)-1]
		}
		var u refUse
		for i, c := range run {
			if i == 0 {
				u.first = c.First
			}
			u.last = c.Last
			for _, x := range c.Actors {
				u.actors = appendUnique(u.actors, x)
			}
		}
		if len(u.actors) > 1 {
			v.disc.plural = append(v.disc.plural, u)
		}
		run, seps = run[:0], seps[:0]
	}
	for _, c := range v.chunks {
		if n := len(run); n > 0 && len(c.Actors) > 0 && c.First == run[n-1].Last+1 &&
			(v.word(run[n-1].Last) == "and" || v.word(run[n-1].Last) == ",") {
			run, seps = append(run, c), append(seps, v.word(run[n-1].Last))
			continue
		}
		flush()
		if len(c.Actors) > 0 {
			run = append(run, c)
		}
	}
	flush()
	for i := v.first; i < v.last; i++ {
		if m := v.mention(i); m >= 0 && (i == v.first || v.mention(i-1) != m) {
			if x := v.a.Mentions[m].Actor; v.a.Actors[x].Type == schema.Person {
				v.disc.persons = append(v.disc.persons, refUse{first: i, last: v.a.Mentions[m].Last, actors: []int{x}})
			}
		}
	}
}

// bodyClass groups the nouns for the people a state or organization
// sends: "a delegation … the delegation", "envoys … the envoys".
var bodyClass = map[string]string{
	"delegation": "delegation", "delegations": "delegation", "team": "delegation",
	"envoys": "envoys", "envoy": "envoys", "negotiators": "envoys", "diplomats": "envoys", "emissaries": "envoys",
}

// sendVerbs introduce a body by its sender: "Turkey sent a delegation".
var sendVerbs = wordSet("send", "dispatch", "despatch", "field", "appoint", "name")

// bodyReference handles chunk ci when its head is a body noun: an
// introduced body ("Turkey sent a delegation", "a Turkish delegation")
// is remembered with its sender; a definite one with no actor of its own
// ("the delegation") refers to the sender. It reports whether the chunk
// was a reference.
func (v *sentenceView) bodyReference(ci int) bool {
	c := &v.chunks[ci]
	class, ok := bodyClass[v.headWord(ci)]
	if !ok || v.disc == nil {
		return false
	}
	if v.disc.bodies == nil {
		v.disc.bodies = map[string]refUse{}
	}
	if len(c.Actors) > 0 {
		if v.allFit(c.Actors, refNonPersons) {
			v.disc.bodies[class] = refUse{first: c.First, last: c.Last, actors: c.Actors}
		}
		return false
	}
	switch v.word(c.First) {
	case "the":
		if c.Head-c.First > 2 || v.namesOwnParty(c.Last) || v.quantified(c.First, c.Head) {
			return false
		}
		b, ok := v.disc.bodies[class]
		if !ok || c.First-b.first > 2*refWindow {
			return false
		}
		c.Actors = append([]int(nil), b.actors...)
		c.HeadMention = true
		c.Reference = true
		return true
	default:
		if senders := v.senders(c.First); len(senders) > 0 {
			v.disc.bodies[class] = refUse{first: c.First, last: c.Last, actors: senders}
		}
	}
	return false
}

// senders returns the non-person actors named before a send verb right
// before token k: "Iran and Qatar sent envoys".
func (v *sentenceView) senders(k int) []int {
	j := k - 1
	for j > v.first && (v.tag(j) == "CD" || v.tag(j) == "JJ" || v.word(j) == "a" || v.word(j) == "an") {
		j--
	}
	if !verbTag(v.tag(j)) || !sendVerbs[v.tok(j).Lemma] {
		return nil
	}
	var out []int
	for i := v.first; i < j; i++ {
		m := v.mention(i)
		if m < 0 {
			if w := v.word(i); w != "and" && w != "," && v.tag(i) != "DT" && v.tag(i) != "POS" {
				out = nil // only the coordinated subject counts
			}
			continue
		}
		x := v.a.Mentions[m].Actor
		if v.a.Actors[x].Type == schema.Person {
			out = nil
			continue
		}
		out = appendUnique(out, x)
	}
	return out
}

// monarchies are the states that "the kingdom" or "the emirate" can
// refer to.
var monarchies = map[string]string{
	"SAU": "kingdom", "JOR": "kingdom", "MAR": "kingdom", "BHR": "kingdom", "GBR": "kingdom", "ESP": "kingdom",
	"NLD": "kingdom", "BEL": "kingdom", "NOR": "kingdom", "SWE": "kingdom", "DNK": "kingdom", "THA": "kingdom",
	"KHM": "kingdom", "BTN": "kingdom", "SWZ": "kingdom", "LSO": "kingdom", "TON": "kingdom", "OMN": "sultanate",
	"BRN": "sultanate", "QAT": "emirate", "KWT": "emirate", "ARE": "emirate",
}

// referencesOf returns the referring texts through which the sentence
// gives the actors xs of a relation whose cue is at token cue: "He" for
// Petrov in "He praised Turkey", and in "Petrov said he would meet Li"
// too, where "he" is nearer the cue than the name.
func (v *sentenceView) referencesOf(cue int, xs ...int) []string {
	var out []string
	for _, x := range xs {
		if text, ok := v.referringText(cue, x); ok && !containsString(out, text) {
			out = append(out, text)
		}
	}
	return out
}

// referringText returns the reference through which the sentence gives
// actor x to the cue at token cue: the nearest reference to x, unless a
// name of x is nearer.
func (v *sentenceView) referringText(cue, x int) (string, bool) {
	dist := func(first, last int) int {
		switch {
		case cue < first:
			return first - cue
		case cue >= last:
			return cue - last + 1
		}
		return 0
	}
	named := -1 // distance of the nearest name of x
	best, bestDist := refUse{}, -1
	consider := func(u refUse) {
		if d := dist(u.first, u.last); bestDist < 0 || d < bestDist {
			best, bestDist = u, d
		}
	}
	for i := v.first; i < v.last; i++ {
		m := v.mention(i)
		if m < 0 || v.a.Mentions[m].Actor != x || i > v.first && v.mention(i-1) == m {
			continue
		}
		mm := v.a.Mentions[m]
		if mm.Kind == byReference {
			consider(refUse{first: mm.First, last: mm.Last}) // a lexicon's weak form: "the bloc"
		} else if d := dist(mm.First, mm.Last); named < 0 || d < named {
			named = d
		}
	}
	for _, c := range v.chunks {
		if c.Reference && containsInt(c.Actors, x) {
			consider(refUse{first: c.First, last: c.Last})
		}
	}
	if v.disc != nil {
		for i := len(v.disc.uses) - 1; i >= 0 && v.disc.uses[i].first >= v.first; i-- {
			if u := v.disc.uses[i]; u.last <= v.last && containsInt(u.actors, x) {
				if u.speaker {
					// "“We back Kyiv,” the minister said": named as the
					// speaker, a party through "We".
					return v.span(u.first, u.last), true
				}
				consider(u)
			}
		}
	}
	if bestDist < 0 || named >= 0 && named < bestDist {
		return "", false
	}
	return v.span(best.first, best.last), true
}

// span returns the text of tokens [first, last).
func (v *sentenceView) span(first, last int) string {
	return v.a.Text[v.a.Tokens[first].Start:v.a.Tokens[last-1].End]
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
