package nlp

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/geokg/geokg/schema"
)

// The relation stage: it reads the tokens, sentences and actor mentions
// that the earlier stages filled in an analysis, finds the predicate cues
// of the lexicon in each sentence, finds each cue's arguments with the
// clause chunker, and turns them into typed, directed relations with
// modes and provenance.

// relationStage is built once per Extractor and only read afterwards.
type relationStage struct {
	lex *predicateLexicon
	lem *lemmatizer
	// allModes keeps negated and hypothetical relations in the output.
	allModes bool
}

func newRelationStage(lex *predicateLexicon, allModes bool) *relationStage {
	verbs, nouns := lex.lemmas()
	verbs = append(verbs, extraVerbLemmas...)
	for _, set := range []map[string]bool{participationVerbs, includingVerbs, negotiatingVerbs} {
		for v := range set {
			verbs = append(verbs, v)
		}
	}
	return &relationStage{lex: lex, lem: newLemmatizer(verbs, nouns), allModes: allModes}
}

// extraVerbLemmas are verbs the argument finder consults by lemma besides
// the cues: reporting, governing and light verbs.
var extraVerbLemmas = []string{
	"say", "tell", "announce", "claim", "allege", "insist", "state", "stress", "add", "note", "report",
	"confirm", "assert", "declare", "argue", "tweet", "explain", "maintain", "indicate", "suggest",
	"believe", "reiterate", "acknowledge", "admit", "contend", "emphasize", "repeat", "reveal",
	"plan", "intend", "prepare", "expect", "schedule", "aim", "decide", "consider", "propose",
	"seek", "hope", "try", "want", "wish", "offer", "weigh", "mull", "contemplate", "refuse", "fail",
	"decline", "deny", "avoid", "cease", "halt", "vow", "pledge", "promise", "swear", "determine",
	"strive", "resolve", "launch", "conduct", "carry", "impose", "lend", "express", "voice",
	"receive", "enjoy", "gain", "win", "secure", "obtain", "continue", "begin", "start", "resume",
	"allow", "force", "help", "need", "have", "get", "hold", "reach", "lift", "ease",
}

// pastFormsNotNouns are irregular past tenses that are never nouns; the
// tagger calls some of them nouns after a parenthetical ("Jaishankar and
// Wang Yi, spoke/NN by telephone").
var pastFormsNotNouns = wordSet("spoke", "fought", "struck", "told", "began", "broke", "flew", "threw", "stole",
	"chose", "froze", "swore", "withdrew", "overran", "undertook", "forbade", "foresaw", "sought", "brought",
	"bought", "taught", "caught", "thought", "held", "sent", "lent", "led")

// cueHit is one cue found in a sentence.
type cueHit struct {
	pred *predicate
	// First and Last delimit the cue's tokens; Head is its first word.
	First, Last int
	// slot is the group in the cue's "_" slot, when it has one.
	slot  group
	hasSl bool
	// weakTag: a verb cue the tagger did not tag as a verb.
	weakTag bool
}

// argRelation is a relation between actor indexes before output.
type argRelation struct {
	src, tgt   int
	typ        schema.EventType
	cue        cueHit
	modes      modeSet
	claimant   int // actor index or -1
	confidence float64
}

// extract finds the relations of an analysed article published on pub
// (zero when unknown). It never returns nil.
func (rs *relationStage) extract(a *analysis, pub schema.Date) []schema.Relation {
	for i := range a.Tokens {
		t := &a.Tokens[i]
		if isQuoteWord(t.Lower) && t.Tag != "POS" {
			// The tagger calls quotation marks nouns or verbs at times;
			// they are neither.
			t.Tag = "''"
		}
		if pastFormsNotNouns[t.Lower] && (isNounTag(t.Tag) || t.Tag == "JJ" || t.Tag == "RB") {
			t.Tag = "VBD"
		}
		if len(t.Text) > 2 && t.Text[0] == '-' && i > 0 && a.Tokens[i-1].End == t.Start {
			// "Iran-aligned", "Saudi-led": the second half of a compound
			// adjective, not a verb.
			t.Tag = "JJ"
		}
		t.Lemma = rs.lem.lemma(t.Lower, t.Tag)
	}
	// Mentions by sentence.
	bySentence := make([][]int, len(a.Sentences))
	for mi, m := range a.Mentions {
		if m.Sentence >= 0 && m.Sentence < len(a.Sentences) {
			bySentence[m.Sentence] = append(bySentence[m.Sentence], mi)
		}
	}
	offsets := newRuneOffsets(a.Text)
	out := []schema.Relation{}
	disc := &discourse{apparatus: map[string]apparatusRef{}}
	for si, s := range a.Sentences {
		if len(bySentence[si]) == 0 && !mayRefer(a, s) {
			continue
		}
		v := newSentenceView(a, s, bySentence[si], rs.lem, disc)
		rels := rs.sentenceRelations(v)
		if len(rels) == 0 {
			continue
		}
		dates := findDates(a.Tokens, s.First, s.Last, pub)
		evidence := a.Text[s.Start:s.End]
		for _, r := range dedupe(rels) {
			modes := r.modes
			if !rs.allModes && (modes.has(modeNegated) || modes.has(modeHypothetical)) {
				continue
			}
			rel := schema.Relation{
				Source:     a.Actors[r.src].ID,
				Target:     a.Actors[r.tgt].ID,
				Type:       r.typ,
				Quad:       r.typ.Quad(),
				Score:      r.typ.Score(),
				Symmetric:  r.typ.Symmetric(),
				Modes:      modes.list(),
				Sentence:   s.Index,
				Evidence:   evidence,
				Cue:        a.Text[a.Tokens[r.cue.First].Start:a.Tokens[r.cue.Last-1].End],
				CueStart:   offsets.at(a.Tokens[r.cue.First].Start),
				CueEnd:     offsets.at(a.Tokens[r.cue.Last-1].End),
				Date:       pub,
				Confidence: math.Round(calibrate(r.confidence, r.typ, modes, s.Headline)*100) / 100,
			}
			if r.claimant >= 0 {
				rel.Claimant = a.Actors[r.claimant].ID
			}
			if d, ok := nearestDate(dates, r.cue.First); ok {
				rel.Date = d
			}
			out = append(out, rel)
		}
	}
	return out
}

// calibrate scales a relation's confidence by what the annotated sets
// say about relations like it (nlp/testdata, the dev set): headlines are
// telegraphic (79% precise against 96% for body sentences), future events
// often do not happen as announced (73%), and cooperation and threat cues
// are the least reliable types (73%, 62%); attributed claims and loose
// targets are as precise as the rest, so they lose little. The result
// ranks relations; it is no calibrated probability on unseen text, where
// precision is lower overall.
func calibrate(conf float64, typ schema.EventType, modes modeSet, headline bool) float64 {
	if headline {
		conf *= 0.9 // on top of the cue's own headline factor
	}
	if modes.has(modeFuture) {
		conf *= 0.85
	}
	switch typ {
	case schema.Cooperate, schema.Threaten, schema.Retreat:
		conf *= 0.85
	}
	return conf
}

// discourse remembers the actors that were clause subjects, in text
// order, to resolve the pronouns of later clauses: news text refers back
// to the last subject ("Kerry said the U.S. wants peace; militarily, it
// is determined to defeat ISIL").
type discourse struct {
	subjects []discourseSubject
	// parties are the sets of actors named together as the parties of
	// an event, for collective references ("all four sides").
	parties []partySet
	// pairs are the relations found so far, by actor pair ("both
	// sides").
	pairs []pairEvent
	// apparatus maps a class of apparatus nouns ("military") to the
	// actor whose apparatus the text named last ("Sudan's army").
	apparatus map[string]apparatusRef
	// events are the events and claims found so far, for nouns that
	// refer back to them ("rejected the demands", "denied the claim").
	events []eventRecord
}

type discourseSubject struct {
	tok    int   // token index of the verb
	actors []int // actor indexes
	person bool  // all actors are persons
}

func (d *discourse) add(tok int, actors []int, person bool) {
	if d == nil || len(actors) == 0 {
		return
	}
	d.subjects = append(d.subjects, discourseSubject{tok: tok, actors: actors, person: person})
}

// resolve returns the actors a third-person pronoun at token tok refers
// to: "he"/"she" the last person subject, "it" the last single
// non-person subject, "they" the last subject of several actors.
func (d *discourse) resolve(pronoun string, tok int) []int {
	if d == nil {
		return nil
	}
	for i := len(d.subjects) - 1; i >= 0; i-- {
		s := d.subjects[i]
		if s.tok >= tok {
			continue
		}
		if tok-s.tok > 120 { // about three sentences back
			return nil
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
	if pronoun == "they" {
		if p, ok := d.lastParties(tok-120, tok); ok {
			return p
		}
	}
	return nil
}

// lastParties returns the last set of parties named after token from and
// before token to.
func (d *discourse) lastParties(from, to int) ([]int, bool) {
	for i := len(d.parties) - 1; i >= 0; i-- {
		p := d.parties[i]
		if p.tok >= to {
			continue
		}
		if p.tok <= from {
			return nil, false
		}
		return p.actors, true
	}
	return nil, false
}

// dedupe keeps one relation per (source, type, target) — per unordered
// pair for symmetric types — with the highest confidence, in the order
// first found.
func dedupe(rels []argRelation) []argRelation {
	type key struct {
		s, t int
		typ  schema.EventType
	}
	best := map[key]int{}
	var out []argRelation
	for _, r := range rels {
		k := key{r.src, r.tgt, r.typ}
		if r.typ.Symmetric() && k.t < k.s {
			k.s, k.t = k.t, k.s
		}
		if i, ok := best[k]; ok {
			// Prefer the asserted reading, then the more confident.
			cur := out[i]
			if assertedRank(r.modes) > assertedRank(cur.modes) ||
				assertedRank(r.modes) == assertedRank(cur.modes) && r.confidence > cur.confidence {
				out[i] = r
			}
			continue
		}
		best[k] = len(out)
		out = append(out, r)
	}
	return out
}

func assertedRank(m modeSet) int {
	if m.has(modeNegated) || m.has(modeHypothetical) {
		return 0
	}
	return 1
}

// runeOffsets converts byte offsets into code-point offsets. Queries
// mostly move forward, so it keeps a cursor.
type runeOffsets struct {
	text        string
	byte, runes int
}

func newRuneOffsets(text string) *runeOffsets { return &runeOffsets{text: text} }

func (r *runeOffsets) at(b int) int {
	if b < r.byte {
		r.byte, r.runes = 0, 0
	}
	r.runes += utf8.RuneCountInString(r.text[r.byte:b])
	r.byte = b
	return r.runes
}

// sentenceRelations finds the relations of one sentence.
func (rs *relationStage) sentenceRelations(v *sentenceView) []argRelation {
	var out []argRelation
	// Descriptions ("the coalition said it…") are resolved first, so
	// that they are subjects for the pronouns after them; collective
	// references are resolved again before each cue.
	v.resolveReferences()
	v.reports = v.findReports(rs)
	v.rememberClaims()
	v.trackSubjects()
	consumed := map[int]bool{}
	for i := v.first; i < v.last; i++ {
		if consumed[i] {
			continue
		}
		hit, ok := rs.cueAt(v, i)
		if !ok {
			continue
		}
		for k := hit.First; k < hit.Last; k++ {
			consumed[k] = true
		}
		v.resolveReferences()
		var rels []argRelation
		if hit.pred.POS == verbCue {
			rels = rs.verbRelations(v, hit)
		} else {
			rels = rs.nounRelations(v, hit)
		}
		v.attribute(rels)
		v.rememberParties(hit, rels)
		v.rememberEvents(hit, rels)
		out = append(out, rels...)
	}
	v.resolveReferences()
	meet := rs.meetingRelations(v, out)
	v.attribute(meet)
	out = append(out, meet...)
	joint := rs.jointRelations(v, consumed)
	v.attribute(joint)
	return append(out, joint...)
}

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

// attribute gives relations the modes and claimant of the reports whose
// content holds their cue.
func (v *sentenceView) attribute(rels []argRelation) {
	for j := range rels {
		r := &rels[j]
		r.claimant = -1
		if v.questionAfter(r.cue.Last) {
			// "Will Russia attack Ukraine again?" asks; it states nothing.
			r.modes |= modeHypothetical
		}
		negated, speaker := v.reports.covering(r.cue.First)
		if negated {
			r.modes |= modeNegated
		}
		if speaker >= 0 && speaker != r.src && !v.reports.coSpeaker(r.cue.First, r.src) {
			r.modes |= modeAttributed
			r.claimant = speaker
			r.confidence *= 0.97
		}
	}
}

// questionAfter reports whether the clause of a cue ending at k closes
// with a question mark: the sentence's own, or a quotation's.
func (v *sentenceView) questionAfter(k int) bool {
	for i := k; i < v.last; i++ {
		switch w := v.word(i); {
		case w == "?":
			return true
		case w == "." || w == ";" || w == "!":
			return false
		case w == "," && (v.word(i+1) == "but" || v.word(i+1) == "and" || v.word(i+1) == "while" || v.word(i+1) == "yet" ||
			v.word(i+1) == "although" || v.word(i+1) == "though" || v.word(i+1) == "so"):
			return false // "Russia attacked Ukraine, but will it stop?"
		case isQuoteWord(w) && i > k && v.word(i-1) != "?" && v.word(i-1) != ",":
			// a quotation closed without a question mark
			if v.word(i-1) == "." {
				return false
			}
		}
	}
	return false
}

// rememberParties records the actors of a symmetric event as a set of
// parties for later collective references ("the two leaders").
func (v *sentenceView) rememberParties(hit cueHit, rels []argRelation) {
	var set []int
	mutual := hit.pred.Mutual
	for _, r := range rels {
		if mutual && !r.modes.has(modeNegated) {
			set = appendUnique(set, r.src)
			set = appendUnique(set, r.tgt)
		}
		// A relation to parties found by reference is no evidence of
		// which pair a later reference means.
		// Nor is a broker's or host's consultation: mediators are no
		// side ("both sides" after "a truce brokered by Russia").
		if !r.modes.has(modeNegated) && !r.modes.has(modeHypothetical) && v.referenced(r.src) == v.referenced(r.tgt) &&
			!participationVerbs[hit.pred.Words[0]] {
			v.disc.addPairEvent(hit.First, v.first, r.src, r.tgt, r.typ)
		}
		if r.typ != schema.Consult && r.typ != schema.Agree || r.modes.has(modeNegated) {
			continue
		}
		set = appendUnique(set, r.src)
		set = appendUnique(set, r.tgt)
	}
	if hit.pred.OneSided && hit.pred.Together {
		// "Qatar mediated between Iran and Iraq": the parties are the
		// targets; the host or mediator is none.
		var parties []int
		for _, r := range rels {
			if containsInt(set, r.tgt) {
				parties = appendUnique(parties, r.tgt)
			}
		}
		set = parties
	}
	v.disc.addParties(hit.First, set)
}

// cueAt matches the lexicon at token i.
func (rs *relationStage) cueAt(v *sentenceView, i int) (cueHit, bool) {
	t := v.tok(i)
	verbLemma, isVerbForm := rs.lem.verbLemma(t.Lower)
	if strings.HasPrefix(t.Tag, "VB") {
		verbLemma = t.Lemma
	}
	nounLemma := t.Lemma
	if t.Tag == "NNP" || t.Tag == "NNPS" {
		nounLemma = rs.lem.lemma(t.Lower, strings.Replace(t.Tag, "NNP", "NN", 1))
	}
	try := func(first string, pos cuePOS) (cueHit, bool) {
		for _, p := range rs.lex.byFirst[first] {
			if p.POS != pos {
				continue
			}
			if hit, ok := rs.matchRest(v, p, i); ok {
				return hit, true
			}
		}
		return cueHit{}, false
	}
	if v.mention(i) >= 0 || t.Lower == "according" && v.word(i+1) == "to" {
		return cueHit{}, false // "according to" reports; it is no accord
	}
	if t.Tag == "VBG" && v.gerundAsNoun(i) {
		// "Fierce fighting erupted between the army and the RSF", "the
		// shelling of Aleppo": a gerund after a modifier is a noun.
		if hit, ok := try(t.Lower, nounCue); ok {
			return hit, true
		}
	}
	if strings.HasPrefix(t.Tag, "VB") && !v.adjectivalParticiple(i) {
		if hit, ok := try(verbLemma, verbCue); ok {
			return hit, true
		}
	}
	// The tagger calls some plural nouns verbs after their modifiers:
	// "joint air exercises/VBZ with".
	pluralAsVerb := t.Tag == "VBZ" && (v.tag(i-1) == "JJ" || v.tag(i-1) == "NN" || v.tag(i-1) == "PRP$") && v.mention(i-1) < 0
	if pluralAsVerb {
		nounLemma = rs.lem.lemma(t.Lower, "NNS")
	}
	if isVerbForm && isNounTag(t.Tag) && !pluralAsVerb && v.verbPosition(i) && v.nounObjectFollows(i) {
		// "the United States and Saudi Arabia support/NN rebel groups":
		// after a subject and before an object, a verb.
		if hit, ok := try(verbLemma, verbCue); ok {
			hit.weakTag = true
			return hit, true
		}
	}
	if isNounTag(t.Tag) || t.Tag == "JJ" || pluralAsVerb {
		hit, ok := try(nounLemma, nounCue)
		if !ok && nounLemma != t.Lower {
			hit, ok = try(t.Lower, nounCue) // a plural cue: "exercises", "talks"
		}
		if ok && (t.Tag != "JJ" || v.headline || len(hit.pred.Words) > 1) {
			if hit.pred.Plural && !strings.HasSuffix(t.Lower, "s") {
				return cueHit{}, false
			}
			return hit, true
		}
	}
	// The tagger sometimes calls a verb an adverb, noun or adjective
	// ("Russia and Iran ardently back/RB Assad"); accept a verb form
	// where a finite verb must stand: after a subject and not after a
	// determiner.
	if isVerbForm && !strings.HasPrefix(t.Tag, "VB") && v.verbPosition(i) {
		if hit, ok := try(verbLemma, verbCue); ok {
			hit.weakTag = true
			return hit, true
		}
	}
	// Gerunds as nouns: "the bombing of", "the killing of".
	if t.Tag == "VBG" {
		if hit, ok := try(t.Lower, nounCue); ok {
			return hit, true
		}
	}
	return cueHit{}, false
}

// gerundAsNoun reports whether the gerund at i heads a noun phrase: after
// a determiner, an adjective or a possessive ("heavy fighting", "the
// bombing", "Russia's shelling"), or a capitalized adjective opening the
// sentence ("Fierce fighting erupted").
func (v *sentenceView) gerundAsNoun(i int) bool {
	switch v.tag(i - 1) {
	case "DT", "JJ", "JJS", "JJR", "PRP$", "POS":
		return v.word(i-1) != "that" && v.word(i-1) != "which"
	case "NNP":
		p := v.word(i - 2)
		return v.mention(i-1) < 0 && (i-1 == v.first || isDashWord(p) || p == ":")
	}
	return false
}

// adjectivalParticiple reports whether a participle modifies a noun
// ("the recognized government") rather than heading a clause.
func (v *sentenceView) adjectivalParticiple(i int) bool {
	t := v.tag(i)
	return (t == "VBN" || t == "VBG") && v.chunkOf(i) >= 0
}

// nounObjectFollows reports whether a noun phrase starts right after
// token i, with no determiner or modifier before i: a verb's object.
func (v *sentenceView) nounObjectFollows(i int) bool {
	switch v.tag(i - 1) {
	case "DT", "PRP$", "JJ", "POS", "IN", "CD", "TO":
		return false
	}
	switch v.tag(i + 1) {
	case "DT", "PRP$", "JJ", "NN", "NNS", "NNP", "NNPS", "CD":
		return true
	}
	return v.mention(i+1) >= 0
}

// verbPosition reports whether token i stands where a finite verb can:
// right after a subject noun or pronoun (adverbs between) and before
// something that is not a noun of the same phrase.
func (v *sentenceView) verbPosition(i int) bool {
	if v.mention(i) >= 0 {
		return false
	}
	k := i - 1
	for k >= v.first && v.tag(k) == "RB" {
		k--
	}
	if k < v.first {
		return false
	}
	switch v.tag(k) {
	case "NNP", "NNPS", "PRP", "WP", "WDT", "MD", "TO", "NNS":
	default:
		if v.mention(k) < 0 {
			return false
		}
	}
	if k == i-1 && (v.tag(k) == "NNP" || v.tag(k) == "NNS") && v.mention(k) < 0 {
		return false // likely a compound noun
	}
	switch v.word(i + 1) {
	case "of":
		return false
	}
	return true
}

// matchRest matches the words of p after its first at token i, allowing
// a few modifiers between them ("severed diplomatic relations").
func (rs *relationStage) matchRest(v *sentenceView, p *predicate, i int) (cueHit, bool) {
	hit := cueHit{pred: p, First: i, Last: i + 1}
	k := i + 1
	for wi := 1; wi < len(p.Words); wi++ {
		w := p.Words[wi]
		if w == "_" {
			c := v.chunkOf(k)
			if c < 0 || v.chunks[c].First != k {
				return hit, false
			}
			g := v.groupRight(c, true)
			if g.empty() {
				return hit, false
			}
			hit.slot, hit.hasSl = g, true
			k = g.Last
			continue
		}
		found := false
		for gap := 0; gap <= 4 && k+gap < v.last; gap++ {
			t := v.tok(k + gap)
			if p.generated && verbTag(t.Tag) {
				// Generated verb + object cues want a noun object:
				// "stop attack" must not read "stop attacking".
				break
			}
			if t.Lower == w || t.Lemma == w || rs.lem.lemma(t.Lower, "NNS") == w {
				k += gap + 1
				found = true
				break
			}
			// Only modifiers may stand between cue words.
			// After a slot, a time phrase may stand before the rest:
			// "hit Russia on Tuesday with sanctions".
			afterSlot := hit.hasSl && p.Words[wi-1] == "_" && (t.Tag == "IN" || v.timeWordAt(k+gap))
			// A possessor may stand between too: "closed its members'
			// borders with".
			possessor := t.Tag == "POS" || t.Tag == "NNS" && v.tag(k+gap+1) == "POS"
			if !modifierTag(t.Tag) && !afterSlot && !possessor || v.mention(k+gap) >= 0 && !hit.hasSl {
				break
			}
			if wi == 1 && p.POS == nounCue {
				break // noun compounds are contiguous
			}
		}
		if !found {
			return hit, false
		}
	}
	hit.Last = k
	if hit.hasSl {
		// The slot is inside the cue; the cue's tokens are its words.
		hit.Last = k
	}
	return hit, true
}

func modifierTag(t string) bool {
	switch t {
	case "DT", "PRP$", "JJ", "JJR", "JJS", "CD", "RB", "NN", "HYPH", "NNP":
		return true
	}
	return false
}

// verbTag reports whether t is a verb tag.
func verbTag(t string) bool { return strings.HasPrefix(t, "VB") }

// --- verb cues ----------------------------------------------------------

// subordinators open a clause; tagged IN like prepositions, they end a
// noun phrase's prepositional complements.
var subordinators = wordSet("that", "as", "because", "while", "although", "though", "since", "after", "before",
	"if", "when", "whereas", "until", "unless", "whether", "once", "so")

// intentVerbs turn a material-conflict infinitive into a threat: "vowed
// to defeat ISIL", "is determined to destroy".
var intentVerbs = wordSet("vow", "pledge", "promise", "threaten", "determine", "determined", "swear", "resolve", "strive", "warn",
	"prepared", "ready", "poised")

// objectControl verbs pass their object to an infinitive as its subject:
// "urged Russia to stop attacking".
var objectControl = wordSet("urge", "ask", "call", "order", "direct", "force", "allow", "help", "press", "push", "pressure", "persuade", "encourage", "tell", "invite", "authorize", "instruct", "want", "expect")

func (rs *relationStage) verbRelations(v *sentenceView, hit cueHit) []argRelation {
	p := hit.pred
	vi := hit.First
	vg := v.verbGroupAt(vi)
	modes := v.reportedModes(vg, hit.Last) | v.clauseModes(vg.Start)
	if vg.Modal != "" && v.conditionAfter(hit.Last) {
		// "will recognize Guaido unless Maduro calls an election"
		modes |= modeHypothetical
	}
	typ := p.Type
	conf := 0.85
	if hit.weakTag {
		conf *= 0.9
	}
	if v.headline {
		conf *= 0.9
	}

	// Subject.
	var subj group
	var relObj group // antecedent of an object relative pronoun
	haveSubj := false
	if vg.Infinitive {
		gov, govObj, ok := v.governor(vg.Start)
		if ok {
			govLemma := v.tok(gov).Lemma
			intent := intentVerbs[govLemma] || intentVerbs[v.word(gov)]
			if intent && typ.Quad() == schema.MaterialConflict {
				typ = schema.Threaten
			} else if intent && typ == schema.Threaten {
				// "prepared to impose costs": the readiness is the threat.
			} else if !intent || hypotheticalGovernors[govLemma] {
				// "vowed to meet" asserts the vow; "ready to talk" only
				// the readiness.
				modes |= governorModes(govLemma)
			}
			gvg := v.verbGroupAt(gov)
			gm := v.reportedModes(gvg, gov+1)
			modes |= gm &^ modeFuture
			if gm.has(modeFuture) {
				modes |= modeFuture
			}
			if govObj.First < govObj.Last && objectControl[govLemma] {
				// "urged the generals to release Suu Kyi": the generals
				// release, whoever they are.
				subj, haveSubj = govObj, !govObj.empty()
			} else {
				subj, relObj, haveSubj = v.subjectOf(gvg.Start)
			}
		}
		if !ok {
			// A purpose clause: "launch strikes at Gadhafi to shield
			// the opposition" — the main clause's subject.
			subj, haveSubj = v.verbSubject(vi, vg)
			// "agreed on the need to cooperate", "a plan to withdraw":
			// a noun of intent or necessity does not assert the event.
			modes |= modalNounModes(v.word(vg.Start - 1))
		}
	} else if obj, ok := v.gerundComplementSubject(vg); ok {
		// "accused Rwanda of arming the M23", "sanctioned Russia for
		// annexing Crimea": the object acts.
		subj, haveSubj = obj, true
	} else if v.tag(vi) == "VBG" && vg.Start == vi && v.chunkOf(vi-1) >= 0 && v.mention(vi-1) < 0 {
		// A participle after a noun modifies it: "sanctions targeting
		// Moscow" — the noun phrase itself is the subject.
		c := v.chunkOf(vi - 1)
		subj, haveSubj = group{First: v.chunks[c].First, Last: v.chunks[c].Last, Actors: v.chunks[c].Actors}, true
		if subj.empty() && ledBodies[v.headWord(c)] {
			// "The United States has led a coalition bombing Islamic State
			// positions": the leader acts through the coalition.
			if gov := v.governingVerb(v.chunks[c].First); gov >= 0 && leadingLemmas[v.tok(gov).Lemma] {
				if s, ok := v.verbSubject(gov, v.verbGroupAt(gov)); ok && !s.empty() {
					subj = s
					conf *= 0.9
				}
			}
		}
	} else if v.tag(vi) == "VBG" && (v.word(vg.Start-1) == "," || isDashWord(v.word(vg.Start-1)) || vg.Start == v.first ||
		participleSubordinators[v.word(vg.Start-1)]) {
		// A participle clause: "…, often praising Kim" — the main
		// clause's subject acts.
		if pv := v.verbBefore(vg.Start - 2); pv >= 0 {
			subj, _, haveSubj = v.subjectOf(v.verbGroupAt(pv).Start)
		}
	} else {
		subj, relObj, haveSubj = v.subjectOf(vg.Start)
	}

	if vg.Presupposed {
		modes = 0
	}
	// Target.
	var tgt group
	haveTgt := false
	eventObject := false
	if hit.hasSl {
		tgt, haveTgt = hit.slot, true
	} else if agent, ok := v.eventAgentPhrase(hit.Last, p); ok && typ != schema.Consult && typ != schema.Cooperate {
		// "condemned the Syria strike ordered by Trump": its agent.
		eventObject = true
		tgt, haveTgt = agent, true
	} else if kinds, at, ok := v.eventObject(hit.Last, p); ok && typ != schema.Consult && typ != schema.Cooperate {
		// "Qatar dismissed the demands", "India rejected the claim": the
		// event's agent, named before, is the target.
		eventObject = true
		if agents := v.eventAgents(kinds, at, subj.Actors); len(agents) > 0 {
			tgt, haveTgt = group{First: at, Last: at + 1, Actors: agents}, true
			conf *= 0.8
		}
	} else if !p.NoTarget {
		tgt, haveTgt = v.objectOf(hit.Last, p)
	}
	reduced := -1 // the token before a reduced relative's participle
	var agentCut group
	if !vg.Passive && v.tag(vi) == "VBN" && vg.Start == vi {
		switch {
		case v.word(vi-1) == "," || v.chunkOf(vi-1) >= 0:
			reduced = vi - 1
		case v.word(vi-1) == "and":
			// "the GNA, led by Sarraj and recognised by the UN"
			reduced = v.reducedRelativeBefore(vi - 1)
		}
	}
	if reduced >= 0 {
		// A reduced relative: "The second document, signed by Putin,
		// Poroshenko, Merkel and Hollande" — the by-phrase acts on the
		// phrase before.
		if agent, ok := v.byAgent(hit.Last); ok {
			if v.word(reduced) == "," {
				// ", led by Sarraj and recognised by the UN, and the
				// Tobruk government": the closing comma ends the agent.
				agentCut = v.cutAtComma(agent)
			}
			vg.Passive = true
			k := reduced
			if v.word(k) == "," {
				k--
			}
			subj, haveSubj = group{}, false
			if c := v.chunkOf(k); c >= 0 {
				subj, haveSubj = v.groupLeft(c), true
				if subj.Last > v.chunks[c].Last {
					// "the GNA, led by Sarraj, and the Tobruk government":
					// the participle modifies the phrase before it only.
					subj = v.groupRight(c, true)
				}
				if orderingVerbs[v.tok(vi).Lemma] && (subj.empty() || eventRefNouns[v.headWord(v.npHead(c))] != nil) {
					return nil // "the strike on Syria ordered by Trump": the strike's own relation
				}
				if subj.empty() {
					// "Hezbollah, the armed group backed by Tehran": the
					// description is the name's.
					if g, ok := v.appositionOf(c); ok {
						subj = g
					}
				}
			}
		}
	}
	if vg.Passive && !p.Inverse {
		// "Assad was backed by Russia": the by-phrase acts.
		if agent, ok := v.byAgent(hit.Last); ok {
			if agentCut.First < agentCut.Last {
				agent = agentCut
			}
			if len(agent.Chunks) > 0 && !typ.Symmetric() {
				if kinds := eventRefNouns[v.headWord(agent.Chunks[0])]; len(kinds) == 1 && kinds[0] == kindAssault {
					// "The Taliban, ousted by a U.S.-led invasion": the
					// invasion did it.
					typ = schema.Assault
				}
			}
			subj, tgt = agent, subj
			haveSubj, haveTgt = true, haveSubj
		} else {
			// An agentless passive names only the target.
			tgt, haveTgt = subj, haveSubj
			haveSubj = false
		}
		conf *= 0.95
	}
	if !haveTgt && !relObj.empty() {
		tgt, haveTgt = relObj, true
		conf *= 0.9
	}
	if (!haveTgt || tgt.empty()) && haveSubj && !subj.empty() && !p.NoTarget && !hit.hasSl && !vg.Passive && !eventObject &&
		!typ.Symmetric() && typ != schema.Retreat {
		// No target where the grammar expects one: take the next actor
		// phrase in the same clause ("Kuwait is trying to mediate in
		// the Gulf crisis with Qatar"), with less confidence.
		if g, ok := v.looseTarget(hit.Last, typ); ok && !v.pronounObject(hit.Last) {
			tgt, haveTgt = g, true
			conf *= 0.8
		}
	}
	if p.Inverse {
		subj, tgt = tgt, subj
		haveSubj, haveTgt = haveTgt, haveSubj
	}
	if !hit.hasSl && haveSubj && len(subj.Actors) > 1 && v.reciprocalObject(hit.Last) {
		// "Russia and Ukraine accused each other": each acts on the
		// other.
		mp := *p
		mp.Mutual = true
		tgt, haveTgt = group{}, false
		p = &mp
	}
	// "We do not accept Iran's role": a negated stance of support or
	// agreement toward an actor is a rejection.
	// "Serbia would never recognize Kosovo", "will not accept": a refusal
	// in the future or conditional of the verb group alone is a stance
	// held now; an if-clause keeps it hypothetical.
	refusal := modes.has(modeNegated) && (!modes.has(modeHypothetical) ||
		v.refusalModal(vg) && !v.conditionalBefore(vg.Start))
	if refusal && haveTgt && !tgt.empty() &&
		(typ == schema.Support || p.Words[0] == "accept" || p.Words[0] == "recognize" || p.Words[0] == "recognise") {
		typ = schema.Reject
		modes &^= modeNegated | modeHypothetical | modeFuture
	}
	if typ == schema.Retreat && v.agreementTarget(tgt) {
		typ = schema.Reject
	}
	if (typ == schema.Coerce || typ == schema.Assault || typ == schema.Sanction) && v.proposalTarget(tgt) {
		// "Russia and China blocked a U.S. draft": a veto, not a blockade.
		typ = schema.Reject
	}
	if len(p.Words) == 1 && p.Words[0] == "call" && typ == schema.Consult && !v.phoneCall(tgt) {
		return nil
	}
	if typ.Symmetric() && !p.OneSided && v.separately(hit.Last) {
		// "Russia and Ukraine signed separate agreements with Turkey":
		// each with Turkey, not with each other.
		op := *p
		op.OneSided = true
		p = &op
	}
	return pairUp(v, subj, tgt, haveSubj, haveTgt, typ, p, hit, modes, conf, false)
}

// ledBodies are bodies an actor leads and acts through; leadingLemmas
// are the verbs that say so.
var (
	ledBodies     = wordSet("coalition", "alliance", "force", "forces", "campaign", "mission", "operation", "offensive")
	leadingLemmas = wordSet("lead", "head", "command", "form", "build", "assemble", "spearhead", "direct")
)

// participleSubordinators open a participle clause whose subject is the
// main clause's: "Biden has backed Israel while pressing Netanyahu to
// protect civilians".
var participleSubordinators = wordSet("while", "after", "before", "since", "when", "whilst", "besides")

// phoneCall reports whether "call" with the object group g is a phone
// call: the object is a person or a state and no second phrase names
// what it is called ("called Maduro a dictator", "called the attack a
// crime").
func (v *sentenceView) phoneCall(g group) bool {
	if g.empty() || g.Last >= v.last {
		return !g.empty()
	}
	switch w := v.word(g.Last); {
	case w == "to" && verbTag(v.tag(g.Last+1)), w == "on" || w == "late" || w == "earlier" || w == "after" || w == "before":
		return true
	case w == "," || w == "." || w == "and" || w == ";" || v.timeWordAt(g.Last):
		return true
	}
	return false
}

// separately reports whether the few words after a cue ending at k say
// that its parties acted apart: "signed separate agreements",
// "met separately", "their respective deals".
func (v *sentenceView) separately(k int) bool {
	for i := k; i < v.last && i < k+4; i++ {
		switch v.word(i) {
		case "separate", "separately", "respective", "parallel", "individual", "individually", "apart":
			return true
		case ",", ";", "and", "but":
			return false
		}
	}
	return false
}

// judgingVerbs take an object and an of/for gerund that says what the
// object did: "accused Rwanda of arming the M23", "praised Qatar for
// hosting the talks".
var judgingVerbs = wordSet("accuse", "blame", "charge", "suspect", "criticize", "criticise", "condemn", "praise",
	"thank", "punish", "sanction", "fault", "credit", "commend", "penalize", "penalise", "reward", "congratulate",
	"hail", "laud", "slam", "rebuke", "denounce", "chide", "castigate", "lambast", "indict", "convict", "applaud")

// accusingVerbs report what they accuse the object of: the gerund's event
// is the accuser's claim.
var accusingVerbs = wordSet("accuse", "blame", "charge", "suspect", "indict", "convict", "fault")

// gerundComplementSubject returns the object of a judging verb when the
// verb group vg is the gerund of its of/for complement.
func (v *sentenceView) gerundComplementSubject(vg verbGroup) (group, bool) {
	k := vg.Start
	if v.tag(k) != "VBG" || v.word(k-1) != "of" && v.word(k-1) != "for" {
		return group{}, false
	}
	c := v.chunkOf(k - 2)
	if c < 0 {
		return group{}, false
	}
	g := v.groupLeft(c)
	gov := g.First - 1
	for gov >= v.first && v.tag(gov) == "RB" {
		gov--
	}
	if !verbTag(v.tag(gov)) || !judgingVerbs[v.tok(gov).Lemma] || g.empty() {
		return group{}, false
	}
	return g, true
}

// npHead returns the chunk that heads the noun phrase ending with chunk
// c, past its prepositional complements: "the strike on Syria" → "the
// strike".
func (v *sentenceView) npHead(c int) int {
	for hops := 0; hops < 3; hops++ {
		p := v.chunks[c].First - 1
		if v.tag(p) != "IN" || subordinators[v.word(p)] {
			return c
		}
		hc := v.chunkOf(p - 1)
		if hc < 0 {
			return c
		}
		c = hc
	}
	return c
}

// cutAtComma returns the part of group g before a ", and" that joins
// its first two members: the parenthetical's closing comma ends the
// phrase ("recognised by the UN, and the Tobruk government"), while a
// list ("by Putin, Poroshenko, Merkel and Hollande") stays whole.
func (v *sentenceView) cutAtComma(g group) group {
	out := group{First: g.First, Last: g.First}
	for i, c := range g.Chunks {
		ch := v.chunks[c]
		if i == 1 && v.word(ch.First-2) == "," && (v.word(ch.First-1) == "and" || v.word(ch.First-1) == "or" || v.word(ch.First-1) == "but") {
			break
		}
		out.Chunks = append(out.Chunks, c)
		for _, x := range ch.Actors {
			out.Actors = appendUnique(out.Actors, x)
		}
		out.Last = ch.Last
	}
	if len(out.Chunks) == len(g.Chunks) {
		return g
	}
	return out
}

// reducedRelativeBefore finds, for a participle coordinated by the "and"
// at j, the token before the first participle of the reduced relative:
// in "the GNA, led by Sarraj in Tripoli and recognised by the UN" the
// comma after "GNA". It returns -1 when there is none.
func (v *sentenceView) reducedRelativeBefore(j int) int {
	for k := j - 1; k > v.first && k > j-16; k-- {
		t := v.tag(k)
		if (t == "VBN" || t == "VBD") && v.word(k+1) == "by" && (v.word(k-1) == "," || v.chunkOf(k-1) >= 0) {
			return k - 1
		}
		if t == "VBZ" || t == "VBP" || t == "MD" || v.word(k) == ";" {
			return -1
		}
	}
	return -1
}

// conditionalBefore reports whether an "if" or "unless" clause opens the
// sentence before token i: "If Turkey wins, Iran would not…".
func (v *sentenceView) conditionalBefore(i int) bool {
	for k := v.first; k < i; k++ {
		if w := v.word(k); w == "if" || w == "unless" {
			return true
		}
	}
	return false
}

// refusalModal reports whether the verb group's modal is "would" or
// "will" with "never" or "not": "would never recognize".
func (v *sentenceView) refusalModal(vg verbGroup) bool {
	modal, neg := false, false
	for k := vg.Start; k < v.last && k <= vg.Start+4; k++ {
		switch v.word(k) {
		case "would", "will", "'d", "'ll", "wo":
			modal = true
		case "never", "not", "n't":
			neg = true
		}
	}
	return modal && neg
}

// trackSubjects records the actor subjects of the sentence's finite
// verbs in the discourse, for later pronouns.
func (v *sentenceView) trackSubjects() {
	if v.disc == nil {
		return
	}
	for i := v.first; i < v.last; i++ {
		switch v.tag(i) {
		case "VBD", "VBZ", "VBP", "MD":
		default:
			continue
		}
		if p := v.tag(i - 1); p == "MD" || auxiliary(v.word(i-1)) || p == "RB" && (v.tag(i-2) == "MD" || auxiliary(v.word(i-2))) {
			continue // not the first word of its verb group
		}
		s, _, ok := v.subjectOf(i)
		if !ok || s.empty() {
			continue
		}
		person := true
		for _, x := range s.Actors {
			if v.a.Actors[x].Type != schema.Person {
				person = false
			}
		}
		v.disc.add(i, s.Actors, person)
	}
}

// verbSubject returns the subject of the verb at vi with group vg, and
// for an infinitive the subject its governor passes down: "Trump crossed
// the border to hold a meeting with Kim" — Trump holds the meeting.
func (v *sentenceView) verbSubject(vi int, vg verbGroup) (group, bool) {
	if vg.Infinitive {
		gov, govObj, ok := v.governor(vg.Start)
		if !ok {
			// "…, to hold talks": the main clause's subject.
			if pv := v.verbBefore(vg.Start - 1); pv >= 0 {
				s, _, ok := v.subjectOf(v.verbGroupAt(pv).Start)
				return s, ok
			}
			return group{}, false
		}
		if !govObj.empty() && objectControl[v.tok(gov).Lemma] {
			return govObj, true
		}
		s, ok := v.verbSubject(gov, v.verbGroupAt(gov))
		if s.empty() && !govObj.empty() || s.empty() && v.tag(gov) == "VBZ" {
			// "he crossed into the zone that divides the peninsula to
			// hold a meeting": a purpose clause of an earlier verb.
			if pv := v.verbBefore(gov - 1); pv >= 0 {
				if s2, _, ok2 := v.subjectOf(v.verbGroupAt(pv).Start); ok2 && !s2.empty() {
					return s2, true
				}
			}
		}
		return s, ok
	}
	s, _, ok := v.subjectOf(vg.Start)
	return s, ok
}

// pairUp turns argument groups into relations.
func pairUp(v *sentenceView, subj, tgt group, haveSubj, haveTgt bool, typ schema.EventType, p *predicate,
	hit cueHit, modes modeSet, conf float64, together bool) []argRelation {
	var out []argRelation
	add := func(s, t int, c float64) {
		if s == t || v.affiliated(s, t) {
			return
		}
		out = append(out, argRelation{src: s, tgt: t, typ: typ, cue: hit, modes: modes, confidence: c})
	}
	if haveSubj && haveTgt {
		for _, s := range subj.Actors {
			for _, t := range tgt.Actors {
				add(s, t, conf)
				if p.Mutual && !typ.Symmetric() {
					add(t, s, conf*0.9) // "India exchanged fire with Pakistan"
				}
			}
		}
	}
	if p.Mutual && !typ.Symmetric() && haveSubj && (!haveTgt || tgt.empty()) {
		// "Armenia and Azerbaijan have fought two wars": each on the other.
		pairAll(subj.Actors, func(s, t int) {
			add(s, t, conf*0.9)
			add(t, s, conf*0.9)
		})
	}
	if typ.Symmetric() {
		// Coordinated subjects of a reciprocal cue are partners: "Russia,
		// Iran and Turkey signed a memorandum".
		if haveSubj && !p.OneSided {
			pairAll(subj.Actors, func(s, t int) { add(s, t, conf*0.95) })
		}
		// "Angola hosted Congo and Rwanda": the guests met too.
		if haveTgt && (together || p.Together) {
			pairAll(tgt.Actors, func(s, t int) { add(s, t, conf*0.9) })
		}
	}
	return out
}

// reciprocalObject reports whether the object after a cue ending at k is
// "each other" or "one another", possibly after a preposition: "accused
// each other", "clashed with one another".
func (v *sentenceView) reciprocalObject(k int) bool {
	for k < v.last && (v.tag(k) == "RB" || v.tag(k) == "IN" || v.tag(k) == "TO" || v.tag(k) == "RP") {
		k++
	}
	return v.word(k) == "each" && v.word(k+1) == "other" || v.word(k) == "one" && v.word(k+1) == "another"
}

func pairAll(xs []int, f func(s, t int)) {
	for i := range xs {
		for j := i + 1; j < len(xs); j++ {
			f(xs[i], xs[j])
		}
	}
}

// affiliated reports whether one actor is the other's affiliation: a
// person's own country is no relation.
func (v *sentenceView) affiliated(s, t int) bool {
	as, at := v.a.Actors[s], v.a.Actors[t]
	return as.Affiliation != "" && as.Affiliation == at.ID || at.Affiliation != "" && at.Affiliation == as.ID
}

// subjectOf finds the subject group of the verb group starting at vs. For
// a relative clause it returns the antecedent: as the subject ("the U.S.,
// who back Syria's opposition") or, for an object relative ("Assad, whom
// Russia and Iran back"), as relObj with the clause's own subject.
func (v *sentenceView) subjectOf(vs int) (subj, relObj group, ok bool) {
	j := vs - 1
	for j >= v.first && (v.tag(j) == "RB" || v.word(j) == "all" || v.word(j) == "both") {
		j--
	}
	if j < v.first {
		return subj, relObj, false
	}
	w := v.word(j)
	if relativePronouns[w] && (v.tag(j) == "WP" || v.tag(j) == "WDT" || v.tag(j) == "IN") {
		ante, ok := v.antecedent(j)
		return ante, relObj, ok
	}
	// A bracketed list belongs to the phrase before it: "The leaders of
	// the Normandy Quartet (Russia, Germany, France, Ukraine) held talks".
	if w == ")" {
		k := j - 1
		for k > v.first && v.word(k) != "(" && j-k < 30 {
			k--
		}
		if v.word(k) != "(" || v.chunkOf(k-1) < 0 {
			return subj, relObj, false
		}
		j = k - 1
		w = v.word(j)
	}
	// Skip a parenthetical between commas or dashes: "Haftar, through his
	// spokesman, declared", "Russia, which backs Assad, condemned".
	if w == "," || isDashWord(w) {
		if k, ok := v.parentheticalStart(j); ok {
			j = k - 1
			// "The RSF, led by General Dagalo, known as Hemedti,
			// accused": a participle phrase before the parenthetical is
			// one more.
			for hops := 0; hops < 3; hops++ {
				k, ok := v.participlePhraseStart(j)
				if !ok {
					break
				}
				j = k - 1
			}
		} else {
			return subj, relObj, false
		}
	}
	// "The Economic Community of West African States (ECOWAS), meeting
	// in Accra, said": a bracket before the parenthetical.
	if v.word(j) == ")" && w != ")" {
		k := j - 1
		for k > v.first && v.word(k) != "(" && j-k < 30 {
			k--
		}
		if v.word(k) == "(" && v.chunkOf(k-1) >= 0 {
			j = k - 1
		}
	}
	// "Russia attacked X and bombed Y": the first verb's subject.
	if w == "and" || w == "but" || w == "or" {
		if pv := v.coordinatedVerb(j); pv >= 0 {
			pg := v.verbGroupAt(pv)
			s, _, ok := v.subjectOf(pg.Start)
			return s, relObj, ok
		}
	}
	c := v.chunkOf(j)
	if c < 0 {
		return subj, relObj, false
	}
	g := v.groupLeft(c)
	// A subject inside a prepositional phrase belongs to the phrase
	// before it: "The assault on Tripoli has gained", "The leaders of
	// France and Germany met".
	for {
		p := g.First - 1
		if v.tag(p) != "IN" || subordinators[v.word(p)] {
			break
		}
		// "airstrikes carried out in Syria": past a participle.
		hk := p - 1
		for hk > v.first && (v.tag(hk) == "RP" || v.tag(hk) == "VBN" || v.tag(hk) == "RB") && hk > p-4 {
			hk--
		}
		if v.chunkOf(hk) < 0 {
			break
		}
		hc := v.chunkOf(hk)
		if v.word(p) == "of" && personRoleNouns[v.headWord(hc)] && v.isPersonChunk(g.Chunks[0]) {
			break // "U.S. Secretary of State John Kerry"
		}
		head := v.groupLeft(hc)
		if (v.word(p) == "of" || v.word(p) == "from") && head.empty() {
			head.Actors = g.Actors
		}
		head.Last = g.Last
		g = head
	}
	// Pronouns: a first-person one in reported speech is the speaker
	// ("“We do not accept Iran's role,” an opposition member said"), a
	// third-person one the last fitting subject.
	if g.empty() && g.Last-g.First == 1 && v.tag(g.First) == "PRP" && v.mention(g.First) < 0 {
		switch pw := v.word(g.First); pw {
		case "i", "we":
			if sp, ok := v.reports.speakerGroup(g.First); ok {
				g.Actors = sp.Actors
			}
		case "he", "she", "it", "they":
			g.Actors = v.disc.resolve(pw, g.First)
		}
	}
	// "Eritrea, whose troops fought alongside Ethiopian forces": the
	// antecedent acts.
	if p := g.First - 1; v.word(p) == "whose" && g.empty() {
		if ante, ok := v.antecedent(p); ok {
			return ante, relObj, true
		}
	}
	// An object relative: "Assad, whom Russia and Iran back".
	if p := g.First - 1; relativePronouns[v.word(p)] && (v.word(p) == "whom" || v.word(p) == "which" || v.word(p) == "that") {
		if ante, ok := v.antecedent(p); ok && !(v.word(p) == "that" && v.addresseeOf(ante)) {
			relObj = ante
		}
	}
	return g, relObj, true
}

// telling verbs take an addressee and a that-clause: in "warning the
// Russian president that the U.S. rejected the vote" the that-clause is
// no relative clause of the president.
var tellingVerbs = wordSet("tell", "warn", "inform", "assure", "remind", "notify", "persuade", "convince", "advise", "caution", "reassure", "promise", "show", "teach")

// addresseeOf reports whether group g is the addressee of a telling verb
// right before it.
func (v *sentenceView) addresseeOf(g group) bool {
	k := g.First - 1
	return verbTag(v.tag(k)) && (tellingVerbs[v.tok(k).Lemma] || reportingVerbs[v.tok(k).Lemma])
}

func isDashWord(w string) bool { return w == "—" || w == "–" || w == "--" || w == "-" }

// antecedent returns the group a relative pronoun at j refers to.
func (v *sentenceView) antecedent(j int) (group, bool) {
	k := j - 1
	if v.word(k) == "," {
		k--
	}
	c := v.chunkOf(k)
	if c < 0 {
		return group{}, false
	}
	// "the armed group backed by Tehran, which has traded fire": the
	// relative clause describes the group, not the reduced relative's
	// agent.
	if p := v.chunks[c].First - 1; v.word(j) != "that" && v.word(p) == "by" && v.tag(p-1) == "VBN" {
		if hc := v.chunkOf(p - 2); hc >= 0 && len(v.chunks[hc].Actors) == 0 {
			if g, ok := v.appositionOf(hc); ok {
				return g, true
			}
			return v.groupLeft(hc), true
		}
	}
	// "a victory for the Philippines that Beijing rejected": a
	// restrictive "that" does not modify a name, but the noun whose
	// complement the name is.
	if ch := v.chunks[c]; v.word(j) == "that" && k == j-1 && !ch.Reference && v.mention(ch.Head) >= 0 && v.tag(ch.First-1) == "IN" {
		if hc := v.chunkOf(v.chunks[c].First - 2); hc >= 0 && !v.chunks[hc].HeadMention {
			return v.groupLeft(hc), true
		}
	}
	first := v.groupLeft(c)
	// "Obasanjo, the AU's envoy for the Horn of Africa, who led…": past
	// the complements of a role apposition to the person it describes.
	g := first
	for {
		p := g.First - 1
		if v.tag(p) != "IN" || subordinators[v.word(p)] || v.chunkOf(p-1) < 0 {
			break
		}
		g = v.groupLeft(v.chunkOf(p - 1))
	}
	if len(g.Chunks) > 0 && v.isRoleChunk(g.Chunks[0]) && v.word(g.First-1) == "," {
		if pc := v.chunkOf(g.First - 2); pc >= 0 && v.isPersonChunk(pc) {
			return v.groupLeft(pc), true
		}
	}
	if first.empty() && len(g.Chunks) > 0 && v.chunks[g.Chunks[0]].Reference && v.isPersonChunk(g.Chunks[0]) {
		return g, true // "the U.S. envoy for the region, who" is the envoy named before
	}
	return first, true
}

// parentheticalStart finds the comma or dash that opens the parenthetical
// closed at j, when the parenthetical has no finite verb of its own or is
// a relative clause.
func (v *sentenceView) parentheticalStart(j int) (int, bool) {
	closer := v.word(j)
	for k := j - 1; k > v.first && k >= j-30; k-- {
		w := v.word(k)
		if w == closer || closer == "," && isDashWord(w) || isDashWord(closer) && w == "," {
			inner := k + 1
			if relativePronouns[v.word(inner)] || v.word(inner) == "who" {
				return k, true
			}
			if t := v.tag(inner); (t == "VBN" || t == "VBG") && closer == "," && v.chunkOf(k-1) >= 0 {
				// "Greece, locked in a dispute over a deal Ankara signed
				// with the GNA, expelled…": a participle phrase, whatever
				// clauses it holds.
				return k, true
			}
			for x := inner; x < j; x++ {
				switch v.tag(x) {
				case "VBD", "VBZ", "VBP", "MD":
					return 0, false
				}
			}
			return k, true
		}
	}
	return 0, false
}

// descriptionNouns head appositions that describe a named actor: "Hezbollah,
// the armed group", "ECOWAS, a regional bloc".
var descriptionNouns = wordSet("group", "movement", "militia", "organization", "organisation", "bloc", "alliance",
	"party", "country", "nation", "state", "force", "faction", "body", "agency", "coalition", "union", "government")

// appositionOf returns the named actor that the descriptive chunk c
// stands in apposition to: "Hezbollah, the armed group backed by Tehran".
func (v *sentenceView) appositionOf(c int) (group, bool) {
	ch := v.chunks[c]
	if len(ch.Actors) > 0 || !descriptionNouns[v.headWord(c)] || v.word(ch.First-1) != "," {
		return group{}, false
	}
	switch v.word(ch.First) {
	case "the", "a", "an":
	default:
		return group{}, false
	}
	pc := v.chunkOf(ch.First - 2)
	if pc < 0 || len(v.chunks[pc].Actors) != 1 || !v.chunks[pc].HeadMention || v.isPersonChunk(pc) {
		return group{}, false
	}
	return group{First: v.chunks[pc].First, Last: v.chunks[pc].Last, Actors: v.chunks[pc].Actors, Chunks: []int{pc}}, true
}

// participlePhraseStart returns the comma that opens a participle phrase
// ending at token j (", led by General Dagalo"), when there is one.
func (v *sentenceView) participlePhraseStart(j int) (int, bool) {
	for k := j; k > v.first && k > j-15; k-- {
		switch v.tag(k) {
		case "VBD", "VBZ", "VBP", "MD":
			if !(v.tag(k) == "VBD" && v.word(k-1) == ",") {
				return 0, false
			}
		}
		if v.word(k) == "," {
			if t := v.tag(k + 1); (t == "VBN" || t == "VBD" && v.word(k+2) == "by") && k+1 < j && v.chunkOf(k-1) >= 0 {
				return k, true
			}
			return 0, false
		}
	}
	return 0, false
}

// coordinatedVerb returns the verb of the verb phrase that a
// coordinator at j joins to the next one ("have been assisted by Russian
// mercenaries, and also have the backing of…"), or -1.
func (v *sentenceView) coordinatedVerb(j int) int {
	k := j - 1
	if v.word(k) == "," {
		k--
	}
	for k > v.first && isQuoteWord(v.word(k)) {
		k-- // called it “unconscionable” and accused Moscow
	}
	if v.chunkOf(k) < 0 && !strings.HasPrefix(v.tag(k), "VB") && v.tag(k) != "RB" && v.tag(k) != "RP" && v.tag(k) != "JJ" {
		return -1
	}
	// "said Kyiv was ready to continue shipments and had asked Turkey":
	// a finite verb after the coordinator pairs with a finite one.
	finite := false
	switch v.tag(j + 1) {
	case "VBD", "VBZ", "VBP", "MD":
		finite = true
	}
	for ; k >= v.first && k > j-25; k-- {
		t := v.tag(k)
		switch {
		case finite && (t == "VB" && v.word(k-1) == "to" || t == "VBG"):
			continue
		case strings.HasPrefix(t, "VB") && !auxiliary(v.word(k)) || t == "VBN":
			return k
		case beForms[v.word(k)] && v.tag(k) != "POS" && (v.tag(k+1) == "JJ" || v.tag(k+1) == "RB" && v.tag(k+2) == "JJ"):
			// "he was deeply alarmed and urged both sides": a copula
			// with an adjective is the first verb.
			return k
		case v.chunkOf(k) >= 0 || t == "IN" || t == "TO" || t == "RB" || t == "RP" || t == "," || isQuoteWord(v.word(k)):
			continue
		}
		return -1
	}
	return -1
}

// verbBefore returns the nearest verb left of i in the clause, or -1.
func (v *sentenceView) verbBefore(i int) int {
	for k := i; k >= v.first; k-- {
		switch v.tag(k) {
		case "VBD", "VBZ", "VBP", "VB", "VBN":
			if !auxiliary(v.word(k)) {
				return k
			}
			// A copula with no verb after it is the main verb: "the
			// president was in good spirits — often praising Kim".
			if beForms[v.word(k)] && !v.verbAfter(k+1, i) {
				return k
			}
		case ",", ":", ".":
			return -1
		}
		if v.word(k) == ";" {
			return -1
		}
	}
	return -1
}

// verbAfter reports whether a verb stands in tokens [from, to].
func (v *sentenceView) verbAfter(from, to int) bool {
	for k := from; k <= to && k < v.last; k++ {
		if verbTag(v.tag(k)) {
			return true
		}
	}
	return false
}

// governor finds the verb that governs an infinitive whose "to" is at
// to: "vowed to defeat", "urged Russia to stop", "is determined to".
// govObj is the object between them, if any.
func (v *sentenceView) governor(to int) (gov int, govObj group, ok bool) {
	k := to - 1
	switch v.word(k) {
	case "determined", "ready", "willing", "able", "due", "poised", "prepared", "eager", "keen", "likely", "unlikely", "unable":
		// "is due to impose", "is ready to talk": the adjective governs.
		return k, govObj, true
	}
	if c := v.chunkOf(k); c >= 0 {
		govObj = v.groupLeft(c)
		k = govObj.First - 1
	}
	for k >= v.first && v.tag(k) == "RB" {
		k--
	}
	if k < v.first {
		return 0, govObj, false
	}
	t := v.tag(k)
	if strings.HasPrefix(t, "VB") || t == "JJ" && (v.word(k) == "determined" || v.word(k) == "ready" || v.word(k) == "willing" || v.word(k) == "able" || v.word(k) == "due") {
		return k, govObj, true
	}
	// "urged both sides to respect the truce and to seek talks": a
	// coordinated infinitive shares the first one's governor.
	if (v.word(to-1) == "and" || v.word(to-1) == "or") && govObj.empty() && v.chunkOf(to-1) < 0 {
		for j := to - 2; j > v.first && j > to-20; j-- {
			if v.word(j) == "to" && v.tag(j) == "TO" && verbTag(v.tag(j+1)) {
				return v.governor(j)
			}
			if w := v.word(j); w == ";" || w == ":" || v.tag(j) == "VBD" || v.tag(j) == "VBZ" || v.tag(j) == "VBP" {
				break
			}
		}
	}
	return 0, govObj, false
}

// objectGroup is the coordination starting at chunk c as an object: a
// last conjunct after ", and" that is the subject of the next clause is
// not part of it ("suspended aid to Niger, and the European Union said").
func (v *sentenceView) objectGroup(c int) group {
	g := v.groupRight(c, true)
	if len(g.Chunks) < 2 {
		return g
	}
	last := v.chunks[g.Chunks[len(g.Chunks)-1]]
	if v.word(last.First-1) != "and" && v.word(last.First-1) != "but" || v.word(last.First-2) != "," {
		return g
	}
	switch v.tag(g.Last) {
	case "VBD", "VBZ", "VBP", "MD":
	default:
		return g
	}
	out := group{First: g.First, Chunks: g.Chunks[:len(g.Chunks)-1]}
	for _, ch := range out.Chunks {
		for _, x := range v.chunks[ch].Actors {
			out.Actors = appendUnique(out.Actors, x)
		}
	}
	out.Last = v.chunks[out.Chunks[len(out.Chunks)-1]].Last
	return out
}

// objectOf finds the target after a verb cue ending at k.
func (v *sentenceView) objectOf(k int, p *predicate) (group, bool) {
	for k < v.last && (v.tag(k) == "RB" || v.tag(k) == "RP" && !v.targetPrepAt(k, p)) {
		k++
	}
	if n, ok := v.matchTargetPrep(k, p); ok {
		if c := v.chunkOf(n); c >= 0 && v.chunks[c].First == n {
			return v.objectGroup(c), true
		}
		return group{}, false
	}
	if !p.takesObject() {
		// A target phrase may follow after a non-actor object: "signed
		// a deal with Russia".
		return v.laterTarget(k, p)
	}
	c := v.chunkOf(k)
	if c < 0 || v.chunks[c].First != k {
		return group{}, false
	}
	if v.tok(k).Tag == "PRP" && v.mention(k) < 0 {
		return group{}, false
	}
	g := v.objectGroup(c)
	if !g.empty() {
		return g, true
	}
	return v.laterTarget(g.Last, p)
}

// laterTarget looks for a target preposition of p within a few tokens
// after k: "signed a deal with", "lent their support to".
func (v *sentenceView) laterTarget(k int, p *predicate) (group, bool) {
	for i := k; i < v.last && i < k+8; i++ {
		if n, ok := v.matchTargetPrep(i, p); ok {
			if c := v.chunkOf(n); c >= 0 && v.chunks[c].First == n {
				return v.objectGroup(c), true
			}
			return group{}, false
		}
		if v.chunkOf(i) >= 0 || v.tag(i) == "IN" || v.tag(i) == "TO" || v.tag(i) == "RB" || isQuoteWord(v.word(i)) {
			continue
		}
		break
	}
	return group{}, false
}

// matchTargetPrep matches one of p's target prepositions at k and returns
// the index after it.
func (v *sentenceView) matchTargetPrep(k int, p *predicate) (int, bool) {
	for _, t := range p.Targets {
		if len(t) == 1 && t[0] == "obj" {
			continue
		}
		n := k
		ok := true
		for _, w := range t {
			if v.word(n) != w {
				ok = false
				break
			}
			n++
		}
		if ok {
			return n, true
		}
	}
	return 0, false
}

func (v *sentenceView) targetPrepAt(k int, p *predicate) bool {
	_, ok := v.matchTargetPrep(k, p)
	return ok
}

// looseBarriers introduce places, times and sources, which are never a
// loose target.
var looseBarriers = wordSet("in", "at", "near", "inside", "across", "throughout", "within", "around", "outside",
	"into", "over", "through", "during", "from", "since", "before", "after", "of")

// pronounObject reports whether a personal pronoun is the object right
// after a cue ending at k ("pressuring him to hand power to Guaido"): the
// target is named, only not resolved, and no later phrase replaces it.
func (v *sentenceView) pronounObject(k int) bool {
	for k < v.last && v.tag(k) == "RB" {
		k++
	}
	return v.tag(k) == "PRP" && v.mention(k) < 0
}

// looseTarget returns the first actor phrase after k in the same clause:
// before a clause boundary, another finite verb or a relative pronoun.
func (v *sentenceView) looseTarget(k int, typ schema.EventType) (group, bool) {
	for i := k; i < v.last && i < k+12; i++ {
		w, t := v.word(i), v.tag(i)
		switch {
		case w == ";" || w == ":" || w == "." || isQuoteWord(w) || isDashWord(w):
			return group{}, false
		case t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" || t == "WDT" || t == "WP" || subordinators[w] && w != "as":
			return group{}, false
		case w == "," && v.tag(i+1) != "IN":
			return group{}, false
		case w == "to" && verbTag(v.tag(i+1)) && (typ == schema.Request || typ == schema.Threaten || typ == schema.Support || typ == schema.Mobilize):
			// "urged the generals to release Suu Kyi": the infinitive is
			// what the addressee is asked to do, not whom.
			return group{}, false
		case w == "by" || w == "as" && i > k:
			// "hailed the deal as a capitulation by Armenia": a
			// description of the object and its agent, not a target.
			return group{}, false
		}
		if c := v.chunkOf(i); c >= 0 {
			if v.chunks[c].First != i {
				continue
			}
			g := v.objectGroup(c)
			if looseBarriers[v.word(i-1)] && typ != schema.Assault && typ != schema.Coerce ||
				typ == schema.Mobilize && (looseBarriers[v.word(i-1)] || v.word(i-1) == "to") {
				// "deploying troops to Libya": a destination, not an enemy.
				// "held a rally in Syria": a place or time, not a target
				// — but force used in or into a country is used on it
				// ("pounded targets in Libya").
				i = g.Last - 1
				continue
			}
			if !g.empty() && v.actorHeaded(g) {
				return g, true
			}
			i = g.Last - 1
		}
	}
	return group{}, false
}

// actorHeaded reports whether every chunk of g stands for its actor
// rather than naming it as a modifier ("the Syrian peace process").
func (v *sentenceView) actorHeaded(g group) bool {
	for _, c := range g.Chunks {
		ch := v.chunks[c]
		if len(ch.Actors) == 0 {
			continue
		}
		if !ch.HeadMention && !apparatusNouns[v.headWord(c)] && !partyHeadNouns[v.headWord(c)] {
			return false
		}
	}
	return true
}

// byAgent finds the "by" phrase of a passive verb ending at k.
func (v *sentenceView) byAgent(k int) (group, bool) {
	for i := k; i < v.last && i < k+6; i++ {
		if v.word(i) == "by" {
			if c := v.chunkOf(i + 1); c >= 0 {
				g := v.groupRight(c, true)
				return g, !g.empty()
			}
			return group{}, false
		}
		if v.tag(i) == "RB" || v.chunkOf(i) >= 0 || v.tag(i) == "IN" {
			continue
		}
		break
	}
	return group{}, false
}

// --- noun cues ----------------------------------------------------------

// receivingVerbs take a noun cue whose of/from phrase is the source:
// "Haftar's forces have the backing of Saudi Arabia".
var receivingVerbs = wordSet("have", "receive", "get", "enjoy", "win", "gain", "secure", "obtain", "accept", "seek", "welcome", "request")

func (rs *relationStage) nounRelations(v *sentenceView, hit cueHit) []argRelation {
	p := hit.pred
	n := hit.First
	if rs.modifierOnly(v, hit) {
		// "a joint coordination centre", "an attack helicopter": the cue
		// names a kind of thing, not an event.
		return nil
	}
	conf := 0.75
	if v.headline {
		conf *= 0.9
	}
	var modes modeSet
	// Determiner "no": "no agreement with Iran".
	c := v.chunkOf(n)
	chFirst := n
	if c >= 0 {
		chFirst = v.chunks[c].First
	}
	for k := chFirst; k < n; k++ {
		if v.word(k) == "no" {
			modes |= modeNegated
		}
	}
	if v.word(chFirst-1) == "without" {
		modes |= modeNegated
	}
	// Source: actors modifying the noun ("Russian airstrikes", "Russia's
	// intervention"); "anti-ISIL" names the target.
	var src, tgt group
	together := false
	for k := chFirst; k < n && !participantNouns[v.word(n)]; k++ {
		m := v.mention(k)
		if m < 0 {
			continue
		}
		actor := v.a.Mentions[m].Actor
		if strings.HasSuffix(v.word(k-1), "anti-") || v.word(k-1) == "anti" || v.word(k-2) == "anti" && v.word(k-1) == "-" {
			tgt.Actors = appendUnique(tgt.Actors, actor)
			continue
		}
		src.Actors = appendUnique(src.Actors, actor)
		k = v.a.Mentions[m].Last - 1
	}
	for k := chFirst; k < n; k++ {
		if w := v.word(k); w == "joint" || w == "trilateral" || w == "bilateral" || w == "multilateral" {
			together = true
		}
	}
	// One meeting "with A and B" has all of them at the table; a call
	// or contact with each is separate.
	if p.Type == schema.Consult && !separateConsultNouns[v.word(hit.Last-1)] && !v.talksInProgress(chFirst) {
		together = true
	}
	// Target: a target preposition after the noun, possibly after a
	// place or time phrase ("airstrikes in Syria against ISIL").
	k := hit.Last
	if c >= 0 && v.chunks[c].Last > k {
		k = v.chunks[c].Last
	}
	for hops := 0; hops < 5 && k < v.last; hops++ {
		if isQuoteWord(v.word(k)) {
			k++ // his “great relationship” with
			continue
		}
		// "a summit of France and Germany", "a meeting of the leaders of
		// Russia and Ukraine": several parties after "of" meet.
		if p.Type == schema.Consult && v.word(k) == "of" && tgt.empty() {
			if nc := v.chunkOf(k + 1); nc >= 0 && v.chunks[nc].First == k+1 {
				if g := v.objectGroup(nc); len(g.Actors) > 1 {
					tgt, together = g, true
				}
			}
			break
		}
		if next, ok := v.matchTargetPrep(k, p); ok {
			if nc := v.chunkOf(next); nc >= 0 && v.chunks[nc].First == next {
				g := v.objectGroup(nc)
				if w := v.word(k); w == "between" || w == "among" {
					together = true
				}
				for _, x := range g.Actors {
					tgt.Actors = appendUnique(tgt.Actors, x)
				}
				tgt.Chunks = append(tgt.Chunks, g.Chunks...)
				tgt.First, tgt.Last = g.First, g.Last
			}
			break
		}
		if v.word(k) == "by" {
			if nc := v.chunkOf(k + 1); nc >= 0 {
				g := v.groupRight(nc, true)
				if src.empty() {
					src = g
				} else if tgt.empty() && v.tag(k-1) == "VBN" && orderingVerbs[v.tok(k-1).Lemma] && !g.empty() {
					// "the Syria strike ordered by Trump": the agent acts,
					// the modifier is the target.
					tgt.Actors = src.Actors
					src = g
				}
				k = g.Last
				continue
			}
		}
		w := v.word(k)
		// "negotiations were between", "an agreement has been reached
		// between", "sanctions imposed by the US on Iran".
		if beForms[w] || w == "has" || w == "have" || w == "had" {
			k++
			continue
		}
		if v.tag(k) == "VBN" { // its by-phrase is read next
			if participationVerbs[v.tok(k).Lemma] && p.Type.Symmetric() {
				// "talks hosted by Angola", "a deal brokered by Turkey": a
				// participant, not a party.
				break
			}
			k++
			continue
		}
		onDate := w == "on" && (weekdayNames[v.word(k+1)] != 0 || v.word(k+1) == "sunday" || monthNames[v.word(k+1)] != 0 || v.tag(k+1) == "CD")
		if (w == "in" || w == "at" || onDate || w == "over" || w == "during" || w == "this" || w == "last") && v.chunkOf(k+1) >= 0 {
			k = v.chunks[v.chunkOf(k+1)].Last
			continue
		}
		if v.chunkOf(k) >= 0 && v.tok(k).Tag != "DT" { // a date or adjective: "talks Friday with"
			k = v.chunks[v.chunkOf(k)].Last
			continue
		}
		break
	}
	// "the strike on Syria ordered by Trump": the agent after the target.
	if src.empty() && !tgt.empty() {
		if j := tgt.Last; (v.tag(j) == "VBN" || v.tag(j) == "VBD") && v.word(j+1) == "by" {
			if agent, ok := v.byAgent(j + 1); ok {
				src = agent
			}
		}
	}
	haveSrc, haveTgt := !src.empty(), !tgt.empty()
	// "at the request of the Somali government": the requester is the
	// source, the clause's subject the target.
	if p.Type == schema.Request && v.word(chFirst-1) == "at" && v.word(hit.Last) == "of" && src.empty() {
		if gov := v.verbBefore(chFirst - 1); gov >= 0 {
			if s, ok := v.verbSubject(gov, v.verbGroupAt(gov)); ok && !s.empty() {
				src, tgt = tgt, s
				haveSrc, haveTgt = !src.empty(), true
			}
		}
	}
	// A possessive pronoun names the source: "their summit", "its
	// airstrikes on Aleppo" — unless a cue of another kind governs the
	// noun ("suspended its aid to Syria" is a sanction).
	if !haveSrc && !rs.otherCueGoverns(v, chFirst, p) {
		for k := chFirst; k < n; k++ {
			if v.tag(k) != "PRP$" {
				continue
			}
			if xs := v.possessivePronounActors(k); len(xs) > 0 {
				src.Actors = append([]int(nil), xs...)
				haveSrc = true
				conf *= 0.9
				if p.Type.Symmetric() && len(xs) > 1 {
					together = true
				}
			}
			break
		}
	}
	// No source in the phrase: the subject of the verb the noun is the
	// object of ("Turkey reiterated its support for the GNA", "Kerry
	// announced the move at a joint news conference with Lavrov").
	// "working on a deal with the Taliban", "negotiating an agreement":
	// the accord is not reached, but the parties are talking.
	typ := p.Type
	if gov := v.governingVerb(chFirst); typ == schema.Agree && gov >= 0 && negotiatingVerbs[v.tok(gov).Lemma] {
		typ = schema.Consult
	}
	// "China, a close ally of Pakistan": an apposition's noun has the
	// phrase before the comma as its source.
	if !haveSrc && v.word(chFirst-1) == "," && (v.word(chFirst) == "a" || v.word(chFirst) == "an" || v.word(chFirst) == "the") {
		if pc := v.chunkOf(chFirst - 2); pc >= 0 {
			if g := v.groupLeft(pc); !g.empty() && v.actorHeaded(g) {
				src, haveSrc = g, true
				conf *= 0.9
			}
		}
	}
	if !haveSrc || p.Type.Symmetric() && !together {
		gov := v.governingVerb(chFirst)
		if gov >= 0 && typ != p.Type {
			// the negotiating verb lends its subject
		} else if gov >= 0 {
			// "denounced the strike on a Syrian airfield" is no strike by
			// the speaker: a governing cue of another quad class does
			// not lend its subject; "lift the sanctions on Iran" says
			// there are sanctions.
			// Nor does a stance toward an accord make the speaker a party:
			// "the US and the EU welcomed the deal".
			if gp, ok := rs.cueAt(v, gov); ok && gp.pred.POS == verbCue &&
				(gp.pred.Type.Quad() != p.Type.Quad() || p.Type == schema.Agree && gp.pred.Type != schema.Agree &&
					(gp.pred.Type != schema.Consult || participationVerbs[v.tok(gov).Lemma])) &&
				!stoppers[v.tok(gov).Lemma] && !orderingVerbs[v.tok(gov).Lemma] {
				gov = -1
			}
		}
		if gov >= 0 && p.Type == schema.Consult && v.participates(gov, chFirst) {
			// "Egypt joined the mediation", "Qatar hosted the talks": a
			// participant, whom the meeting pass pairs with the parties.
			gov = -2
		}
		if gov >= 0 && p.Type == schema.Agree && participationVerbs[v.tok(gov).Lemma] {
			// "Ankara and Moscow would jointly monitor the truce": its
			// monitors, brokers or guarantors are no parties to it.
			gov = -2
		}
		if gov == -1 {
			gov = v.frontedGovernor(chFirst)
		}
		if gov >= 0 {
			gvg := v.verbGroupAt(gov)
			modes |= v.reportedModes(gvg, gov+1) | v.clauseModes(gvg.Start) | v.infinitiveModes(gvg)
			if gvg.Modal != "" && v.conditionAfter(hit.Last) {
				modes |= modeHypothetical
			}
			switch gl := v.tok(gov).Lemma; {
			case stoppers[gl]:
				modes = 0 // "must halt its incursions": they happen
			case negativeGovernors[gl] || negatingLightVerbs[gl]:
				modes |= modeNegated
			case nounIntentVerbs[gl] && typ == p.Type:
				// "would consider sanctions on Iran", "called for talks
				// with Kabul": the event is wanted, not stated.
				modes |= modeHypothetical
			}
			gsubj, ok := v.verbSubject(gov, gvg)
			if gvg.Passive {
				if agent, aok := v.byAgent(gov + 1); aok {
					gsubj, ok = agent, true
				}
			}
			if ok && !gsubj.empty() {
				if receivingVerbs[v.tok(gov).Lemma] && (v.word(tgtPrepIndex(v, hit, p)) == "of" || v.word(tgtPrepIndex(v, hit, p)) == "from") {
					// "have the backing of Saudi Arabia": inverse.
					src, tgt = tgt, gsubj
					haveSrc, haveTgt = !src.empty(), !tgt.empty()
				} else if !haveSrc {
					src, haveSrc = gsubj, true
					conf *= 0.9
				}
			}
		}
	}
	if p.Inverse {
		src, tgt = tgt, src
		haveSrc, haveTgt = haveTgt, haveSrc
	}
	if !haveTgt && !p.Type.Symmetric() {
		return nil
	}
	if typ == schema.Retreat && v.agreementTarget(tgt) {
		typ = schema.Reject
	}
	if typ.Symmetric() && !p.OneSided && v.separately(chFirst) {
		// "signed separate agreements with Turkey": no agreement of
		// the signers with each other.
		op := *p
		op.OneSided = true
		p = &op
		together = false
	}
	rels := pairUp(v, src, tgt, haveSrc, haveTgt, typ, p, hit, modes, conf, together)
	if gov := v.governingVerb(chFirst); gov >= 0 && p.Type == schema.Sanction && concedingStoppers[v.tok(gov).Lemma] {
		// "the US lifted its sanctions on Iran": there were sanctions, and
		// lifting them concedes — as the lifting verb states it.
		gvg := v.verbGroupAt(gov)
		cm := v.reportedModes(gvg, gov+1) | v.clauseModes(gvg.Start) | v.infinitiveModes(gvg)
		if v.conditionAfter(hit.Last) {
			cm |= modeHypothetical
		}
		rels = append(rels, pairUp(v, src, tgt, haveSrc, haveTgt, schema.Concede, p, hit, cm, conf*0.9, false)...)
	}
	if p.Type.Symmetric() && !haveTgt && len(src.Actors) > 1 {
		// "US-Russia talks": the modifiers are the parties.
		return rels
	}
	// Two-sided violence between two groups runs both ways.
	if p.Type == schema.Assault && together {
		pairAll(tgt.Actors, func(s, t int) {
			rels = append(rels,
				argRelation{src: s, tgt: t, typ: p.Type, cue: hit, modes: modes, confidence: conf},
				argRelation{src: t, tgt: s, typ: p.Type, cue: hit, modes: modes, confidence: conf})
		})
	}
	return rels
}

// eventHeads are nouns a cue may modify and still name its event: "an
// aid package", "peace talks", "a sanctions regime".
var eventHeads = wordSet("package", "packages", "programme", "program", "plan", "plans", "effort", "efforts",
	"operation", "operations", "campaign", "mission", "deal", "process", "pact", "bill", "measures", "measure",
	"shipment", "shipments", "convoy", "convoys", "regime", "talks", "agreement", "accord", "treaty", "summit",
	"meeting", "round", "rounds", "offensive", "raid", "raids", "strike", "strikes", "attack", "attacks",
	"drills", "exercises", "flights", "supplies", "deliveries", "money", "funds", "funding", "loan", "loans")

// modifierOnly reports whether a noun cue modifies a head noun of the
// same phrase that names no event: "coordination" in "a joint
// coordination centre".
func (rs *relationStage) modifierOnly(v *sentenceView, hit cueHit) bool {
	c := v.chunkOf(hit.First)
	if c < 0 {
		return false
	}
	head := v.chunks[c].Head
	if head < hit.Last || v.mention(head) >= 0 || !isNounTag(v.tok(head).Tag) {
		return false
	}
	for k := hit.Last; k <= head; k++ {
		if !isNounTag(v.tag(k)) || v.mention(k) >= 0 {
			return false // "attack on", "talks with": not a compound
		}
	}
	if eventHeads[v.word(head)] {
		return false
	}
	if _, ok := rs.cueAt(v, head); ok {
		return false
	}
	return true
}

// separateConsultNouns name contacts with each party apart: "in contact
// with both governments" is no meeting of the two.
var separateConsultNouns = wordSet("contact", "contacts", "call", "calls", "conversation", "conversations", "visit", "visits")

// nounIntentVerbs take an event noun that is only wished, weighed or
// asked for: "considered sanctions", "wants talks with", "proposed a
// meeting with".
var nounIntentVerbs = wordSet("consider", "propose", "want", "wish", "weigh", "mull", "contemplate", "demand",
	"suggest", "request", "offer", "threaten", "urge", "favor", "favour", "envisage", "debate")

// concedingStoppers end sanctions as a concession: "the US lifted the
// sanctions on Iran" says there were sanctions and that the US conceded.
var concedingStoppers = wordSet("lift", "ease", "relax", "loosen", "remove")

// talksInProgress reports whether the consultation noun phrase at first
// is the complement of "be in": "Qatar has been in talks with Israeli and
// Hamas officials" talks with each, as a go-between.
func (v *sentenceView) talksInProgress(first int) bool {
	return v.word(first-1) == "in" && beForms[v.word(first-2)]
}

// orderingVerbs lend their subject to the event noun they take: "Trump
// ordered strikes on Syria" is Trump's strike.
var orderingVerbs = wordSet("order", "authorize", "authorise", "approve", "command", "launch", "conduct", "carry", "stage", "mount", "unleash")

// negotiatingVerbs take an accord that is being sought, not reached.
var negotiatingVerbs = wordSet("work", "negotiate", "discuss", "seek", "pursue", "explore", "draft")

// participantNouns name a meeting by its mediators: in "Saudi and US
// mediation" the modifiers are no parties.
var participantNouns = wordSet("mediation", "auspices", "sponsorship", "chairmanship")

// otherCueGoverns reports whether the verb governing the noun phrase at
// first is a cue of another quad class than p's, which neither stops
// nor orders the event.
func (rs *relationStage) otherCueGoverns(v *sentenceView, first int, p *predicate) bool {
	gov := v.governingVerb(first)
	if gov < 0 || stoppers[v.tok(gov).Lemma] || orderingVerbs[v.tok(gov).Lemma] {
		return false
	}
	gp, ok := rs.cueAt(v, gov)
	return ok && gp.pred.POS == verbCue && gp.pred.Type.Quad() != p.Type.Quad()
}

// frontedGovernor handles a noun phrase in a fronted prepositional
// phrase: "In a press conference with Moon, Trump said…" — the main
// verb after the comma lends its subject.
func (v *sentenceView) frontedGovernor(first int) int {
	k := first - 1
	for k >= v.first && (v.tag(k) == "IN" || v.tag(k) == "DT" || v.tag(k) == "JJ") {
		k--
	}
	if k >= v.first {
		return -1
	}
	for i := first; i < v.last; i++ {
		if v.word(i) == "," {
			for j := i + 1; j < v.last && j < i+12; j++ {
				switch v.tag(j) {
				case "VBD", "VBZ", "VBP":
					return j
				}
			}
			return -1
		}
	}
	return -1
}

// nounPreps attach a phrase to the noun before them rather than to the
// verb; measureNouns take an "of" that does not ("16 hours of talks").
var (
	nounPreps    = wordSet("of", "on", "about", "over", "for", "around", "regarding", "concerning")
	measureNouns = wordSet("hours", "days", "weeks", "months", "years", "rounds", "round", "series", "decades", "minutes", "night", "nights")
)

// agreementNouns name accords: withdrawing from one rejects the other
// party ("the US withdrawal from the Iran nuclear deal").
var agreementNouns = wordSet("deal", "agreement", "accord", "treaty", "pact", "accords", "deals", "agreements", "memorandum", "framework")

// agreementTarget reports whether target group g is named inside a
// phrase about an accord ("the Iran nuclear deal").
func (v *sentenceView) agreementTarget(g group) bool {
	for _, c := range g.Chunks {
		if agreementNouns[v.headWord(c)] {
			return true
		}
	}
	if c := v.chunkOf(g.First); c >= 0 && agreementNouns[v.headWord(c)] {
		return true
	}
	return false
}

// proposalNouns name texts put to a vote or to the other side: blocking
// one rejects its author.
var proposalNouns = wordSet("draft", "drafts", "resolution", "resolutions", "proposal", "proposals", "bill", "bills",
	"motion", "motions", "plan", "plans", "initiative", "bid", "text", "amendment", "nomination", "candidacy", "request",
	"statement")

// proposalTarget reports whether target group g is named as the author
// of a proposal ("a U.S. draft", "Russia's resolution").
func (v *sentenceView) proposalTarget(g group) bool {
	for _, c := range g.Chunks {
		if proposalNouns[v.headWord(c)] && v.mention(v.chunks[c].Head) < 0 {
			return true
		}
	}
	return false
}

// negatingLightVerbs cancel the event their object names: "called off
// the talks", "suspended negotiations".
var negatingLightVerbs = wordSet("cancel", "suspend", "postpone", "break", "call", "abandon", "scrap", "reject", "refuse", "collapse", "deny", "rule")

// tgtPrepIndex returns the token index of the word after the noun cue,
// where its complement's preposition stands.
func tgtPrepIndex(v *sentenceView, hit cueHit, p *predicate) int {
	k := hit.Last
	if c := v.chunkOf(hit.First); c >= 0 && v.chunks[c].Last > k {
		k = v.chunks[c].Last
	}
	return k
}

// governingVerb returns the verb whose object (or prepositional object)
// is the noun phrase starting at first, or -1.
func (v *sentenceView) governingVerb(first int) int {
	k := first - 1
	steps := 0
	firstPrep := true // the preposition right before the noun phrase
	commas := 0
	for k >= v.first && steps < 14 {
		t := v.tag(k)
		switch {
		case isQuoteWord(v.word(k)):
			// quotation marks, whatever the tagger called them
		case v.word(k) == "," && commas == 0 && steps > 0 && v.tag(k+1) == "IN":
			// "Hollande told reporters, in a joint declaration with
			// Merkel": a phrase after a comma belongs to the clause.
			commas++
		case strings.HasPrefix(t, "VB"):
			if beForms[v.word(k)] && v.tag(k+1) == "IN" && (v.word(k+1) == "in" || v.word(k+1) == "at") && k+1 < first {
				return k // "it was in contact with both governments"
			}
			if auxiliary(v.word(k)) && v.word(k) != "have" && v.word(k) != "has" && v.word(k) != "had" && v.word(k) != "get" && v.word(k) != "got" {
				return -1
			}
			return k
		case (v.word(k) == "and" || v.word(k) == "or") && steps == 0 && v.chunkOf(k-1) >= 0 && v.mention(k-1) < 0 &&
			v.chunks[v.chunkOf(k-1)].Last-v.chunks[v.chunkOf(k-1)].First <= 2:
			// "claimed a drone and missile attack": coordinated modifiers
			// of one noun.
			k = v.chunks[v.chunkOf(k-1)].First
		case t == "IN" && firstPrep && nounPreps[v.word(k)] && v.chunkOf(k-1) >= 0 && !measureNouns[v.word(k-1)]:
			// "held talks on the deal": the deal is no event of the
			// subject's.
			return -1
		case t == "IN" || t == "TO" || t == "RB" || t == "RP" || v.chunkOf(k) >= 0 && v.mention(k) < 0 ||
			v.chunkOf(k) >= 0 && v.tag(v.chunks[v.chunkOf(k)].First-1) == "IN":
			// …and actor phrases inside prepositional phrases: "signed a
			// memorandum on zones in Syria during talks".
			if c := v.chunkOf(k); c >= 0 {
				k = v.chunks[c].First
			}
			if t == "IN" {
				firstPrep = false
			}
			// Prepositions, adverbs and non-actor noun phrases may stand
			// between: "announced the move Friday at a conference".
			if v.word(k) == "that" || v.word(k) == "because" || v.word(k) == "while" {
				return -1
			}
		default:
			return -1
		}
		k--
		steps++
	}
	return -1
}
