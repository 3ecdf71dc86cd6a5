package nlp

import (
	"strings"

	"github.com/geokg/geokg/schema"
)

// Step 3, arguments: finding the subject, object and target groups of a
// cue in the chunked clause.

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

// subjectOf finds the subject group of the verb group starting at vs. For
// a relative clause it returns the antecedent: as the subject ("the U.S.,
// who back Syria's opposition") or, for an object relative ("Assad, whom
// Russia and Iran back"), as relObj with the clause's own subject.
func (v *sentenceView) subjectOf(vs int) (subj, relObj group, ok bool) {
	j := vs - 1
	for j >= v.first && (v.tag(j) == "RB" || v.word(j) == "all" || v.word(j) == "both") {
		j--
	}
	// "Mugabe last week fired his deputy", "Iran on Monday rejected":
	// a time phrase between the subject and its verb.
	if k := v.timePhraseStart(j); k > v.first && k < j+1 {
		// Not "strikes carried out in Syria Wednesday did not": a place
		// before the time is no subject.
		if c := v.chunkOf(k - 1); c >= 0 && !placePreps[v.word(v.chunks[c].First-1)] {
			j = k - 1
		} else if auxiliary(v.word(k-1)) && v.chunkOf(k-2) >= 0 {
			// "Iran and Iraq have in the past held talks".
			j = k - 2
		}
	}
	if j < v.first {
		return subj, relObj, false
	}
	w := v.word(j)
	if relativePronouns[w] && (v.tag(j) == "WP" || v.tag(j) == "WDT" || v.tag(j) == "IN") {
		ante, ok := v.antecedent(j)
		return ante, relObj, ok
	}
	if w == "," {
		if g, ok := v.namedApposition(j); ok {
			return g, relObj, true
		}
	}
	if j, w, ok = v.subjectPhraseEnd(j); !ok {
		return subj, relObj, false
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
	g := v.phraseOwner(v.groupLeft(c))
	// Pronouns: a first-person one in reported speech is the speaker
	// ("“We do not accept Iran's role,” an opposition member said"), a
	// third-person one the last fitting subject.
	if g.empty() && g.Last-g.First == 1 && v.tag(g.First) == "PRP" && v.mention(g.First) < 0 {
		switch pw := v.word(g.First); pw {
		case "i", "we":
			if sp, ok := v.reports.speakerGroup(g.First); ok {
				g.Actors = sp.Actors
				v.disc.noteSpeaker(g.First, g.Last, sp.Actors)
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

// namedApposition finds the person named between commas after a role
// phrase, closed by the comma at j: "The British ambassador to Russia,
// Laurie Bristow, was summoned" — Bristow, not Russia.
func (v *sentenceView) namedApposition(j int) (group, bool) {
	pc := v.chunkOf(j - 1)
	if pc < 0 || !v.isPersonChunk(pc) || v.word(v.chunks[pc].First-1) != "," {
		return group{}, false
	}
	rc := v.chunkOf(v.chunks[pc].First - 2)
	if rc < 0 {
		return group{}, false
	}
	g := v.groupLeft(rc)
	for hops := 0; hops < 3; hops++ {
		p := g.First - 1
		if v.tag(p) != "IN" && v.tag(p) != "TO" || subordinators[v.word(p)] || v.chunkOf(p-1) < 0 {
			break
		}
		g = v.groupLeft(v.chunkOf(p - 1))
	}
	if len(g.Chunks) == 0 || !v.isRoleChunk(g.Chunks[0]) || g.First != v.first && v.word(g.First-1) != "," {
		return group{}, false
	}
	return v.groupLeft(pc), true
}

// placePreps put a phrase in a place.
var placePreps = wordSet("in", "at", "near", "inside", "outside", "across", "throughout", "within", "around")

// timePhraseStart returns the first token of a time phrase ending at j
// ("last week", "on Monday", "yesterday"), or j+1 when none ends there.
func (v *sentenceView) timePhraseStart(j int) int {
	k := j + 1
	switch w := v.word(j); {
	case v.timeWordAt(j):
		k = j
	case (w == "week" || w == "month" || w == "year" || w == "weekend") && v.timeWordAt(j-1):
		k = j - 1
	case w == "past" && v.word(j-1) == "the" && v.word(j-2) == "in":
		return j - 2 // "in the past"
	case (w == "years" || w == "months" || w == "weeks") && (v.word(j-1) == "recent" || v.word(j-1) == "past") && v.word(j-2) == "in":
		return j - 2 // "in recent years"
	}
	if k <= j && v.word(k-1) == "on" {
		k--
	}
	return k
}

// subjectPhraseEnd moves j, the token before a verb group, past a
// bracketed list ("the Normandy Quartet (Russia, Germany, France,
// Ukraine) held talks") and a parenthetical between commas or dashes
// ("Russia, which backs Assad, condemned") to the end of the subject
// phrase. w is the word before the verb group that the coordination check
// reads; ok is false when no subject phrase can end there.
func (v *sentenceView) subjectPhraseEnd(j int) (end int, w string, ok bool) {
	w = v.word(j)
	// A bracketed list belongs to the phrase before it: "The leaders of
	// the Normandy Quartet (Russia, Germany, France, Ukraine) held talks".
	if w == ")" {
		k := j - 1
		for k > v.first && v.word(k) != "(" && j-k < 30 {
			k--
		}
		if v.word(k) != "(" || v.chunkOf(k-1) < 0 {
			return j, w, false
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
			return j, w, false
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
	return j, w, true
}

// phraseOwner climbs from a subject inside a prepositional phrase to the
// phrase it belongs to: "The assault on Tripoli has gained", "The leaders
// of France and Germany met".
func (v *sentenceView) phraseOwner(g group) group {
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
	return g
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
	if w := v.word(k); w == "," || w == "–" || w == "—" {
		// "Mnangagwa – who enjoyed the army's backing –": a dash opens
		// the clause as a comma does.
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
		case perfectAux[v.word(k)] && v.chunkOf(k+1) >= 0 && !verbTag(v.tag(k+1)):
			// "Kosovo, which has an Albanian majority and declared
			// independence": "has" with an object is the first verb.
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
	case "determined", "ready", "willing", "able", "due", "poised", "prepared", "eager", "keen", "likely", "unlikely", "unable", "set":
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
	if c < 0 && v.tag(k) == "IN" && v.word(k) != "by" && len(p.Targets) > 1 {
		// An adverbial phrase may come between the verb and its target
		// phrase: "met on Tuesday in Doha with the emir".
		return v.laterTarget(k, p)
	}
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

// relationAdjectives relate a phrase to an actor after "to": "people
// close to Mugabe", "forces loyal to Haftar".
var relationAdjectives = wordSet("close", "loyal", "linked", "allied", "related", "tied", "affiliated", "near", "opposed")

// hostilePurposes name what an assault is for, against its target:
// "launched an assault to topple the government in Tripoli".
var hostilePurposes = wordSet("topple", "oust", "remove", "overthrow", "unseat", "dislodge", "defeat", "destroy",
	"capture", "retake", "seize", "crush", "annihilate", "eliminate")

// forceTypes use force on their target, and forceDirections say where
// it was aimed: "fired rockets at Syria", "shelled into Israel" name the
// struck party, where "in Syria" names a place.
var (
	forceTypes      = map[schema.EventType]bool{schema.Assault: true, schema.Coerce: true}
	forceDirections = wordSet("at", "into")
)

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
		case w == "to" && verbTag(v.tag(i+1)) && !(typ == schema.Assault && hostilePurposes[v.tok(i+1).Lemma]):
			// "urged the generals to release Suu Kyi": the infinitive is
			// what the addressee is asked to do, not whom; "stormed the
			// embassy to arrest Glas": a purpose clause's object is its
			// own verb's.
			return group{}, false
		case w == "to" && relationAdjectives[v.word(i-1)]:
			// "targeting people close to Mugabe": those near an actor,
			// not the actor.
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
			if looseBarriers[v.word(i-1)] && !(forceTypes[typ] && forceDirections[v.word(i-1)]) ||
				typ == schema.Mobilize && (v.word(i-1) == "to" || forceDirections[v.word(i-1)]) {
				// "deploying troops to Libya": a destination, not an enemy.
				// "held a rally in Syria", "began air strikes in Syria": a
				// place or time, not a target; whoever was struck there is
				// named, or there is no relation (issue 12).
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
