package gazetteer

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range [Start, End) of a sentence.
type Span struct{ Start, End int }

// Place is a place a sentence gives, resolved.
type Place struct {
	Text       string // the name as written ("Idlib province", "Red Sea")
	Start, End int    // byte offsets of Text in the sentence
	Cue        string // what marked it as a place: "in", "near", "border with", "province", "shelled" …
	Venue      bool   // introduced as where people met or talked ("talks in Geneva")
	Entry      Entry  // what Text resolved to
	// Approximate is set when Text is not in the gazetteer and Entry is
	// the country the sentence puts it in ("the Kosovo village of Banjska").
	Approximate bool
}

// FindOptions tell the place finder what the caller already knows.
type FindOptions struct {
	// Exclude are spans that are something else, typically the person and
	// organization actors nlp found ("in Obama's view": Obama is a city in
	// Japan too). A place overlapping one is not taken.
	Exclude []Span
	// Countries are alpha-3 codes an ambiguous name should prefer, before
	// the countries the sentence itself names.
	Countries []string
	// Related are alpha-3 codes of countries the sentence speaks of without
	// naming them (the countries its persons act for: "Kerry met Zarif in
	// Vienna"). They weigh like the countries it names: a candidate in one
	// loses to one over three times as populous (Vienna, Austria, not
	// Vienna, Virginia).
	Related []string
	// RelatedComplete says Related holds every country the sentence names
	// or whose demonym it uses, so the finder need not look for them
	// itself (nlp knows them from its actor mentions).
	RelatedComplete bool
	// Trigger is the span of the word that signals the event (nlp's cue,
	// "attacked", "talks"), if known. Then only a place in the trigger's
	// clause is taken: none across "after", "that", "which", "amid", a colon
	// … ("Russia threatened sanctions after the referendum in Crimea" gives
	// no place for the threat).
	Trigger Span
}

// FindPlace returns the place the sentence gives for its event: the first
// venue ("talks in Astana"), else the first place below country level a
// locative cue introduces ("in Aleppo", "near Kharkiv", "in the southern
// city of Daraa", "Idlib province", "in the Red Sea", "shelled Donetsk"),
// else the first country one introduces ("in Syria", "along the border with
// Turkey"). Names are resolved preferring opt.Countries, then the countries
// the sentence names.
func (g *Gazetteer) FindPlace(sentence string, opt FindOptions) (Place, bool) {
	return ChoosePlace(sentence, g.FindPlaces(sentence, opt), opt.Trigger)
}

// ChoosePlace is FindPlace's choice among a sentence's places, for a
// caller that finds them once (FindPlaces) and chooses for each of the
// sentence's events by its trigger (a zero Span when unknown).
func ChoosePlace(sentence string, ps []Place, trigger Span) (Place, bool) {
	if trigger.End > trigger.Start {
		ps = sameClause(sentence, ps, trigger)
	}
	for _, p := range ps {
		if p.Venue {
			return p, true
		}
	}
	for _, p := range ps {
		if p.Entry.Kind != Country {
			return p, true
		}
	}
	if len(ps) > 0 {
		return ps[0], true
	}
	return Place{}, false
}

// clauseBreaks start a new clause or an aside: a place beyond one from the
// trigger belongs to another happening.
var clauseBreaks = map[string]bool{
	"that": true, "which": true, "who": true, "whom": true, "whose": true, "after": true, "before": true,
	"since": true, "following": true, "amid": true, "while": true, "although": true, "because": true,
	"when": true, "whether": true, "where": true, ":": true, ";": true,
}

// sameClause keeps the venues and the places with no clause break between
// them and the trigger.
func sameClause(s string, ps []Place, trig Span) []Place {
	var out []Place
	for _, p := range ps {
		if p.Venue {
			out = append(out, p)
			continue
		}
		a, b := p.End, trig.Start
		if trig.End <= p.Start {
			a, b = trig.End, p.Start
		}
		ok := true
		if a < b {
			for _, t := range tokenize(s[a:b]) {
				if clauseBreaks[strings.ToLower(t.text)] {
					ok = false
					break
				}
			}
		}
		if ok {
			out = append(out, p)
		}
	}
	return out
}

// FindPlaces returns every place a locative cue introduces in the sentence,
// in text order.
func (g *Gazetteer) FindPlaces(sentence string, opt FindOptions) []Place {
	if g.Load() != nil {
		return nil
	}
	toks := tokenize(sentence)
	hints := hintSet{strong: opt.Countries, weak: opt.Related}
	if !opt.RelatedComplete {
		hints.weak = appendNew(g.sentenceCountries(toks, sentence), opt.Related...)
	}
	var out []Place
	taken := -1 // last token index used, so one name is not found twice
	for i := 0; i < len(toks); i++ {
		if i <= taken {
			continue
		}
		cue, j := matchCue(toks, i)
		if j < 0 {
			continue
		}
		p, end, ok := g.afterCue(sentence, toks, j, hints, opt.Exclude)
		if !ok || p.Entry.Kind == Country && !p.Approximate && !countryCue(cue) {
			continue
		}
		p.Cue = cue
		p.Venue = i > 0 && venueWords[strings.ToLower(toks[i-1].text)] || travelCues[cue]
		out = append(out, p)
		taken = end
	}
	// "X province" needs no cue.
	for i := 1; i < len(toks); i++ {
		if !regionNouns[strings.ToLower(toks[i].text)] || covered(out, toks[i-1].start) {
			continue
		}
		start := nameStart(toks, i)
		if start == i {
			continue
		}
		if p, ok := g.resolveSpan(sentence, toks, start, i, i, -1, hints, opt.Exclude); ok && !covered(out, p.Start) {
			p.Cue = strings.ToLower(toks[i].text)
			out = insertByStart(out, p)
		}
	}
	return out
}

// sentenceCountries returns the countries a sentence names or whose
// demonyms it uses, in order ("United States", "Syrian").
func (g *Gazetteer) sentenceCountries(toks []token, s string) []string {
	var cs []string
	for i := 0; i < len(toks); i++ {
		if !toks[i].capital() {
			continue
		}
		if c, ok := g.demonym[Fold(toks[i].text)]; ok {
			cs = appendNew(cs, c)
			continue
		}
		for e := min(i+3, len(toks)-1); e >= i; e-- {
			if c, ok := g.countryNamed(s[toks[i].start:toks[e].end]); ok {
				cs = appendNew(cs, c)
				i = e
				break
			}
		}
	}
	return cs
}

// countryNamed returns the country a name or alias means as written
// (folded, not by skeleton: this runs on every capitalized phrase).
func (g *Gazetteer) countryNamed(name string) (string, bool) {
	for _, m := range g.byName[Fold(name)] {
		if e := &g.entries[m.id]; e.Kind == Country {
			return e.Country, true
		}
	}
	return "", false
}

type token struct {
	text       string
	start, end int
	index      int
}

func (t token) capital() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

func (t token) word() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// tokenize splits a sentence into words (letters, digits, inner hyphens
// and apostrophes), a possessive "'s" of its own, and single punctuation
// marks.
func tokenize(s string) []token {
	var toks []token
	add := func(a, b int) { toks = append(toks, token{text: s[a:b], start: a, end: b, index: len(toks)}) }
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n2
					continue
				}
				if r2 == '-' || r2 == '\'' || r2 == '’' {
					r3, _ := utf8.DecodeRuneInString(s[j+n2:])
					if j+n2 < len(s) && (unicode.IsLetter(r3) || unicode.IsDigit(r3)) {
						j += n2
						continue
					}
				}
				break
			}
			w := s[i:j]
			if abbreviations[w] && j < len(s) && s[j] == '.' {
				j++ // "St. Petersburg": the period belongs to the name
				w = s[i:j]
			}
			if k := possessive(w); k > 0 {
				add(i, i+k)
				add(i+k, j)
			} else {
				add(i, j)
			}
			i = j
		default:
			add(i, i+n)
			i += n
		}
	}
	return toks
}

// abbreviations keep their period inside a place name.
var abbreviations = map[string]bool{"St": true, "Ste": true, "Mt": true, "Ft": true, "Pt": true}

// possessive returns where a trailing "'s" starts, or 0.
func possessive(w string) int {
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return len(w) - len(suf)
		}
	}
	return 0
}

// cues introduce a place. Longer cues are tried first.
var cues = [][]string{
	{"on", "the", "outskirts", "of"}, {"off", "the", "coast", "of"}, {"on", "the", "coast", "of"},
	{"near", "the", "border", "with"}, {"along", "the", "border", "with"}, {"on", "the", "border", "with"},
	{"at", "the", "border", "with"}, {"across", "the", "border", "in"}, {"across", "the", "border", "into"},
	{"the", "outskirts", "of"}, {"border", "with"}, {"close", "to"},
	{"traveled", "to"}, {"travelled", "to"}, {"visit", "to"}, {"trip", "to"}, {"flew", "to"}, {"visited"},
	{"in"}, {"near"}, {"outside"}, {"at"}, {"around"}, {"across"}, {"along"}, {"off"}, {"inside"},
	{"into"}, {"within"}, {"throughout"}, {"of"},
}

// directions make "of" a cue ("30 km north of Aleppo"); "of" alone is not.
var directions = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "north-east": true, "north-west": true, "south-east": true,
	"south-west": true, "outskirts": true,
}

// assaultVerbs take the place they act on as object ("shelled Donetsk");
// only the invade- verbs take a country, since "attacked China" is as often
// words as it is war.
var assaultVerbs = map[string]bool{
	"invaded": true, "invade": true, "invades": true, "invading": true, "overran": true, "overrun": true,
	"stormed": true, "shelled": true, "bombed": true, "besieged": true, "captured": true, "recaptured": true,
	"seized": true, "raided": true, "retook": true, "encircled": true, "attacked": true, "liberated": true,
	"capturing": true, "seizing": true, "storming": true, "shelling": true, "besieging": true, "overrunning": true,
}

// notLocative are nouns after which "in" names no place of an event
// ("confidence in Malaysia", "Iran's role in Syria").
var notLocative = map[string]bool{
	"confidence": true, "faith": true, "trust": true, "role": true, "interest": true, "interests": true,
	"stake": true, "involvement": true, "interference": true, "investment": true, "investments": true,
	"participation": true, "membership": true, "belief": true, "hope": true, "hopes": true,
}

// venueWords before a cue make its place where the event happened
// ("talks in Geneva", "met in Riyadh").
var venueWords = map[string]bool{
	"talks": true, "summit": true, "meeting": true, "negotiations": true, "conference": true,
	"met": true, "meet": true, "meets": true, "signed": true, "summits": true, "ceremony": true,
}

// travelCues take a visit's destination, which is where the visit's
// meetings happen ("Biden travelled to Saudi Arabia and met ...").
var travelCues = map[string]bool{
	"traveled to": true, "travelled to": true, "visit to": true, "trip to": true, "flew to": true, "visited": true,
}

// speechVerbs make "from" a cue: the place a statement was made from.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "spoke": true, "speaking": true, "announced": true, "told": true,
	"declared": true, "addressed": true, "wrote": true, "tweeted": true, "reported": true,
}

// launchVerbs make "from" a cue: where a strike was launched.
var launchVerbs = map[string]bool{
	"fired": true, "launched": true, "fire": true, "launch": true, "firing": true, "launching": true,
}

// countryCue reports whether a cue may introduce a whole country: "at" and
// most assault verbs name spots ("at Geneva", "shelled Donetsk"), not states.
func countryCue(cue string) bool {
	return cue != "at" && (!assaultVerbs[cue] || strings.HasPrefix(cue, "invad"))
}

func matchCue(toks []token, i int) (string, int) {
	if w := strings.ToLower(toks[i].text); assaultVerbs[w] {
		return w, i + 1
	}
	if i > 0 && notLocative[strings.ToLower(toks[i-1].text)] {
		return "", -1
	}
	// "said from Havana", "fired rockets from Tyre": where the speaker or
	// the launcher was.
	if strings.EqualFold(toks[i].text, "from") {
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			if w := strings.ToLower(toks[k].text); speechVerbs[w] || launchVerbs[w] {
				return "from", i + 1
			}
		}
		return "", -1
	}
	for _, c := range cues {
		if i+len(c) > len(toks) {
			continue
		}
		ok := true
		for k, w := range c {
			if !strings.EqualFold(toks[i+k].text, w) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if len(c) == 1 && c[0] == "of" && (i == 0 || !directions[strings.ToLower(toks[i-1].text)]) {
			continue
		}
		cue := strings.Join(c, " ")
		if c[0] == "of" {
			cue = strings.ToLower(toks[i-1].text) + " of"
		}
		return cue, i + len(c)
	}
	return "", -1
}

// placeNouns end a descriptor before "of" ("the southern city of Daraa").
var placeNouns = map[string]bool{
	"city": true, "town": true, "village": true, "port": true, "province": true, "region": true,
	"governorate": true, "district": true, "capital": true, "area": true, "enclave": true,
	"oblast": true, "state": true, "island": true, "islands": true, "peninsula": true, "border": true,
	"coast": true, "suburb": true, "suburbs": true, "outskirts": true, "stronghold": true, "county": true,
	"municipality": true, "territory": true, "waters": true, "strait": true, "sea": true, "gulf": true,
	"hub": true, "centre": true, "center": true, "skies": true, "soil": true, "airspace": true, "settlement": true, "neighbourhood": true, "neighborhood": true,
}

// regionNouns after a name make it a first-level division ("Idlib province").
var regionNouns = map[string]bool{
	"province": true, "region": true, "governorate": true, "oblast": true, "district": true,
	"prefecture": true, "county": true,
}

// positional words may follow a possessive country ("in Syria's north").
var positional = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "capital": true, "border": true, "coast": true, "territory": true,
	"airspace": true, "waters": true, "interior": true, "heartland": true, "borders": true,
}

// notNames start capitalized phrases that are never places after a cue
// ("in March", "at Monday's meeting").
var notNames = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "president": true, "prime": true, "minister": true, "foreign": true, "general": true,
	"secretary": true, "mr": true, "mrs": true, "ms": true, "dr": true, "i": true, "the": true, "a": true,
}

// descriptorStops end a descriptor: a new phrase starts there.
var descriptorStops = map[string]bool{
	"in": true, "near": true, "at": true, "on": true, "to": true, "for": true, "with": true, "by": true,
	"from": true, "and": true, "or": true, "but": true, "outside": true, "into": true, "over": true,
	"after": true, "before": true, "as": true, "that": true, "which": true, "who": true,
}

// connectors may stand inside a name ("Sea of Azov", "Deir ez-Zor", "Bab al Hawa").
var connectors = map[string]bool{
	"of": true, "al": true, "el": true, "ad": true, "ar": true, "as": true, "ash": true, "at": true,
	"az": true, "ez": true, "es": true, "de": true, "del": true, "da": true, "do": true, "la": true,
	"le": true, "les": true, "an": true, "bin": true, "ibn": true,
}

// afterCue reads what follows a cue at token j: an optional "the", an
// optional descriptor ending in a place noun ("southern city of"), and a
// name. It returns the resolved place and the last token index used.
func (g *Gazetteer) afterCue(s string, toks []token, j int, hints hintSet, excl []Span) (Place, int, bool) {
	if j < len(toks) && strings.EqualFold(toks[j].text, "the") {
		j++
	}
	// Descriptor: lowercase words and demonyms up to a place noun.
	var descHints []string
	kind := -1 // the kind the descriptor's noun asks for
	for k := j; k < len(toks) && k < j+6; k++ {
		w := strings.ToLower(toks[k].text)
		if !toks[k].word() {
			break
		}
		if c, ok := g.demonym[Fold(toks[k].text)]; ok && toks[k].capital() {
			descHints = appendNew(descHints, c)
			continue
		}
		if c, ok := g.ResolveKind(toks[k].text, Country); ok && k+1 < len(toks) && !toks[k+1].capital() {
			descHints = appendNew(descHints, c.Country) // "the Kosovo village of"
			continue
		}
		if toks[k].capital() || descriptorStops[w] {
			break
		}
		if !placeNouns[w] {
			continue
		}
		if k+1 < len(toks) && toks[k+1].text == "of" {
			j = k + 2
			kind = nounKind(w)
			break
		}
		if k+1 < len(toks) && placeNouns[strings.ToLower(toks[k+1].text)] {
			continue // "the port city of"
		}
		// "the Syrian capital", "near the Turkish border": the demonym's country.
		if len(descHints) == 1 && (w == "capital" || w == "border" || w == "coast") {
			var e Entry
			var ok bool
			if w == "capital" {
				e, ok = g.Capital(descHints[0])
			} else {
				e, ok = g.Country(descHints[0])
			}
			if ok {
				first := j
				return Place{Text: s[toks[first].start:toks[k].end], Start: toks[first].start, End: toks[k].end, Entry: e}, k, true
			}
		}
		return Place{}, 0, false
	}
	if j >= len(toks) || !nameToken(toks, j) {
		return Place{}, 0, false
	}
	end := j
	for end+1 < len(toks) && end+1 < j+6 && (nameToken(toks, end+1) || connectors[toks[end+1].text] && end+2 < len(toks) && nameToken(toks, end+2)) {
		end++
	}
	// A possessive country names the place after it ("Syria's Idlib
	// province") or is the place ("in Syria's north").
	if end+1 < len(toks) && toks[end+1].text != "" && (toks[end+1].text == "'s" || toks[end+1].text == "’s") {
		if end+2 < len(toks) && nameToken(toks, end+2) {
			owner, ok := g.ResolveKind(s[toks[j].start:toks[end].end], Country)
			if ok {
				h := hints.with(owner.Country)
				if p, last, ok := g.afterCue(s, toks, end+2, h, excl); ok {
					return p, last, true
				}
			}
		} else if !positionalAt(toks, end+2) {
			return Place{}, 0, false
		}
	}
	h := hints.with(descHints...)
	// "Damascus, Maryland": a region or country after a comma qualifies the name.
	if end+2 < len(toks) && toks[end+1].text == "," && nameToken(toks, end+2) {
		q := end + 2
		for q+1 < len(toks) && q+1 < end+5 && nameToken(toks, q+1) {
			q++
		}
		qual := s[toks[end+2].start:toks[q].end]
		if r, ok := g.ResolveKind(qual, Region); ok {
			if p, ok := g.resolveIn(s, toks[j].start, toks[end].end, r, excl); ok {
				return p, q, true
			}
		}
		if c, ok := g.ResolveKind(qual, Country); ok {
			h = h.with(c.Country)
		}
	}
	suffix := -1
	if end+1 < len(toks) && regionNouns[strings.ToLower(toks[end+1].text)] {
		suffix = end + 1
	}
	// Longest prefix of the name that resolves, where what follows is not
	// more of an unknown name ("in Aleppo Tuesday", not "Tal" of "Tal Qarmash").
	for e := end; e >= j; e-- {
		if e < end && !g.endsName(toks[e+1], excl) {
			continue
		}
		if p, ok := g.resolveSpan(s, toks, j, e+1, suffixIf(e == end, suffix), kind, h, excl); ok {
			last := e
			if e == end && suffix >= 0 {
				last = suffix
			}
			return p, last, true
		}
	}
	// A name we do not know, in a country the descriptor gives: the country.
	if kind >= 0 && len(descHints) == 1 && !overlaps(excl, toks[j].start, toks[end].end) {
		if c, ok := g.Country(descHints[0]); ok {
			return Place{Text: s[toks[j].start:toks[end].end], Start: toks[j].start, End: toks[end].end, Entry: c, Approximate: true}, end, true
		}
	}
	return Place{}, 0, false
}

// endsName reports whether t, after a capitalized word, starts something
// else: a lowercase word ("Aleppo on Tuesday"), a weekday, month or title,
// an actor, a country or a demonym ("in Kabul Afghan forces"). Another
// place's name may be the rest of this one ("Tal Afar" is not "Tal").
func (g *Gazetteer) endsName(t token, excl []Span) bool {
	if !t.capital() || notNames[strings.ToLower(t.text)] || overlaps(excl, t.start, t.end) {
		return true
	}
	if _, ok := g.demonym[Fold(t.text)]; ok {
		return true
	}
	_, ok := g.ResolveKind(t.text, Country)
	return ok
}

func overlaps(spans []Span, start, end int) bool {
	for _, x := range spans {
		if x.Start < end && start < x.End {
			return true
		}
	}
	return false
}

func suffixIf(ok bool, i int) int {
	if ok {
		return i
	}
	return -1
}

// resolveIn resolves s[start:end] to a city in region r, if there is one.
func (g *Gazetteer) resolveIn(s string, start, end int, r Entry, excl []Span) (Place, bool) {
	if overlaps(excl, start, end) {
		return Place{}, false
	}
	for _, m := range g.candidates(s[start:end]) {
		if e := g.entries[m.id]; e.Kind == City && e.Country == r.Country && e.Admin1 == r.Name {
			return Place{Text: s[start:end], Start: start, End: end, Entry: e}, true
		}
	}
	return Place{}, false
}

// hintSet are the countries an ambiguous name should prefer. A strong one
// (the caller's, "the Syrian city of", "Syria's", ", Maryland") always
// wins; a weak one (a country the sentence names elsewhere) wins unless the
// other candidate is over three times as populous ("the United States and
// Russia met in Geneva" is not Geneva, Illinois), or thirty times when it
// is the sentence's only country.
type hintSet struct{ strong, weak []string }

func (h hintSet) with(strong ...string) hintSet {
	return hintSet{strong: appendNew(append([]string(nil), strong...), h.strong...), weak: h.weak}
}

func (h hintSet) resolve(g *Gazetteer, name string, kind int) (Entry, bool) {
	all := appendNew(append([]string(nil), h.strong...), h.weak...)
	m, ok := g.resolveMatch(name, kind, all)
	if !ok {
		return Entry{}, false
	}
	e := g.entries[m.id]
	if len(h.weak) == 0 || slices.Contains(h.strong, e.Country) {
		return e, true
	}
	m0, _ := g.resolveMatch(name, kind, h.strong)
	// One country in the sentence says more about where its place is than
	// several ("Lebanese troops fought in Tripoli" is Lebanon's Tripoli,
	// which Libya's outnumbers fivefold), but not everything ("Obama spoke
	// in Paris" is not Paris, Texas).
	factor := 3
	if len(h.weak) == 1 {
		factor = 30
	}
	if g.weight(m)*factor >= g.weight(m0) {
		return e, true
	}
	return g.entries[m0.id], true
}

// positionalAt reports whether a positional word follows a possessive
// country at toks[k], after at most two lower-case modifiers ("Syria's
// north", "Mozambique's insurgent-hit north").
func positionalAt(toks []token, k int) bool {
	for m := k; m < len(toks) && m <= k+2; m++ {
		w := toks[m].text
		if positional[strings.ToLower(w)] {
			return true
		}
		if !toks[m].word() || toks[m].capital() || descriptorStops[w] {
			return false
		}
	}
	return false
}

// nounKind is the kind a descriptor noun asks for, or -1.
func nounKind(noun string) int {
	switch noun {
	case "city", "town", "village", "port", "capital", "suburb", "suburbs", "outskirts", "settlement", "hub":
		return int(City)
	case "province", "region", "governorate", "oblast", "state", "county", "district":
		return int(Region)
	}
	return -1
}

// resolveSpan resolves toks[a:b] as a name; suffix ≥ 0 is the index of a
// region noun after it, which makes a region preferred and part of Text;
// kind ≥ 0 is preferred too ("the city of Idlib").
func (g *Gazetteer) resolveSpan(s string, toks []token, a, b, suffix, kind int, hints hintSet, excl []Span) (Place, bool) {
	if notNames[strings.ToLower(toks[a].text)] || connectors[toks[b-1].text] {
		return Place{}, false
	}
	start, end := toks[a].start, toks[b-1].end
	if overlaps(excl, start, end) {
		return Place{}, false
	}
	name := s[start:end]
	if generic[Fold(name)] {
		return Place{}, false // "in the East", Cameroon's East region aside
	}
	var e Entry
	ok := false
	if suffix >= 0 {
		if e, ok = hints.resolve(g, name, int(Region)); !ok {
			e, ok = hints.resolve(g, name+" "+toks[suffix].text, int(Region))
		}
		if ok {
			end = toks[suffix].end
		}
	}
	if !ok && kind >= 0 {
		e, ok = hints.resolve(g, name, kind)
	}
	if !ok {
		e, ok = hints.resolve(g, name, -1)
	}
	if !ok || acronym(name) && (e.Kind == City || e.Kind == Region) {
		return Place{}, false // "the UN" is no town in India
	}
	if e.Kind == Water && b < len(toks) && strings.HasPrefix(strings.ToLower(toks[b].text), "coast") {
		return Place{}, false // "the Mediterranean coast" is land, of a country the sentence names
	}
	return Place{Text: s[start:end], Start: start, End: end, Entry: e}, true
}

// generic are words that name a part of any place, never one place.
var generic = map[string]bool{
	"east": true, "west": true, "north": true, "south": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "north east": true, "north west": true, "south east": true,
	"south west": true, "centre": true, "center": true, "central": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "capital": true, "coast": true, "upper": true, "lower": true,
	"middle": true, "greater": true, "interior": true, "frontier": true,
}

// acronym reports whether a name is a short all-capitals word ("UN",
// "EU"), which stands for a country at most, not for a town.
func acronym(name string) bool {
	if len(name) > 4 || strings.ContainsRune(name, ' ') {
		return false
	}
	for _, r := range name {
		if !unicode.IsUpper(r) && r != '.' {
			return false
		}
	}
	return true
}

// nameToken reports whether toks[i] can be part of a place name: a
// capitalized word or an Arabic-article compound ("al-Bab").
func nameToken(toks []token, i int) bool {
	t := toks[i]
	if !t.word() {
		return false
	}
	if t.capital() {
		return true
	}
	if h := strings.IndexByte(t.text, '-'); h > 0 && connectors[t.text[:h]] {
		r, _ := utf8.DecodeRuneInString(t.text[h+1:])
		return unicode.IsUpper(r)
	}
	return false
}

// nameStart returns the first token of the capitalized name ending just
// before toks[i], or i if there is none.
func nameStart(toks []token, i int) int {
	k := i
	for k-1 >= 0 && i-(k-1) <= 4 && (nameToken(toks, k-1) || k-2 >= 0 && connectors[toks[k-1].text] && nameToken(toks, k-2)) {
		k--
	}
	return k
}

func covered(ps []Place, at int) bool {
	for _, p := range ps {
		if p.Start <= at && at < p.End {
			return true
		}
	}
	return false
}

func insertByStart(ps []Place, p Place) []Place {
	i := len(ps)
	for i > 0 && ps[i-1].Start > p.Start {
		i--
	}
	ps = append(ps, Place{})
	copy(ps[i+1:], ps[i:])
	ps[i] = p
	return ps
}

// appendNew appends the items list does not hold yet.
func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		if !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}

// FindDateline returns the place of a news dateline that opens the text
// ("HANOI, Vietnam (AP) — ...", "GENEVA — ..."): where the story was
// filed, which is often but not always where its event happened, so a
// caller should use it only as a fallback for the article's first events.
func (g *Gazetteer) FindDateline(text string) (Place, bool) {
	end := -1
	for _, dash := range []string{" — ", " – ", " - ", "— ", ": "} {
		if i := strings.Index(text, dash); i > 0 && i < 60 && (end < 0 || i < end) {
			end = i
		}
	}
	if end < 0 {
		return Place{}, false
	}
	head := text[:end]
	if i := strings.IndexByte(head, '('); i > 0 {
		head = strings.TrimSpace(head[:i]) // the agency: "(AP)"
	}
	name, qual, _ := strings.Cut(head, ",")
	name = strings.TrimSpace(name)
	if name == "" || strings.ContainsAny(name, "\"'“”") || len(strings.Fields(name)) > 4 {
		return Place{}, false
	}
	qual = strings.TrimSpace(qual)
	if r, ok := g.ResolveKind(qual, Region); ok && qual != "" {
		if p, ok := g.resolveIn(text, 0, len(name), r, nil); ok {
			p.Cue = "dateline"
			return p, true
		}
	}
	var hints hintSet
	if c, ok := g.ResolveKind(qual, Country); ok {
		hints.strong = []string{c.Country}
	}
	e, ok := hints.resolve(g, name, -1)
	if !ok || e.Kind == Water {
		return Place{}, false
	}
	return Place{Text: name, Start: 0, End: len(name), Cue: "dateline", Entry: e}, true
}
