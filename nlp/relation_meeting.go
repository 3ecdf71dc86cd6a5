package nlp

import (
	"github.com/geokg/geokg/schema"
)

// Meetings and their participants. News often names the parties of
// talks in one place and those who host, mediate or attend them in
// another: "The talks are hosted by Saudi Arabia and the United States",
// "negotiations mediated by the African Union", "the countries at the
// talks, which included Iran and Saudi Arabia", "Egypt joined the
// mediation". Hosting, mediating and attending are consultation with the
// parties (GUIDELINES: CONSULT covers meetings, talks and hosting), so
// each participant gets a CONSULT relation with each party. An agreement
// reached at talks is also a consultation between its parties: "signed
// the deal at the end of talks in Doha".

// meetingNouns name a meeting whose parties may be named elsewhere.
var meetingNouns = wordSet("talks", "meeting", "meetings", "summit", "negotiations", "negotiation", "mediation",
	"conference", "dialogue", "consultations", "discussions", "table", "process")

// participationVerbs make their subject, or their agent in the passive, a
// participant of the meeting they take as object: "Qatar hosted the
// talks", "the meeting, brokered by CARICOM and attended by Brazil".
var participationVerbs = wordSet("host", "co-host", "cohost", "attend", "join", "mediate", "broker", "chair",
	"guarantee", "sponsor", "facilitate", "lead", "organize", "organise", "convene", "oversee", "moderate",
	"arrange", "participate", "take", "preside", "observe", "witness", "supervise", "monitor")

// brokerVerbs make their subject or agent a participant of an accord's
// making: "a truce brokered by Egypt".
var brokerVerbs = wordSet("broker", "mediate", "facilitate", "guarantee", "sponsor", "witness", "oversee")

// includingVerbs take the meeting as subject and name its parties:
// "talks, which included Iran and Saudi Arabia".
var includingVerbs = wordSet("include", "involve", "bring", "gather", "feature", "comprise")

// newMeetingWords introduce a meeting other than the ones named before.
var newMeetingWords = wordSet("a", "an", "another", "separate", "new", "next", "future", "further", "parallel", "other")

// settingPreps put an agreement at a meeting: "agreed after 16 hours of
// talks", "signed at the summit".
var settingPreps = wordSet("at", "during", "after", "following", "in", "on", "throughout", "amid")

// meetingRelations finds the CONSULT relations of a sentence's meetings:
// participants with parties, parties included in a meeting, and the
// parties of an agreement reached at one. rels are the relations the
// sentence's cues gave.
func (rs *relationStage) meetingRelations(v *sentenceView, rels []argRelation) []argRelation {
	var out []argRelation
	for ci := range v.chunks {
		c := v.chunks[ci]
		head := v.headWord(ci)
		accord := agreementNouns[head] || head == "truce" || head == "ceasefire" || head == "cease-fire"
		if !meetingNouns[head] && !accord || v.mention(c.Head) >= 0 {
			continue
		}
		switch head {
		case "table":
			if v.word(c.Head-1) != "negotiating" {
				continue
			}
		case "process":
			if v.word(c.Head-1) != "peace" {
				continue
			}
		}
		parts, hit, modes, together, ok := v.meetingParticipants(ci)
		var included group
		var incHit cueHit
		setting := false
		if accord {
			// An accord has brokers, not hosts or guests: "a deal brokered
			// by Turkey and the UN".
			ok = ok && brokerVerbs[v.tok(hit.First).Lemma]
		} else {
			included, incHit = v.meetingIncluded(ci)
			setting = v.meetingSetting(ci)
		}
		if !ok && included.empty() && !setting {
			continue
		}
		parties, local := v.meetingParties(ci, rels, parts.Actors)
		add := func(s, t int, h cueHit, m modeSet, conf float64) {
			if s == t || v.affiliated(s, t) {
				return
			}
			out = append(out, argRelation{src: s, tgt: t, typ: schema.Consult, cue: h, modes: m, confidence: conf, claimant: -1})
		}
		if ok {
			if together {
				// Those who attend or join one meeting meet each other.
				pairAll(parts.Actors, func(s, t int) { add(s, t, hit, modes, 0.6) })
			}
			for _, p := range parts.Actors {
				for _, q := range parties {
					if !containsInt(parts.Actors, q) {
						add(p, q, hit, modes, 0.6)
					}
				}
			}
		}
		if !included.empty() {
			// The included are parties together, and with the parties the
			// phrase itself names; those of an earlier meeting may not
			// be the same talks.
			all := append([]int(nil), included.Actors...)
			if local {
				all = append(all, parties...)
			}
			var set []int
			for _, x := range all {
				set = appendUnique(set, x)
			}
			pairAll(set, func(s, t int) { add(s, t, incHit, 0, 0.6) })
			v.disc.addParties(incHit.First, set)
		}
		if setting {
			// The parties of an agreement reached at the meeting met.
			for _, r := range rels {
				if r.typ == schema.Agree && !r.modes.has(modeNegated) && !r.modes.has(modeHypothetical) {
					add(r.src, r.tgt, cueHit{pred: r.cue.pred, First: c.Head, Last: c.Head + 1}, r.modes, r.confidence*0.8)
				}
			}
		}
	}
	return out
}

// meetingParticipants finds who hosts, mediates, attends or joins the
// meeting of chunk ci: the subject of a participation verb whose object
// it is ("Egypt hosted the talks", "took part in the summit"), the agents
// of participles after it ("talks hosted by Angola", "the meeting, which
// was brokered by CARICOM and attended by officials from Brazil"), or the
// modifiers of "mediation" ("under Saudi and US mediation"). together
// reports whether all of them attend or join it, and so meet each other.
func (v *sentenceView) meetingParticipants(ci int) (parts group, hit cueHit, modes modeSet, together, ok bool) {
	c := v.chunks[ci]
	synthetic := &predicate{Type: schema.Consult, POS: verbCue}
	if v.headWord(ci) == "mediation" && len(c.Actors) > 0 {
		parts.Actors = append(parts.Actors, c.Actors...)
		hit = cueHit{pred: synthetic, First: c.Head, Last: c.Head + 1}
		ok = true
	}
	if gov := v.governingVerb(c.First); gov >= 0 && v.participates(gov, c.First) {
		vg := v.verbGroupAt(gov)
		if !vg.Passive {
			if s, sok := v.verbSubject(gov, vg); sok && !s.empty() {
				for _, x := range s.Actors {
					parts.Actors = appendUnique(parts.Actors, x)
				}
				hit = cueHit{pred: synthetic, First: gov, Last: gov + 1}
				modes = vg.Modes | v.clauseModes(vg.Start) | v.infinitiveModes(vg)
				together = attendingVerbs[v.tok(gov).Lemma]
				ok = true
			}
		}
	}
	// "led the mediation alongside Uhuru Kenyatta": a co-participant.
	if ok {
		k := c.Last
		if v.word(k) == "alongside" || (v.word(k) == "along" || v.word(k) == "together") && v.word(k+1) == "with" {
			if v.word(k) != "alongside" {
				k++
			}
			if nc := v.chunkOf(k + 1); nc >= 0 {
				for _, x := range v.groupRight(nc, true).Actors {
					parts.Actors = appendUnique(parts.Actors, x)
				}
			}
		}
	}
	// Participles after the noun, past its complements.
	k := v.skipComplements(c.Last)
	if v.word(k) == "," {
		k++
	}
	if relativePronouns[v.word(k)] {
		k++
	}
	for k < v.last && (beForms[v.word(k)] || auxiliary(v.word(k)) || v.tag(k) == "RB") {
		if negators[v.word(k)] {
			modes |= modeNegated
		}
		k++
	}
	for k < v.last {
		t := v.tag(k)
		by := k + 1
		for by < v.last && v.tag(by) == "RB" { // "joined remotely by"
			by++
		}
		if (t != "VBN" && t != "VBD") || !participationVerbs[v.tok(k).Lemma] || v.word(by) != "by" {
			break
		}
		agent, aok := v.byAgent(by)
		if !aok {
			break
		}
		if !ok {
			hit = cueHit{pred: synthetic, First: k, Last: k + 1}
			together = true
		}
		together = together && attendingVerbs[v.tok(k).Lemma]
		for _, x := range agent.Actors {
			parts.Actors = appendUnique(parts.Actors, x)
		}
		ok = true
		k = agent.Last
		if (v.word(k) == "and" || v.word(k) == ",") && (v.tag(k+1) == "VBN" || v.tag(k+1) == "VBD") {
			k++
			continue
		}
		break
	}
	return parts, hit, modes, together && len(parts.Actors) > 1, ok
}

// attendingVerbs make their subjects or agents guests of one meeting
// together, where hosts and brokers may each deal with the parties apart.
var attendingVerbs = wordSet("attend", "join", "participate", "take")

// participates reports whether the verb at gov makes its subject a
// participant of the meeting phrase starting at first: the phrase is its
// object, or follows "take part in", "participate in", "preside over".
func (v *sentenceView) participates(gov, first int) bool {
	lemma := v.tok(gov).Lemma
	if !participationVerbs[lemma] {
		return false
	}
	prep := ""
	for k := gov + 1; k < first; k++ {
		// "hosted several rounds of talks": a measure's "of" is no
		// preposition of the verb.
		if v.tag(k) == "IN" && !(v.word(k) == "of" && measureNouns[v.word(k-1)]) {
			prep = v.word(k)
		}
	}
	switch lemma {
	case "take":
		return v.word(gov+1) == "part" && prep == "in"
	case "participate":
		return prep == "in"
	case "preside":
		return prep == "over"
	}
	return prep == "" || lemma == "join" && prep == "in"
}

// skipComplements returns the token after the prepositional complements
// of a noun phrase ending at k: "talks between Kosovo and Serbia in
// Brussels on Monday".
func (v *sentenceView) skipComplements(k int) int {
	for hops := 0; hops < 3 && k < v.last; hops++ {
		switch v.word(k) {
		case "between", "with", "among", "in", "on", "at", "of", "over", "about":
			nc := v.chunkOf(k + 1)
			if nc < 0 {
				return k
			}
			k = v.groupRight(nc, false).Last
		default:
			return k
		}
	}
	return k
}

// meetingIncluded returns the parties a meeting is said to include:
// "the talks, which included Iran and Saudi Arabia", "talks including
// Russia", "a meeting that brought together Qatar and Egypt".
func (v *sentenceView) meetingIncluded(ci int) (group, cueHit) {
	c := v.chunks[ci]
	k := c.Last
	if v.word(k) == "," {
		k++
	}
	if v.word(k) == "which" || v.word(k) == "that" {
		k++
		for k < v.last && (auxiliary(v.word(k)) || v.tag(k) == "RB") {
			k++
		}
	}
	verb := k
	if k >= v.last || !includingVerbs[v.tok(k).Lemma] && v.word(k) != "including" && v.word(k) != "involving" {
		return group{}, cueHit{}
	}
	k++
	if v.word(k) == "together" { // "brought together"
		k++
	}
	nc := v.chunkOf(k)
	if nc < 0 || v.chunks[nc].First != k {
		return group{}, cueHit{}
	}
	g := v.groupRight(nc, true)
	if len(g.Actors) < 1 {
		return group{}, cueHit{}
	}
	return g, cueHit{pred: &predicate{Type: schema.Consult, POS: verbCue}, First: verb, Last: verb + 1}
}

// meetingSetting reports whether the meeting of chunk ci is where the
// clause's event took place: "agreed after 16 hours of talks", "signed
// at the summit", "at the close of a round of peace talks".
func (v *sentenceView) meetingSetting(ci int) bool {
	k := v.chunks[ci].First - 1
	for hops := 0; hops < 3 && v.word(k) == "of"; hops++ {
		pc := v.chunkOf(k - 1)
		if pc < 0 {
			return false
		}
		k = v.chunks[pc].First - 1
	}
	return settingPreps[v.word(k)] && v.tag(k) == "IN"
}

// meetingParties returns the parties of the meeting of chunk ci: its
// complement ("talks between Kosovo and Serbia"), its modifiers ("US-Russia
// talks"), its possessive ("their talks"), the parties of the sentence's
// own meetings and agreements, or else those of the last meeting before.
// Participants are left out. local reports whether the phrase itself
// names them.
func (v *sentenceView) meetingParties(ci int, rels []argRelation, participants []int) (parties []int, local bool) {
	c := v.chunks[ci]
	var out []int
	keep := func(xs []int) {
		for _, x := range xs {
			if !containsInt(participants, x) {
				out = appendUnique(out, x)
			}
		}
	}
	switch w := v.word(c.Last); w {
	case "between", "with", "among", "of":
		if nc := v.chunkOf(c.Last + 1); nc >= 0 {
			g := v.groupRight(nc, true)
			if w != "of" || len(g.Actors) > 1 {
				keep(g.Actors)
			}
			if w == "with" && len(out) == 1 {
				// "the meeting with Macron, attended by Scholz": the one
				// party named, not those of an earlier meeting; "the"
				// meeting is the one he had with someone before.
				if v.word(c.First) == "the" {
					if y, ok := v.disc.lastMeeting(c.First, out[0]); ok && !containsInt(participants, y) {
						out = append(out, y)
					}
				}
				return out, true
			}
		}
	}
	if len(out) == 0 && v.headWord(ci) != "mediation" {
		keep(c.Actors)
	}
	if len(out) == 0 {
		for k := c.First; k < c.Head; k++ {
			if v.tag(k) == "PRP$" {
				keep(v.possessivePronounActors(k))
			}
		}
	}
	if len(out) >= 2 {
		return out, true
	}
	out = out[:0]
	for _, r := range rels {
		if (r.typ == schema.Consult || r.typ == schema.Agree) && !r.modes.has(modeNegated) {
			keep([]int{r.src, r.tgt})
		}
	}
	if len(out) >= 2 {
		return out, false
	}
	out = out[:0]
	for k := c.First; k < c.Head; k++ {
		if newMeetingWords[v.word(k)] {
			return nil, false // "a separate meeting": not the one named before
		}
	}
	if v.disc != nil {
		if p, ok := v.disc.lastParties(c.First-refWindow, c.First); ok {
			keep(p)
		}
	}
	if len(out) >= 2 {
		return out, false
	}
	return nil, false
}
