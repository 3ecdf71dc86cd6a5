package nlp

import "github.com/geokg/geokg/schema"

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
