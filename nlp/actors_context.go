package nlp

import (
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/geokg/geokg/schema"
)

// oppositionPass finds a country's opposition: "Syrian rebels", "the
// Libyan opposition", "Syria's opposition", and bare "the rebels" or
// "opposition groups" in an article about one country's conflict.
func (r *recognizer) oppositionPass() {
	a := r.a
	r.sortCands()
	for si, s := range a.Sentences {
		for k := s.First; k < s.Last; k++ {
			w := a.Tokens[k].Lower
			if _, ok := oppositionNouns[w]; !ok || r.candAt(k) >= 0 {
				continue
			}
			if (w == "militia" || w == "militias") && !r.rebelModifier(k, s) {
				// "clan militias that have joined the government's
				// offensive": militias fight for anyone.
				continue
			}
			if (w == "insurgents" || w == "insurgency" || w == "rebels" && r.namesArmedGroupAs(w)) && k > s.First &&
				a.Tokens[k-1].Lower == "the" && (k+1 >= s.Last || r.candAt(k+1) < 0) && r.namesArmedGroup() {
				// "vowed to defeat the insurgents" after al-Shabaab is named:
				// the group, which the relation stage resolves.
				continue
			}
			if r.nounAsLabel(k, s) {
				continue
			}
			if _, crowd := protestNouns[w]; crowd && !r.crowdActs(k, s) {
				continue
			}
			// "opposition to the plan", "opposition from the West" is a
			// stance, not a group.
			if w == "opposition" && k+1 < s.Last {
				switch a.Tokens[k+1].Lower {
				case "to", "from", "against", "by", "of", "within", "among":
					continue
				}
			}
			end := k + 1
			for end < s.Last && r.candAt(end) < 0 {
				if _, ok := oppositionFollowers[a.Tokens[end].Lower]; !ok {
					break
				}
				end++
			}
			if (w == "rebel" || w == "separatist") && end == k+1 && (end >= s.Last || !leaderNouns[a.Tokens[end].Lower]) {
				continue // an adjective before something else, but "rebel leader"
			}
			start := k
			country := -1
			// "Syrian rebels", "Syria's opposition", "Syrian opposition".
			p := k - 1
			for p >= s.First && isOppositionModifier(a.Tokens[p].Lower) {
				p--
			}
			if p >= s.First && (a.Tokens[p].Text == "'s" || a.Tokens[p].Text == "’s") {
				p--
			}
			if ci := r.candAt(p); ci >= 0 && p >= s.First && p == k-1 && r.sc.cands[ci].typ == schema.Group {
				// "ELN rebels", "M23 fighters": the named group itself.
				k = end - 1
				continue
			}
			if ci := r.candAt(p); ci >= 0 && p >= s.First {
				c := &r.sc.cands[ci]
				hyphenated := c.first > s.First && strings.HasSuffix(a.Tokens[c.first-1].Text, "-")
				if c.typ == schema.Country && c.lex >= 0 && c.last == p+1 && !hyphenated &&
					(c.kind == byDemonym || c.kind == byName) {
					country = c.lex
					if c.kind == byDemonym {
						r.dropCand(ci)
						start = c.first
					}
				}
			}
			r.addCand(cand{first: start, last: end, sent: si, kind: byName, lex: -1, typ: schema.Group,
				newName: "", place: false, weak: country < 0, actor: -1, possessive: false})
			c := &r.sc.cands[len(r.sc.cands)-1]
			c.lex = -1
			c.kind = byName
			_, c.crowd = protestNouns[w]
			if country >= 0 {
				c.newName = "\x00" + r.lex.actors[country].ID // resolved in identity
			}
			k = end - 1
		}
	}
}

// crowdActs reports whether the crowd noun at k acts in its sentence:
// the subject of a finite verb ("protesters stormed"), the agent of a
// passive ("ransacked by the protesters") or a side of a clash
// ("clashes between police and protesters").
func (r *recognizer) crowdActs(k int, s sentence) bool {
	a := r.a
	p := k - 1
	for p >= s.First && (a.Tokens[p].Lower == "the" || a.Tokens[p].Lower == "some" ||
		a.Tokens[p].Tag == "JJ" || a.Tokens[p].Lower == "of" || a.Tokens[p].Lower == "crowds") {
		p--
	}
	if p >= s.First {
		switch a.Tokens[p].Lower {
		case "by":
			return true
		case "and":
			for q := p - 1; q >= s.First && q >= p-4; q-- {
				if a.Tokens[q].Lower == "between" {
					return true
				}
			}
		case "with":
			if p > s.First && strings.HasPrefix(a.Tokens[p-1].Lower, "clash") {
				return true
			}
		}
		if a.Tokens[p].Tag == "IN" || a.Tokens[p].Tag == "TO" {
			return false // "a crackdown on protesters went on"
		}
	}
	if n := k + 1; n < s.Last {
		switch a.Tokens[n].Tag {
		case "VBD", "VBZ", "VBP":
			return !auxiliaryVerbs[a.Tokens[n].Lower]
		}
	}
	return false
}

// auxiliaryVerbs only carry tense or voice: "protesters were arrested"
// does not make them act.
var auxiliaryVerbs = wordSet("was", "were", "is", "are", "has", "have", "had", "get", "got", "gets")

// armedBandPass finds unnamed armed bands named by nationality: "heavily
// armed Serbs", "Serb gunmen". They fight as a party of their own, not as
// the state of their nationality, and are one group per article.
func (r *recognizer) armedBandPass() {
	a := r.a
	for ci := range r.sc.cands {
		c := r.sc.cands[ci]
		if c.drop || c.kind != byDemonym || c.typ != schema.Country || c.lex < 0 {
			continue
		}
		s := a.Sentences[c.sent]
		first, last := c.first, c.last
		switch {
		case last < s.Last && armedBandNouns[a.Tokens[last].Lower] && r.candAt(last) < 0:
			last++ // "Serb gunmen"
		case first > s.First && a.Tokens[first-1].Lower == "armed" && strings.HasSuffix(a.Tokens[last-1].Lower, "s"):
			first-- // "armed Serbs"
			if first > s.First && a.Tokens[first-1].Tag == "RB" {
				first-- // "heavily armed Serbs"
			}
		default:
			continue
		}
		r.dropCand(ci)
		name := r.lex.actors[c.lex].Demonym + " gunmen"
		r.addCand(cand{first: first, last: last, sent: c.sent, kind: byName, lex: -1, typ: schema.Group, newName: name})
	}
	r.sortCands()
}

// armedBandNouns name armed men without a name of their own.
var armedBandNouns = wordSet("gunmen", "gunman", "militiamen", "raiders", "assailants")

// leaderNouns after "rebel" make the rebels a party through the person
// who leads or speaks for them: "Ugandan rebel leader X".
var leaderNouns = wordSet("leader", "leaders", "commander", "commanders", "chief", "spokesman", "spokeswoman",
	"spokesperson", "negotiator", "negotiators")

// labelVerbs make the noun after them a label, not a party: "anyone
// found armed will be considered rebels".
var labelVerbs = wordSet("considered", "deemed", "branded", "labelled", "labeled", "called", "treated", "regarded",
	"declared", "designated")

// nounAsLabel reports whether the opposition noun at k is a label or a
// period rather than a party: "considered rebels", "branded as
// insurgents", "his role in the Iraq insurgency", "during the rebellion".
func (r *recognizer) nounAsLabel(k int, s sentence) bool {
	a := r.a
	p := k - 1
	if p >= s.First && a.Tokens[p].Lower == "as" {
		p--
	}
	if p >= s.First && labelVerbs[a.Tokens[p].Lower] {
		return true
	}
	if w := a.Tokens[k].Lower; w != "insurgency" && w != "rebellion" {
		return false
	}
	p = k - 1
	if ci := r.candAt(p); ci >= 0 && p >= s.First {
		p = r.sc.cands[ci].first - 1
	}
	if p >= s.First && a.Tokens[p].Lower == "the" {
		p--
	}
	if p < s.First {
		return false
	}
	switch a.Tokens[p].Lower {
	case "in", "during", "since", "after", "before", "throughout":
		return true
	}
	return false
}

// rebelModifier reports whether a word before the militia noun at k
// makes it a rebel force: "rebel militias", "anti-government militia".
func (r *recognizer) rebelModifier(k int, s sentence) bool {
	for j := k - 1; j >= s.First && j >= k-2; j-- {
		switch r.a.Tokens[j].Lower {
		case "rebel", "opposition", "anti-government", "insurgent", "separatist":
			return true
		case "pro-government", "government", "clan", "tribal", "allied", "local":
			return false
		}
	}
	// "the [Donetsk and Luhansk] militia": a region's own militia.
	if p := r.a.Tokens[k-1].Text; k > s.First && (p == "]" || startsUpper(p) && r.candAt(k-1) < 0) {
		return true
	}
	return false
}

// namesArmedGroup reports whether the article names a lexicon group.
func (r *recognizer) namesArmedGroup() bool {
	for ci := range r.sc.cands {
		c := &r.sc.cands[ci]
		if !c.drop && c.lex >= 0 && c.typ == schema.Group {
			return true
		}
	}
	return false
}

// namesArmedGroupAs reports whether the article names a lexicon group
// with the noun after it ("M23 rebels"), so that a later bare "the
// rebels" is that group, not a country's opposition.
func (r *recognizer) namesArmedGroupAs(noun string) bool {
	for ci := range r.sc.cands {
		c := &r.sc.cands[ci]
		if c.drop || c.lex < 0 || c.typ != schema.Group {
			continue
		}
		if r.a.Tokens[c.last-1].Lower == noun || c.last < len(r.a.Tokens) && r.a.Tokens[c.last].Lower == noun {
			return true
		}
	}
	return false
}

// isOppositionModifier reports whether w may stand between a demonym and
// an opposition noun ("Syrian armed opposition", "Ukrainian pro-Russian
// separatists").
func isOppositionModifier(w string) bool {
	switch w {
	case "armed", "moderate", "main", "political", "islamist", "jihadist", "kurdish", "militant",
		"mainstream", "exiled", "western-backed", "u.s.-backed", "us-backed", "turkish-backed":
		return true
	}
	return strings.HasPrefix(w, "pro-")
}

// contextPass drops capitals that only locate an event, weak references
// to actors the article does not otherwise name, and outlets that only
// report.
func (r *recognizer) contextPass() {
	a := r.a
	r.ownBodies()
	named := map[int]bool{} // lexicon actors with a strong mention
	for ci := range r.sc.cands {
		c := &r.sc.cands[ci]
		if c.drop || c.lex < 0 {
			continue
		}
		if c.place && !r.capitalActs(ci) {
			r.dropCand(ci)
			continue
		}
		if r.lex.actors[c.lex].Outlet && r.outletReports(ci) {
			r.dropCand(ci)
			continue
		}
		if !c.weak {
			named[c.lex] = true
		}
	}
	r.dropReporters()
	for ci := range r.sc.cands {
		c := &r.sc.cands[ci]
		if c.drop || c.lex < 0 || !c.weak {
			continue
		}
		// "ECOWAS … Nigerian President Bola Tinubu, who chairs the bloc":
		// a generic weak form means the last actor named before it that
		// the same noun can describe.
		if last := r.lastWithWeakHead(ci); last >= 0 && last != c.lex {
			c.lex = last
			c.typ = r.lex.actors[last].Type
		}
		// A weak form needs "the" before it and the actor named elsewhere.
		if !named[c.lex] || c.first == 0 || a.Tokens[c.first-1].Lower != "the" {
			r.dropCand(ci)
		}
	}
}

// ownBodies gives a state body named after another state's possessive
// to that state: "Iran's Supreme National Security Council" is Iran's,
// though the lexicon knows a National Security Council as Washington's.
func (r *recognizer) ownBodies() {
	a := r.a
	for ci := range r.sc.cands {
		c := &r.sc.cands[ci]
		if c.drop || c.kind != byBody || c.lex < 0 || c.typ != schema.Country {
			continue
		}
		if c.first <= a.Sentences[c.sent].First+1 {
			continue
		}
		k := c.first - 1
		for k > a.Sentences[c.sent].First && (r.candAt(k) < 0 || r.sc.cands[r.candAt(k)].lex < 0) &&
			startsUpper(a.Tokens[k].Text) && k > c.first-3 {
			k-- // "Supreme"
		}
		if t := a.Tokens[k].Text; t != "'s" && t != "’s" {
			continue
		}
		oc := r.candAt(k - 1)
		if oc < 0 || r.sc.cands[oc].typ != schema.Country || r.sc.cands[oc].lex < 0 || r.sc.cands[oc].lex == c.lex {
			continue
		}
		c.lex = r.sc.cands[oc].lex
		if mc := r.candAt(c.first - 1); mc >= 0 && r.sc.cands[mc].lex < 0 {
			r.dropCand(mc) // "Supreme" is no name of its own
		}
	}
}

// lastWithWeakHead returns the lexicon actor named last (by a strong
// form) before weak candidate ci whose weak forms share its head noun,
// or -1.
func (r *recognizer) lastWithWeakHead(ci int) int {
	c := &r.sc.cands[ci]
	head := r.a.Tokens[c.last-1].Lower
	best, bestAt := -1, -1
	for oi := range r.sc.cands {
		o := &r.sc.cands[oi]
		if o.drop || o.weak || o.lex < 0 || o.first >= c.first || o.first <= bestAt {
			continue
		}
		if slices.Contains(r.lex.actors[o.lex].WeakHeads, head) {
			best, bestAt = o.lex, o.first
		}
	}
	return best
}

// capitalActs reports whether a capital names the government: it speaks
// or acts ("Moscow said", "Washington wants"), owns something ("Moscow's
// support"), is acted on ("accused Tehran"), or stands beside an acting
// capital; but not after a locative preposition ("talks in Vienna") and
// not as a modifier ("the Vienna talks").
func (r *recognizer) capitalActs(ci int) bool {
	a := r.a
	c := &r.sc.cands[ci]
	s := a.Sentences[c.sent]
	prev := ""
	if c.first > s.First {
		prev = a.Tokens[c.first-1].Lower
	}
	if prev == "by" && c.first >= 2 && a.Tokens[c.first-2].Tag == "VBN" {
		// "the group backed by Tehran": the agent of a participle.
		return true
	}
	if prev == "from" && r.recallBefore(c.first-1, s) {
		// "recall its ambassadors from Bamako": the government.
		return true
	}
	if prev == "to" && (r.transferBefore(c.first-1, s) || r.relativeClauseActs(ci)) {
		// "sent a letter to Washington", "handed over to Moscow",
		// "notice of its airstrikes to Washington, which is conducting its
		// own": the recipient is the government.
		return true
	}
	if _, loc := locativePrepositions[prev]; loc {
		return false
	}
	if prev == "with" || prev == "against" || prev == "on" && c.first >= 2 && !strings.HasPrefix(a.Tokens[c.first-2].Tag, "NN") {
		// "lodged a protest with New Delhi", "sanctions against Moscow",
		// "called on Tehran to limit": a party, not a place.
		return true
	}
	// "talks in Paris and Berlin ended": the second of two places.
	if prev == "and" && c.first-3 >= s.First && startsUpper(a.Tokens[c.first-2].Text) {
		if _, loc := locativePrepositions[a.Tokens[c.first-3].Lower]; loc {
			return false
		}
	}
	if c.last >= s.Last {
		return false
	}
	next := &a.Tokens[c.last]
	if c.possessive {
		if c.last+1 < s.Last {
			if _, place := processNouns[a.Tokens[c.last+1].Lower]; place {
				return false
			}
		}
		return true
	}
	if _, place := processNouns[next.Lower]; place {
		return false
	}
	if strings.HasPrefix(next.Text, "-") { // "Moscow-based"
		return false
	}
	// A verb follows, possibly after auxiliaries and adverbs.
	for k := c.last; k < s.Last && k < c.last+4; k++ {
		t := &a.Tokens[k]
		if strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" {
			return true
		}
		if t.Tag != "RB" && t.Tag != "," {
			break
		}
	}
	// Coordinated with another capital or country that acts: "Moscow and
	// Kiev agreed", "between Moscow and Washington".
	if prev == "between" || (next.Lower == "and" && c.last+1 < s.Last) {
		if oc := r.candAt(c.last + 1); oc >= 0 && r.sc.cands[oc].typ == schema.Country {
			return true
		}
		if prev == "between" {
			return true
		}
	}
	if c.first >= 2 && prev == "and" {
		// "accused Washington and Seoul": beside a country, or a capital
		// that acts itself.
		if oc := r.candAt(c.first - 2); oc >= 0 && r.sc.cands[oc].typ == schema.Country &&
			(!r.sc.cands[oc].place || r.sc.cands[oc].first < c.first && r.capitalActs(oc)) {
			return true
		}
	}
	// The object of a verb: "accused Tehran", "urged Washington".
	if c.first > s.First && strings.HasPrefix(a.Tokens[c.first-1].Tag, "VB") {
		return true
	}
	return false
}

// transferNouns and transferVerbs give something to the capital after
// "to": a recipient, not a destination.
var (
	transferNouns = setOf("letter", "letters", "message", "messages", "note", "notice", "warning", "signal",
		"signals", "request", "proposal", "proposals", "reply", "response", "complaint", "appeal", "offer",
		"invitation", "ultimatum", "assurances", "guarantees", "list", "report", "data", "information", "intelligence")
	transferVerbs = setOf("sent", "send", "sends", "sending", "handed", "hand", "hands", "delivered", "deliver",
		"submitted", "submit", "conveyed", "convey", "passed", "gave", "give", "given", "extradited", "extradite",
		"wrote", "write", "written", "transferred", "transfer", "surrendered", "surrender", "sold", "sell",
		"supplied", "supply", "provided", "provide", "offered", "offer", "turned", "returned", "leaked", "leak", "over")
)

// transferBefore reports whether a transfer noun or verb stands a few
// tokens before the "to" at k.
func (r *recognizer) transferBefore(k int, s sentence) bool {
	a := r.a
	for i := k - 1; i >= s.First && i >= k-6; i-- {
		w := a.Tokens[i].Lower
		if _, ok := transferNouns[w]; ok {
			return true
		}
		if _, ok := transferVerbs[w]; ok {
			return true
		}
		if strings.HasPrefix(a.Tokens[i].Tag, "VB") {
			return false // another verb: "flew to", "moved troops to"
		}
	}
	return false
}

// recallBefore reports whether envoys are recalled or expelled a few
// tokens before the "from" at k: "recall its members' ambassadors from
// Bamako".
func (r *recognizer) recallBefore(k int, s sentence) bool {
	a := r.a
	envoy := false
	for i := k - 1; i >= s.First && i >= k-6; i-- {
		switch a.Tokens[i].Lower {
		case "ambassador", "ambassadors", "envoy", "envoys", "diplomats", "diplomat", "embassy", "staff":
			envoy = true
		case "recall", "recalled", "recalls", "recalling", "withdraw", "withdrew", "withdrawn", "withdrawing",
			"pull", "pulled", "expel", "expelled", "summon", "summoned":
			return envoy
		}
	}
	return false
}

// relativeClauseActs reports whether the capital is the subject of a
// relative clause: "Washington, which is conducting its own airstrikes".
func (r *recognizer) relativeClauseActs(ci int) bool {
	a := r.a
	c := &r.sc.cands[ci]
	s := a.Sentences[c.sent]
	k := c.last
	if k+2 >= s.Last || a.Tokens[k].Text != "," {
		return false
	}
	if w := a.Tokens[k+1].Lower; w != "which" && w != "who" {
		return false
	}
	t := a.Tokens[k+2].Tag
	return strings.HasPrefix(t, "VB") || t == "MD" || t == "RB"
}

// outletReports reports whether an outlet mention only attributes the
// news: "told Reuters", "Reuters reported", "according to AP", "(AFP)".
func (r *recognizer) outletReports(ci int) bool {
	a := r.a
	c := &r.sc.cands[ci]
	s := a.Sentences[c.sent]
	prev, next := "", ""
	if c.first > s.First {
		prev = a.Tokens[c.first-1].Lower
		if prev == "the" && c.first-1 > s.First {
			prev = a.Tokens[c.first-2].Lower // "told the BBC"
		}
	}
	if c.last < s.Last {
		next = a.Tokens[c.last].Lower
	}
	if prev == "(" || prev == "told" || prev == "to" || prev == "by" || next == ")" {
		return true
	}
	// "news agency AFP", "American broadcaster CNN": the outlet named by
	// what it is, as a source.
	if _, media := mediaNouns[prev]; media {
		return true
	}
	// "reports from the BBC", "footage from CNN".
	if prev == "from" && c.first >= 2 {
		if _, ok := reportNouns[a.Tokens[c.first-2].Lower]; ok {
			return true
		}
	}
	// "BBC Bengali suggests", "BBC Persian reported": a language service.
	if c.last+1 < s.Last && startsUpper(a.Tokens[c.last].Text) {
		if _, ok := outletReportVerbs[a.Tokens[c.last+1].Lower]; ok {
			return true
		}
	}
	if _, ok := outletReportVerbs[next]; ok {
		return true
	}
	if c.possessive || next == "news" {
		return true
	}
	if c.first > s.First+1 && a.Tokens[c.first-2].Lower == "according" {
		return true
	}
	return false
}

// placePass drops country mentions that only locate: datelines ("HANOI,
// Vietnam (AP) —"), a country inside a longer name ("Malaysia Airlines"),
// and countries the whole article names only as places ("talks in
// Vietnam") or only by a demonym before a common noun ("the Malaysian
// airliner", "the Belarusian capital").
func (r *recognizer) placePass() {
	a := r.a
	for _, s := range a.Sentences {
		if end := r.datelineEnd(s); end > s.First {
			for k := s.First; k < end; k++ {
				if ci := r.candAt(k); ci >= 0 {
					r.dropCand(ci)
				}
			}
		}
	}
	strong := map[int]bool{}
	for ci := range r.sc.cands {
		c := &r.sc.cands[ci]
		if c.drop || c.lex < 0 {
			continue
		}
		s := a.Sentences[c.sent]
		// A body of an organization as a venue: "at the UN General
		// Assembly", "on the sidelines of the Security Council".
		if pw := r.prevWord(c.first, s, true); c.typ == schema.Organization && c.kind == byBody &&
			(pw == "at" || pw == "of" && c.first >= 3 && r.prevWord(c.first-2, s, false) == "sidelines") {
			r.dropCand(ci)
			continue
		}
		if c.typ != schema.Country {
			continue
		}
		// "Malaysia Airlines": the country starts a longer name.
		if c.kind == byName && !c.possessive && c.last < s.Last && !(s.Headline && r.isTitleCase(s)) {
			nc := r.candAt(c.last)
			if nxt := &a.Tokens[c.last]; (nc < 0 || r.sc.cands[nc].lex < 0) && !r.sc.isTitle[c.last] &&
				(nxt.Tag == "NNP" || nxt.Tag == "NNPS") && startsUpper(nxt.Text) {
				if _, fw := functionWords[nxt.Lower]; !fw {
					r.dropCand(ci)
					continue
				}
			}
		}
		if r.strongCountryMention(ci) {
			strong[c.lex] = true
		}
	}
	for ci := range r.sc.cands {
		c := &r.sc.cands[ci]
		if !c.drop && c.lex >= 0 && c.typ == schema.Country && !strong[c.lex] {
			r.dropCand(ci)
		}
	}
}

// datelineEnd returns the end of a dateline at the start of sentence s —
// an upper-case place, optional country and agency, then a dash — or
// s.First when there is none.
func (r *recognizer) datelineEnd(s sentence) int {
	a := r.a
	if s.Headline || s.Last-s.First < 3 || !isAllCapsWord(a.Tokens[s.First].Text) {
		return s.First
	}
	for k := s.First + 1; k < s.Last && k < s.First+12; k++ {
		switch a.Tokens[k].Text {
		case "—", "–", "--", "-":
			return k + 1
		}
	}
	return s.First
}

// isAllCapsWord reports whether w has at least three letters, all
// upper-case.
func isAllCapsWord(w string) bool {
	n := 0
	for _, c := range w {
		if unicode.IsLetter(c) {
			if !unicode.IsUpper(c) {
				return false
			}
			n++
		}
	}
	return n >= 3
}

// strongCountryMention reports whether a country mention makes the
// country an actor: a name not in a locative frame, a capital or body,
// or a demonym that does more than modify a common noun.
func (r *recognizer) strongCountryMention(ci int) bool {
	a := r.a
	c := &r.sc.cands[ci]
	s := a.Sentences[c.sent]
	switch c.kind {
	case byName:
		if c.possessive && r.ownsOutlet(ci) {
			return false // "Italy's Corriere della Sera newspaper"
		}
		if c.possessive && r.locatesPlace(ci) {
			return false // "talks in Switzerland's Geneva"
		}
		if c.first == s.First || c.possessive {
			return true
		}
		if r.travelToEvent(c.first, c.last, s) {
			return false // "flew to Cuba for the signing ceremony"
		}
		prev := a.Tokens[c.first-1].Lower
		if prev == "the" && c.first-1 > s.First {
			prev = a.Tokens[c.first-2].Lower
		}
		switch prev {
		case "in", "across", "inside", "throughout", "near", "within":
			return false
		case "and", "or":
			// "troops in Iraq and Syria": the second of two places.
			if pc := r.candAt(c.first - 2); pc >= 0 && r.sc.cands[pc].typ == schema.Country && r.sc.cands[pc].kind == byName {
				switch r.prevWord(r.sc.cands[pc].first, s, true) {
				case "in", "across", "inside", "throughout", "near", "within":
					return false
				}
			}
		case ",":
			// "in Lausanne, Switzerland": the country of a place.
			if c.first >= 3 && startsUpper(a.Tokens[c.first-2].Text) {
				if pc := r.candAt(c.first - 2); pc < 0 || r.sc.cands[pc].place || r.sc.cands[pc].lex < 0 {
					// "in Addis Ababa, Ethiopia": the place may be several words.
					p := c.first - 3
					for p > s.First && p > c.first-6 && startsUpper(a.Tokens[p].Text) && r.candAt(p) == r.candAt(c.first-2) {
						p--
					}
					if _, loc := locativePrepositions[a.Tokens[p].Lower]; loc {
						return false
					}
				}
			}
		case "on":
			if c.first >= 2 {
				if _, topic := processNouns[a.Tokens[c.first-2].Lower]; topic || a.Tokens[c.first-2].Lower == "resolution" {
					return false
				}
			}
		}
		return true
	case byDemonym:
		if r.inTitle(c.first) {
			return true // "head of the Mexican consular section": the person's state
		}
		// "known in Spanish as", "wrote in Arabic": a language.
		if r.prevWord(c.first, s, false) == "in" && c.last == c.first+1 &&
			(c.last >= s.Last || !strings.HasPrefix(a.Tokens[c.last].Tag, "NN") && !r.sc.isTitle[c.last] && r.candAt(c.last) < 0) {
			return false
		}
		// "two Indians and a Pakistani were killed": a nationality noun
		// counted or with an article names individuals, not the state.
		if c.first > s.First && c.last == c.first+1 {
			if pw := a.Tokens[c.first-1]; pw.Lower == "a" || pw.Lower == "an" || pw.Tag == "CD" || numberWords[pw.Lower] > 0 {
				if nt := c.last; nt >= s.Last || !strings.HasPrefix(a.Tokens[nt].Tag, "NN") && !r.sc.isTitle[nt] && r.candAt(nt) < 0 {
					return false
				}
			}
		}
		if c.last >= s.Last {
			return true
		}
		k := c.last
		if r.sc.isTitle[k] || r.candAt(k) >= 0 {
			return true // "Kazakh Foreign Minister", "Russian President Putin"
		}
		t := &a.Tokens[k]
		if strings.HasPrefix(t.Tag, "NN") || t.Tag == "JJ" || t.Tag == "VBG" || t.Tag == "VBN" {
			// A plural demonym is a noun itself ("Russians say").
			return strings.HasSuffix(a.Tokens[c.first].Lower, "s") && a.Tokens[c.first].Tag == "NNPS"
		}
		return true
	}
	return true
}

// travelToEvent reports whether the place at [first, last) is where
// someone travels for a ceremony, summit or other event held there
// ("flew to Cuba for the signing ceremony", "travelled to Egypt for a
// climate summit"): the venue of the event, not a host government met.
// Travel "for talks" is a visit (GUIDELINES, visits) and stays.
func (r *recognizer) travelToEvent(first, last int, s sentence) bool {
	a := r.a
	if first < s.First+2 || a.Tokens[first-1].Lower != "to" || !isTravelVerb(a.Tokens[first-2].Lower) {
		return false
	}
	if last >= s.Last || a.Tokens[last].Lower != "for" {
		return false
	}
	for k := last + 1; k < s.Last && k <= last+4; k++ {
		if eventNouns[a.Tokens[k].Lower] {
			return true
		}
		if t := a.Tokens[k].Tag; t != "DT" && t != "JJ" && t != "NN" && t != "VBG" && t != "NNP" && t != "CD" {
			return false
		}
	}
	return false
}

// travelForms lemmatizes the inflections of the relation stage's travel
// verbs ("flew", "went"), which recognition sees before lemmas are set.
var travelForms = newLemmatizer(slices.Collect(maps.Keys(travelVerbs)), nil)

// isTravelVerb reports whether w is a form of a travel verb.
func isTravelVerb(w string) bool {
	l, ok := travelForms.verbLemma(w)
	return ok && travelVerbs[l]
}

// eventNouns are events held at a venue, which a traveller attends
// rather than visits the host.
var eventNouns = wordSet("ceremony", "ceremonies", "summit", "conference", "funeral", "inauguration", "forum",
	"games", "olympics", "tournament", "festival", "assembly", "congress", "signing", "celebrations", "parade",
	"coronation", "wedding", "gathering")

// mediaNouns name news outlets: "Italy's Corriere della Sera newspaper".
var mediaNouns = setOf("news", "newspaper", "newspapers", "daily", "paper", "magazine", "weekly", "agency", "broadcaster",
	"television", "tv", "radio", "channel", "website", "outlet", "tabloid")

// ownsOutlet reports whether a possessive country mention names the home
// of a news outlet rather than an actor: a known outlet or a name
// followed by a media noun comes after it.
func (r *recognizer) ownsOutlet(ci int) bool {
	a := r.a
	c := &r.sc.cands[ci]
	s := a.Sentences[c.sent]
	k := c.last
	if k < s.Last && (a.Tokens[k].Text == "'s" || a.Tokens[k].Text == "’s") {
		k++
	}
	if oc := r.candAt(k); oc >= 0 && r.sc.cands[oc].lex >= 0 && r.lex.actors[r.sc.cands[oc].lex].Outlet {
		return true
	}
	// A name, particles included ("Corriere della Sera"), then a media
	// noun.
	for names := 0; k < s.Last && names < 6; names++ {
		t := a.Tokens[k].Lower
		particle := t == "della" || t == "de" || t == "la" || t == "del" || t == "di" || t == "el" || t == "al"
		if !startsUpper(a.Tokens[k].Text) && !(particle && k+1 < s.Last && startsUpper(a.Tokens[k+1].Text)) {
			break
		}
		k++
	}
	if k >= s.Last {
		return false
	}
	_, media := mediaNouns[a.Tokens[k].Lower]
	return media
}

// prevWord returns the lower-case word before token k in s, skipping
// "the" when skipThe is set, or "".
func (r *recognizer) prevWord(k int, s sentence, skipThe bool) string {
	k--
	if skipThe && k >= s.First && r.a.Tokens[k].Lower == "the" {
		k--
	}
	if k < s.First {
		return ""
	}
	return r.a.Tokens[k].Lower
}

// dropReporters drops those who only report the story: an outlet the
// lexicon lacks but whose name says what it is ("the Rwanda Broadcasting
// Agency tweeted"), and a journalist introduced as one who speaks
// ("reporter Jane Doe said").
func (r *recognizer) dropReporters() {
	a := r.a
	for ci := range r.sc.cands {
		c := &r.sc.cands[ci]
		if c.drop || c.lex >= 0 {
			continue
		}
		switch c.typ {
		case schema.Organization:
			media := false
			for k := c.first; k < c.last; k++ {
				if _, ok := mediaWords[a.Tokens[k].Lower]; ok {
					media = true
				}
			}
			if media && r.outletReports(ci) {
				r.dropCand(ci)
			}
		case schema.Person:
			s := a.Sentences[c.sent]
			if c.first == s.First || c.last >= s.Last {
				continue
			}
			_, journalist := journalistNouns[a.Tokens[c.first-1].Lower]
			// "state broadcaster KBC said": an outlet the lexicon lacks,
			// named by what it is, looks like a one-word person.
			_, outlet := mediaNouns[a.Tokens[c.first-1].Lower]
			if !journalist && !outlet {
				continue
			}
			next := a.Tokens[c.last].Lower
			_, speech := speechVerbs[next]
			_, report := outletReportVerbs[next]
			if speech || report {
				r.dropCand(ci)
			}
		}
	}
}

// locatesPlace reports whether a possessive country mention after a
// locative preposition names the country of a place: "in Switzerland's
// Geneva", "near Syria's Idlib province" (but "in Russia's war" is
// Russia's).
func (r *recognizer) locatesPlace(ci int) bool {
	a := r.a
	c := &r.sc.cands[ci]
	s := a.Sentences[c.sent]
	switch r.prevWord(c.first, s, false) {
	case "in", "at", "near", "inside", "outside", "across", "throughout", "within", "into":
	default:
		return false
	}
	k := c.last + 1 // after "'s"
	if k >= s.Last || !startsUpper(a.Tokens[k].Text) {
		return false
	}
	if oc := r.candAt(k); oc >= 0 && r.sc.cands[oc].lex >= 0 {
		return r.sc.cands[oc].place // a known actor after it is the country's: "in Iran's Revolutionary Guards"
	}
	return true
}

// inTitle reports whether token k lies inside a title phrase.
func (r *recognizer) inTitle(k int) bool {
	for _, t := range r.sc.titles {
		if t.first <= k && k < t.last {
			return true
		}
	}
	return false
}
