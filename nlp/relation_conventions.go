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
