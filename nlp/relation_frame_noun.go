package nlp

import (
	"strings"

	"github.com/geokg/geokg/schema"
)

// Step 2, frame (nouns): the argument frame of a noun cue — its
// possessor, "by" agent, "of/on/against" target and governing verb.

// citingVerbs mention an event without doing it: their subject lends no
// agent to the event noun they govern.
var citingVerbs = wordSet("point", "cite", "mention", "recall", "refer", "list", "document", "investigate", "witness",
	"describe", "fear", "survive", "blame", "discuss", "report", "note")

// receivingVerbs take a noun cue whose of/from phrase is the source:
// "Haftar's forces have the backing of Saudi Arabia".
var receivingVerbs = wordSet("have", "receive", "get", "enjoy", "win", "gain", "secure", "obtain", "accept", "seek", "welcome", "request")

// nounFrame is the argument frame of one noun cue as the steps of
// nounRelations fill it in turn: the phrase's modifiers, the target
// phrase after the noun, the sources the sentence lends (a possessive
// pronoun, an apposition, the governing verb), and last the relations.
type nounFrame struct {
	hit cueHit
	p   *predicate
	// n is the cue's first token, c its chunk (or -1) and chFirst the
	// chunk's first token.
	n, c, chFirst    int
	src, tgt         group
	haveSrc, haveTgt bool
	// together: the target's actors are parties to one event with each
	// other ("talks between A and B").
	together bool
	typ      schema.EventType
	modes    modeSet
	conf     float64
}

func (rs *relationStage) nounRelations(v *sentenceView, hit cueHit) []argRelation {
	if rs.modifierOnly(v, hit) {
		// "a joint coordination centre", "an attack helicopter": the cue
		// names a kind of thing, not an event.
		return nil
	}
	f := newNounFrame(v, hit)
	f.readModifiers(v)
	f.readTargetPhrase(v)
	f.readAgentAfterTarget(v)
	f.haveSrc, f.haveTgt = !f.src.empty(), !f.tgt.empty()
	f.readRequestedAt(v)
	rs.readPronounSource(v, f)
	f.readNegotiation(v)
	f.readApposition(v)
	f.readRecipient(v)
	if !f.haveSrc || f.p.Type.Symmetric() && !f.together {
		rs.readGovernor(v, f)
	}
	return rs.nounFrameRelations(v, f)
}

// newNounFrame starts the frame of noun cue hit: its phrase, confidence
// and the negation a determiner gives ("no agreement with Iran",
// "without talks").
func newNounFrame(v *sentenceView, hit cueHit) *nounFrame {
	f := &nounFrame{hit: hit, p: hit.pred, n: hit.First, c: v.chunkOf(hit.First), chFirst: hit.First, typ: hit.pred.Type, conf: 0.75}
	if v.headline {
		f.conf *= 0.9
	}
	if f.c >= 0 {
		f.chFirst = v.chunks[f.c].First
	}
	for k := f.chFirst; k < f.n; k++ {
		if v.word(k) == "no" {
			f.modes |= modeNegated
		}
	}
	if v.word(f.chFirst-1) == "without" {
		f.modes |= modeNegated
	}
	return f
}

// readModifiers reads the actors before the noun in its phrase.
func (f *nounFrame) readModifiers(v *sentenceView) {
	// Source: actors modifying the noun ("Russian airstrikes", "Russia's
	// intervention"); "anti-ISIL" names the target.
	for k := f.chFirst; k < f.n && !participantNouns[v.word(f.n)]; k++ {
		m := v.mention(k)
		if m < 0 {
			continue
		}
		actor := v.a.Mentions[m].Actor
		if _, ok := v.compoundAt(v.a.Mentions[m].Last); ok {
			k = v.a.Mentions[m].Last // "a US-brokered deal": the broker is no party
			continue
		}
		if strings.HasSuffix(v.word(k-1), "anti-") || v.word(k-1) == "anti" || v.word(k-2) == "anti" && v.word(k-1) == "-" {
			f.tgt.Actors = appendUnique(f.tgt.Actors, actor)
			continue
		}
		f.src.Actors = appendUnique(f.src.Actors, actor)
		k = v.a.Mentions[m].Last - 1
	}
	for k := f.chFirst; k < f.n; k++ {
		if w := v.word(k); w == "joint" || w == "trilateral" || w == "bilateral" || w == "multilateral" {
			f.together = true
		}
	}
	// One meeting "with A and B" has all of them at the table; a call
	// or contact with each is separate.
	if f.p.Type == schema.Consult && !separateConsultNouns[v.word(f.hit.Last-1)] && !v.talksInProgress(f.chFirst) {
		f.together = true
	}
	if f.p.Type.Symmetric() {
		// "joint US-Russia exercises": the chunker may start the phrase
		// after the dash; the dash pair are the parties.
		for _, x := range v.dashPair(f.chFirst, f.n) {
			f.src.Actors = appendUnique(f.src.Actors, x)
		}
	}
}

// readTargetPhrase reads the target: a target preposition after the
// noun, possibly after a place, time or by-phrase.
func (f *nounFrame) readTargetPhrase(v *sentenceView) {
	// place or time phrase ("airstrikes in Syria against ISIL").
	k := f.hit.Last
	if f.c >= 0 && v.chunks[f.c].Last > k {
		k = v.chunks[f.c].Last
	}
	for hops := 0; hops < 5 && k < v.last; hops++ {
		if isQuoteWord(v.word(k)) {
			k++ // his “great relationship” with
			continue
		}
		// "a summit of France and Germany", "a meeting of the leaders of
		// Russia and Ukraine": several parties after "of" meet.
		if f.p.Type == schema.Consult && v.word(k) == "of" && f.tgt.empty() {
			if nc := v.chunkOf(k + 1); nc >= 0 && v.chunks[nc].First == k+1 {
				if g := v.objectGroup(nc); len(g.Actors) > 1 {
					f.tgt, f.together = g, true
				}
			}
			break
		}
		if next, ok := v.matchTargetPrep(k, f.p); ok {
			if nc := v.chunkOf(next); nc >= 0 && v.chunks[nc].First == next {
				g := v.objectGroup(nc)
				if w := v.word(k); w == "between" || w == "among" {
					f.together = true
				}
				for _, x := range g.Actors {
					f.tgt.Actors = appendUnique(f.tgt.Actors, x)
				}
				f.tgt.Chunks = append(f.tgt.Chunks, g.Chunks...)
				f.tgt.First, f.tgt.Last = g.First, g.Last
			}
			break
		}
		if v.word(k) == "by" {
			if nc := v.chunkOf(k + 1); nc >= 0 {
				g := v.groupRight(nc, true)
				if f.src.empty() {
					f.src = g
				} else if f.tgt.empty() && v.tag(k-1) == "VBN" && orderingVerbs[v.tok(k-1).Lemma] && !g.empty() {
					// "the Syria strike ordered by Trump": the agent acts,
					// the modifier is the target.
					f.tgt.Actors = f.src.Actors
					f.src = g
				}
				k = g.Last
				continue
			}
		}
		w := v.word(k)
		// "negotiations were between", "an agreement has been reached
		// between", "sanctions imposed by the US on Iran".
		if beForms[w] || perfectAux[w] {
			k++
			continue
		}
		if v.tag(k) == "VBN" { // its by-phrase is read next
			if participationVerbs[v.tok(k).Lemma] && f.p.Type.Symmetric() {
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
}

// readAgentAfterTarget reads an agent named after the target.
func (f *nounFrame) readAgentAfterTarget(v *sentenceView) {
	// "the strike on Syria ordered by Trump": the agent after the target.
	if f.src.empty() && !f.tgt.empty() {
		if j := f.tgt.Last; (v.tag(j) == "VBN" || v.tag(j) == "VBD") && v.word(j+1) == "by" {
			if agent, ok := v.byAgent(j + 1); ok {
				f.src = agent
			}
		}
	}
}

// readRequestedAt reads "at the request of X".
func (f *nounFrame) readRequestedAt(v *sentenceView) {
	// "at the request of the Somali government": the requester is the
	// source, the clause's subject the target.
	if f.p.Type == schema.Request && v.word(f.chFirst-1) == "at" && v.word(f.hit.Last) == "of" && f.src.empty() {
		if gov := v.verbBefore(f.chFirst - 1); gov >= 0 {
			if s, ok := v.verbSubject(gov, v.verbGroupAt(gov)); ok && !s.empty() {
				f.src, f.tgt = f.tgt, s
				f.haveSrc, f.haveTgt = !f.src.empty(), true
			}
		}
	}
}

// readPronounSource reads a source the sentence gives through thanks or
// a possessive pronoun.
func (rs *relationStage) readPronounSource(v *sentenceView, f *nounFrame) {
	if s, t, ok := v.thankedFor(f.chFirst); ok && !f.haveSrc {
		f.src, f.tgt, f.haveSrc, f.haveTgt = s, t, true, true
	}
	// "the army's backing": the apparatus is the state's, or the armed
	// forces' the text named (relation_refs.go).
	if k := f.chFirst; !f.haveSrc && v.disc != nil && v.word(k) == "the" && v.tag(k+2) == "POS" && k+2 < f.n && v.mention(k+1) < 0 {
		if class, ok := apparatusClass[v.word(k+1)]; ok {
			if x, ok := v.apparatusReferent(class, k); ok {
				f.src.Actors = []int{x}
				f.haveSrc = true
				f.conf *= 0.9
			}
		}
	}
	// A possessive pronoun names the source: "their summit", "its
	// airstrikes on Aleppo" — unless a cue of another kind governs the
	// noun ("suspended its aid to Syria" is a sanction).
	if !f.haveSrc && !rs.otherCueGoverns(v, f.chFirst, f.p) {
		for k := f.chFirst; k < f.n; k++ {
			if v.tag(k) != "PRP$" {
				continue
			}
			if xs := v.possessivePronounActors(k); len(xs) > 0 {
				f.src.Actors = append([]int(nil), xs...)
				f.haveSrc = true
				f.conf *= 0.9
				if f.p.Type.Symmetric() && len(xs) > 1 {
					f.together = true
				}
			}
			break
		}
	}
}

// readNegotiation retypes an accord that is only negotiated.
func (f *nounFrame) readNegotiation(v *sentenceView) {
	// No source in the phrase: the subject of the verb the noun is the
	// object of ("Turkey reiterated its support for the GNA", "Kerry
	// announced the move at a joint news conference with Lavrov").
	// "working on a deal with the Taliban", "negotiating an agreement":
	// the accord is not reached, but the parties are talking.
	if gov := v.governingVerb(f.chFirst); f.typ == schema.Agree && gov >= 0 && negotiatingVerbs[v.tok(gov).Lemma] {
		f.typ = schema.Consult
	}
}

// readApposition reads the source of a noun in apposition.
func (f *nounFrame) readApposition(v *sentenceView) {
	// "China, a close ally of Pakistan": an apposition's noun has the
	// phrase before the comma as its source.
	if !f.haveSrc && v.word(f.chFirst-1) == "," && (v.word(f.chFirst) == "a" || v.word(f.chFirst) == "an" || v.word(f.chFirst) == "the") {
		if pc := v.chunkOf(f.chFirst - 2); pc >= 0 {
			if g := v.groupLeft(pc); !g.empty() && v.actorHeaded(g) {
				f.src, f.haveSrc = g, true
				f.conf *= 0.9
			}
		}
	}
}

// readGovernor reads the source, modes and at times the target that the
// verb governing the noun phrase lends.
func (rs *relationStage) readGovernor(v *sentenceView, f *nounFrame) {
	if gov := rs.lendingGovernor(v, f); gov >= 0 {
		f.applyGovernor(v, gov)
	}
}

// lendingGovernor finds the verb whose subject the noun's event may take,
// or a negative number when none may.
func (rs *relationStage) lendingGovernor(v *sentenceView, f *nounFrame) int {
	gov := v.governingVerb(f.chFirst)
	if gov >= 0 && f.typ != f.p.Type {
		// the negotiating verb lends its subject
	} else if gov >= 0 {
		// "denounced the strike on a Syrian airfield" is no strike by
		// the speaker: a governing cue of another quad class does
		// not lend its subject; "lift the sanctions on Iran" says
		// there are sanctions.
		// Nor does a stance toward an accord make the speaker a party:
		// "the US and the EU welcomed the deal".
		if gp, ok := rs.cueAt(v, gov); ok && gp.pred.POS == verbCue &&
			(gp.pred.Type.Quad() != f.p.Type.Quad() || f.p.Type == schema.Agree && gp.pred.Type != schema.Agree &&
				(gp.pred.Type != schema.Consult || participationVerbs[v.tok(gov).Lemma])) &&
			!stoppers[v.tok(gov).Lemma] && !orderingVerbs[v.tok(gov).Lemma] &&
			!(f.p.Type == schema.Consult && v.verbGroupAt(gov).Passive && !v.hasByAgent(gov+1)) {
			// Only the one "summoned for talks" or "invited to talks"
			// takes part in them as the passive's subject.
			gov = -1
		}
	}
	if gov >= 0 && f.p.Type == schema.Consult && v.participates(gov, f.chFirst) {
		// "Egypt joined the mediation", "Qatar hosted the talks": a
		// participant, whom the meeting pass pairs with the parties.
		gov = -2
	}
	if gov >= 0 && f.p.Type == schema.Agree && participationVerbs[v.tok(gov).Lemma] {
		// "Ankara and Moscow would jointly monitor the truce": its
		// monitors, brokers or guarantors are no parties to it.
		gov = -2
	}
	if gov >= 0 && v.backgroundBetween(gov, f.chFirst, f.p.Type) {
		// "sanctioned Russia in response to the invasion of Ukraine":
		// a background event is its own agent's, never the clause's.
		gov = -2
	}
	if gov >= 0 && citingVerbs[v.tok(gov).Lemma] {
		// "a statement pointed to recent attacks on US bases": who cites
		// an event did not carry it out.
		gov = -2
	}
	if gov == -1 {
		gov = v.frontedGovernor(f.chFirst)
	}
	return gov
}

// gettingVerbs make their subject the one who gets what their object
// gives: "enjoyed the army's backing", "won Egypt's support".
var gettingVerbs = wordSet("have", "receive", "get", "enjoy", "win", "gain", "secure")

// fromGivers are the event types whose noun names its giver after "from"
// when a getting or facing verb governs it.
var fromGivers = map[schema.EventType]bool{schema.Support: true, schema.Accuse: true, schema.Threaten: true, schema.Aid: true}

// facingVerbs make their subject the target of what comes "from" someone:
// "Iran faced criticism from France", "drew condemnation from the EU".
var facingVerbs = wordSet("face", "draw", "attract", "earn", "provoke", "spark", "trigger", "prompt")

// readRecipient gives a support with a possessor as giver and no target
// the subject of the verb that gets it: "Haftar enjoyed Egypt's backing"
// is Egypt's support of Haftar. Aid nouns are left alone: "secure
// Syria's weapons" are weapons it has, not ones it gave.
func (f *nounFrame) readRecipient(v *sentenceView) {
	from := false
	if !f.haveSrc && !f.haveTgt && fromGivers[f.p.Type] && f.c >= 0 && v.word(v.chunks[f.c].Last) == "from" {
		// "faced criticism from France", "received support from Russia":
		// the giver after "from".
		if nc := v.chunkOf(v.chunks[f.c].Last + 1); nc >= 0 && v.chunks[nc].First == v.chunks[f.c].Last+1 {
			if g := v.groupRight(nc, true); !g.empty() && v.actorHeaded(g) {
				f.src, f.haveSrc, from = g, true, true
			}
		}
	}
	if !f.haveSrc || f.haveTgt || f.p.Type != schema.Support && !from {
		return
	}
	possessed := from
	for k := f.chFirst; k < f.n; k++ {
		possessed = possessed || v.tag(k) == "POS"
	}
	gov := v.governingVerb(f.chFirst)
	if !possessed || gov < 0 || !gettingVerbs[v.tok(gov).Lemma] && !(from && facingVerbs[v.tok(gov).Lemma]) {
		if from {
			f.src, f.haveSrc = group{}, false
		}
		return
	}
	gvg := v.verbGroupAt(gov)
	if gvg.Passive {
		return
	}
	if s, ok := v.verbSubject(gov, gvg); ok && !s.empty() {
		f.tgt, f.haveTgt = s, true
		f.modes |= gvg.Modes | v.clauseModes(gvg.Start) | v.infinitiveModes(gvg)
	}
}

// hasByAgent reports whether a passive verb ending at k names its agent.
func (v *sentenceView) hasByAgent(k int) bool {
	_, ok := v.byAgent(k)
	return ok
}

// applyGovernor takes the modes and source governing verb gov lends.
func (f *nounFrame) applyGovernor(v *sentenceView, gov int) {
	gvg := v.verbGroupAt(gov)
	f.modes |= v.reportedModes(gvg, gov+1) | v.clauseModes(gvg.Start) | v.infinitiveModes(gvg)
	if gvg.Modal != "" && v.conditionAfter(f.hit.Last) {
		f.modes |= modeHypothetical
	}
	switch gl := v.tok(gov).Lemma; {
	case stoppers[gl]:
		f.modes = 0 // "must halt its incursions": they happen
	case negativeGovernors[gl] || negatingLightVerbs[gl]:
		f.modes |= modeNegated
	case nounIntentVerbs[gl] && f.typ == f.p.Type:
		// "would consider sanctions on Iran", "called for talks
		// with Kabul": the event is wanted, not stated.
		f.modes |= modeHypothetical
	}
	gsubj, ok := v.verbSubject(gov, gvg)
	if gvg.Passive {
		if agent, aok := v.byAgent(gov + 1); aok {
			gsubj, ok = agent, true
		}
	}
	if ok && !gsubj.empty() {
		if receivingVerbs[v.tok(gov).Lemma] && (v.word(tgtPrepIndex(v, f.hit, f.p)) == "of" || v.word(tgtPrepIndex(v, f.hit, f.p)) == "from") {
			// "have the backing of Saudi Arabia": inverse.
			f.src, f.tgt = f.tgt, gsubj
			f.haveSrc, f.haveTgt = !f.src.empty(), !f.tgt.empty()
		} else if !f.haveSrc {
			f.src, f.haveSrc = gsubj, true
			f.conf *= 0.9
		}
	}
}

// nounFrameRelations turns a filled frame into relations, with the
// conventions the cue implies (lifting, conflicts, two-sided violence).
func (rs *relationStage) nounFrameRelations(v *sentenceView, f *nounFrame) []argRelation {
	if f.typ == schema.Consult && (v.word(f.n) == "call" || v.word(f.n) == "calls") && f.haveTgt &&
		v.word(f.tgt.Last) == "to" && verbTag(v.tag(f.tgt.Last+1)) {
		// "its call to the Syrian government to return to talks": a
		// demand, not a phone call.
		f.typ = schema.Request
	}
	if f.p.Inverse {
		f.src, f.tgt = f.tgt, f.src
		f.haveSrc, f.haveTgt = f.haveTgt, f.haveSrc
	}
	if !f.haveTgt && !f.p.Type.Symmetric() {
		if f.p.Conflict {
			return v.conflictImplications(f.hit, f.chFirst, v.conflictParties(f.tgt, f.together, v.dashPair(f.chFirst, f.n)), f.conf)
		}
		return nil
	}
	if f.typ == schema.Retreat && v.agreementTarget(f.tgt) {
		f.typ = schema.Reject
	}
	if f.typ.Symmetric() && !f.p.OneSided && v.separately(f.chFirst) {
		// "signed separate agreements with Turkey": no agreement of
		// the signers with each other.
		op := *f.p
		op.OneSided = true
		f.p = &op
		f.together = false
	}
	rels := pairUp(v, f.src, f.tgt, f.haveSrc, f.haveTgt, f.typ, f.p, f.hit, f.modes, f.conf, f.together)
	if gov := v.governingVerb(f.chFirst); gov >= 0 && f.p.Type == schema.Sanction && concedingStoppers[v.tok(gov).Lemma] {
		// "the US lifted its sanctions on Iran": lifting concedes, as the
		// lifting verb states it (GUIDELINES convention 8). The sanctions
		// were imposed before: a background relation with no date, so
		// that it never counts in the month of the lifting.
		gvg := v.verbGroupAt(gov)
		cm := v.reportedModes(gvg, gov+1) | v.clauseModes(gvg.Start) | v.infinitiveModes(gvg)
		if v.conditionAfter(f.hit.Last) {
			cm |= modeHypothetical
		}
		background := rels
		for j := range background {
			background[j].modes, background[j].background = 0, true
		}
		rels = append(pairUp(v, f.src, f.tgt, f.haveSrc, f.haveTgt, schema.Concede, f.p, f.hit, cm, f.conf*0.9, false), background...)
	}
	if f.p.Conflict {
		rels = append(rels, v.conflictImplications(f.hit, f.chFirst, v.conflictParties(f.tgt, f.together, v.dashPair(f.chFirst, f.n)), f.conf)...)
	}
	if f.p.Type.Symmetric() && !f.haveTgt && len(f.src.Actors) > 1 {
		// "US-Russia talks": the modifiers are the parties.
		return rels
	}
	// Two-sided violence between two groups runs both ways.
	if f.p.Type == schema.Assault && f.together {
		pairAll(f.tgt.Actors, func(s, t int) {
			rels = append(rels,
				argRelation{src: s, tgt: t, typ: f.p.Type, cue: f.hit, modes: f.modes, confidence: f.conf},
				argRelation{src: t, tgt: s, typ: f.p.Type, cue: f.hit, modes: f.modes, confidence: f.conf})
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
var concedingStoppers = wordSet("lift", "ease", "relax", "loosen", "remove", "reduce", "lower", "scrap", "waive", "suspend")

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
			p := k + 1
			for p < first && v.tag(p) == "RB" { // "is also in contact with"
				p++
			}
			if beForms[v.word(k)] && v.tag(p) == "IN" && (v.word(p) == "in" || v.word(p) == "at") && p < first {
				return k // "it was in contact with both governments"
			}
			if auxiliary(v.word(k)) && !perfectAux[v.word(k)] && v.word(k) != "get" && v.word(k) != "got" {
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
