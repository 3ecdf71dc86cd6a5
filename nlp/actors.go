package nlp

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/geokg/geokg/schema"
)

// Actor recognition runs in passes over the tagged tokens of an article:
//
//  1. lexicon: longest match of the lexicon's forms over token keys;
//  2. bodies: a country's name, demonym or capital followed by a state
//     body noun becomes one mention of the state ("Russian forces");
//  3. names: titles ("Foreign Minister") are marked, and the remaining runs
//     of capitalized tokens become persons or organizations;
//  4. opposition: "<demonym> rebels/opposition" and bare "the rebels"
//     become the country's opposition group;
//  5. context: capitals that only locate an event, weak references to
//     actors the article does not name, and outlets that only report are
//     dropped;
//  6. identity: every mention gets its actor, persons by name matching;
//  7. roles: title patterns give persons their role and affiliation.

// cand is a mention candidate.
type cand struct {
	first, last int // tokens[first:last]
	sent        int
	kind        mentionKind
	lex         int // lexicon actor, or -1
	// name is the candidate's name key tokens for persons and new
	// organizations.
	typ   schema.ActorType
	place bool // a capital: the government only in acting contexts
	weak  bool // a weak reference
	drop  bool
	// actor is the index into the article's actors, set by identity.
	actor int
	// possessive: followed by 's.
	possessive bool
	// crowd: an acting crowd ("protesters stormed"), a group of its own
	// apart from the country's organized opposition.
	crowd bool
	// newName is the display name of an actor the lexicon lacks.
	newName string
	// merged marks a name joined with a lexicon surname ("Ivanka Trump").
	merged bool
}

// titleSpan is a title phrase before or after a name ("U.S. Secretary of
// State", "the U.N. envoy to Syria").
type titleSpan struct {
	first, last int
}

// actorScratch is per-article working memory of the recognizer, kept in
// the pooled analysis.
type actorScratch struct {
	keys    []string // token keys (see tokenKey)
	cands   []cand
	cover   []int32 // token → index into cands, or -1
	isTitle []bool  // token is inside a title phrase
	titles  []titleSpan
}

func (s *actorScratch) reset() {
	s.keys = s.keys[:0]
	s.cands = s.cands[:0]
	s.cover = s.cover[:0]
	s.isTitle = s.isTitle[:0]
	s.titles = s.titles[:0]
}

// recognize fills a.Actors and a.Mentions.
func (x *Extractor) recognize(a *analysis) {
	r := &recognizer{lex: x.lex, a: a, sc: &a.scratch}
	r.prepare()
	r.lexiconPass()
	r.ledCoalitionPass()
	r.bodyPass()
	r.titlePass()
	r.partyNamePass()
	r.aliasNamePass()
	r.namePass()
	r.oppositionPass()
	r.armedBandPass()
	r.contextPass()
	r.memberPluralPass()
	r.placePass()
	r.identityPass()
	r.rolePass()
	r.sectorPass()
}

type recognizer struct {
	lex *lexicon
	a   *analysis
	sc  *actorScratch
	// people are the article's persons being built.
	people []person
	// entLex maps the article's actors to lexicon actors (or -1).
	entLex []int
	// theater caches theaterCountry: lexicon index + 1, 0 when unknown.
	theater int
	// opposition is the entity of the article's opposition group, or -1.
	opposition int
	// fallbackAff are the lexicon's affiliations of the article's actors.
	fallbackAff []string
}

func (r *recognizer) prepare() {
	a, sc := r.a, r.sc
	for i := range a.Tokens {
		t := &a.Tokens[i]
		if t.Lemma == "" {
			t.Lemma = t.Lower
		}
		sc.keys = append(sc.keys, tokenKey(t.Text, t.Lower))
		sc.cover = append(sc.cover, -1)
		sc.isTitle = append(sc.isTitle, false)
	}
}

// addCand records a candidate and marks its tokens covered.
func (r *recognizer) addCand(c cand) int {
	i := len(r.sc.cands)
	c.actor = -1
	if c.last < len(r.a.Tokens) {
		w := r.a.Tokens[c.last].Text
		c.possessive = w == "'s" || w == "’s" || w == "'" || w == "’"
	}
	r.sc.cands = append(r.sc.cands, c)
	for k := c.first; k < c.last; k++ {
		r.sc.cover[k] = int32(i)
	}
	return i
}

// dropCand removes a candidate and frees its tokens.
func (r *recognizer) dropCand(i int) {
	c := &r.sc.cands[i]
	c.drop = true
	for k := c.first; k < c.last; k++ {
		if r.sc.cover[k] == int32(i) {
			r.sc.cover[k] = -1
		}
	}
}

// candAt returns the live candidate covering token k, or -1.
func (r *recognizer) candAt(k int) int {
	if k < 0 || k >= len(r.sc.cover) {
		return -1
	}
	return int(r.sc.cover[k])
}

// lexiconPass matches the lexicon's forms, longest first.
func (r *recognizer) lexiconPass() {
	a, sc := r.a, r.sc
	for si, s := range a.Sentences {
		for i := s.First; i < s.Last; {
			n, f := r.matchAt(i, s.Last)
			if n == 0 {
				i++
				continue
			}
			if f.weak && (i == s.First || a.Tokens[i-1].Lower != "the") {
				i++ // a weak form is "the bloc", never a word inside a name
				continue
			}
			la := r.lex.actors[f.actor]
			r.addCand(cand{first: i, last: i + n, sent: si, kind: f.kind, lex: f.actor, typ: la.Type,
				place: f.place, weak: f.weak})
			i += n
		}
	}
	_ = sc
}

// matchAt returns the length of the longest lexicon form at token i.
func (r *recognizer) matchAt(i, end int) (int, *form) {
	a, sc := r.a, r.sc
	fs := r.lex.forms[sc.keys[i]]
	for fi := range fs {
		f := &fs[fi]
		n := len(f.keys)
		if i+n > end {
			continue
		}
		ok := true
		for j := 0; j < n; j++ {
			if sc.keys[i+j] != f.keys[j] || !capsOK(a.Tokens[i+j].Text, f.caps[j]) {
				ok = false
				break
			}
		}
		if ok {
			return n, f
		}
	}
	return 0, nil
}

// ledHeads are the bodies a state can lead: "the Saudi-led coalition".
var ledHeads = setOf("coalition", "alliance", "force", "forces", "mission", "bloc")

// ledCoalitionPass makes "the Saudi-led coalition", "a U.S.-led
// alliance" an organization of its own: the coalition acts, not the
// state that leads it. Its identity is the leader's code
// ("SAU-led coalition"), whatever the spelling.
func (r *recognizer) ledCoalitionPass() {
	a := r.a
	for ci := range r.sc.cands {
		c := r.sc.cands[ci]
		if c.drop || c.typ != schema.Country || c.lex < 0 || c.last+1 >= a.Sentences[c.sent].Last {
			continue
		}
		if a.Tokens[c.last].Lower != "-led" || !r.glued(c.last) {
			continue
		}
		head := a.Tokens[c.last+1].Lower
		if _, ok := ledHeads[head]; !ok || r.candAt(c.last+1) >= 0 {
			continue
		}
		r.dropCand(ci)
		id := r.lex.actors[c.lex].ID + "-led " + head
		r.addCand(cand{first: c.first, last: c.last + 2, sent: c.sent, kind: byName, lex: -1,
			typ: schema.Organization, newName: "\x01" + id + "\x01" + r.spanText(c.first, c.last+2)})
	}
}

// bodyPass extends country mentions over a following state body ("Russian
// forces", "Syria's government", "Kiev forces", "the U.S. military") and
// finds "the government in Kabul".
func (r *recognizer) bodyPass() {
	a := r.a
	for ci := range r.sc.cands {
		c := &r.sc.cands[ci]
		if c.drop || c.typ != schema.Country || c.kind == byBody {
			continue
		}
		end := r.a.Sentences[c.sent].Last
		k := c.last
		if k < end && (a.Tokens[k].Text == "'s" || a.Tokens[k].Text == "’s") {
			k++
		}
		last := -1
		for j := k; j < end && j < k+4 && r.candAt(j) < 0; j++ {
			w := a.Tokens[j].Lower
			if _, ok := bodyHeads[w]; !ok {
				break
			}
			if _, ok := bodyNouns[w]; ok {
				last = j + 1
			}
		}
		if last < 0 {
			continue
		}
		// "Russian forces" is the state; "Russian side" too; but keep the
		// possessive form's mention on the name ("Syria's government"
		// stays "Syria" + noun) so relation cues see the noun.
		if k != c.last {
			c.kind = byBody
			c.place = false
			continue
		}
		for j := c.last; j < last; j++ {
			r.sc.cover[j] = int32(ci)
		}
		c.last = last
		c.kind = byBody
		c.place = false
		c.possessive = last < len(a.Tokens) && (a.Tokens[last].Text == "'s" || a.Tokens[last].Text == "’s")
	}
	// "the government in Kabul", "the regime in Damascus".
	for ci := range r.sc.cands {
		c := &r.sc.cands[ci]
		if c.drop || !c.place || c.first < 2 {
			continue
		}
		if a.Tokens[c.first-1].Lower != "in" {
			continue
		}
		if _, ok := bodyNouns[a.Tokens[c.first-2].Lower]; ok && c.first-2 >= a.Sentences[c.sent].First {
			c.place = false
			c.kind = byCapital
		}
	}
}

// titlePass marks title phrases: an optional run of modifiers and a title
// head, with an "of"/"to"/"for" complement ("Secretary of State",
// "envoy to Syria").
func (r *recognizer) titlePass() {
	a, sc := r.a, r.sc
	for _, s := range a.Sentences {
		for i := s.First; i < s.Last; i++ {
			if r.candAt(i) >= 0 {
				continue
			}
			j := i
			head := -1
			for j < s.Last && r.candAt(j) < 0 {
				w := a.Tokens[j].Lower
				if _, ok := titleHeads[w]; ok && (!adjectiveTitles[w] || startsUpper(a.Tokens[j].Text)) {
					head = j
					j++
					continue
				}
				if _, ok := titleModifiers[w]; ok && w != "the" {
					j++
					continue
				}
				break
			}
			if head < 0 {
				continue
			}
			end := head + 1
			// Trailing modifiers after the head are not part of the title
			// ("President Obama"), but complements are: "Secretary of
			// State", "Minister of Foreign Affairs", "envoy to Syria".
			if end+1 < s.Last && isTitleComplementPrep(a.Tokens[end].Lower) {
				k := end + 1
				if k < s.Last && a.Tokens[k].Lower == "the" {
					k++
				}
				m := k
				for m < s.Last && r.candAt(m) < 0 && startsUpper(a.Tokens[m].Text) && !r.looksLikeNameStart(m) {
					if _, ok := functionWords[a.Tokens[m].Lower]; ok && a.Tokens[m].Lower != "of" {
						break
					}
					m++
				}
				if ci := r.candAt(k); ci >= 0 && m == k {
					m = r.sc.cands[ci].last // "envoy to Syria", "head of the LNA"
					if nc := r.candAt(m); nc >= 0 && r.sc.cands[ci].kind == byDemonym && r.sc.cands[nc].typ != schema.Country {
						m = r.sc.cands[nc].last // "head of the Iraqi Popular Mobilization Forces"
					}
				}
				if m > k {
					end = m
				}
			}
			sc.titles = append(sc.titles, titleSpan{first: i, last: end})
			for k := i; k < end; k++ {
				if r.candAt(k) < 0 {
					sc.isTitle[k] = true
				}
			}
			i = end - 1
		}
	}
}

// adjectiveTitles are titles only when capitalized: "major Gulf
// producers" is no Major.
var adjectiveTitles = wordSet("major", "field")

func isTitleComplementPrep(w string) bool { return w == "of" || w == "to" || w == "for" }

// looksLikeNameStart reports whether token k starts a given name rather
// than a title's complement ("Secretary of State John Kerry": "John").
func (r *recognizer) looksLikeNameStart(k int) bool {
	w := r.sc.keys[k]
	_, given := r.lex.givenNames[w]
	return given
}

// isNameToken reports whether token k can be part of a name.
func (r *recognizer) isNameToken(k int, s sentence) bool {
	t := &r.a.Tokens[k]
	if r.candAt(k) >= 0 || r.sc.isTitle[k] {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t.Text)
	if !unicode.IsUpper(first) {
		// "al-Ansari", "el-Sisi": a particle glued to a capitalized name.
		return particleName(t.Text)
	}
	if _, ok := functionWords[t.Lower]; ok {
		return false
	}
	if _, ok := honorifics[t.Lower]; ok {
		return false
	}
	hasLetter := false
	for _, c := range t.Text {
		if unicode.IsLetter(c) {
			hasLetter = true
			break
		}
	}
	if !hasLetter {
		return false
	}
	if t.Tag == "NNP" || t.Tag == "NNPS" {
		return true
	}
	// A capitalized word that the tagger took for a common word: a name
	// inside a sentence, a common word at its start — unless a proper
	// name follows it ("Debretsion/NN Gebremichael/NNP, the region's
	// president").
	if k == s.First || r.afterSentenceStartPunct(k, s) {
		if k+1 >= s.Last {
			return false
		}
		nt := &r.a.Tokens[k+1]
		_, common := commonSentenceStarts[t.Lower]
		return (nt.Tag == "NNP" || particleName(nt.Text)) && r.candAt(k+1) < 0 && !r.sc.isTitle[k+1] &&
			startsUpper(nt.Text) && !common
	}
	return true
}

// particleName reports whether w is a name with a glued particle:
// "al-Ansari", "el-Sisi", "bin-Salman".
func particleName(w string) bool {
	i := strings.IndexByte(w, '-')
	if i <= 0 || i+1 >= len(w) {
		return false
	}
	if _, ok := nameParticles[strings.ToLower(w[:i])]; !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[i+1:])
	return unicode.IsUpper(r)
}

// commonSentenceStarts are capitalized common words that open sentences
// before a name and are no part of it ("Police Chief", "Army General").
var commonSentenceStarts = setOf("police", "army", "government", "opposition", "rebel", "rebels", "military",
	"officials", "state", "security", "party", "former", "acting", "then", "interim", "veteran", "senior",
	"top", "new", "outgoing", "incoming", "presidential", "ruling", "defence", "defense", "foreign", "when",
	"after", "before", "while", "as", "since", "meanwhile", "but", "and", "in", "on", "at", "for", "with")

// afterSentenceStartPunct reports whether token k follows only opening
// punctuation at the start of its sentence (“Make no mistake).
func (r *recognizer) afterSentenceStartPunct(k int, s sentence) bool {
	for j := s.First; j < k; j++ {
		if unicode.IsLetter(firstRune(r.a.Tokens[j].Text)) || unicode.IsDigit(firstRune(r.a.Tokens[j].Text)) {
			return false
		}
	}
	return true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// glued reports whether tokens k-1 and k touch (no space between).
func (r *recognizer) glued(k int) bool {
	return k > 0 && r.a.Tokens[k-1].End == r.a.Tokens[k].Start
}

// namePass turns runs of capitalized tokens into person and organization
// candidates.
func (r *recognizer) namePass() {
	a := r.a
	for si, s := range a.Sentences {
		titleCase := s.Headline && r.isTitleCase(s)
		for i := s.First; i < s.Last; {
			if r.surnameAfterTitle(i, s) {
				// "Vice Premier He Lifeng": a surname that is also a
				// pronoun, after a title and before a given name.
				a.Tokens[i].Tag = "NNP"
			} else if !r.isNameToken(i, s) {
				i++
				continue
			}
			j := i + 1
			for j < s.Last {
				t := &a.Tokens[j]
				if r.isNameToken(j, s) {
					j++
					continue
				}
				// Particles inside names: "Staffan de Mistura", "Osama bin
				// Laden"; a glued hyphen: "Frank-Walter".
				if _, ok := nameParticles[t.Lower]; ok && j+1 < s.Last && r.isNameToken(j+1, s) && !startsUpper(t.Text) {
					j += 2
					continue
				}
				if t.Text == "-" && r.glued(j) && j+1 < s.Last && r.glued(j+1) && r.isNameToken(j+1, s) {
					j += 2
					continue
				}
				// "Hassan Sheikh Mohamud": a title word between two name
				// words is part of the name.
				if t.Text == "Sheikh" && j+1 < s.Last && r.isNameToken(j+1, s) {
					r.sc.isTitle[j] = false
					j += 2
					continue
				}
				// Organizations name their field: "Permanent Court of
				// Arbitration", "Economic and Monetary Union (UEMOA)".
				if e, ok := r.orgNameContinues(i, j, s); ok && !titleCase {
					j = e
					continue
				}
				break
			}
			if acr, ok := r.acronymAfter(j, s); ok && !titleCase && j-i >= 2 {
				// "The West African Economic and Monetary Union (UEMOA)":
				// a name that its acronym follows is an organization,
				// and the acronym names it too.
				if r.classifyOrgRun(i, j, si) {
					name := r.spanText(r.sc.cands[len(r.sc.cands)-1].first, j)
					r.addCand(cand{first: acr, last: acr + 1, sent: si, kind: byName, lex: -1,
						typ: r.sc.cands[len(r.sc.cands)-1].typ, newName: name})
					i = acr + 1
					continue
				}
			}
			if j == i+1 && r.sheikhBefore(i, s) {
				// "her sister, Sheikh Rehana": Sheikh is part of a
				// one-word name.
				i--
				r.sc.isTitle[i] = false
				if ti := r.titleEndingAt(i + 1); ti >= 0 {
					r.sc.titles[ti].last = i
					if r.sc.titles[ti].last <= r.sc.titles[ti].first {
						r.sc.titles = slices.Delete(r.sc.titles, ti, ti+1)
					}
				}
			}
			r.classifyRun(i, j, si, titleCase)
			i = j
		}
	}
}

// pronounSurnames are surnames that are also English function words.
var pronounSurnames = wordSet("he", "an", "do", "so")

// surnameAfterTitle reports whether token i is a capitalized surname
// that is also a function word ("He", "An"), right after a title and
// before another name word: "Chinese Vice Premier He Lifeng".
func (r *recognizer) surnameAfterTitle(i int, s sentence) bool {
	a := r.a
	if i == s.First || i+1 >= s.Last || !r.sc.isTitle[i-1] || r.candAt(i) >= 0 || !pronounSurnames[a.Tokens[i].Lower] ||
		!startsUpper(a.Tokens[i].Text) {
		return false
	}
	return r.isNameToken(i+1, s) && a.Tokens[i+1].Tag == "NNP"
}

// sheikhBefore reports whether the title word before token i is a lone
// "Sheikh", which one-word names keep: "Sheikh Hasina", "Sheikh Rehana".
func (r *recognizer) sheikhBefore(i int, s sentence) bool {
	a := r.a
	return i > s.First && r.sc.isTitle[i-1] && a.Tokens[i-1].Text == "Sheikh" && r.candAt(i-1) < 0 &&
		(i+1 >= s.Last || !startsUpper(a.Tokens[i+1].Text))
}

// orgNameContinues reports whether the capitalized run [i, j) goes on
// after an "of", "for", "on" or "and" as one organization's name, and
// where it then ends: the run so far ends in an organization head ("Court
// of Arbitration", "Organization of American States") or the whole name
// does ("Economic and Monetary Union").
func (r *recognizer) orgNameContinues(i, j int, s sentence) (int, bool) {
	a := r.a
	w := a.Tokens[j].Lower
	if w != "of" && w != "for" && w != "on" && w != "and" || j+1 >= s.Last || !r.isNameToken(j+1, s) {
		return 0, false
	}
	e := j + 1
	for e < s.Last && r.isNameToken(e, s) {
		e++
	}
	_, headBefore := orgHeads[a.Tokens[j-1].Lower]
	_, headAfter := orgHeads[a.Tokens[e-1].Lower]
	if w == "and" && !headAfter {
		return 0, false // "Britain and France"
	}
	if !headBefore && !headAfter {
		return 0, false
	}
	return e, true
}

// acronymAfter returns the token of an all-capitals acronym in brackets
// right after token j ("(UEMOA)").
func (r *recognizer) acronymAfter(j int, s sentence) (int, bool) {
	a := r.a
	if j+2 >= s.Last || a.Tokens[j].Text != "(" || a.Tokens[j+2].Text != ")" || r.candAt(j+1) >= 0 {
		return 0, false
	}
	w := a.Tokens[j+1].Text
	if len(w) < 2 || len(w) > 8 {
		return 0, false
	}
	for _, c := range w {
		if !unicode.IsUpper(c) && c != '-' && c != '.' {
			return 0, false
		}
	}
	return j + 1, true
}

// classifyOrgRun makes the capitalized run [i, j) an organization or
// group candidate (a demonym before it included) unless it is a state
// body, and reports whether it did.
func (r *recognizer) classifyOrgRun(i, j, si int) bool {
	a := r.a
	start := r.orgStart(i, si)
	// Only body words ("Foreign Ministry", "Ministry of Defence"): a
	// state body without its state, not an organization of its own.
	allBody := true
	for k := i; k < j; k++ {
		w := strings.ToLower(a.Tokens[k].Text)
		_, body := bodyHeads[w]
		_, mod := titleModifiers[w]
		if !body && !mod && w != "of" && w != "and" {
			allBody = false
			break
		}
	}
	if allBody {
		return false
	}
	if start != i {
		r.dropCand(r.candAt(start))
	}
	typ := schema.Organization
	last := strings.ToLower(a.Tokens[j-1].Text)
	_, isOrg := orgHeads[last]
	if _, grp := groupHeads[last]; grp && !isOrg {
		typ = schema.Group
	}
	r.addCand(cand{first: start, last: j, sent: si, kind: byName, lex: -1, typ: typ,
		newName: a.Text[a.Tokens[start].Start:a.Tokens[j-1].End]})
	return true
}

// isTitleCase reports whether most words of a headline are capitalized.
func (r *recognizer) isTitleCase(s sentence) bool {
	words, upper := 0, 0
	for k := s.First; k < s.Last; k++ {
		t := r.a.Tokens[k].Text
		if !unicode.IsLetter(firstRune(t)) {
			continue
		}
		words++
		if unicode.IsUpper(firstRune(t)) {
			upper++
		}
	}
	return words >= 4 && upper*10 >= words*7
}

// classifyRun decides what tokens[i:j], a run of capitalized tokens, names.
func (r *recognizer) classifyRun(i, j, si int, titleCase bool) {
	a := r.a
	last := strings.ToLower(a.Tokens[j-1].Text)
	_, isOrg := orgHeads[last]
	_, isGroup := groupHeads[last]
	for k := i; k+1 < j-1 && !isOrg; k++ {
		// "Permanent Court of Arbitration": the head before its field.
		if _, head := orgHeads[strings.ToLower(a.Tokens[k].Text)]; head {
			if w := a.Tokens[k+1].Lower; w == "of" || w == "for" || w == "on" {
				isOrg = true
			}
		}
	}
	if isOrg || isGroup {
		// A demonym or country name right before the run belongs to an
		// organization's name ("Syrian Salvation Government").
		if titleCase || j-r.orgStart(i, si) < 2 {
			return
		}
		r.classifyOrgRun(i, j, si)
		return
	}
	// "the Fano militia", "the Jubilee coalition": a name the lower-case
	// noun after it says is a group or an organization.
	if s := a.Sentences[si]; j < s.Last && !titleCase && !startsUpper(a.Tokens[j].Text) && j-i <= 4 {
		if typ, ok := namedByNoun[a.Tokens[j].Lower]; ok && !creedWords[a.Tokens[j-1].Lower] && !strings.HasSuffix(a.Tokens[j-1].Lower, "ist") {
			r.addCand(cand{first: i, last: j, sent: si, kind: byName, lex: -1, typ: typ, newName: r.spanText(i, j)})
			return
		}
	}
	// Persons: at most five tokens.
	if j-i > 5 {
		return
	}
	r.addCand(cand{first: i, last: j, sent: si, kind: byName, lex: -1, typ: schema.Person,
		weak: titleCase})
}

// namedByNoun are lower-case nouns after a name that make it a group or
// an organization ("the Fano militia", "the Jubilee coalition").
var namedByNoun = map[string]schema.ActorType{
	"militia": schema.Group, "militias": schema.Group, "rebels": schema.Group, "militants": schema.Group,
	"insurgents": schema.Group, "fighters": schema.Group, "group": schema.Group, "faction": schema.Group,
	"party": schema.Organization, "coalition": schema.Organization, "alliance": schema.Organization,
	"movement": schema.Group,
}

// creedWords are capitalized creeds and peoples that describe armed men
// without naming a group ("Islamist militants", "Sunni fighters").
var creedWords = wordSet("islamist", "islamic", "sunni", "shia", "shiite", "christian", "muslim", "arab", "kurdish",
	"catholic", "buddhist", "hindu", "druze", "alawite", "pashtun", "tuareg", "ethnic", "tribal", "western", "foreign")

// orgStart returns where an organization's name that starts at token i
// begins: at a country's name or demonym right before it ("Syrian
// Salvation Government").
func (r *recognizer) orgStart(i, si int) int {
	if ci := r.candAt(i - 1); ci >= 0 && i-1 >= r.a.Sentences[si].First {
		c := &r.sc.cands[ci]
		if c.typ == schema.Country && (c.kind == byDemonym || c.kind == byName) && c.last == i {
			return c.first
		}
	}
	return i
}

// sortCands orders candidates by position.
func (r *recognizer) sortCands() {
	sort.SliceStable(r.sc.cands, func(x, y int) bool { return r.sc.cands[x].first < r.sc.cands[y].first })
	for k := range r.sc.cover {
		r.sc.cover[k] = -1
	}
	for ci, c := range r.sc.cands {
		if c.drop {
			continue
		}
		for k := c.first; k < c.last; k++ {
			r.sc.cover[k] = int32(ci)
		}
	}
}
