package nlp

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/geokg/geokg/schema"
)

// Step 4, conventions: relations a statement implies beyond what one cue
// says (GUIDELINES.md, "Conventions").

// jointAction is the cue of an act several actors do together.
var jointAction = &predicate{Type: schema.Cooperate, POS: verbCue, Words: []string{"jointly"}}

// notJointVerbs with "together" name a meeting or a coming together,
// which the consultation cues read: "came together", "brought together".
var notJointVerbs = wordSet("come", "bring", "get", "sit", "meet", "talk", "agree", "sign", "stand", "band", "put", "pull")

// jointRelations finds acts that coordinated subjects do together: "Ankara
// and Moscow would jointly monitor the truce", "Burhan and Hemedti seized
// power together" — cooperation, whatever the verb.
func (rs *relationStage) jointRelations(v *sentenceView, consumed map[int]bool) []argRelation {
	var out []argRelation
	for i := v.first; i < v.last; i++ {
		w := v.word(i)
		if w != "jointly" && w != "together" || v.word(i+1) == "with" || consumed[i] {
			continue
		}
		verb := -1
		if verbTag(v.tag(i + 1)) {
			verb = i + 1 // "jointly monitor"
		} else if pv := v.verbBefore(i - 1); pv >= 0 && i-pv <= 4 {
			verb = pv // "seized power together"
		}
		if verb < 0 || notJointVerbs[v.tok(verb).Lemma] {
			continue
		}
		if hit, ok := rs.cueAt(v, verb); ok && hit.pred.Type.Symmetric() {
			continue // "met together", "signed the deal together": the cue says it
		}
		vg := v.verbGroupAt(verb)
		subj, ok := v.verbSubject(verb, vg)
		if !ok || len(subj.Actors) < 2 || vg.Passive {
			continue
		}
		modes := v.reportedModes(vg, verb+1) | v.clauseModes(vg.Start) | v.infinitiveModes(vg)
		if vg.Modal != "" && v.conditionAfter(verb+1) {
			modes |= modeHypothetical
		}
		hit := cueHit{pred: jointAction, First: i, Last: i + 1}
		pairAll(subj.Actors, func(a, b int) {
			if !v.affiliated(a, b) {
				out = append(out, argRelation{src: a, tgt: b, typ: schema.Cooperate, cue: hit, modes: modes, confidence: 0.7})
			}
		})
	}
	return out
}

// gratitudeVerbs thank someone for an act: the act is the thanked one's,
// toward the thanker ("Qatar thanked Turkey for its support" is Turkey's
// support of Qatar), and the thanks themselves state no further relation.
var gratitudeVerbs = wordSet("thank")

// thankedFor finds the frame "S thanked O for <noun cue>" around the
// noun phrase that starts at first: O is the act's source, S its target.
func (v *sentenceView) thankedFor(first int) (src, tgt group, ok bool) {
	if v.word(first-1) != "for" {
		return group{}, group{}, false
	}
	verb := v.verbBefore(first - 2)
	if verb < 0 || !gratitudeVerbs[v.tok(verb).Lemma] {
		return group{}, group{}, false
	}
	c := v.chunkOf(verb + 1)
	if c < 0 {
		return group{}, group{}, false
	}
	obj := v.groupRight(c, false)
	subj, sok := v.verbSubject(verb, v.verbGroupAt(verb))
	if obj.empty() || !sok || subj.empty() {
		return group{}, group{}, false
	}
	return obj, subj, true
}

// thanksForAct reports whether gratitude verb vi thanks for an act a
// noun cue names ("thanked Turkey for its support"), which the noun's
// frame reads; the thanks alone are no relation then.
func (rs *relationStage) thanksForAct(v *sentenceView, vi int) bool {
	if !gratitudeVerbs[v.tok(vi).Lemma] {
		return false
	}
	for k := vi + 1; k < v.last && k < vi+10; k++ {
		if v.word(k) != "for" {
			continue
		}
		for j := k + 1; j < v.last && j < k+5; j++ {
			if hit, ok := rs.cueAt(v, j); ok && hit.pred.POS == nounCue {
				return true
			}
		}
		return false
	}
	return false
}

// backgroundHeads and backgroundPreps open an adjunct that names an
// earlier event as the reason or occasion of the clause's: "in response
// to", "in retaliation for", "after", "following" (GUIDELINES convention
// 7). The event in it is stated as fact, by whoever the adjunct names.
var (
	backgroundHeads = wordSet("response", "retaliation", "reaction", "reprisal", "revenge", "answer", "protest", "punishment")
	backgroundPreps = wordSet("after", "following", "amid", "despite", "since")
)

// backgroundBetween reports whether a background adjunct opens between
// verb gov and the noun phrase of an event of type typ that starts at
// first, so that the verb's subject is not the event's agent. A meeting
// after which someone spoke is the speaker's own ("said after a meeting
// with Erdogan"), so the temporal prepositions only hold for one-sided
// events.
func (v *sentenceView) backgroundBetween(gov, first int, typ schema.EventType) bool {
	for k := gov + 1; k < first; k++ {
		w := v.word(k)
		if backgroundPreps[w] && v.tag(k) == "IN" && !typ.Symmetric() ||
			backgroundHeads[w] && (v.word(k-1) == "in" || v.word(k-1) == "as") {
			return true
		}
	}
	return false
}

// dataLine is one line of a word-list data file: its 0-based number and
// its fields.
type dataLine struct {
	n    int
	cols []string
}

// dataLines are the lines of a word-list data file that hold more than
// blanks, in order, without comments ("#" to the end of the line), each
// cut into fields by split (strings.Fields, or tabFields for tables whose
// fields hold spaces).
func dataLines(text string, split func(string) []string) []dataLine {
	var out []dataLine
	for n, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) != "" {
			out = append(out, dataLine{n, split(line)})
		}
	}
	return out
}

// tabFields cuts a data line at its tabs.
func tabFields(line string) []string { return strings.Split(line, "\t") }

// builtinCompounds reads lexicon/compounds.tsv once: compound-modifier
// suffixes and the type of act they state. It is embedded data, checked
// by TestCompoundModifiers, so an error in it is a bug.
var builtinCompounds = sync.OnceValue(func() map[string]schema.EventType {
	table := map[string]schema.EventType{}
	for _, l := range dataLines(builtinCompoundsFile, strings.Fields) {
		n, cols := l.n, l.cols
		t, err := schema.ParseEventType(cols[0])
		if len(cols) != 2 || err != nil || !strings.HasPrefix(cols[1], "-") {
			panic(fmt.Sprintf("lexicon/compounds.tsv:%d: want TYPE and -SUFFIX", n+1))
		}
		table[strings.ToLower(cols[1])] = t
	}
	return table
})

//go:embed lexicon/compounds.tsv
var builtinCompoundsFile string

// compoundAt reports whether token k is a compound modifier's second half
// right after an actor name ("Iran" "-backed").
func (v *sentenceView) compoundAt(k int) (schema.EventType, bool) {
	t, ok := builtinCompounds()[v.word(k)]
	return t, ok && v.mention(k-1) >= 0
}

// compoundRelations finds the acts compound modifiers state: "Iran-backed
// Hezbollah" (Iran SUPPORT Hezbollah), "Omar Haddad, a Russian-funded
// leader" (Russia AID Haddad), "a US-brokered truce between A and B" (the
// US consults A and B). The modified phrase's actors are the targets; an
// event's parties for a broker.
func (rs *relationStage) compoundRelations(v *sentenceView) []argRelation {
	var out []argRelation
	for k := v.first + 1; k < v.last; k++ {
		typ, ok := v.compoundAt(k)
		if !ok {
			continue
		}
		src := v.a.Mentions[v.mention(k-1)].Actor
		hit := cueHit{pred: &predicate{Type: typ, POS: nounCue, Words: []string{v.word(k)}, OneSided: true}, First: k, Last: k + 1}
		var tgts []int
		if typ == schema.Consult {
			tgts = v.eventParties(k + 1)
		} else {
			tgts = v.modifiedActors(k + 1)
		}
		for _, t := range tgts {
			if t != src && !v.affiliated(src, t) {
				out = append(out, argRelation{src: src, tgt: t, typ: typ, cue: hit, confidence: 0.7})
			}
		}
	}
	return out
}

// modifiedActors are the actors of the phrase a modifier before token k
// belongs to: named in it ("Iran-backed Hezbollah") or, for a description
// in apposition, the name it describes ("Haddad, a Russian-backed leader").
func (v *sentenceView) modifiedActors(k int) []int {
	c := v.chunkOf(k)
	if c < 0 {
		return nil
	}
	ch := v.chunks[c]
	var out []int
	for j := k; j < ch.Last; j++ {
		if m := v.mention(j); m >= 0 {
			out = appendUnique(out, v.a.Mentions[m].Actor)
			j = v.a.Mentions[m].Last - 1
		}
	}
	if len(out) > 0 {
		return out
	}
	first := ch.First
	if v.word(first-1) == "of" && v.chunkOf(first-2) >= 0 && memberBodies[v.headWord(v.chunkOf(first-2))] {
		// "the PMF, a coalition of Iranian-backed militias": the
		// collective the members make up.
		first = v.chunks[v.chunkOf(first-2)].First
	}
	if v.word(first-1) != "," {
		return nil
	}
	switch v.word(first) {
	case "a", "an", "the":
	default:
		return nil
	}
	pc := v.chunkOf(first - 2)
	if pc < 0 || len(v.chunks[pc].Actors) != 1 || !v.chunks[pc].HeadMention {
		return nil
	}
	return v.chunks[pc].Actors
}

// memberBodies name a body made up of members: "a coalition of
// militias".
var memberBodies = wordSet("coalition", "alliance", "network", "umbrella", "group", "bloc", "federation", "union")

// eventParties are the parties of the event named by the phrase at token
// k: "between A and B" after it, or the subject of the verb it is the
// object of ("A and B signed a US-brokered deal").
func (v *sentenceView) eventParties(k int) []int {
	c := v.chunkOf(k)
	if c < 0 {
		return nil
	}
	last := v.chunks[c].Last
	if w := v.word(last); w == "between" || w == "with" || w == "among" {
		if nc := v.chunkOf(last + 1); nc >= 0 {
			if g := v.objectGroup(nc); !g.empty() {
				return g.Actors
			}
		}
	}
	if gov := v.governingVerb(v.chunks[c].First); gov >= 0 {
		if s, ok := v.verbSubject(gov, v.verbGroupAt(gov)); ok {
			return s.Actors
		}
	}
	return nil
}

// requestGovernors ask for the event they govern: "called for a
// ceasefire", "demanded a truce", "a resolution calling for".
var requestGovernors = wordSet("call", "demand", "urge", "seek", "propose", "press", "push", "appeal", "ask", "insist", "request")

// conflictParties are the parties of a conflict cue (flag "conflict"):
// those between whom it stands ("a ceasefire between A and B") or the
// dash pair before it ("the A-B war"). A source and a target are not
// enough: the source may be who asks for it or backs it ("UN vote backs
// Lebanon ceasefire").
func (v *sentenceView) conflictParties(tgt group, together bool, pair []int) []int {
	if together && len(tgt.Actors) > 1 {
		return tgt.Actors
	}
	if tgt.empty() {
		return pair
	}
	return nil
}

// requesterOf finds who asks for the event whose noun phrase starts at
// first: the subject of a request verb governing it ("France called for a
// ceasefire"), or of the verb governing the noun a request participle
// modifies ("the Council adopted a resolution calling for a ceasefire").
func (v *sentenceView) requesterOf(first int) (group, bool) {
	gov := v.governingVerb(first)
	if gov < 0 || !requestGovernors[v.tok(gov).Lemma] {
		return group{}, false
	}
	vg := v.verbGroupAt(gov)
	if v.tag(gov) == "VBG" && vg.Start == gov {
		if c := v.chunkOf(gov - 1); c >= 0 && v.mention(gov-1) < 0 {
			if g2 := v.governingVerb(v.chunks[c].First); g2 >= 0 {
				if s, ok := v.verbSubject(g2, v.verbGroupAt(g2)); ok && !s.empty() {
					return s, true
				}
			}
			return group{}, false
		}
	}
	if s, ok := v.verbSubject(gov, vg); ok && !s.empty() {
		return s, true
	}
	return group{}, false
}

// conflictImplications are the relations a conflict cue implies beyond
// its own: its parties fought each other (GUIDELINES convention 2), and
// whoever asks for a ceasefire or an end to it asks each party
// (convention 3).
func (v *sentenceView) conflictImplications(hit cueHit, first int, parties []int, conf float64) []argRelation {
	var out []argRelation
	if hit.pred.Type != schema.Assault || len(parties) > 1 && !hit.pred.Mutual {
		pairAll(parties, func(a, b int) {
			if !v.affiliated(a, b) {
				out = append(out,
					argRelation{src: a, tgt: b, typ: schema.Assault, cue: hit, confidence: conf * 0.8},
					argRelation{src: b, tgt: a, typ: schema.Assault, cue: hit, confidence: conf * 0.8})
			}
		})
	}
	if z, ok := v.requesterOf(first); ok {
		if len(parties) == 0 && hit.pred.Type != schema.Assault {
			// "Egypt proposed a ceasefire" after the fighting named
			// before: its parties are the last pair that fought.
			parties, _ = v.disc.lastFight(first, func(x int) bool { return !containsInt(z.Actors, x) })
		}
		gov := v.governingVerb(first)
		gvg := v.verbGroupAt(gov)
		modes := v.reportedModes(gvg, gov+1) | v.clauseModes(gvg.Start)
		for _, s := range z.Actors {
			for _, t := range parties {
				if s != t && !v.affiliated(s, t) {
					out = append(out, argRelation{src: s, tgt: t, typ: schema.Request, cue: hit, modes: modes, confidence: conf * 0.8})
				}
			}
		}
	}
	return out
}

// dashPair finds two actor names joined by a dash before the noun at n,
// in the phrase from first or right before it: "the Russia-Ukraine war",
// "the Israel–Hamas conflict".
func (v *sentenceView) dashPair(first, n int) []int {
	for k := max(first-2, v.first); k < n; k++ {
		if !isDashWord(v.word(k)) && !strings.HasPrefix(v.tok(k).Text, "-") {
			continue
		}
		b := v.mention(k)
		if b < 0 {
			b = v.mention(k + 1)
		}
		a := v.mention(k - 1)
		if a < 0 || b < 0 || a == b {
			continue
		}
		end := v.a.Mentions[b].Last
		if end != n && !(end < n && isNounTag(v.tag(end)) && end+1 == n) {
			continue
		}
		return []int{v.a.Mentions[a].Actor, v.a.Mentions[b].Actor}
	}
	return nil
}

// travelVerbs move their subject to a place: an official who travels to
// another state consults it (GUIDELINES convention 6), and a state's
// capital stands for the state in the actor lexicon.
var travelVerbs = wordSet("travel", "fly", "head", "arrive", "jet", "go", "come", "return", "journey")

// travelPredicate is the cue of a visit read from a travel verb.
var travelPredicate = &predicate{Type: schema.Consult, POS: verbCue, Words: []string{"travel"}, OneSided: true}

// visitRelations finds officials travelling to another state: "Mary Cole
// travelled to Moscow for talks", "she arrived in Cairo on Monday". Only
// persons travel on a state's business; troops or refugees arriving
// somewhere consult no one.
func (rs *relationStage) visitRelations(v *sentenceView, consumed map[int]bool) []argRelation {
	var out []argRelation
	for i := v.first; i < v.last; i++ {
		if !consumed[i] && verbTag(v.tag(i)) && tripVerbs[v.tok(i).Lemma] {
			out = append(out, v.tripRelations(i)...)
			continue
		}
		if consumed[i] || !verbTag(v.tag(i)) || !travelVerbs[v.tok(i).Lemma] {
			continue
		}
		k := i + 1
		for k < v.last && v.tag(k) == "RB" {
			k++
		}
		if w := v.word(k); w != "to" && w != "in" {
			continue
		}
		c := v.chunkOf(k + 1)
		if c < 0 || v.chunks[c].First != k+1 {
			continue
		}
		dest := v.objectGroup(c)
		if dest.empty() {
			dest.Actors = v.capitalApposition(v.chunks[c].Last)
		}
		vg := v.verbGroupAt(i)
		subj, ok := v.verbSubject(i, vg)
		if !ok || len(dest.Actors) == 0 || vg.Passive {
			continue
		}
		out = append(out, v.visits(vg, i, k, subj.Actors, dest.Actors)...)
	}
	return out
}

// visits are the CONSULT relations of persons who travel (the verb group
// vg, its cue from token first to token last) to states they do not act
// for.
func (v *sentenceView) visits(vg verbGroup, first, last int, travellers, dest []int) []argRelation {
	modes := v.reportedModes(vg, first+1) | v.clauseModes(vg.Start) | v.infinitiveModes(vg)
	hit := cueHit{pred: travelPredicate, First: first, Last: last + 1}
	var out []argRelation
	for _, s := range travellers {
		if v.a.Actors[s].Type != schema.Person {
			continue
		}
		for _, t := range dest {
			if v.a.Actors[t].Type == schema.Country && !v.affiliated(s, t) {
				out = append(out, argRelation{src: s, tgt: t, typ: schema.Consult, cue: hit, modes: modes, confidence: 0.7})
			}
		}
	}
	return out
}

// tripVerbs carry a traveller on a trip: "a tour that will take him to
// Qatar" is a visit as much as "he will travel to Qatar".
var tripVerbs = wordSet("take", "bring")

// objectPronouns are the object forms of the third-person pronouns, by
// their subject form.
var objectPronouns = map[string]string{"him": "he", "her": "she", "them": "they"}

// tripNouns are the journeys of an official.
var tripNouns = wordSet("tour", "trip", "visit", "journey", "swing", "leg")

// tripRelations reads a trip verb at i whose subject is a journey and
// whose object is its traveller: "a tour that will also take him to Qatar
// and Oman" — he consults each state he is taken to (GUIDELINES
// convention 6).
func (v *sentenceView) tripRelations(i int) []argRelation {
	vg := v.verbGroupAt(i)
	j := vg.Start - 1
	if w := v.word(j); w == "that" || w == "which" {
		j--
	}
	if vg.Passive || j < v.first || !tripNouns[v.tok(j).Lemma] {
		return nil
	}
	k := i + 1
	var travellers []int
	if pw, ok := objectPronouns[v.word(k)]; ok && v.mention(k) < 0 {
		// "take her to": the tagger may read "her" as a possessive.
		travellers = v.disc.resolve(pw, k)
		k++
	} else {
		c := v.chunkOf(k)
		if c < 0 || v.chunks[c].First != k {
			return nil
		}
		travellers = v.chunks[c].Actors
		k = v.chunks[c].Last
	}
	for k < v.last && v.tag(k) == "RB" {
		k++
	}
	if v.word(k) != "to" {
		return nil
	}
	d := v.chunkOf(k + 1)
	if d < 0 || v.chunks[d].First != k+1 {
		return nil
	}
	return v.visits(vg, i, k, travellers, v.objectGroup(d).Actors)
}

// talksNouns are talks between delegations, which the heads who lead them
// hold with each other.
var talksNouns = wordSet("talks", "discussions", "negotiations", "dialogue", "consultations")

// ledTalksPredicate is the cue of talks read from their leaders.
var ledTalksPredicate = &predicate{Type: schema.Consult, POS: nounCue, Words: []string{"talks"}}

// ledTalksRelations finds the officials of different states who lead
// talks: "talks on trade, led by Egypt's Anna Berg and Qatar's Omar
// Haddad" — they consult each other. Officials of one state leading it
// together consult no one.
func (rs *relationStage) ledTalksRelations(v *sentenceView) []argRelation {
	var out []argRelation
	for i := v.first; i+2 < v.last; i++ {
		if v.word(i) != "led" || v.word(i+1) != "by" {
			continue
		}
		talks := false
		for k := i - 1; k >= v.first && k >= i-15 && !talks; k-- {
			talks = talksNouns[v.word(k)]
		}
		c := v.chunkOf(i + 2)
		if !talks || c < 0 || v.chunks[c].First != i+2 {
			continue
		}
		var heads []int
		for _, x := range v.groupRight(c, true).Actors {
			if a := v.a.Actors[x]; a.Type == schema.Person && a.Affiliation != "" {
				heads = append(heads, x)
			}
		}
		hit := cueHit{pred: ledTalksPredicate, First: i, Last: i + 2}
		for a := 0; a < len(heads); a++ {
			for b := a + 1; b < len(heads); b++ {
				p, q := heads[a], heads[b]
				if v.a.Actors[p].Affiliation != v.a.Actors[q].Affiliation {
					out = append(out, argRelation{src: p, tgt: q, typ: schema.Consult, cue: hit, confidence: 0.6})
				}
			}
		}
	}
	return out
}

// judgementTable is lexicon/judgements.tsv: the judgement verbs (type
// JUDGE) and the complement words with the type of act they make of a
// judgement.
type judgementTable struct {
	verbs map[string]bool
	words map[string]schema.EventType
}

// builtinJudgements reads lexicon/judgements.tsv once; it is embedded
// data, checked by TestJudgementFrames, so an error in it is a bug.
var builtinJudgements = sync.OnceValue(func() judgementTable {
	jt := judgementTable{verbs: map[string]bool{}, words: map[string]schema.EventType{}}
	for _, l := range dataLines(builtinJudgementsFile, strings.Fields) {
		n, cols := l.n, l.cols
		if len(cols) != 2 {
			panic(fmt.Sprintf("lexicon/judgements.tsv:%d: want TYPE and WORD", n+1))
		}
		if cols[0] == "JUDGE" {
			jt.verbs[cols[1]] = true
			continue
		}
		t, err := schema.ParseEventType(cols[0])
		if err != nil {
			panic(fmt.Sprintf("lexicon/judgements.tsv:%d: %v", n+1, err))
		}
		jt.words[cols[1]] = t
	}
	return jt
})

//go:embed lexicon/judgements.tsv
var builtinJudgementsFile string

// judgementPredicates are the cues of judgement frames, by type.
var judgementPredicates = map[schema.EventType]*predicate{
	schema.Accuse:  {Type: schema.Accuse, POS: verbCue, Words: []string{"call"}},
	schema.Support: {Type: schema.Support, POS: verbCue, Words: []string{"call"}},
}

// judgementFrame reads "X called Y('s act) [as] Z" at verb i: the actors
// named in the object phrase and the type the complement Z gives. ok is
// false when the verb is no judgement verb or no complement word of the
// table follows the object.
func (v *sentenceView) judgementFrame(i int) (obj group, typ schema.EventType, ok bool) {
	jt := builtinJudgements()
	if !verbTag(v.tag(i)) || !jt.verbs[v.tok(i).Lemma] {
		return group{}, "", false
	}
	start := i + 1
	if isQuoteWord(v.word(start)) {
		start++ // called “a large deployment” a threat
	}
	c := v.chunkOf(start)
	if c < 0 || v.chunks[c].First != start {
		return group{}, "", false
	}
	ch := v.chunks[c]
	obj = group{First: ch.First, Last: ch.Last, Chunks: []int{c}}
	// The complement may stand inside the chunk the tagger made ("Russia's
	// position unacceptable/JJ"), but never before the last name in it.
	k := ch.Last
	for j := ch.First; j < ch.Last; j++ {
		if m := v.mention(j); m >= 0 {
			obj.Actors = appendUnique(obj.Actors, v.a.Mentions[m].Actor)
			k = v.a.Mentions[m].Last
		}
	}
	if obj.empty() {
		return group{}, "", false
	}
	// Prepositional phrases and a closing quote still belong to the
	// object: called “a deployment along the border” a threat.
	end := ch.Last
	for hops := 0; hops < 3; hops++ {
		if isQuoteWord(v.word(end)) {
			end++
		}
		if nc := v.chunkOf(end + 1); v.tag(end) == "IN" && v.word(end) != "as" && nc >= 0 && v.chunks[nc].First == end+1 {
			end = v.chunks[nc].Last
			continue
		}
		break
	}
	if isQuoteWord(v.word(end)) {
		end++
	}
	if v.word(end) == "as" {
		end++
	}
	if k < ch.Last && !isQuoteWord(v.word(start-1)) {
		end = k // the complement inside the chunk: "Russia's position unacceptable"
	}
	for j := end; j < v.last && j < max(end, ch.Last)+8; j++ {
		w := v.word(j)
		if w == "," && !isQuoteWord(v.word(j+1)) || w == "." || w == ";" || subordinators[w] && w != "as" {
			break
		}
		if t, found := jt.words[w]; found {
			return obj, t, true
		}
		if t, found := jt.words[v.tok(j).Lemma]; found {
			return obj, t, true
		}
	}
	return group{}, "", false
}

// judgementRelations finds judgements: "Berg called Russia's position
// unacceptable" (ACCUSE), "Cole deemed Qatar a reliable partner"
// (SUPPORT). The judge is the verb's subject.
func (rs *relationStage) judgementRelations(v *sentenceView) []argRelation {
	var out []argRelation
	for i := v.first; i < v.last; i++ {
		obj, typ, ok := v.judgementFrame(i)
		if !ok {
			continue
		}
		vg := v.verbGroupAt(i)
		subj, sok := v.verbSubject(i, vg)
		if !sok || vg.Passive {
			continue
		}
		modes := v.reportedModes(vg, i+1) | v.clauseModes(vg.Start) | v.infinitiveModes(vg)
		hit := cueHit{pred: judgementPredicates[typ], First: i, Last: i + 1}
		for _, s := range subj.Actors {
			for _, t := range obj.Actors {
				if s != t && !v.affiliated(s, t) {
					out = append(out, argRelation{src: s, tgt: t, typ: typ, cue: hit, modes: modes, confidence: 0.7})
				}
			}
		}
	}
	return out
}

// coAgentTypes are the material acts whose coordinated agents act
// together (GUIDELINES convention 1): "X and Y launched strikes on Z".
// Verbal acts are parallel statements: "X and Y condemned Z"; so are
// sanctions and bans, each state's own measure ("X and Y severed
// relations with Z", "banned flights to Z").
var coAgentTypes = map[schema.EventType]bool{schema.Assault: true, schema.Aid: true, schema.Mobilize: true}

// coAgentRelations gives the co-agents of one material act, the sources
// of one cue's relations that are not also its targets, a COOPERATE
// relation with each other, in the modes of the act.
func (v *sentenceView) coAgentRelations(rels []argRelation) []argRelation {
	if len(rels) < 2 || !coAgentTypes[rels[0].typ] || rels[0].cue.pred.Mutual || rels[0].background {
		return nil
	}
	targets := map[int]bool{}
	for _, r := range rels {
		targets[r.tgt] = true
	}
	var agents []int
	for _, r := range rels {
		if r.typ == rels[0].typ && !targets[r.src] {
			agents = appendUnique(agents, r.src)
		}
	}
	var out []argRelation
	pairAll(agents, func(a, b int) {
		if !v.affiliated(a, b) {
			out = append(out, argRelation{src: a, tgt: b, typ: schema.Cooperate, cue: rels[0].cue, modes: rels[0].modes,
				confidence: rels[0].confidence * 0.8})
		}
	})
	return out
}

// accordHeads name accords and alliances; announcingVerbs make them known
// without being an agreement cue of their own.
var (
	accordHeads     = wordSet("alliance", "pact", "agreement", "deal", "accord", "treaty", "partnership", "ceasefire", "truce", "memorandum", "framework", "initiative")
	announcingVerbs = wordSet("announce", "unveil", "forge", "launch", "finalize", "finalise", "present", "form", "create", "establish")
)

// monitoringVerbs are joint material acts of several agents on one thing:
// "to be monitored by the UN and the Church" — the monitors cooperate
// (GUIDELINES convention 1). Guarantors of talks only vouch for them.
var monitoringVerbs = wordSet("monitor", "oversee", "supervise", "verify", "observe", "police", "patrol", "enforce")

// monitorRelations finds several agents monitoring one thing, in the
// passive ("monitored by A and B") or the active ("A and B will monitor
// the truce"): they cooperate.
func (rs *relationStage) monitorRelations(v *sentenceView, consumed map[int]bool) []argRelation {
	var out []argRelation
	for i := v.first; i < v.last; i++ {
		if consumed[i] || !verbTag(v.tag(i)) || !monitoringVerbs[v.tok(i).Lemma] {
			continue
		}
		vg := v.verbGroupAt(i)
		var agents group
		ok := false
		if vg.Passive || v.tag(i) == "VBN" && v.word(i+1) == "by" {
			agents, ok = v.byAgent(i + 1)
		} else {
			agents, ok = v.verbSubject(i, vg)
		}
		if ok {
			out = append(out, v.partners(agents.Actors, monitorPredicate, i, vg)...)
		}
	}
	return out
}

// partners relates each two of several agents of the verb at i, not of
// one state, by p's type, in the verb's modes.
func (v *sentenceView) partners(agents []int, p *predicate, i int, vg verbGroup) []argRelation {
	modes := v.reportedModes(vg, i+1) | v.clauseModes(vg.Start)
	hit := cueHit{pred: p, First: i, Last: i + 1}
	var out []argRelation
	pairAll(agents, func(a, b int) {
		if !v.affiliated(a, b) {
			out = append(out, argRelation{src: a, tgt: b, typ: p.Type, cue: hit, modes: modes, confidence: 0.7})
		}
	})
	return out
}

// monitorPredicate is the cue of a joint monitoring.
var monitorPredicate = &predicate{Type: schema.Cooperate, POS: verbCue, Words: []string{"monitor"}}

// accordRelations finds an accord made known by several agents: "The
// alliance, known as Aukus, was announced by Biden, Johnson and
// Morrison" — its announcers agree with each other.
func (rs *relationStage) accordRelations(v *sentenceView, consumed map[int]bool) []argRelation {
	var out []argRelation
	for i := v.first; i < v.last; i++ {
		if consumed[i] || v.tag(i) != "VBN" || !announcingVerbs[v.tok(i).Lemma] || v.word(i+1) != "by" {
			continue
		}
		vg := v.verbGroupAt(i)
		if !vg.Passive {
			continue
		}
		subj, ok := v.verbSubject(i, vg)
		if !ok || len(subj.Chunks) == 0 || !accordHeads[v.headWord(subj.Chunks[0])] {
			continue
		}
		if agent, ok := v.byAgent(i + 1); ok {
			out = append(out, v.partners(agent.Actors, accordPredicate, i, vg)...)
		}
	}
	return out
}

// accordPredicate is the cue of an accord made known by its parties.
var accordPredicate = &predicate{Type: schema.Agree, POS: verbCue, Words: []string{"announce"}}

// allyNouns name the partners of whoever modifies them: "X's allies,
// including Y" is X's stance toward Y (GUIDELINES convention 5).
var allyNouns = wordSet("ally", "allies")

// allyRelations finds "X's allies, including Y", "US allies such as Y":
// X SUPPORT Y.
func (rs *relationStage) allyRelations(v *sentenceView) []argRelation {
	var out []argRelation
	for c := range v.chunks {
		ch := v.chunks[c]
		if !allyNouns[v.headWord(c)] {
			continue
		}
		var backers []int
		for k := ch.First; k < ch.Head; k++ {
			if m := v.mention(k); m >= 0 {
				backers = appendUnique(backers, v.a.Mentions[m].Actor)
			}
		}
		k := ch.Last
		if v.word(k) == "," {
			k++
		}
		switch {
		case v.word(k) == "including" || v.word(k) == "like":
			k++
		case v.word(k) == "such" && v.word(k+1) == "as":
			k += 2
		default:
			continue
		}
		nc := v.chunkOf(k)
		if len(backers) == 0 || nc < 0 {
			continue
		}
		allies := v.groupRight(nc, false)
		hit := cueHit{pred: allyPredicate, First: ch.Head, Last: ch.Head + 1}
		for _, s := range backers {
			for _, t := range allies.Actors {
				if s != t && !v.affiliated(s, t) {
					out = append(out, argRelation{src: s, tgt: t, typ: schema.Support, cue: hit, confidence: 0.7})
				}
			}
		}
	}
	return out
}

// allyPredicate is the cue of a stance stated by "allies".
var allyPredicate = &predicate{Type: schema.Support, POS: nounCue, Words: []string{"allies"}}

// mediationNouns name a mediator's role in "under the mediation of X",
// "under the auspices of X".
var mediationNouns = wordSet("mediation", "auspices", "sponsorship", "facilitation")

// mediatorRelations finds a mediator named in "under the mediation of X"
// for the talks or accord the sentence's relations already hold: the
// mediator consults each party (GUIDELINES convention 9).
func (rs *relationStage) mediatorRelations(v *sentenceView, found []argRelation) []argRelation {
	var parties []int
	var hit cueHit
	for _, r := range found {
		if r.typ == schema.Consult || r.typ == schema.Agree {
			parties = appendUnique(appendUnique(parties, r.src), r.tgt)
			hit = r.cue
		}
	}
	if len(parties) < 2 {
		return nil
	}
	var out []argRelation
	for k := v.first; k < v.last; k++ {
		if !mediationNouns[v.word(k)] || v.word(k+1) != "of" {
			continue
		}
		c := v.chunkOf(k + 2)
		if c < 0 {
			continue
		}
		for _, m := range v.objectGroup(c).Actors {
			for _, p := range parties {
				if m != p && !v.affiliated(m, p) {
					out = append(out, argRelation{src: m, tgt: p, typ: schema.Consult, cue: hit, confidence: 0.7})
				}
			}
		}
	}
	return out
}

// capitalApposition returns the state an apposition at k names as the
// place's: "Ankara, the Turkish capital" (a capital that only locates an
// event is no actor itself).
func (v *sentenceView) capitalApposition(k int) []int {
	if v.word(k) != "," {
		return nil
	}
	return v.capitalStates(v.chunkOf(k + 1))
}

// capitalStates returns the states that chunk c names as the owners of a
// capital ("the Hungarian capital", "Hungary's capital"), or nil when c
// is no capital.
func (v *sentenceView) capitalStates(c int) []int {
	if c < 0 || v.headWord(c) != "capital" {
		return nil
	}
	var out []int
	for j := v.chunks[c].First; j < v.chunks[c].Head; j++ {
		if m := v.mention(j); m >= 0 && v.a.Actors[v.a.Mentions[m].Actor].Type == schema.Country {
			out = appendUnique(out, v.a.Mentions[m].Actor)
		}
	}
	return out
}

// capitalHosts finds the state whose capital a sentence places its
// events in: "in the Hungarian capital", "in Hungary's capital".
func (v *sentenceView) capitalHosts() []int {
	var out []int
	for k := v.first; k+1 < v.last; k++ {
		if v.word(k) != "in" {
			continue
		}
		for _, x := range v.capitalStates(v.chunkOf(k + 1)) {
			out = appendUnique(out, x)
		}
	}
	return out
}

// capitalVisitRelations gives the visitors of a meeting held in another
// state's capital a consultation with that state (GUIDELINES convention
// 6): "Orban met his Swedish counterpart Kristersson in the Hungarian
// capital" — Kristersson CONSULT Hungary.
func (rs *relationStage) capitalVisitRelations(v *sentenceView, found []argRelation) []argRelation {
	hosts := v.capitalHosts()
	if len(hosts) == 0 {
		return nil
	}
	var out []argRelation
	for _, r := range found {
		if r.typ != schema.Consult {
			continue
		}
		for _, p := range []int{r.src, r.tgt} {
			for _, h := range hosts {
				if v.a.Actors[p].Type == schema.Person && p != h && !v.affiliated(p, h) && v.a.Actors[p].Affiliation != "" {
					out = append(out, argRelation{src: p, tgt: h, typ: schema.Consult, cue: r.cue, modes: r.modes, confidence: 0.7})
				}
			}
		}
	}
	return out
}
