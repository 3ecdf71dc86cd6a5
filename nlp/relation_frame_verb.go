package nlp

import (
	"strings"

	"github.com/geokg/geokg/schema"
)

// Step 2, frame (verbs): the argument frame of a verb cue — its subject,
// object and target phrase — and the relations it gives.

// subordinators open a clause; tagged IN like prepositions, they end a
// noun phrase's prepositional complements.
var subordinators = wordSet("that", "as", "because", "while", "although", "though", "since", "after", "before",
	"if", "when", "whereas", "until", "unless", "whether", "once", "so")

// intentVerbs turn a material-conflict infinitive into a threat: "vowed
// to defeat ISIL", "is determined to destroy".
var intentVerbs = wordSet("vow", "pledge", "promise", "threaten", "determine", "determined", "swear", "resolve", "strive", "warn",
	"prepared", "ready", "poised")

// sendingVerbs send forces or goods; an infinitive of support after
// them is the purpose of the sending.
var sendingVerbs = wordSet("send", "dispatch", "deploy", "despatch", "fly", "ship", "station")

// objectControl verbs pass their object to an infinitive as its subject:
// "urged Russia to stop attacking".
var objectControl = wordSet("urge", "ask", "call", "order", "direct", "force", "allow", "help", "press", "push", "pressure", "persuade", "encourage", "tell", "invite", "authorize", "instruct", "want", "expect")

// verbFrame is the argument frame of one verb cue as the steps of
// verbRelations fill it in turn: subject, target, reduced relatives and
// passives, fallbacks, and the retypings that the arguments call for.
type verbFrame struct {
	hit cueHit
	p   *predicate
	vi  int // the cue's first token
	vg  verbGroup
	typ schema.EventType
	// modes and conf are those of the relations the frame gives.
	modes modeSet
	conf  float64
	subj  group
	// relObj is the antecedent of an object relative pronoun.
	relObj            group
	tgt               group
	haveSubj, haveTgt bool
	// eventObject: the target is an event's agent ("dismissed the
	// demands"), not the object itself.
	eventObject bool
	// reduced is the token before a reduced relative's participle, or
	// -1; agentCut its agent cut at a closing comma.
	reduced  int
	agentCut group
	// placeTarget: the target phrase is an open place, and no loose
	// target stands in for it.
	placeTarget bool
}

func (rs *relationStage) verbRelations(v *sentenceView, hit cueHit) []argRelation {
	if rs.thanksForAct(v, hit.First) {
		return nil
	}
	if _, _, ok := v.judgementFrame(hit.First); ok {
		return nil // "called Russia's position unacceptable": a judgement, read on its own
	}
	f := newVerbFrame(v, hit)
	rs.readSubject(v, f)
	if f.vg.Presupposed {
		f.modes = 0
	}
	f.readTarget(v)
	if !f.readReducedRelative(v) || !f.readPassive(v) || !rs.readHelp(v, f) {
		return nil
	}
	f.readFallbackTargets(v)
	f.readInverse(v)
	if !f.retype(v) {
		return nil
	}
	return f.relations(v)
}

// newVerbFrame starts the frame of verb cue hit: its verb group, the
// modes the clause gives and its confidence.
func newVerbFrame(v *sentenceView, hit cueHit) *verbFrame {
	f := &verbFrame{hit: hit, p: hit.pred, vi: hit.First, reduced: -1}
	f.vg = v.verbGroupAt(f.vi)
	f.modes = v.reportedModes(f.vg, f.hit.Last) | v.clauseModes(f.vg.Start)
	if f.vg.Modal != "" && v.conditionAfter(f.hit.Last) {
		// "will recognize Guaido unless Maduro calls an election"
		f.modes |= modeHypothetical
	}
	f.typ = f.p.Type
	f.conf = 0.85
	if f.hit.weakTag {
		f.conf *= 0.9
	}
	if v.headline {
		f.conf *= 0.9
	}
	return f
}

// readSubject finds the cue's subject: an infinitive's controller, a
// gerund complement's object, a participle's noun or clause subject, or
// the clause's own subject.
func (rs *relationStage) readSubject(v *sentenceView, f *verbFrame) {
	if f.vg.Infinitive {
		f.readInfinitiveSubject(v)
	} else if obj, ok := v.gerundComplementSubject(f.vg); ok {
		// "accused Rwanda of arming the M23", "sanctioned Russia for
		// annexing Crimea": the object acts.
		f.subj, f.haveSubj = obj, true
	} else if owner, ok := v.undertakingOwner(f.vi); ok {
		// "Russia's campaign of bombing Syria": the campaign's owner
		// acts.
		f.subj, f.haveSubj = owner, true
	} else if v.tag(f.vi) == "VBG" && f.vg.Start == f.vi && v.chunkOf(f.vi-1) >= 0 && v.mention(f.vi-1) < 0 {
		f.readModifiedNounSubject(v)
	} else if v.tag(f.vi) == "VBG" && (v.word(f.vg.Start-1) == "," || isDashWord(v.word(f.vg.Start-1)) || f.vg.Start == v.first ||
		participleSubordinators[v.word(f.vg.Start-1)]) {
		// A participle clause: "…, often praising Kim" — the main
		// clause's subject acts.
		if pv := v.verbBefore(f.vg.Start - 2); pv >= 0 {
			f.subj, _, f.haveSubj = v.subjectOf(v.verbGroupAt(pv).Start)
		} else if mv := v.mainVerbAfterClause(f.vi); mv >= 0 {
			// A fronted participle clause: "After meeting with Haddad,
			// Cole left" — the main clause after it has the subject.
			f.subj, _, f.haveSubj = v.subjectOf(v.verbGroupAt(mv).Start)
		}
	} else if h := f.vg.Start - 1; h >= v.first && helpVerbs[v.tok(h).Lemma] && verbTag(v.tag(h)) && v.tag(f.vi) == "VB" {
		// "will help train Somalia's army": the helper acts.
		hf := &verbFrame{hit: cueHit{pred: f.p, First: h, Last: h + 1}, p: f.p, vi: h, vg: v.verbGroupAt(h), typ: f.typ, reduced: -1}
		rs.readSubject(v, hf)
		f.subj, f.haveSubj = hf.subj, hf.haveSubj
		f.modes |= v.reportedModes(hf.vg, h+1) | v.clauseModes(hf.vg.Start) | hf.modes
	} else {
		f.subj, f.relObj, f.haveSubj = v.subjectOf(f.vg.Start)
	}
}

// undertakingNouns name a course of action whose "of" gerund says what it
// does: "Russia's campaign of bombing Syria", "a policy of arming rebels".
var undertakingNouns = wordSet("campaign", "mission", "policy", "strategy", "practice", "operation", "tactic", "goal", "aim",
	"plan", "task", "job", "business", "programme", "program", "effort", "efforts")

// undertakingOwner finds who carries out the undertaking a gerund at vi
// completes: the named possessor of "Russia's campaign of bombing", or
// the subject of the verb governing the phrase ("Russia began a campaign
// of attacking Ukraine"). A possessive pronoun ("its campaign") is left to
// the other readings: its referent is too often a place named near it.
func (v *sentenceView) undertakingOwner(vi int) (group, bool) {
	if v.tag(vi) != "VBG" || v.word(vi-1) != "of" {
		return group{}, false
	}
	c := v.chunkOf(vi - 2)
	if c < 0 || !undertakingNouns[v.headWord(c)] {
		return group{}, false
	}
	ch := v.chunks[c]
	for k := ch.First; k < ch.Head; k++ {
		if v.tag(k) == "PRP$" {
			return group{}, false
		}
		if m := v.mention(k); m >= 0 && (v.tag(v.a.Mentions[m].Last) == "POS" || v.a.Mentions[m].Kind == byDemonym) {
			return group{First: k, Last: k + 1, Actors: []int{v.a.Mentions[m].Actor}}, true
		}
	}
	if gov := v.governingVerb(ch.First); gov >= 0 {
		if s, ok := v.verbSubject(gov, v.verbGroupAt(gov)); ok && !s.empty() {
			return s, true
		}
	}
	return group{}, false
}

// readInfinitiveSubject finds an infinitive's subject: the object of an
// object-control governor ("urged Russia to stop"), else the governor's
// subject, else the main clause's for a purpose clause; the governor
// gives its modes ("vowed to defeat" is a threat).
func (f *verbFrame) readInfinitiveSubject(v *sentenceView) {
	gov, govObj, ok := v.governor(f.vg.Start)
	if ok {
		govLemma := v.tok(gov).Lemma
		intent := intentVerbs[govLemma] || intentVerbs[v.word(gov)]
		if sendingVerbs[govLemma] && f.typ == schema.Support {
			// "dispatched a warship to support Guyana": sending forces
			// in support is aid.
			f.typ = schema.Aid
		}
		if intent && f.typ.Quad() == schema.MaterialConflict {
			f.typ = schema.Threaten
		} else if intent && f.typ == schema.Threaten {
			// "prepared to impose costs": the readiness is the threat.
		} else if !intent || hypotheticalGovernors[govLemma] {
			// "vowed to meet" asserts the vow; "ready to talk" only
			// the readiness.
			f.modes |= governorModes(govLemma)
		}
		gvg := v.verbGroupAt(gov)
		gm := v.reportedModes(gvg, gov+1)
		f.modes |= gm &^ modeFuture
		if gm.has(modeFuture) {
			f.modes |= modeFuture
		}
		if govObj.First < govObj.Last && objectControl[govLemma] {
			// "urged the generals to release Suu Kyi": the generals
			// release, whoever they are.
			f.subj, f.haveSubj = govObj, !govObj.empty()
		} else {
			f.subj, f.relObj, f.haveSubj = v.subjectOf(gvg.Start)
		}
	}
	if !ok {
		// A purpose clause: "launch strikes at Gadhafi to shield
		// the opposition" — the main clause's subject.
		f.subj, f.haveSubj = v.verbSubject(f.vi, f.vg)
		// "agreed on the need to cooperate", "a plan to withdraw":
		// a noun of intent or necessity does not assert the event.
		f.modes |= modalNounModes(v.word(f.vg.Start - 1))
	}
}

// readModifiedNounSubject reads a participle after a noun, which
// modifies it: "sanctions targeting Moscow" — the noun phrase itself is
// the subject, or who issued or leads it.
func (f *verbFrame) readModifiedNounSubject(v *sentenceView) {
	// A participle after a noun modifies it: "sanctions targeting
	// Moscow" — the noun phrase itself is the subject.
	c := v.chunkOf(f.vi - 1)
	f.subj, f.haveSubj = group{First: v.chunks[c].First, Last: v.chunks[c].Last, Actors: v.chunks[c].Actors}, true
	if f.subj.empty() && documentNouns[v.headWord(c)] {
		// "The Council adopted a resolution calling on Syria to
		// withdraw": a document speaks for whoever issued it.
		if gov := v.governingVerb(v.chunks[c].First); gov >= 0 && issuingVerbs[v.tok(gov).Lemma] {
			if s, ok := v.verbSubject(gov, v.verbGroupAt(gov)); ok && !s.empty() {
				f.subj = s
				f.conf *= 0.9
			}
		}
	}
	if f.subj.empty() && ledBodies[v.headWord(c)] {
		// "The United States has led a coalition bombing Islamic State
		// positions": the leader acts through the coalition.
		if gov := v.governingVerb(v.chunks[c].First); gov >= 0 && leadingLemmas[v.tok(gov).Lemma] {
			if s, ok := v.verbSubject(gov, v.verbGroupAt(gov)); ok && !s.empty() {
				f.subj = s
				f.conf *= 0.9
			}
		}
	}
}

// readTarget finds the cue's target: its slot, an event's agent or the
// object or target phrase.
func (f *verbFrame) readTarget(v *sentenceView) {
	if f.hit.hasSl {
		f.tgt, f.haveTgt = f.hit.slot, true
	} else if agent, ok := v.eventAgentPhrase(f.hit.Last, f.p); ok && f.typ != schema.Consult && f.typ != schema.Cooperate {
		// "condemned the Syria strike ordered by Trump": its agent.
		f.eventObject = true
		f.tgt, f.haveTgt = agent, true
	} else if kinds, at, ok := v.eventObject(f.hit.Last, f.p); ok && f.typ != schema.Consult && f.typ != schema.Cooperate {
		// "Qatar dismissed the demands", "India rejected the claim": the
		// event's agent, named before, is the target.
		f.eventObject = true
		if agents := v.eventAgents(kinds, at, f.subj.Actors); len(agents) > 0 {
			f.tgt, f.haveTgt = group{First: at, Last: at + 1, Actors: agents}, true
			f.conf *= 0.8
		}
	} else if !f.p.NoTarget {
		f.tgt, f.haveTgt = v.objectOf(f.hit.Last, f.p)
	}
	if f.haveTgt && len(f.tgt.Chunks) > 0 && openPlaces[v.headWord(f.tgt.Chunks[0])] && len(v.chunks[f.tgt.Chunks[0]].Actors) == 0 {
		// "fired a missile into the sea between Korea and Japan": a
		// place, whoever it lies between.
		f.tgt, f.placeTarget = group{}, true
	}
	if owner, ok := v.effortOwner(f.hit.Last); ok && (f.tgt.empty() || !f.haveTgt) && f.typ == schema.Support {
		// "backed the efforts of ECOWAS to remove Jammeh": the effort's
		// owner is supported.
		f.tgt, f.haveTgt = owner, true
	}
}

// openPlaces are places no state is struck in by force aimed there.
var openPlaces = wordSet("sea", "waters", "ocean", "area", "zone", "desert", "field", "fields", "air", "sky", "skies")

// forcesNouns name a state's armed forces.
var forcesNouns = wordSet("troops", "forces", "soldiers", "military", "army", "personnel", "contingent", "peacekeepers")

// effortNouns name an actor's undertaking: backing one backs the actor.
var effortNouns = wordSet("effort", "efforts", "bid", "attempt", "attempts", "push", "initiative", "endeavour", "endeavor")

// effortOwner finds "the efforts of X" at token k: X.
func (v *sentenceView) effortOwner(k int) (group, bool) {
	c := v.chunkOf(k)
	if c < 0 || v.chunks[c].First != k || !effortNouns[v.headWord(c)] || v.word(v.chunks[c].Last) != "of" {
		return group{}, false
	}
	nc := v.chunkOf(v.chunks[c].Last + 1)
	if nc < 0 {
		return group{}, false
	}
	g := v.objectGroup(nc)
	return g, !g.empty()
}

// readReducedRelative reads "X, signed by A and B": the by-phrase acts
// on the phrase before the participle. It reports false when the
// participle's event is another cue's ("the strike ordered by Trump").
func (f *verbFrame) readReducedRelative(v *sentenceView) bool {
	if !f.vg.Passive && v.tag(f.vi) == "VBN" && f.vg.Start == f.vi && f.vi == v.first && f.typ.Symmetric() {
		// A fronted participle: "Signed on Friday by Petro and García,
		// the accord …" — its agents are the parties.
		if agent, ok := v.byAgent(f.hit.Last); ok && len(agent.Actors) > 1 {
			f.subj, f.haveSubj = agent, true
			f.tgt, f.haveTgt = group{}, false
			f.vg.Passive = true
			return true
		}
	}
	if !f.vg.Passive && v.tag(f.vi) == "VBN" && f.vg.Start == f.vi {
		switch {
		case v.word(f.vi-1) == "," || v.chunkOf(f.vi-1) >= 0:
			f.reduced = f.vi - 1
		case v.word(f.vi-1) == "and":
			// "the GNA, led by Sarraj and recognised by the UN"
			f.reduced = v.reducedRelativeBefore(f.vi - 1)
		}
	}
	if f.reduced >= 0 {
		// A reduced relative: "The second document, signed by Putin,
		// Poroshenko, Merkel and Hollande" — the by-phrase acts on the
		// phrase before.
		if agent, ok := v.byAgent(f.hit.Last); ok {
			if v.word(f.reduced) == "," {
				// ", led by Sarraj and recognised by the UN, and the
				// Tobruk government": the closing comma ends the agent.
				f.agentCut = v.cutAtComma(agent)
			}
			f.vg.Passive = true
			k := f.reduced
			if v.word(k) == "," {
				k--
			}
			f.subj, f.haveSubj = group{}, false
			if c := v.chunkOf(k); c >= 0 {
				f.subj, f.haveSubj = v.groupLeft(c), true
				if f.subj.Last > v.chunks[c].Last {
					// "the GNA, led by Sarraj, and the Tobruk government":
					// the participle modifies the phrase before it only.
					f.subj = v.groupRight(c, true)
				}
				if orderingVerbs[v.tok(f.vi).Lemma] && (f.subj.empty() || eventRefNouns[v.headWord(v.npHead(c))] != nil) {
					return false // "the strike on Syria ordered by Trump": the strike's own relation
				}
				if f.subj.empty() {
					// "Hezbollah, the armed group backed by Tehran": the
					// description is the name's.
					if g, ok := v.appositionOf(c); ok {
						f.subj = g
					}
				}
			}
		}
	}
	return true
}

// readPassive swaps the arguments of a passive: its by-phrase or the
// author of an attack in an "in" phrase acts.
func (f *verbFrame) readPassive(v *sentenceView) bool {
	if f.vg.Passive && !f.p.Inverse {
		// "Assad was backed by Russia": the by-phrase acts.
		if agent, ok := v.byAgent(f.hit.Last); ok {
			if f.agentCut.First < f.agentCut.Last {
				agent = f.agentCut
			}
			if len(agent.Chunks) > 0 && !f.typ.Symmetric() {
				if kinds := eventRefNouns[v.headWord(agent.Chunks[0])]; len(kinds) == 1 && kinds[0] == kindAssault {
					// "The Taliban, ousted by a U.S.-led invasion": the
					// invasion did it.
					f.typ = schema.Assault
				}
			}
			f.subj, f.tgt = agent, f.subj
			f.haveSubj, f.haveTgt = true, f.haveSubj
		} else if agent, ok := v.attackAgentIn(f.hit.Last, f.typ); ok {
			// "Haddad was killed in a US drone strike": the strike's
			// author acts.
			f.subj, f.tgt = agent, f.subj
			f.haveSubj, f.haveTgt = true, f.haveSubj
		} else {
			// An agentless passive names only the target.
			f.tgt, f.haveTgt = f.subj, f.haveSubj
			f.haveSubj = false
		}
		f.conf *= 0.95
	}
	return true
}

// readHelp reads help with a bare infinitive; false when no actor is
// helped.
func (rs *relationStage) readHelp(v *sentenceView, f *verbFrame) bool {
	if helpVerbs[v.tok(f.vi).Lemma] && !f.vg.Passive {
		// "help rebuild ties", "help fight ISIL": the help is in an act,
		// no actor is helped; "help Syria fight ISIL": Syria is.
		if rs.bareVerbAt(v, f.hit.Last) {
			return false
		}
		if m := v.mention(f.hit.Last); m >= 0 && rs.bareVerbAt(v, v.a.Mentions[m].Last) {
			f.tgt, f.haveTgt = group{First: f.hit.Last, Last: v.a.Mentions[m].Last, Actors: []int{v.a.Mentions[m].Actor}}, true
		}
	}
	return true
}

// readFallbackTargets takes a relative pronoun's antecedent or a loose
// target in the clause when the grammar gave none.
func (f *verbFrame) readFallbackTargets(v *sentenceView) {
	if !f.haveTgt && !f.relObj.empty() {
		f.tgt, f.haveTgt = f.relObj, true
		f.conf *= 0.9
	}
	if (!f.haveTgt || f.tgt.empty()) && f.haveSubj && !f.subj.empty() && !f.p.NoTarget && !f.hit.hasSl && !f.vg.Passive && !f.eventObject && !f.placeTarget &&
		!f.typ.Symmetric() && f.typ != schema.Retreat {
		// No target where the grammar expects one: take the next actor
		// phrase in the same clause ("Kuwait is trying to mediate in
		// the Gulf crisis with Qatar"), with less confidence.
		if g, ok := v.looseTarget(f.hit.Last, f.typ); ok && !v.pronounObject(f.hit.Last) {
			f.tgt, f.haveTgt = g, true
			f.conf *= 0.8
		} else if f.typ == schema.Threaten && v.word(f.hit.Last) == "to" && verbTag(v.tag(f.hit.Last+1)) {
			// "threatened to cut gas supplies to Ukraine": whom the
			// threatened act would hit.
			if g, ok := v.looseTarget(f.hit.Last+2, f.typ); ok {
				f.tgt, f.haveTgt = g, true
				f.conf *= 0.8
			}
		}
	}
}

// readInverse swaps the arguments of inverse cues and reads reciprocal
// objects ("accused each other").
func (f *verbFrame) readInverse(v *sentenceView) {
	if f.p.Inverse {
		f.subj, f.tgt = f.tgt, f.subj
		f.haveSubj, f.haveTgt = f.haveTgt, f.haveSubj
	}
	if !f.hit.hasSl && f.haveSubj && len(f.subj.Actors) > 1 && v.reciprocalObject(f.hit.Last) {
		// "Russia and Ukraine accused each other": each acts on the
		// other.
		mp := *f.p
		mp.Mutual = true
		f.tgt, f.haveTgt = group{}, false
		f.p = &mp
	}
}

// retype changes the type where the arguments call for it (a refused
// stance rejects, a vote on a resolution rejects the UN body); false when
// the cue is no event after all (a "call" that is no phone call).
func (f *verbFrame) retype(v *sentenceView) bool {
	if f.typ == schema.Sanction && f.p.Words[0] == "expel" && len(f.tgt.Chunks) > 0 && forcesNouns[v.headWord(f.tgt.Chunks[0])] {
		// "voted to expel American troops": a foreign force's presence
		// is rejected; expelling diplomats stays a sanction.
		f.typ = schema.Reject
	}
	// "We do not accept Iran's role": a negated stance of support or
	// agreement toward an actor is a rejection.
	// "Serbia would never recognize Kosovo", "will not accept": a refusal
	// in the future or conditional of the verb group alone is a stance
	// held now; an if-clause keeps it hypothetical.
	refusal := f.modes.has(modeNegated) && (!f.modes.has(modeHypothetical) ||
		v.refusalModal(f.vg) && !v.conditionalBefore(f.vg.Start))
	if refusal && f.haveTgt && !f.tgt.empty() &&
		(f.typ == schema.Support || f.p.Words[0] == "accept" || f.p.Words[0] == "recognize" || f.p.Words[0] == "recognise") {
		f.typ = schema.Reject
		f.modes &^= modeNegated | modeHypothetical | modeFuture
	}
	if f.typ == schema.Retreat && v.agreementTarget(f.tgt) {
		f.typ = schema.Reject
	}
	if f.typ == schema.Reject {
		if body, ok := v.resolutionVoted(f.hit.Last); ok {
			// "Russia vetoed a resolution condemning Syria", "voted against
			// the resolution": the vote rejects the UN body, not whom the
			// resolution names (GUIDELINES convention 4).
			f.tgt, f.haveTgt = body, !body.empty()
		}
	}
	if (f.typ == schema.Coerce || f.typ == schema.Assault || f.typ == schema.Sanction) && v.proposalTarget(f.tgt) {
		// "Russia and China blocked a U.S. draft": a veto, not a blockade.
		f.typ = schema.Reject
	}
	if len(f.p.Words) == 1 && f.p.Words[0] == "call" && f.typ == schema.Consult && (!v.phoneCall(f.tgt) || v.whatCalled(f.vg.Start)) {
		return false
	}
	return true
}

// relations turns a filled frame into relations.
func (f *verbFrame) relations(v *sentenceView) []argRelation {
	if f.typ.Symmetric() && !f.p.OneSided && v.separately(f.hit.Last) {
		// "Russia and Ukraine signed separate agreements with Turkey":
		// each with Turkey, not with each other.
		op := *f.p
		op.OneSided = true
		f.p = &op
	}
	return pairUp(v, f.subj, f.tgt, f.haveSubj, f.haveTgt, f.typ, f.p, f.hit, f.modes, f.conf, false)
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

// helpVerbs take a bare infinitive: "help fight", "help Syria rebuild".
var helpVerbs = wordSet("help", "assist")

// bareVerbAt reports whether token k is a bare infinitive: a verb's base
// form that no determiner or name makes a noun ("help fight ISIL").
func (rs *relationStage) bareVerbAt(v *sentenceView, k int) bool {
	if k >= v.last || v.mention(k) >= 0 {
		return false
	}
	if v.tag(k) == "VB" {
		return true
	}
	lemma, ok := rs.lem.verbLemma(v.word(k))
	// The tagger calls a bare verb before a name an adjective or noun
	// ("help Syria fight/JJ Islamic State").
	before := v.mention(k+1) >= 0 || v.tag(k+1) == "DT" || v.tag(k+1) == "PRP$"
	return ok && lemma == v.word(k) && (v.tag(k) == "VBP" || before && (isNounTag(v.tag(k)) || v.tag(k) == "JJ"))
}

// whatCalled reports whether the verb group at start is a "what X called"
// relative: the name given to something, not a call ("what he called
// Beijing's inaction").
func (v *sentenceView) whatCalled(start int) bool {
	for k := start - 1; k >= v.first && k >= start-4; k-- {
		switch v.word(k) {
		case "what", "which":
			return true
		case ",", ".", ";":
			return false
		}
	}
	return false
}

// mainVerbAfterClause finds the finite verb of the main clause after a
// fronted participle clause whose verb is at vi: the first finite verb
// after the comma that ends the clause.
func (v *sentenceView) mainVerbAfterClause(vi int) int {
	if v.word(vi-1) != "," && !participleSubordinators[v.word(vi-1)] && vi != v.first {
		return -1
	}
	comma := -1
	for k := vi + 1; k < v.last; k++ {
		if v.word(k) == "," && v.word(k+1) != "including" {
			comma = k
			break
		}
		if w := v.tag(k); w == "VBD" || w == "VBZ" || w == "VBP" || w == "MD" {
			return -1 // the participle has a finite verb of its own clause after it
		}
	}
	if comma < 0 {
		return -1
	}
	for k := comma + 1; k < v.last; k++ {
		switch v.tag(k) {
		case "VBD", "VBZ", "VBP", "MD":
			return k
		}
		if v.word(k) == "," || v.word(k) == ";" {
			return -1
		}
	}
	return -1
}

// attackAgentIn finds the author of a force-type passive in an "in" or
// "during" phrase naming an attack with its author as modifier: "was
// killed in a US drone strike", "were wounded during Russian shelling".
func (v *sentenceView) attackAgentIn(k int, typ schema.EventType) (group, bool) {
	if typ != schema.Assault && typ != schema.Coerce {
		return group{}, false
	}
	for j := k; j < v.last && j < k+4; j++ {
		if w := v.word(j); w != "in" && w != "during" && w != "amid" {
			if v.tag(j) == "RB" || v.timeWordAt(j) {
				continue
			}
			return group{}, false
		}
		c := v.chunkOf(j + 1)
		if c < 0 {
			return group{}, false
		}
		kinds := eventRefNouns[v.headWord(c)]
		if len(kinds) != 1 || kinds[0] != kindAssault || v.chunks[c].HeadMention {
			return group{}, false
		}
		var g group
		for t := v.chunks[c].First; t < v.chunks[c].Last; t++ {
			if m := v.mention(t); m >= 0 {
				g.Actors = appendUnique(g.Actors, v.a.Mentions[m].Actor)
			}
		}
		g.First, g.Last, g.Chunks = v.chunks[c].First, v.chunks[c].Last, []int{c}
		return g, !g.empty()
	}
	return group{}, false
}

// resolutionVoted finds the UN body a vote on a resolution at token k
// concerns: an organization named in the resolution's phrase ("the UN
// resolution"), else the article's United Nations actor. ok is false when
// the object is no resolution; an empty group then means no body known.
func (v *sentenceView) resolutionVoted(k int) (group, bool) {
	for k < v.last && (v.tag(k) == "DT" || v.tag(k) == "RB") && v.chunkOf(k) < 0 {
		k++
	}
	c := v.chunkOf(k)
	if c < 0 || !resolutionNouns[v.headWord(c)] {
		return group{}, false
	}
	ch := v.chunks[c]
	g := group{First: ch.First, Last: ch.Last, Chunks: []int{c}}
	for t := ch.First; t < ch.Last; t++ {
		if m := v.mention(t); m >= 0 && v.a.Actors[v.a.Mentions[m].Actor].Type == schema.Organization {
			g.Actors = appendUnique(g.Actors, v.a.Mentions[m].Actor)
		}
	}
	if !g.empty() {
		return g, true
	}
	for ai, a := range v.a.Actors {
		if a.ID == "UN" || strings.Contains(a.Name, "United Nations") || strings.Contains(a.Name, "Security Council") {
			g.Actors = []int{ai}
			break
		}
	}
	return g, true
}

// resolutionNouns are what a UN body votes on.
var resolutionNouns = wordSet("resolution", "resolutions", "draft", "drafts", "motion", "motions")

// documentNouns are texts an actor issues and speaks through: "a
// resolution demanding", "a statement urging"; issuingVerbs make their
// subject the text's author ("vetoed a resolution condemning Syria" does
// not).
var documentNouns = wordSet("resolution", "resolutions", "statement", "statements", "letter", "declaration",
	"communique", "communiqué", "decision", "decree", "bill", "motion", "note", "ultimatum")

var issuingVerbs = wordSet("adopt", "pass", "issue", "approve", "release", "publish", "send", "sign", "draft", "table",
	"introduce", "submit", "deliver", "put", "unveil", "circulate")
