package nlp

import "strings"

// Step 1, cue: finding the lexicon's predicate cues in a sentence and
// deciding whether a word is used as a verb or a noun cue.

// pastFormsNotNouns are irregular past tenses that are never nouns; the
// tagger calls some of them nouns after a parenthetical ("Jaishankar and
// Wang Yi, spoke/NN by telephone").
var pastFormsNotNouns = wordSet("spoke", "fought", "struck", "told", "began", "broke", "flew", "threw", "stole",
	"chose", "froze", "swore", "withdrew", "overran", "undertook", "forbade", "foresaw", "sought", "brought",
	"bought", "taught", "caught", "thought", "held", "sent", "lent", "led")

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
	if n := v.word(i + 1); i+1 < v.last && (isNounTag(t.Tag) || t.Tag == "JJ") && (personRoleNouns[n] || personRoleNouns[strings.TrimSuffix(n, "s")]) {
		return cueHit{}, false // a title: "US Trade Representative Tai", "the aid minister"
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
		if hit, ok := try(verbLemma, verbCue); ok && (t.Tag != "NNS" || len(hit.pred.Targets) != 1 || !hit.pred.takesObject() || v.nounObjectFollows(i)) {
			// A plural noun is a verb that wants an object only before
			// one: "Hezbollah targets in Syria" are things, not an act.
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
	if w := v.word(i + 1); (w == "between" || w == "among") && (i == v.first || !verbTag(v.tag(i-1)) && v.tag(i-1) != "MD") {
		return true // "Fighting between the army and the RSF erupted"
	}
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
			if sg := v.groupRight(c, false); wi+1 < len(p.Words) && sg.Last < g.Last && v.word(sg.Last) == p.Words[wi+1] {
				// "removed Bashir from power": the cue's own word, not a
				// complement of the slot's phrase.
				g = sg
			}
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

// retagHeadlineVerbs gives a verbless headline its verb: a verb form the
// tagger called a noun, right after a plural noun and before an actor
// name ("Israeli jets strike/NN Hezbollah targets in Syria"). Headlines
// drop articles and auxiliaries, which is what misleads the tagger.
func (rs *relationStage) retagHeadlineVerbs(a *analysis, s sentence, inMention map[int]bool) {
	for k := s.First; k < s.Last; k++ {
		switch a.Tokens[k].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			return
		}
	}
	for k := s.First + 1; k+1 < s.Last; k++ {
		t := &a.Tokens[k]
		if t.Tag != "NN" || a.Tokens[k-1].Tag != "NNS" || inMention[k-1] || !inMention[k+1] {
			continue
		}
		if lemma, ok := rs.lem.verbLemma(t.Lower); ok && lemma == t.Lower {
			t.Tag = "VBP"
			t.Lemma = lemma
			return
		}
	}
}
