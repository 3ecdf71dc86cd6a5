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
// to, and remembers the use for the provenance of relations.
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

// rememberPersons records the person mentions of the sentence.
func (v *sentenceView) rememberPersons() {
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

// referencesOf returns the referring texts of the sentence through which
// it gives the actors xs that it does not name: "He" for a relation of
// Petrov in "He praised Turkey".
func (v *sentenceView) referencesOf(xs ...int) []string {
	var out []string
	for _, x := range xs {
		if text, ok := v.referringText(x); ok && !containsString(out, text) {
			out = append(out, text)
		}
	}
	return out
}

// referringText returns the reference through which the sentence gives
// actor x, when it does not name x.
func (v *sentenceView) referringText(x int) (string, bool) {
	if v.disc != nil {
		// "“We back Kyiv,” the minister said": the minister is named as
		// the speaker, and is the party through "We".
		for i := len(v.disc.uses) - 1; i >= 0 && v.disc.uses[i].first >= v.first; i-- {
			if u := v.disc.uses[i]; u.speaker && u.last <= v.last && containsInt(u.actors, x) {
				return v.span(u.first, u.last), true
			}
		}
	}
	var weak *mention
	for i := v.first; i < v.last; i++ {
		if m := v.mention(i); m >= 0 && v.a.Mentions[m].Actor == x {
			if v.a.Mentions[m].Kind != byReference {
				return "", false
			}
			weak = &v.a.Mentions[m]
		}
	}
	if weak != nil {
		return v.span(weak.First, weak.Last), true // a lexicon's weak form: "the bloc"
	}
	for _, c := range v.chunks {
		if c.Reference && containsInt(c.Actors, x) {
			return v.span(c.First, c.Last), true
		}
	}
	if v.disc != nil {
		for i := len(v.disc.uses) - 1; i >= 0; i-- {
			u := v.disc.uses[i]
			if u.first < v.first {
				break
			}
			if u.last <= v.last && containsInt(u.actors, x) {
				return v.span(u.first, u.last), true
			}
		}
	}
	return "", false
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
