package nlp

import (
	"math"
	"unicode/utf8"

	"github.com/geokg/geokg/gazetteer"
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
	// gaz locates events; shared, read-only once loaded.
	gaz *gazetteer.Gazetteer
}

func newRelationStage(lex *predicateLexicon, gaz *gazetteer.Gazetteer, allModes bool) *relationStage {
	verbs, nouns := lex.lemmas()
	verbs = append(verbs, extraVerbLemmas...)
	for _, set := range []map[string]bool{participationVerbs, includingVerbs, negotiatingVerbs} {
		for v := range set {
			verbs = append(verbs, v)
		}
	}
	return &relationStage{lex: lex, lem: newLemmatizer(verbs, nouns), allModes: allModes, gaz: gaz}
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
	// background: an earlier state the sentence presupposes ("lifted
	// its sanctions"); it gets no date, as the sentence does not say when.
	background bool
}

// extract finds the relations of an analysed article published on pub
// (zero when unknown). It never returns nil.
func (rs *relationStage) extract(a *analysis, pub schema.Date) []schema.Relation {
	rs.prepareTokens(a)
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
		places := rs.sentencePlaces(a, s, bySentence[si])
		dateline := rs.dateline(a, si, evidence)
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
			rel.References = v.referencesOf(r.cue.First, r.src, r.tgt)
			rel.Place = placeOf(a, s, places, r.cue, r.typ)
			if rel.Place == nil && meetingTypes[r.typ] {
				rel.Place = dateline
			}
			own := datesOf(a.Tokens, dates, s.First, r.cue.First)
			if v.pastPerfect(r.cue.First) {
				// Only a date of its own, after the verb, dates it.
				own = datesAfter(own, r.cue.First)
				rel.Date = schema.Date{}
			}
			if d, ok := nearestDate(own, r.cue.First); ok {
				rel.Date = d.Date
				rel.DateSource, rel.DatePrecision = schema.DateFromText, d.Precision
			} else if !rel.Date.IsZero() {
				rel.DateSource, rel.DatePrecision = schema.DateFromArticle, schema.DayPrecision
			}
			if r.background {
				rel.Date, rel.DateSource, rel.DatePrecision = schema.Date{}, "", ""
			}
			out = append(out, rel)
		}
	}
	return out
}

// perfectAux are the forms of "have" that make a perfect.
var perfectAux = wordSet("has", "have", "had")

// prepareTokens corrects the tags the relation steps rely on and sets
// the lemmas: quotation marks, irregular past tenses the tagger calls
// nouns, compound-adjective halves and verbless headlines' verbs.
func (rs *relationStage) prepareTokens(a *analysis) {
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
		if t.Lower == "since" && i > 0 && i+1 < len(a.Tokens) && perfectAux[a.Tokens[i-1].Lower] && (a.Tokens[i+1].Tag == "VBN" || a.Tokens[i+1].Tag == "VBD") {
			// "He has since renounced ties": an adverb in the verb group,
			// not a preposition that would end it.
			t.Tag = "RB"
		}
		t.Lemma = rs.lem.lemma(t.Lower, t.Tag)
	}
	inMention := map[int]bool{}
	for _, m := range a.Mentions {
		for k := m.First; k < m.Last; k++ {
			inMention[k] = true
		}
	}
	for _, s := range a.Sentences {
		if s.Headline {
			rs.retagHeadlineVerbs(a, s, inMention)
		}
	}
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
	// refMemory holds what references resolved to (relation_coref.go).
	refMemory
}

type discourseSubject struct {
	tok       int   // token index of the verb
	actors    []int // actor indexes
	person    bool  // all actors are persons
	sentFirst int   // first token of the subject's sentence
}

func (d *discourse) add(tok int, actors []int, person bool) {
	if d == nil || len(actors) == 0 {
		return
	}
	d.subjects = append(d.subjects, discourseSubject{tok: tok, actors: actors, person: person, sentFirst: d.sentFirst})
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
		rels = append(rels, v.coAgentRelations(rels)...)
		v.attribute(rels)
		v.rememberParties(hit, rels)
		v.rememberEvents(hit, rels)
		out = append(out, rels...)
	}
	v.resolveReferences()
	meet := rs.meetingRelations(v, out)
	v.attribute(meet)
	out = append(out, meet...)
	mediated := rs.mediatorRelations(v, out)
	v.attribute(mediated)
	out = append(out, mediated...)
	hosted := rs.capitalVisitRelations(v, out)
	v.attribute(hosted)
	out = append(out, hosted...)
	// The conventions read over the whole sentence (relation_conventions.go).
	for _, pass := range []func() []argRelation{
		func() []argRelation { return rs.jointRelations(v, consumed) },
		func() []argRelation { return rs.compoundRelations(v) },
		func() []argRelation { return rs.visitRelations(v, consumed) },
		func() []argRelation { return rs.ledTalksRelations(v) },
		func() []argRelation { return rs.judgementRelations(v) },
		func() []argRelation { return rs.accordRelations(v, consumed) },
		func() []argRelation { return rs.allyRelations(v) },
		func() []argRelation { return rs.monitorRelations(v, consumed) },
	} {
		rels := pass()
		v.attribute(rels)
		out = append(out, rels...)
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

// truceAfter reports whether a truce is what the cue ending at k agrees
// to: "agreed to a ceasefire", "signed a truce".
func (v *sentenceView) truceAfter(k int) bool {
	for i := k; i < v.last && i < k+4; i++ {
		switch v.word(i) {
		case "ceasefire", "cease-fire", "truce", "armistice":
			return true
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
			typ := r.typ
			if hit.pred.Conflict || typ == schema.Agree && v.truceAfter(hit.Last) {
				// "agreed to a ceasefire": the parties had been fighting.
				typ = schema.Assault
			}
			v.disc.addPairEvent(hit.First, v.first, r.src, r.tgt, typ)
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
