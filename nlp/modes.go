package nlp

import (
	"strings"

	"github.com/geokg/geokg/schema"
)

// Modes: how a sentence states a relation. A cue's verb group (its
// auxiliaries, modals and adverbs), the verb that governs an infinitive
// cue ("plans to attack") and the clause's subordinator ("if Iran
// attacks") decide whether the relation is negated, hypothetical or
// future; a reporting verb outside the cue's clause makes it attributed.

// modeSet is a small set of schema.Modes.
type modeSet uint8

const (
	modeNegated modeSet = 1 << iota
	modeHypothetical
	modeFuture
	modeAttributed
)

func (m modeSet) has(x modeSet) bool { return m&x != 0 }

// list returns the modes in schema order.
func (m modeSet) list() []schema.Mode {
	var out []schema.Mode
	if m.has(modeNegated) {
		out = append(out, schema.Negated)
	}
	if m.has(modeHypothetical) {
		out = append(out, schema.Hypothetical)
	}
	if m.has(modeFuture) {
		out = append(out, schema.Future)
	}
	if m.has(modeAttributed) {
		out = append(out, schema.Attributed)
	}
	return out
}

var (
	negators = wordSet("not", "n't", "never", "no", "neither", "nor", "without", "cannot")
	// hypotheticalModals make a statement conditional or merely possible.
	hypotheticalModals = wordSet("would", "could", "might", "may", "'d")
	futureModals       = wordSet("will", "shall", "'ll", "wo")
	// conditionalOpeners open a clause that states a condition.
	conditionalOpeners = wordSet("if", "unless", "whether", "lest", "should")
	// Governing verbs of an infinitive: "plans to attack" is future,
	// "considers attacking" and "seeks to meet" only possible, "refused
	// to meet" negated.
	// A plan is not an event: "Germany plans to host a conference",
	// "intends to", "aims to", "is preparing to" and "expects to" state
	// intentions; "is due to", "is set to", "decided to" schedule.
	futureGovernors       = wordSet("schedule", "set", "due", "go", "decide", "agree")
	hypotheticalGovernors = wordSet("consider", "propose", "seek", "hope", "try", "want", "wish", "offer", "suggest", "weigh", "mull", "contemplate", "threaten", "ready", "willing", "able", "attempt", "demand", "urge", "ask", "call", "push", "press", "need", "discuss", "warn",
		"plan", "intend", "prepare", "expect", "aim", "poised", "prepared", "eager", "keen", "likely", "unlikely")
	negativeGovernors = wordSet("refuse", "fail", "decline", "reject", "deny", "stop", "avoid", "cease", "halt", "forbid", "rule", "oppose", "prevent", "cancel", "abandon", "end", "unable")
	// reportingVerbs introduce a claim attributed to their subject.
	reportingVerbs = wordSet("say", "tell", "announce", "claim", "allege", "insist", "state", "stress", "add",
		"note", "report", "confirm", "assert", "declare", "argue", "write", "tweet", "explain", "maintain",
		"indicate", "suggest", "believe", "think", "reiterate", "acknowledge", "admit", "charge", "contend",
		"emphasize", "emphasise", "repeat", "reveal", "show", "testify", "deny", "shout",
		"warn", "predict", "complain", "observe", "remark", "recall", "concede")
)

// verbGroup describes the auxiliaries before a main verb.
type verbGroup struct {
	// Start is the first token of the group (auxiliaries, adverbs).
	Start int
	Modes modeSet
	// Passive: a form of "be" or "get" before a past participle.
	Passive bool
	// Infinitive: "to" before the verb.
	Infinitive bool
	// Presupposed: the event goes on and is asked or said to stop
	// ("urged Russia to stop attacking Ukraine").
	Presupposed bool
	// Modal is the group's modal ("would", "will", "could"), if any.
	Modal string
}

// catenatives take a gerund that carries the event: "stop attacking",
// "continue fighting", "began shelling".
// stoppers presuppose the event they stop: "halt its incursions into
// Ukraine" says that the incursions happen.
var stoppers = wordSet("stop", "halt", "cease", "end", "quit", "lift", "ease", "relax", "loosen", "remove")

var catenatives = wordSet("stop", "continue", "start", "begin", "keep", "resume", "cease", "halt", "end", "avoid", "quit")

var beForms = wordSet("be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "get", "got", "gets", "getting", "gotten")

// verbGroupAt scans left from main verb v for its auxiliaries.
func (v *sentenceView) verbGroupAt(vi int) verbGroup {
	g := verbGroup{Start: vi}
	participle := v.tag(vi) == "VBN" || v.tag(vi) == "VBD" && v.isParticipleAfterBe(vi)
	sawShouldBeIng := false
	for i := vi - 1; i >= v.first; i-- {
		w, t := v.word(i), v.tag(i)
		switch {
		case negators[w] && w != "no" && w != "without":
			g.Modes |= modeNegated
		case hypotheticalModals[w]:
			g.Modes |= modeHypothetical
			g.Modal = w
		case futureModals[w]:
			g.Modes |= modeFuture
			g.Modal = w
		case w == "should" || w == "must" || w == "ought":
			// Deontic: "Russia must halt its incursions" presupposes
			// them; "should not be supporting" reports the support.
			if v.word(vi+0) != "" && v.tag(vi) == "VBG" {
				sawShouldBeIng = true
			}
		case beForms[w]:
			if participle && i == g.Start-1 || participle && v.allAdverbs(i+1, vi) {
				g.Passive = true
			}
		case w == "to" && t == "TO":
			g.Infinitive = true
			g.Start = i
			return g.finish(sawShouldBeIng)
		case catenatives[v.tok(i).Lemma] && strings.HasPrefix(t, "VB") && v.tag(vi) == "VBG" && i == g.Start-1:
			// "stop attacking", "continued to provide" is handled as an
			// infinitive; "stopped attacking" negates.
			if stoppers[v.tok(i).Lemma] {
				g.Presupposed = true
			}
		case t == "MD" || t == "RB" || t == "VBZ" || t == "VBP" || t == "VBD" || t == "VB" || t == "VBN" || t == "VBG":
			if !(t == "RB" || t == "MD" || auxiliary(w)) {
				return g.finish(sawShouldBeIng)
			}
		default:
			return g.finish(sawShouldBeIng)
		}
		g.Start = i
	}
	return g.finish(sawShouldBeIng)
}

func (g verbGroup) finish(shouldBeIng bool) verbGroup {
	if shouldBeIng {
		g.Modes &^= modeNegated
	}
	return g
}

// auxiliary reports whether w is an auxiliary verb form.
func auxiliary(w string) bool {
	switch w {
	case "be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m",
		"have", "has", "had", "having", "'ve", "do", "does", "did", "get", "got", "gets", "going", "gone":
		return true
	}
	return false
}

func (v *sentenceView) allAdverbs(from, to int) bool {
	for i := from; i < to; i++ {
		if v.tag(i) != "RB" {
			return false
		}
	}
	return true
}

// isParticipleAfterBe reports whether a VBD-tagged verb follows a form of
// "be" (the tagger's "was attacked/VBD").
func (v *sentenceView) isParticipleAfterBe(vi int) bool {
	for i := vi - 1; i >= v.first && i >= vi-3; i-- {
		if beForms[v.word(i)] {
			return true
		}
		if v.tag(i) != "RB" {
			return false
		}
	}
	return false
}

// clauseModes returns the modes a clause opener before token i gives:
// "if" and "unless" make what follows hypothetical.
func (v *sentenceView) clauseModes(i int) modeSet {
	for k := i - 1; k >= v.first && k >= i-25; k-- {
		w := v.word(k)
		if conditionalOpeners[w] && w != "should" {
			return modeHypothetical
		}
		if w == ";" || w == ":" || w == "." || w == "but" || w == "then" {
			return 0
		}
		if w == "," && k+1 < v.last && v.tag(k+1) != "IN" && v.isFiniteClauseBefore(k) {
			return 0
		}
	}
	return 0
}

// isFiniteClauseBefore reports whether a finite verb precedes a comma in
// the same sentence: ", X attacked" after "if Iran moves," starts the
// main clause.
func (v *sentenceView) isFiniteClauseBefore(k int) bool {
	for i := k - 1; i >= v.first; i-- {
		w := v.word(i)
		if conditionalOpeners[w] {
			return true
		}
		switch v.tag(i) {
		case "VBD", "VBZ", "VBP", "MD":
			continue
		}
	}
	return false
}

// reportedModes returns the modes of verb group vg as stated: "would"
// in the content of a past-tense reporting verb is the past of "will"
// ("ECOWAS said it would suspend all aid to Mali" announces a decision),
// so it makes the event future, not hypothetical — unless a condition
// bounds the clause ("said it would respond if attacked"), the report is
// a quotation ("“We would welcome it,” he said") or an adverb of
// possibility stands in the group.
func (v *sentenceView) reportedModes(vg verbGroup, cueEnd int) modeSet {
	m := vg.Modes
	if vg.Modal != "would" && vg.Modal != "'d" || !m.has(modeHypothetical) {
		return m
	}
	if !v.reports.backshifts(vg.Start) || v.conditionAfter(cueEnd) || v.clauseModes(vg.Start) != 0 {
		return m
	}
	// "legislation that would place sanctions", "a plan under which
	// Kosovo would suspend operations": a relative clause describes what
	// a plan or bill would do.
	for k := vg.Start - 1; k >= v.first && k > vg.Start-12; k-- {
		if w := v.word(k); w == "which" || w == "who" || w == "whom" || w == "that" && v.tag(k) == "WDT" {
			return m
		}
		if reportingVerbs[v.tok(k).Lemma] && verbTag(v.tag(k)) {
			break
		}
	}
	for k := vg.Start; k < cueEnd; k++ {
		if possibilityAdverbs[v.word(k)] {
			return m
		}
	}
	return m&^modeHypothetical | modeFuture
}

// possibilityAdverbs keep a "would" hypothetical: "would probably meet".
var possibilityAdverbs = wordSet("probably", "possibly", "perhaps", "likely", "maybe", "conceivably", "potentially")

// conditionAfter reports whether an "if" or "unless" clause follows the
// cue ending at k in its clause: "they will recognize Guaido unless
// Maduro calls an election", "it would abide by the truce if Israel did"
// state a condition, not an event.
func (v *sentenceView) conditionAfter(k int) bool {
	for i := k; i < v.last; i++ {
		switch w := v.word(i); {
		case w == ";" || w == ":":
			return false
		case w == "," && (v.word(i+1) == "but" || v.word(i+1) == "while" || v.word(i+1) == "whereas"):
			return false
		case w == "if" || w == "unless" || w == "provided" && v.word(i+1) == "that":
			p := v.word(i - 1)
			return p != "even" && p != "as"
		case w == "only" && (v.word(i+1) == "after" || v.word(i+1) == "when" || v.word(i+1) == "once"):
			// "would lift sanctions only after the IAEA verifies"
			return true
		}
	}
	return false
}

// modalNouns govern an infinitive that is only planned, wished or
// possible: "the need to cooperate", "an attempt to seize", "plans to
// withdraw".
var (
	hypotheticalNouns = wordSet("need", "intention", "intent", "desire", "willingness", "readiness", "bid",
		"attempt", "attempts", "effort", "efforts", "call", "calls", "demand", "demands", "proposal", "offer",
		"threat", "threats", "right", "wish", "hope", "hopes", "way", "chance", "ability", "opportunity",
		"pressure", "push", "ultimatum", "request", "appeal", "plea", "option", "options", "temptation", "plan", "plans")
	futureNouns = wordSet("decision", "commitment", "pledge", "promise", "vow", "agreement", "deal")
)

// modalNounModes returns the modes a noun governing an infinitive gives.
func modalNounModes(noun string) modeSet {
	switch {
	case hypotheticalNouns[noun]:
		return modeHypothetical
	case futureNouns[noun]:
		return modeFuture
	}
	return 0
}

// infinitiveModes returns the modes that the governor of an infinitive
// verb group gives it, for a noun cue that is the infinitive's object:
// "urged both parties to agree to a ceasefire" asserts no ceasefire.
func (v *sentenceView) infinitiveModes(vg verbGroup) modeSet {
	if !vg.Infinitive {
		return 0
	}
	gov, _, ok := v.governor(vg.Start)
	if !ok {
		return modalNounModes(v.word(vg.Start - 1))
	}
	m := governorModes(v.tok(gov).Lemma)
	if intentVerbs[v.tok(gov).Lemma] {
		m |= modeFuture
	}
	return m | v.verbGroupAt(gov).Modes
}

// governorModes returns the modes an infinitive's governing verb gives.
func governorModes(lemma string) modeSet {
	switch {
	case negativeGovernors[lemma]:
		return modeNegated
	case futureGovernors[lemma]:
		return modeFuture
	case hypotheticalGovernors[lemma]:
		return modeHypothetical
	}
	return 0
}
