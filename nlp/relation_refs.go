package nlp

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/schema"
)

// References to parties named earlier. News names the parties of an
// event once and then refers to them by description: "the two leaders
// agreed", "urged both sides to show restraint", "all four sides",
// "their summit", "the group claimed the attack", "he and Kim agreed".
// The relation stage resolves such noun phrases to actors before it
// finds arguments, so that every construction that takes an actor phrase
// also takes a reference.

// refKind says which actors a collective or descriptive noun can refer to.
type refKind uint8

const (
	refAny        refKind = iota // "sides", "parties"
	refPersons                   // "leaders", "presidents", "men"
	refStates                    // "countries", "governments", "neighbours"
	refGroups                    // "the group", "the militants"
	refOrgs                      // "the bloc", "the alliance"
	refNonPersons                // any but a person
	refCoalitions                // "the coalition": a led coalition named before
	refKingdoms                  // "the kingdom": a monarchy
	refEmirates                  // "the emirate"
)

// collectiveNouns head plural phrases that refer to several parties
// named before: "the two sides", "both leaders", "all four countries".
var collectiveNouns = map[string]refKind{
	"sides": refAny, "parties": refAny, "camps": refAny, "rivals": refAny, "adversaries": refAny,
	"foes": refAny, "enemies": refAny, "partners": refAny, "allies": refAny, "delegations": refAny,
	"leaders": refPersons, "presidents": refPersons, "men": refPersons, "ministers": refPersons,
	"premiers": refPersons, "chiefs": refPersons, "envoys": refPersons, "diplomats": refPersons,
	"negotiators": refPersons, "counterparts": refPersons, "heads": refPersons, "women": refPersons,
	"countries": refStates, "nations": refStates, "governments": refStates, "neighbours": refStates,
	"neighbors": refStates, "states": refStates, "capitals": refStates, "powers": refStates,
}

// descriptiveNouns head singular phrases ("the group", "the bloc") that
// refer to the last actor of their kind.
var descriptiveNouns = map[string]refKind{
	"group": refGroups, "militants": refGroups, "insurgents": refGroups, "militia": refGroups, "rebels": refGroups,
	"jihadists": refGroups, "movement": refGroups, "insurgency": refGroups,
	"bloc": refOrgs, "alliance": refOrgs, "organization": refOrgs, "organisation": refOrgs,
	"coalition": refCoalitions, "kingdom": refKingdoms, "monarchy": refKingdoms, "emirate": refEmirates,
	"sultanate": refKingdoms,
}

// numberWords give the size of a collective reference.
var numberWords = map[string]int{"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6}

// collectiveModifiers may stand between the determiner and the noun of
// a collective reference: "the two warring sides", "both foreign ministers".
var collectiveModifiers = wordSet("warring", "rival", "opposing", "negotiating", "conflicting", "main",
	"respective", "foreign", "prime", "defence", "defense", "national", "security", "top", "two",
	"neighbouring", "neighboring", "feuding", "belligerent", "nuclear-armed", "former", "senior")

// apparatusRef is the state or movement whose army, government or other
// apparatus the text named last.
type apparatusRef struct {
	tok, actor int
}

// partySet is a set of actors that took part in one event together, or
// were named together as its parties.
type partySet struct {
	tok    int
	actors []int
}

// addParties remembers actors named together at token tok.
func (d *discourse) addParties(tok int, actors []int) {
	if d == nil || len(actors) < 2 {
		return
	}
	d.parties = append(d.parties, partySet{tok: tok, actors: append([]int(nil), actors...)})
}

// pairEvent is one relation between two actors, for the salience of
// pairs.
type pairEvent struct {
	tok, sentence int
	a, b          int
	// allied: the relation is one of backing (SUPPORT, AID, COOPERATE):
	// allies are no "sides".
	allied bool
	// violent: the relation is one of force (ASSAULT): the pair fought.
	violent bool
	// met: the relation is a meeting or talks (CONSULT).
	met bool
}

// addPairEvent records a relation between a and b at token tok.
func (d *discourse) addPairEvent(tok, sentence, a, b int, typ schema.EventType) {
	if d == nil || a == b {
		return
	}
	if b < a {
		a, b = b, a
	}
	allied := typ == schema.Support || typ == schema.Aid || typ == schema.Cooperate
	violent := typ == schema.Assault
	met := typ == schema.Consult
	// Once per sentence: a sentence that names a pair in three clauses
	// is no more about it than one that names it once.
	for i := len(d.pairs) - 1; i >= 0 && d.pairs[i].sentence == sentence; i-- {
		if d.pairs[i].a == a && d.pairs[i].b == b {
			d.pairs[i].allied = d.pairs[i].allied && allied
			d.pairs[i].violent = d.pairs[i].violent || violent
			d.pairs[i].met = d.pairs[i].met || met
			return
		}
	}
	d.pairs = append(d.pairs, pairEvent{tok: tok, sentence: sentence, a: a, b: b, allied: allied, violent: violent, met: met})
}

// lastMeeting returns whom x met last before tok, within a paragraph or
// two: "the meeting with al-Sharaa" after "Trump met al-Sharaa" is theirs.
func (d *discourse) lastMeeting(tok, x int) (int, bool) {
	if d == nil {
		return -1, false
	}
	for i := len(d.pairs) - 1; i >= 0; i-- {
		e := d.pairs[i]
		if e.tok >= tok || !e.met || e.a != x && e.b != x {
			continue
		}
		if tok-e.tok > refWindow {
			break
		}
		if e.a == x {
			return e.b, true
		}
		return e.a, true
	}
	return -1, false
}

// lastFight returns the latest pair of fitting actors that the relations
// before tok show fighting each other, within a paragraph or two: whom a
// ceasefire asked for without its parties is between.
func (d *discourse) lastFight(tok int, fit func(int) bool) ([]int, bool) {
	if d == nil {
		return nil, false
	}
	for i := len(d.pairs) - 1; i >= 0; i-- {
		e := d.pairs[i]
		if e.tok >= tok || !e.violent || !fit(e.a) || !fit(e.b) {
			continue
		}
		if tok-e.tok > refWindow {
			break
		}
		return []int{e.a, e.b}, true
	}
	return nil, false
}

// salientPair returns the pair of fitting actors that the relations
// before tok link in the most sentences; on a tie the pair named more
// often, then the latest: "both sides" in a story about a maritime clash
// are the two states that clashed, not the allies who spoke on the phone
// afterwards. mentions counts each actor's mentions.
func (d *discourse) salientPair(tok int, fit func(int) bool, mentions map[int]int, sides bool) ([]int, bool) {
	type score struct{ n, named, last int }
	better := func(a, b score) bool {
		if a.n != b.n {
			return a.n > b.n
		}
		if a.named != b.named {
			return a.named > b.named
		}
		return a.last > b.last
	}
	best, bestKey := score{}, [2]int{-1, -1}
	scores := map[[2]int]score{}
	// "Both sides" face each other: a pair only ever linked as backer and
	// backed ("Turkey deploys troops to support the GNA") is no two sides.
	var opposed map[[2]int]bool
	if sides {
		opposed = map[[2]int]bool{}
		for _, e := range d.pairs {
			if !e.allied {
				opposed[[2]int{e.a, e.b}] = true
			}
		}
	}
	for _, e := range d.pairs {
		if e.tok >= tok || tok-e.tok > 2*refWindow || !fit(e.a) || !fit(e.b) || sides && !opposed[[2]int{e.a, e.b}] {
			continue
		}
		k := [2]int{e.a, e.b}
		sc := scores[k]
		sc.n++
		sc.last = e.tok
		sc.named = min(mentions[e.a], mentions[e.b])
		scores[k] = sc
		if better(sc, best) {
			best, bestKey = sc, k
		}
	}
	if bestKey[0] < 0 {
		return nil, false
	}
	return []int{bestKey[0], bestKey[1]}, true
}

// mentionCounts counts the mentions of each actor before tok.
func (v *sentenceView) mentionCounts(tok int) map[int]int {
	counts := map[int]int{}
	for _, m := range v.a.Mentions {
		if m.First >= tok {
			break
		}
		counts[m.Actor]++
	}
	return counts
}

// refWindow is how far back, in tokens, a reference looks for its
// parties: about a paragraph or two of news text.
const refWindow = 250

// refChunk is a chunk that refers to earlier parties.
type refChunk struct {
	chunk int
	kind  refKind
	n     int // the number of parties, 0 when unsaid
	// descriptive: a singular description ("the group").
	descriptive bool
	// region: a state described by its region ("the Nordic country").
	region string
}

// regionStates are the states a regional adjective describes: "the
// Nordic country", "the Gulf state", "the Baltic nation" refer to the
// last state of the region the text named.
var regionStates = map[string][]string{
	"nordic":       {"SWE", "FIN", "NOR", "DNK", "ISL"},
	"scandinavian": {"SWE", "NOR", "DNK"},
	"baltic":       {"EST", "LVA", "LTU"},
	"gulf":         {"SAU", "ARE", "QAT", "KWT", "BHR", "OMN"},
	"balkan":       {"SRB", "HRV", "BIH", "MNE", "MKD", "ALB", "XKX"},
	"andean":       {"BOL", "COL", "ECU", "PER"},
	"himalayan":    {"NPL", "BTN"},
}

// stateNouns head a description of one state.
var stateNouns = wordSet("country", "nation", "state", "kingdom", "republic")

// apparatusClass groups the nouns for a state's or movement's apparatus
// that refer to each other: "Sudan's army … the military".
var apparatusClass = map[string]string{
	"army": "military", "military": "military", "troops": "military", "forces": "military",
	"government": "government", "administration": "government", "regime": "government",
	"cabinet": "government", "junta": "government", "authorities": "government",
	"navy": "navy", "police": "police", "militia": "militia", "militias": "militia",
}

// refersTo makes chunk c a reference to the earlier party x.
func (c *chunk) refersTo(x int) {
	c.Actors = []int{x}
	c.HeadMention = true
	c.Reference = true
}

// findReferences marks the chunks of the sentence that refer to parties
// named before. Collective ones are resolved lazily (resolveReferences),
// as the sentence's own earlier clauses may name the parties; "the army"
// at once, to the state whose army the text named last ("Sudan's army …
// accused the army of shelling").
func (v *sentenceView) findReferences() {
	if v.disc != nil {
		v.rememberSentence()
		defer v.rememberBlockers()
	}
	for ci := range v.chunks {
		c := &v.chunks[ci]
		if x, ok := v.ownState(ci); ok {
			// "Orban said his country would ratify": the state of the
			// person the pronoun refers to.
			c.refersTo(x)
			continue
		}
		if x, ok := v.namedAfter(ci); ok {
			// "the efforts of the west African bloc, ECOWAS,": the name
			// in apposition is the description's.
			c.Actors = []int{x}
			c.HeadMention = true
			continue
		}
		if v.disc != nil && len(c.Actors) == 1 && v.armedForce(c.Actors[0]) {
			// "the Zimbabwe Defence Forces … the military": the state's
			// armed forces the text named as an actor of their own.
			v.disc.apparatus["military"] = apparatusRef{tok: c.Head, actor: c.Actors[0]}
		}
		if v.bodyReference(ci) {
			continue
		}
		if class, ok := apparatusClass[v.headWord(ci)]; ok && v.disc != nil && v.mention(c.Head) >= 0 {
			// "Niger junta", "Russian forces": a body mention names the
			// state whose apparatus later "the junta" is.
			if m := v.a.Mentions[v.mention(c.Head)]; m.Kind == byBody && v.a.Actors[m.Actor].Type != schema.Person {
				v.disc.apparatus[class] = apparatusRef{tok: c.Head, actor: m.Actor}
			}
		} else if ok && v.disc != nil {
			if x, ok := v.apparatusIn(ci); ok && len(c.Actors) == 0 {
				// "the military junta in Bamako": the state's.
				c.Actors = []int{x}
				c.HeadMention = true
			}
			if len(c.Actors) == 1 && v.a.Actors[c.Actors[0]].Type != schema.Person {
				v.disc.apparatus[class] = apparatusRef{tok: c.Head, actor: c.Actors[0]}
			} else if len(c.Actors) == 0 && v.word(c.First) == "the" && c.Head-c.First <= 2 && !v.namesOwnParty(c.Last) &&
				!v.quantified(c.First, c.Head) {
				if x, ok := v.apparatusReferent(class, c.First); ok {
					c.refersTo(x)
				}
			}
		}
		if x, ok := v.ledBy(ci); ok {
			// "the rebel delegation led by Pablo Beltran" is his group's.
			c.refersTo(x)
			continue
		}
		if x, ok := v.roleDescription(ci); ok {
			c.refersTo(x)
			continue
		}
		if len(c.Actors) > 0 {
			continue
		}
		head := v.headWord(ci)
		next := v.word(c.Last)
		gerund := v.tag(c.Last+1) == "VBG" || v.tag(c.Last+1) == "NN" && strings.HasSuffix(v.word(c.Last+1), "ing")
		if (next == "of" || next == "from") && !gerund || next == "(" || next == "including" || next == "comprising" {
			// "the leaders of France and Germany": the complement names
			// them; "both sides of the border" are no parties. ("Accused
			// the two countries of lying" is an accusation's gerund.)
			continue
		}
		if nc := v.chunkOf(c.Last + 1); next == "," && nc >= 0 && v.chunks[nc].First == c.Last+1 && len(v.chunks[nc].Actors) > 0 {
			continue // "the two foreign ministers, Jaishankar and Wang Yi,": an apposition names them
		}
		if kind, ok := collectiveNouns[head]; ok {
			n, quantified, ok := v.collectiveCount(ci)
			if !ok {
				continue
			}
			if !quantified && kind != refAny {
				continue // "the leaders" alone is too vague
			}
			v.refs = append(v.refs, refChunk{chunk: ci, kind: kind, n: n})
			continue
		}
		if adj := v.word(c.First + 1); stateNouns[head] && c.Head-c.First == 2 && v.word(c.First) == "the" && regionStates[adj] != nil {
			v.refs = append(v.refs, refChunk{chunk: ci, kind: refStates, descriptive: true, region: adj})
			continue
		}
		if kind, ok := descriptiveNouns[head]; ok && c.Head-c.First <= 2 && v.word(c.First) == "the" {
			ok := true
			for k := c.First + 1; k < c.Head; k++ {
				if v.tag(k) != "JJ" {
					ok = false
				}
			}
			if ok {
				v.refs = append(v.refs, refChunk{chunk: ci, kind: kind, descriptive: true})
			}
		}
	}
}

// apparatusIn returns the state of an apparatus phrase followed by "in"
// and the state's name or capital: "the junta in Bamako", "the government
// in Kabul".
func (v *sentenceView) apparatusIn(ci int) (int, bool) {
	c := v.chunks[ci]
	if v.word(c.Last) != "in" {
		return 0, false
	}
	if m := v.mention(c.Last + 1); m >= 0 {
		x := v.a.Mentions[m].Actor
		if v.a.Actors[x].Type == schema.Country && v.a.Mentions[m].Kind != byDemonym {
			return x, true
		}
	}
	return 0, false
}

// soleCountryBefore returns the country when the article has named just
// one before token tok.
func (v *sentenceView) soleCountryBefore(tok int) (int, bool) {
	x := -1
	for _, m := range v.a.Mentions {
		if m.First >= tok {
			break
		}
		if v.a.Actors[m.Actor].Type != schema.Country {
			continue
		}
		if x >= 0 && x != m.Actor {
			return 0, false
		}
		x = m.Actor
	}
	return x, x >= 0
}

// apparatusReferent is the actor whose apparatus of class ("military")
// "the army" at token first is: the one whose apparatus the text named
// last, or else the one state the story has named ("Fighting erupted in
// Sudan's capital between the army and the RSF").
func (v *sentenceView) apparatusReferent(class string, first int) (int, bool) {
	r, ok := v.disc.apparatus[class]
	if !ok || first-r.tok >= 4*refWindow {
		r.actor, ok = v.soleCountryBefore(first)
	}
	return r.actor, ok
}

// ownState returns the state that "his country" or "her country" in
// chunk ci refers to: the affiliation of the person the pronoun resolves
// to, when the text names that state as an actor.
func (v *sentenceView) ownState(ci int) (int, bool) {
	c := v.chunks[ci]
	if len(c.Actors) > 0 || c.Head != c.First+1 || v.tag(c.First) != "PRP$" || !ownStateNouns[v.headWord(ci)] {
		return 0, false
	}
	if w := v.word(c.First); w != "his" && w != "her" {
		return 0, false
	}
	xs := v.possessivePronounActors(c.First)
	if len(xs) != 1 || v.a.Actors[xs[0]].Type != schema.Person || v.a.Actors[xs[0]].Affiliation == "" {
		return 0, false
	}
	if i := v.a.actorWithID(v.a.Actors[xs[0]].Affiliation); i >= 0 && v.a.Actors[i].Type == schema.Country {
		return i, true
	}
	return 0, false
}

// ownStateNouns name a person's own state after "his" or "her".
var ownStateNouns = wordSet("country", "nation", "government")

// namedAfter returns the actor a description chunk ci names in an
// apposition after it: "the west African bloc, ECOWAS," (a name that ends
// a list is no apposition: "the bloc, Egypt and Qatar").
func (v *sentenceView) namedAfter(ci int) (int, bool) {
	c := v.chunks[ci]
	if len(c.Actors) > 0 || v.word(c.First) != "the" || !descriptionNouns[v.headWord(ci)] {
		return 0, false
	}
	end := c.Last
	if v.word(end) == "of" {
		// "the bloc of nations, ECOWAS,": past a complement that names
		// no one.
		if oc := v.chunkOf(end + 1); oc >= 0 && v.chunks[oc].First == end+1 && len(v.chunks[oc].Actors) == 0 {
			end = v.chunks[oc].Last
		}
	}
	if v.word(end) != "," {
		return 0, false
	}
	nc := v.chunkOf(end + 1)
	if nc < 0 || v.chunks[nc].First != end+1 || len(v.chunks[nc].Actors) != 1 || !v.chunks[nc].HeadMention || v.isPersonChunk(nc) {
		return 0, false
	}
	if w := v.word(v.chunks[nc].Last); w != "," && w != "." {
		return 0, false
	}
	return v.chunks[nc].Actors[0], true
}

// armedForceNames are the endings of the names of a state's armed forces
// as an organization of their own ("Zimbabwe Defence Forces", "Sudanese
// Armed Forces"); a rebel group's ("Tigray Defence Forces") is a group,
// not an organization, and "the army" is not it.
var armedForceNames = []string{"defence force", "defense force", "defence forces", "defense forces", "armed forces"}

// armedForce reports whether actor x is a state's armed forces named as
// an organization.
func (v *sentenceView) armedForce(x int) bool {
	a := v.a.Actors[x]
	if a.Type != schema.Organization {
		return false
	}
	name := strings.ToLower(a.Name)
	for _, e := range armedForceNames {
		if strings.HasSuffix(name, e) {
			return true
		}
	}
	return false
}

// quantified reports whether a number word or "both" stands in tokens
// [from, to): "the two forces" are two, not one state's army.
func (v *sentenceView) quantified(from, to int) bool {
	for k := from; k < to; k++ {
		if numberWords[v.word(k)] > 0 {
			return true
		}
	}
	return false
}

// collectiveCount reads the determiners of collective chunk ci: "both" and
// number words give the size; quantified reports whether one was given
// ("the sides" is not).
func (v *sentenceView) collectiveCount(ci int) (n int, quantified, ok bool) {
	c := v.chunks[ci]
	for k := c.First; k < c.Head; k++ {
		w := v.word(k)
		switch {
		case w == "the" || w == "these" || w == "those":
		case w == "all":
			// "all four sides"; "all parties" alone is everyone involved.
			if numberWords[v.word(k+1)] == 0 {
				return 0, false, false
			}
		case numberWords[w] > 0:
			if n == 0 {
				n = numberWords[w]
			}
			quantified = true
		case collectiveModifiers[w]:
		default:
			return 0, false, false
		}
	}
	return n, quantified, c.Head > c.First
}

// leadingVerbs name who leads a body: "the delegation led by X".
var leadingVerbs = wordSet("led", "headed", "commanded", "chaired", "run", "directed")

// ledBy returns the affiliation of the person who leads the actor-less
// body of chunk ci: "the rebel delegation led by Pablo Beltran", "the
// Tobruk government, led by General Haftar".
func (v *sentenceView) ledBy(ci int) (int, bool) {
	c := v.chunks[ci]
	if len(c.Actors) > 0 || v.tok(c.Head).Tag == "PRP" {
		return 0, false
	}
	k := c.Last
	if v.word(k) == "," {
		k++
	}
	if !leadingVerbs[v.word(k)] || v.word(k+1) != "by" {
		return 0, false
	}
	pc := v.chunkOf(k + 2)
	if pc < 0 || !v.isPersonChunk(pc) {
		return 0, false
	}
	aff := v.a.Actors[v.chunks[pc].Actors[0]].Affiliation
	if x := v.a.actorWithID(aff); aff != "" && x >= 0 {
		return x, true
	}
	return 0, false
}

// genericRoles describe a leader whatever the title: "the North Korean
// strongman".
var genericRoles = wordSet("leader", "strongman", "ruler", "dictator", "head", "chief", "boss", "autocrat")

// roleDescription resolves a phrase that describes a person by role
// ("the Russian president", "the North Korean strongman", "the
// president") to the person named before with that affiliation and
// role.
func (v *sentenceView) roleDescription(ci int) (int, bool) {
	c := v.chunks[ci]
	role := v.headWord(ci)
	// A headline names the body's people by role: "Trump Meets Syria's
	// New Leader".
	start := c.First + 1
	if v.headline && v.word(c.First) != "the" && v.mention(c.First) >= 0 {
		start = c.First
	}
	if !personRoleNouns[role] || v.mention(c.Head) >= 0 || v.word(c.First) != "the" && start != c.First || v.word(c.Last) == "of" {
		return 0, false
	}
	// One state, organization or group may modify the role; nothing else
	// but adjectives and title words.
	aff := -1
	for k := start; k < c.Head; k++ {
		if m := v.mention(k); m >= 0 {
			x := v.a.Mentions[m].Actor
			if v.a.Actors[x].Type == schema.Person || aff >= 0 && aff != x {
				return 0, false
			}
			aff = x
			continue
		}
		switch v.tag(k) {
		case "JJ", "NNP", "NN", "POS":
		default:
			return 0, false
		}
	}
	fits := func(x int) bool {
		p := v.a.Actors[x]
		if p.Type != schema.Person {
			return false
		}
		if aff >= 0 && p.Affiliation != v.a.Actors[aff].ID {
			return false
		}
		r := strings.ToLower(p.Role)
		if aff < 0 && genericRoles[role] {
			return headOfState(r) // "the 93-year-old leader": a president named before
		}
		if aff < 0 {
			return r != "" && strings.Contains(r, role) // "the president": a president
		}
		return genericRoles[role] || r == "" || strings.Contains(r, role)
	}
	ms := v.a.Mentions
	if start == c.First {
		if aff < 0 {
			return 0, false
		}
		for _, m := range ms {
			if m.First >= v.last && m.First-v.last <= 2*refWindow && fits(m.Actor) {
				return m.Actor, true
			}
		}
		return 0, false
	}
	var own []int // "Zuma spoke to the leader": not Zuma
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.First >= c.First {
			continue
		}
		if c.First-m.First > 2*refWindow {
			break
		}
		if m.First >= v.first {
			if v.sameClause(m.Last, c.First) {
				own = append(own, m.Actor)
			}
			continue
		}
		if fits(m.Actor) && !containsInt(own, m.Actor) {
			return m.Actor, true
		}
	}
	return 0, false
}

// clauseBreaks end a clause for the purpose of sameClause.
var clauseBreaks = wordSet(",", "and", "or", "but", "as", "while", "after", "before", "when", "that", "who", "which",
	"because", "since", "although", ";", "—", "-")

// sameClause reports whether tokens [from, to) hold no clause break: a
// description there does not refer to the actor named just before it
// ("Zuma spoke to the leader").
func (v *sentenceView) sameClause(from, to int) bool {
	for k := from; k < to; k++ {
		if clauseBreaks[v.word(k)] {
			return false
		}
	}
	return true
}

// headOfState reports whether a role is the head of a state or
// government, whom "the leader" or "the ruler" describes.
func headOfState(role string) bool {
	if strings.Contains(role, "vice") || strings.Contains(role, "deputy") || strings.Contains(role, "former") {
		return false
	}
	for _, w := range []string{"president", "prime minister", "premier", "king", "emir", "sultan", "chancellor",
		"leader", "ruler", "monarch"} {
		if strings.Contains(role, w) {
			return true
		}
	}
	return false
}

// eventKind is what an event noun refers back to: the relations of one
// type, or claims (reports with a speaker).
type eventKind uint8

const (
	kindRequest eventKind = iota + 1
	kindAccuse
	kindClaim
	kindSanction
	kindThreat
	kindAssault
)

// eventRefNouns refer to an event named before, whose agent a verb on
// them targets: "Qatar dismissed the demands" rejects those who made them.
var eventRefNouns = map[string][]eventKind{
	"demands": {kindRequest}, "demand": {kindRequest}, "ultimatum": {kindRequest}, "request": {kindRequest},
	"requests": {kindRequest}, "conditions": {kindRequest}, "call": {kindRequest}, "calls": {kindRequest},
	"claim": {kindClaim, kindAccuse}, "claims": {kindClaim, kindAccuse}, "accusation": {kindAccuse, kindClaim},
	"accusations": {kindAccuse, kindClaim}, "allegation": {kindAccuse, kindClaim}, "allegations": {kindAccuse, kindClaim},
	"charge": {kindAccuse, kindClaim}, "charges": {kindAccuse, kindClaim}, "criticism": {kindAccuse},
	"remarks": {kindClaim}, "comments": {kindClaim}, "statement": {kindClaim}, "statements": {kindClaim},
	"sanctions": {kindSanction}, "penalties": {kindSanction}, "embargo": {kindSanction},
	"threat": {kindThreat}, "threats": {kindThreat}, "warning": {kindThreat}, "warnings": {kindThreat},
	"attack": {kindAssault}, "attacks": {kindAssault}, "strike": {kindAssault}, "strikes": {kindAssault},
	"airstrike": {kindAssault}, "airstrikes": {kindAssault}, "bombing": {kindAssault}, "shelling": {kindAssault},
	"offensive": {kindAssault}, "assault": {kindAssault}, "incursion": {kindAssault}, "incursions": {kindAssault},
	"invasion": {kindAssault}, "raid": {kindAssault}, "raids": {kindAssault},
}

// containerNouns hold an event noun in an of-phrase: "a list of demands".
var containerNouns = wordSet("list", "set", "series", "package", "string", "raft", "number", "wave", "barrage")

// newEventWords introduce an event not named before: "a new attack".
var newEventWords = wordSet("a", "an", "another", "new", "fresh", "further", "more", "any", "future", "possible")

// eventRecord is one event or claim, by its agents and targets.
type eventRecord struct {
	tok             int
	kind            eventKind
	agents, targets []int
	// word is the lemma of the cue's head: "the attack" refers back to
	// an attack before a strike.
	word string
}

// kindOf maps a relation type to the event kind nouns refer to.
func kindOf(t schema.EventType) eventKind {
	switch t {
	case schema.Request:
		return kindRequest
	case schema.Accuse:
		return kindAccuse
	case schema.Sanction:
		return kindSanction
	case schema.Threaten:
		return kindThreat
	case schema.Assault:
		return kindAssault
	}
	return 0
}

// rememberEvents records the agents of a cue's asserted relations.
func (v *sentenceView) rememberEvents(hit cueHit, rels []argRelation) {
	if v.disc == nil {
		return
	}
	byKind := map[eventKind]*eventRecord{}
	for _, r := range rels {
		k := kindOf(r.typ)
		if k == 0 || r.modes.has(modeNegated) || r.modes.has(modeHypothetical) {
			continue
		}
		e := byKind[k]
		if e == nil {
			e = &eventRecord{tok: hit.First, kind: k, word: v.tok(hit.Last - 1).Lemma}
			byKind[k] = e
		}
		e.agents = appendUnique(e.agents, r.src)
		e.targets = appendUnique(e.targets, r.tgt)
	}
	for k := kindRequest; k <= kindAssault; k++ {
		if e := byKind[k]; e != nil {
			v.disc.events = append(v.disc.events, *e)
		}
	}
}

// rememberClaims records the speakers of the sentence's reports that
// report something.
func (v *sentenceView) rememberClaims() {
	if v.disc == nil {
		return
	}
	for _, r := range v.reports {
		if r.speaker >= 0 && r.to > r.from && !r.negated {
			v.disc.events = append(v.disc.events, eventRecord{tok: r.verb, kind: kindClaim, agents: r.speakers.Actors})
		}
	}
}

// eventObject reports whether the object after a verb cue ending at k
// is a phrase that refers to an earlier event ("the demands", "a list
// of demands on Qatar"), and which kinds of event.
func (v *sentenceView) eventObject(k int, p *predicate) ([]eventKind, int, bool) {
	for k < v.last && (v.tag(k) == "RB" || v.tag(k) == "RP" || v.targetPrepAt(k, p) && !p.takesObject()) {
		k++
	}
	c := v.chunkOf(k)
	if c < 0 || v.chunks[c].First != k || len(v.chunks[c].Actors) > 0 {
		return nil, 0, false
	}
	if containerNouns[v.headWord(c)] && v.word(v.chunks[c].Last) == "of" {
		if nc := v.chunkOf(v.chunks[c].Last + 1); nc >= 0 && len(v.chunks[nc].Actors) == 0 {
			c = nc
		}
	}
	kinds, ok := eventRefNouns[v.headWord(c)]
	if !ok || v.mention(v.chunks[c].Head) >= 0 {
		return nil, 0, false
	}
	// "the attack by Russia", "demands from Riyadh": the phrase names its
	// agent, which the usual argument finding reads.
	if w := v.word(v.chunks[c].Last); w == "by" || w == "from" {
		return nil, 0, false
	}
	// A new event ("condemned a new attack on Iraq"), or one whose
	// that-clause states it ("charges that Russian jets hit rebels"),
	// refers to nothing named before: no target, and its own "on Iraq" is
	// not the verb's.
	for i := v.chunks[c].First; i < v.chunks[c].Head; i++ {
		if newEventWords[v.word(i)] && (i > v.chunks[c].First || v.word(i) != "a" && v.word(i) != "an") {
			return nil, v.chunks[c].Head, true
		}
	}
	if v.word(v.chunks[c].Last) == "that" {
		return nil, v.chunks[c].Head, true
	}
	return kinds, v.chunks[c].Head, true
}

// eventAgentPhrase returns the agent of an event noun object that names
// it in a participle phrase: "condemned the Syria strike ordered by
// Trump", "denounced the attacks carried out by the group".
func (v *sentenceView) eventAgentPhrase(k int, p *predicate) (group, bool) {
	for k < v.last && (v.tag(k) == "RB" || v.tag(k) == "RP" || v.targetPrepAt(k, p) && !p.takesObject()) {
		k++
	}
	c := v.chunkOf(k)
	if c < 0 || v.chunks[c].First != k || v.chunks[c].HeadMention {
		return group{}, false
	}
	if _, ok := eventRefNouns[v.headWord(c)]; !ok {
		return group{}, false
	}
	j := v.skipComplements(v.chunks[c].Last)
	if v.word(j) == "," {
		j++
	}
	if v.tag(j) != "VBN" && v.tag(j) != "VBD" || !orderingVerbs[v.tok(j).Lemma] && v.word(j+1) != "out" {
		return group{}, false
	}
	agent, ok := v.byAgent(j + 1)
	return agent, ok && !agent.empty()
}

// eventAgents returns the agents of the last event of one of the kinds
// before token tok, leaving out events whose agents include the subject:
// Qatar dismissing "the demands" rejects those who made them.
func (v *sentenceView) eventAgents(kinds []eventKind, tok int, subject []int) []int {
	if v.disc == nil {
		return nil
	}
	// "condemned the attack": an event called an attack before one
	// called a strike, then the latest of the kind.
	if xs := v.eventAgentsNamed(kinds, tok, subject, v.tok(tok).Lemma); len(xs) > 0 {
		return xs
	}
	return v.eventAgentsNamed(kinds, tok, subject, "")
}

// eventAgentsNamed is eventAgents among the events whose cue's head is
// word (any when word is "").
func (v *sentenceView) eventAgentsNamed(kinds []eventKind, tok int, subject []int, word string) []int {
	for i := len(v.disc.events) - 1; i >= 0; i-- {
		e := v.disc.events[i]
		if e.tok >= tok {
			continue
		}
		if tok-e.tok > 2*refWindow {
			break
		}
		if word != "" && e.word != word {
			continue
		}
		match := false
		for _, k := range kinds {
			if e.kind == k {
				match = true
			}
		}
		if !match {
			continue
		}
		own := false
		for _, x := range subject {
			if containsInt(e.agents, x) {
				own = true
			}
		}
		if own {
			continue
		}
		// The same event told twice ("gave Qatar ten days", "called on
		// Qatar to…") had all of its agents.
		agents := append([]int(nil), e.agents...)
		for j := i - 1; j >= 0 && tok-v.disc.events[j].tok <= 2*refWindow; j-- {
			o := v.disc.events[j]
			if o.kind == e.kind && len(e.targets) > 0 && sameSet(o.targets, e.targets) {
				for _, x := range o.agents {
					if !containsInt(subject, x) && !v.affiliatedWithAny(x, agents) {
						agents = appendUnique(agents, x)
					}
				}
			}
		}
		return agents
	}
	return nil
}

// affiliatedWithAny reports whether actor x is the affiliation of one of
// xs or has one of them as affiliation: Trump adds nothing to the United
// States as the agent of a strike.
func (v *sentenceView) affiliatedWithAny(x int, xs []int) bool {
	for _, y := range xs {
		if v.affiliated(x, y) {
			return true
		}
	}
	return false
}

// sameSet reports whether xs and ys hold the same actors.
func sameSet(xs, ys []int) bool {
	if len(xs) != len(ys) {
		return false
	}
	for _, x := range xs {
		if !containsInt(ys, x) {
			return false
		}
	}
	return true
}

// namesOwnParty reports whether an "of"/"from" complement at k names the
// party of the phrase before it: "the army of Syria" (but not "accused
// the army of war crimes").
func (v *sentenceView) namesOwnParty(k int) bool {
	if w := v.word(k); w != "of" && w != "from" {
		return false
	}
	nc := v.chunkOf(k + 1)
	return nc >= 0 && len(v.chunks[nc].Actors) > 0
}

// resolveReferences gives reference chunks the actors they refer to,
// from the discourse as it stands. Called before each cue, so that a
// reference after an earlier clause of the sentence sees the parties
// that clause named: "He spoke with Biden, and the two leaders agreed".
func (v *sentenceView) resolveReferences() {
	for i := range v.refs {
		r := &v.refs[i]
		c := &v.chunks[r.chunk]
		var actors []int
		if r.region != "" {
			actors = v.lastInRegion(c.First, regionStates[r.region])
		} else if r.descriptive {
			actors = v.lastOfKind(c.First, r.kind)
		} else {
			actors = v.collectiveParties(c.First, r.kind, r.n)
		}
		c.Actors = actors
		c.HeadMention = len(actors) > 0
		c.Reference = len(actors) > 0
	}
}

// referenced reports whether actor x stands in the sentence only as the
// referent of a reference phrase.
func (v *sentenceView) referenced(x int) bool {
	for _, r := range v.refs {
		if c := v.chunks[r.chunk]; c.Reference && containsInt(c.Actors, x) {
			for i := v.first; i < v.last; i++ {
				if m := v.mention(i); m >= 0 && v.a.Mentions[m].Actor == x {
					return false
				}
			}
			return true
		}
	}
	return false
}

// fits reports whether actor x can be referred to by a noun of kind k.
func (v *sentenceView) fits(x int, k refKind) bool {
	t := v.a.Actors[x].Type
	switch k {
	case refPersons:
		return t == schema.Person
	case refStates:
		return t == schema.Country
	case refGroups:
		return t == schema.Group
	case refOrgs:
		return t == schema.Organization
	case refNonPersons:
		return t != schema.Person
	case refCoalitions:
		return t == schema.Organization && strings.Contains(strings.ToLower(v.a.Actors[x].Name), "coalition")
	case refKingdoms:
		return t == schema.Country && monarchies[v.a.Actors[x].ID] != "" && monarchies[v.a.Actors[x].ID] != "emirate"
	case refEmirates:
		return t == schema.Country && monarchies[v.a.Actors[x].ID] == "emirate"
	}
	return true
}

func (v *sentenceView) allFit(xs []int, k refKind) bool {
	for _, x := range xs {
		if !v.fits(x, k) {
			return false
		}
	}
	return true
}

// collectiveParties resolves a collective reference at token tok: the
// last set of parties of the right size and kind, else the last n
// distinct fitting actors named in the sentences before.
func (v *sentenceView) collectiveParties(tok int, k refKind, n int) []int {
	if v.disc == nil {
		return nil
	}
	brokers := v.brokersBefore(tok)
	fit := func(x int) bool { return v.fits(x, k) && !containsInt(brokers, x) }
	if n == 2 {
		if pair, ok := v.disc.salientPair(tok, fit, v.mentionCounts(tok), k == refAny); ok {
			return pair
		}
	}
	sizeOK := func(xs []int) bool { return n == 0 && len(xs) >= 2 || len(xs) == n }
	for pass := 0; pass < 2; pass++ {
		for i := len(v.disc.parties) - 1; i >= 0; i-- {
			p := v.disc.parties[i]
			if p.tok >= tok {
				continue
			}
			if tok-p.tok > refWindow {
				break
			}
			if sizeOK(p.actors) && (pass == 1 || v.allFit(p.actors, k)) && !overlaps(p.actors, brokers) {
				return p.actors
			}
		}
		if pass == 0 && n > 0 {
			if xs := v.recentActors(tok, k, n); len(xs) == n {
				return xs
			}
		}
	}
	return nil
}

// brokersBefore returns the actors that the sentence names before tok as
// the agents of a mediating participle: in "ceasefires brokered by
// Russia, France and the United States collapsed, with both sides
// accusing each other", the brokers are no side.
func (v *sentenceView) brokersBefore(tok int) []int {
	var out []int
	for i := v.first; i+1 < tok; i++ {
		if verbTag(v.tag(i)) && (brokerVerbs[v.tok(i).Lemma] || participationVerbs[v.tok(i).Lemma]) {
			if g, ok := v.byAgent(i + 1); ok {
				for _, x := range g.Actors {
					out = appendUnique(out, x)
				}
			}
		}
	}
	return out
}

func overlaps(xs, ys []int) bool {
	for _, x := range xs {
		if containsInt(ys, x) {
			return true
		}
	}
	return false
}

// recentActors returns the last n distinct actors of kind k named before
// the current sentence, within the reference window. Actors the sentence
// itself names before tok are left out: "China urged the two neighbours"
// does not mean China.
func (v *sentenceView) recentActors(tok int, k refKind, n int) []int {
	// "Both sides" and "the parties" of a conflict are states and
	// movements before their leaders: "Abiy … the TPLF … urged both
	// sides" means Ethiopia and the TPLF.
	if k == refAny {
		if xs := v.recentActorsOf(tok, refNonPersons, n); len(xs) == n {
			return xs
		}
	}
	return v.recentActorsOf(tok, k, n)
}

func (v *sentenceView) recentActorsOf(tok int, k refKind, n int) []int {
	var own []int
	for i := v.first; i < tok; i++ {
		if m := v.mention(i); m >= 0 {
			own = appendUnique(own, v.a.Mentions[m].Actor)
		}
	}
	var out []int
	ms := v.a.Mentions
	for i := len(ms) - 1; i >= 0 && len(out) < n; i-- {
		m := ms[i]
		if m.First >= v.first {
			continue
		}
		if tok-m.First > refWindow {
			break
		}
		x := m.Actor
		if !v.fits(x, k) || containsInt(own, x) || containsInt(out, x) {
			continue
		}
		// A person's own country is not a second party.
		affiliated := false
		for _, y := range out {
			if v.affiliated(x, y) {
				affiliated = true
			}
		}
		if !affiliated {
			out = append(out, x)
		}
	}
	return out
}

// lastOfKind returns the actor of kind k named last before tok, within
// the reference window: "the group" is the armed group the text named
// last.
func (v *sentenceView) lastOfKind(tok int, k refKind) []int {
	return v.lastFitting(tok, func(x int) bool { return v.fits(x, k) })
}

// lastInRegion returns the last state of ids named before token tok.
func (v *sentenceView) lastInRegion(tok int, ids []string) []int {
	return v.lastFitting(tok, func(x int) bool {
		a := v.a.Actors[x]
		return a.Type == schema.Country && slices.Contains(ids, a.ID)
	})
}

// lastFitting returns the last actor named before token tok, within
// refWindow, that fit accepts.
func (v *sentenceView) lastFitting(tok int, fit func(int) bool) []int {
	ms := v.a.Mentions
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.First >= tok {
			continue
		}
		if tok-m.First > refWindow {
			return nil
		}
		if fit(m.Actor) {
			return []int{m.Actor}
		}
	}
	return nil
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// possessivePronounActors resolves a possessive pronoun at token i ("their
// summit", "its airstrikes") like the personal pronoun it stands for;
// "their" also refers to the last set of parties.
func (v *sentenceView) possessivePronounActors(i int) []int {
	if v.disc == nil {
		return nil
	}
	switch v.word(i) {
	case "their":
		if xs := v.disc.resolve("they", i); len(xs) > 1 {
			return xs
		}
		// "Trump said Kim gave his commitment during their summit": the
		// subjects of the sentence so far.
		var xs []int
		for _, s := range v.disc.subjects {
			if s.tok >= v.first && s.tok < i {
				for _, x := range s.actors {
					xs = appendUnique(xs, x)
				}
			}
		}
		if len(xs) > 1 {
			return xs
		}
		return v.disc.resolve("they", i)
	case "its":
		return v.disc.resolve("it", i)
	case "his":
		return v.disc.resolve("he", i)
	case "her":
		return v.disc.resolve("she", i)
	}
	return nil
}

// mayRefer reports whether a sentence without actor mentions may still
// refer to actors: pronouns and collective or descriptive references.
func mayRefer(a *analysis, s sentence) bool {
	for i := s.First; i < s.Last; i++ {
		t := &a.Tokens[i]
		if t.Tag == "PRP" || t.Tag == "PRP$" {
			return true
		}
		if _, ok := collectiveNouns[t.Lower]; ok {
			return true
		}
		if _, ok := descriptiveNouns[t.Lower]; ok {
			return true
		}
		if _, ok := bodyClass[t.Lower]; ok {
			return true
		}
	}
	return false
}

// pronounChunk reports whether chunk c is a lone third-person pronoun,
// and which subject pronoun it stands for.
func (v *sentenceView) pronounChunk(c int) (string, bool) {
	ch := v.chunks[c]
	if ch.Last-ch.First != 1 || v.tag(ch.First) != "PRP" || v.mention(ch.First) >= 0 {
		return "", false
	}
	switch w := v.word(ch.First); w {
	case "he", "him":
		return "he", true
	case "she", "her":
		return "she", true
	case "they", "them":
		return "they", true
	case "it":
		return "it", true
	}
	return "", false
}
