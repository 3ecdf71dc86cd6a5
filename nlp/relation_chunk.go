package nlp

import (
	"strings"

	"github.com/geokg/geokg/schema"
)

// The clause chunker: noun-phrase chunks over prose's tags, their actors,
// and coordinated groups of them. It works on one sentence at a time and
// knows no grammar beyond tags and a few closed word classes, which is
// enough for the shapes news sentences take.

// chunk is one noun phrase: tokens [First, Last) of analysis.Tokens.
type chunk struct {
	First, Last int
	// Actors are the actor indexes the phrase stands for: its head
	// mention, or else every mention in it ("US and Russian officials"
	// is two chunks; "Russian forces" stands for Russia).
	Actors []int
	// Head is the index of the head token (the last noun).
	Head int
	// HeadMention is true when the head token belongs to a mention.
	HeadMention bool
	// Reference marks a phrase that refers to parties named before ("the
	// two sides", "the group"); its Actors are those parties.
	Reference bool
}

// group is a coordination of chunks ("Russia, Iran and Turkey").
type group struct {
	First, Last int   // token span of the whole group
	Actors      []int // union of the chunks' actors, in text order
	// Chunks are the coordinated chunks' indexes into sentenceView.chunks.
	Chunks []int
}

func (g group) empty() bool { return len(g.Actors) == 0 }

// sentenceView is one sentence prepared for argument finding.
type sentenceView struct {
	a      *analysis
	first  int // first token index
	last   int // token index after the sentence
	chunks []chunk
	// chunkAt maps a token (minus first) to its chunk index, or -1.
	chunkAt []int
	// mentionAt maps a token (minus first) to its mention index, or -1.
	mentionAt []int
	headline  bool
	// lem knows verb forms, for words the tagger mislabels.
	lem *lemmatizer
	// reports are the sentence's reporting verbs.
	reports reports
	// disc remembers earlier subjects for pronouns.
	disc *discourse
	// refs are the chunks that refer to parties named before.
	refs []refChunk
}

// closed word classes the chunker needs.
var (
	relativePronouns = wordSet("who", "whom", "which", "that", "whose")
	// personRoleNouns head phrases that describe a person ("the Taliban's top
	// political leader"), so that an apposition of them is no separate
	// party.
	personRoleNouns = wordSet("leader", "president", "minister", "envoy", "chief", "spokesman", "spokeswoman",
		"spokesperson", "secretary", "ambassador", "head", "commander", "counterpart", "chancellor",
		"premier", "king", "emir", "prince", "general", "official", "representative", "negotiator",
		"diplomat", "adviser", "advisor", "director", "founder", "strongman", "ruler", "dictator",
		"mastermind", "chairman", "governor", "mayor", "deputy", "successor", "predecessor", "member",
		"boss", "ally", "partner", "mullah", "sheikh", "cleric", "chairwoman", "speaker")
	// partyHeadNouns head phrases whose "of"/"from" complement names the
	// party that acts ("the leaders of France and Germany",
	// "representatives from Ukraine and Russia").
	partyHeadNouns = wordSet("leader", "leaders", "official", "officials", "representative", "representatives",
		"member", "members", "delegation", "delegations", "delegate", "delegates", "minister", "ministers",
		"forces", "troops", "government", "governments", "army", "military", "diplomats", "envoys",
		"side", "sides", "parties", "head", "heads", "militias", "fighters", "president", "presidents",
		"ministry", "navy", "air force", "authorities", "regime", "coalition", "allies", "administration",
		"office", "offices", "embassy", "embassies", "bureau", "branch", "mission", "consulate", "headquarters",
		"dissidents", "supporters", "remnants", "faction", "factions", "wing", "units", "elements", "loyalists",
		"splinter", "militants", "rebels", "commanders", "soldiers", "mercenaries", "volunteers", "contractors")
)

// relationalNouns head phrases that name others by their relation to
// the modifier: "a NATO member has downed a jet" is no NATO act,
// "Russia's allies" are not Russia.
var relationalNouns = wordSet("member", "members", "ally", "allies", "partner", "partners", "proxy", "proxies",
	"neighbour", "neighbours", "neighbor", "neighbors", "rival", "rivals", "enemy", "enemies", "foe", "foes",
	"adversary", "adversaries", "critic", "critics", "opponent", "opponents", "countries", "states", "nations",
	"creditors", "clients", "patrons", "backers", "sponsors", "parties", "factions")

// individualNouns name people who fight for hire or by choice: a
// nationality before them is no state ("Russian mercenaries from the
// Wagner Group"). Victims keep their state ("blocked Filipino fishermen").
// memberVerbs name a body's members after "which": "which comprises".
var memberVerbs = wordSet("comprises", "comprise", "includes", "include", "included")

var individualNouns = wordSet("mercenaries", "mercenary", "volunteers", "contractors")

// officialsOf reports whether chunk ch names a state's people by a body
// mention ("top Saudi officials", "Iranian diplomats"), whom an
// "including" list names one by one.
func (v *sentenceView) officialsOf(ch chunk) bool {
	hm := v.mention(ch.Head)
	w := v.tok(ch.Head).Lower
	return hm >= 0 && v.a.Mentions[hm].Kind == byBody && strings.HasSuffix(w, "s") && personRoleNouns[strings.TrimSuffix(w, "s")]
}

// onlyDemonyms reports whether every mention in tokens [first, last) is
// a demonym.
func (v *sentenceView) onlyDemonyms(first, last int) bool {
	for t := first; t < last; t++ {
		if m := v.mention(t); m >= 0 && v.a.Mentions[m].Kind != byDemonym {
			return false
		}
	}
	return true
}

// apparatusNouns name a state's or movement's apparatus: "the Assad regime".
var apparatusNouns = wordSet("regime", "government", "forces", "troops", "army", "administration", "military",
	"loyalists", "militia", "militias", "fighters", "soldiers", "supporters", "camp", "cabinet", "men",
	// and its materiel: "a Gadhafi tank" is the regime's
	"tank", "tanks", "positions", "convoy", "convoys", "jets", "warplanes", "warships", "ships", "vessels",
	"artillery", "units", "base", "bases", "aircraft", "drones", "missiles")

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// newSentenceView chunks sentence s of a.
func newSentenceView(a *analysis, s sentence, mentions []int, lem *lemmatizer, disc *discourse) *sentenceView {
	v := &sentenceView{a: a, first: s.First, last: s.Last, headline: s.Headline, lem: lem, disc: disc}
	n := s.Last - s.First
	v.chunkAt = make([]int, n)
	v.mentionAt = make([]int, n)
	for i := range v.mentionAt {
		v.mentionAt[i] = -1
		v.chunkAt[i] = -1
	}
	for _, mi := range mentions {
		m := a.Mentions[mi]
		for t := m.First; t < m.Last; t++ {
			if t >= s.First && t < s.Last {
				v.mentionAt[t-s.First] = mi
			}
		}
	}
	v.chunk()
	v.findReferences()
	return v
}

// tok returns token i; outside the article it returns an empty token,
// so that a look past a sentence's edge reads nothing instead of failing.
func (v *sentenceView) tok(i int) *token {
	if i < 0 || i >= len(v.a.Tokens) {
		return &token{}
	}
	return &v.a.Tokens[i]
}

// word returns the lower-case token at i, or "" outside the sentence.
func (v *sentenceView) word(i int) string {
	if i < v.first || i >= v.last {
		return ""
	}
	return v.a.Tokens[i].Lower
}

// tag returns the tag at i, or "" outside the sentence.
func (v *sentenceView) tag(i int) string {
	if i < v.first || i >= v.last {
		return ""
	}
	return v.a.Tokens[i].Tag
}

func (v *sentenceView) mention(i int) int {
	if i < v.first || i >= v.last {
		return -1
	}
	return v.mentionAt[i-v.first]
}

func (v *sentenceView) chunkOf(i int) int {
	if i < v.first || i >= v.last {
		return -1
	}
	return v.chunkAt[i-v.first]
}

// nounish reports whether token i can be part of a noun phrase.
func (v *sentenceView) nounish(i int) bool {
	if v.mention(i) >= 0 {
		return true
	}
	if v.mistaggedVerb(i) {
		return false
	}
	t := v.tok(i)
	if t.Tag == "''" && i > v.first && i+1 < v.last {
		// An opening quotation mark inside a noun phrase: his “great
		// relationship”.
		switch v.tag(i - 1) {
		case "DT", "PRP$", "JJ", "POS":
			return isNounTag(v.tag(i+1)) || v.tag(i+1) == "JJ"
		}
	}
	switch t.Tag {
	case "DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "PRP$", "POS", "PRP":
		if t.Tag == "DT" && relativePronouns[t.Lower] {
			return false
		}
		if t.Tag == "PRP" {
			return true
		}
		if t.Tag == "NNP" && !isWordToken(t.Text) {
			return false // quotes and dashes the tagger calls NNP
		}
		return true
	case "VBN", "VBG":
		// "the internationally recognized government", "the ruling party"
		// …but not "often praising Kim": an adverb belongs to the phrase
		// only after its determiner.
		return i+1 < v.last && i > v.first && isNounTag(v.tag(i+1)) &&
			(v.tag(i-1) == "DT" || v.tag(i-1) == "JJ" || v.tag(i-1) == "PRP$" ||
				v.tag(i-1) == "RB" && (v.tag(i-2) == "DT" || v.tag(i-2) == "PRP$"))
	case "RB":
		return i+1 < v.last && i > v.first && (v.tag(i+1) == "VBN" || v.tag(i+1) == "JJ") && v.tag(i-1) == "DT"
	case "HYPH", ":":
		return t.Text == "-" && i > v.first && i+1 < v.last && v.nounishCore(i-1) && v.nounishCore(i+1)
	}
	if strings.HasSuffix(t.Lower, "-") && len(t.Lower) > 1 { // "anti-", "pro-"
		return true
	}
	return false
}

func (v *sentenceView) nounishCore(i int) bool {
	switch v.tag(i) {
	case "JJ", "NN", "NNS", "NNP", "NNPS", "CD":
		return true
	}
	return v.mention(i) >= 0
}

func isNounTag(t string) bool { return strings.HasPrefix(t, "NN") }

func isWordToken(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127 && r != '“' && r != '”' && r != '’' && r != '‘' && r != '—' && r != '–' {
			return true
		}
	}
	return false
}

// chunk fills v.chunks: maximal runs of noun-phrase tokens, split before a
// determiner or a possessive pronoun that follows a noun ("gave Qatar
// the list") and after a personal pronoun.
func (v *sentenceView) chunk() {
	for i := v.first; i < v.last; {
		if !v.nounish(i) {
			i++
			continue
		}
		start := i
		i++
		for i < v.last && v.nounish(i) {
			t := v.tok(i)
			prev := v.tok(i - 1)
			// A new phrase starts at a determiner after a noun, and
			// after a pronoun ("told him the plan").
			if (t.Tag == "DT" || t.Tag == "PRP$" || t.Tag == "PRP") && isNounTag(prev.Tag) && v.mention(i) < 0 {
				break
			}
			if prev.Tag == "PRP" {
				break
			}
			// "Ukraine next week", "Syria Wednesday": time expressions
			// are phrases of their own.
			if v.timeWordAt(i) {
				break
			}
			// "gave Qatar 10 days": a number after a name starts a new
			// phrase.
			if (t.Tag == "CD" || numberWords[t.Lower] > 0) && v.mention(i-1) >= 0 && v.mention(i) < 0 {
				break
			}
			// "the deal Ankara signed with the GNA": a name after a
			// common noun and before its own finite verb is the subject
			// of a relative clause without "that".
			if m := v.mention(i); m >= 0 && v.a.Mentions[m].First == i && v.mention(i-1) < 0 &&
				(prev.Tag == "NN" || prev.Tag == "NNS") && v.a.Mentions[m].Kind != byDemonym {
				switch v.tag(v.a.Mentions[m].Last) {
				case "VBD", "VBZ", "VBP", "MD":
					if !personRoleNouns[prev.Lower] {
						v.addChunk(start, i)
						start = i
					}
				}
			}
			// A mention that starts right after another mention's end
			// with no possessive is a new phrase ("gave Qatar Iran's
			// list") only when both are names of their own.
			i++
		}
		v.addChunk(start, i)
	}
}

// mistaggedVerb reports whether a token the tagger called a noun or
// adjective is an inflected verb between two actors: "Russia/NN
// backs/NNS Hezbollah".
func (v *sentenceView) mistaggedVerb(i int) bool {
	if v.lem == nil || v.mention(i) >= 0 || v.mention(i-1) < 0 || i+1 >= v.last {
		return false
	}
	w := v.tok(i).Lower
	base, ok := v.lem.verbLemma(w)
	if !ok || base == w && !strings.HasSuffix(w, "ed") && !v.pluralSubjectBefore(i) {
		return false
	}
	next := v.tag(i + 1)
	return v.mention(i+1) >= 0 || next == "DT" || next == "PRP$"
}

// pluralSubjectBefore reports whether the mention before token i ends a
// coordination ("the United States and Saudi Arabia support/NN rebel
// groups"): a plural subject, after which a base form is the verb.
func (v *sentenceView) pluralSubjectBefore(i int) bool {
	m := v.mention(i - 1)
	if m < 0 {
		return false
	}
	k := v.a.Mentions[m].First - 1
	if v.word(k) == "the" {
		k--
	}
	return v.word(k) == "and" && v.mention(k-1) >= 0
}

// timeWordAt reports whether a time expression starts at token i.
func (v *sentenceView) timeWordAt(i int) bool {
	w := v.word(i)
	if _, ok := weekdayNames[w]; ok {
		return true
	}
	switch w {
	case "today", "yesterday", "tomorrow", "tonight":
		return true
	case "next", "last", "this", "early", "late", "earlier", "later":
		switch v.word(i + 1) {
		case "week", "month", "year", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
			return true
		}
	}
	return false
}

// addChunk records tokens [first, last) as a chunk.
func (v *sentenceView) addChunk(first, last int) {
	// Trim a trailing possessive marker and leading determiners stay.
	c := chunk{First: first, Last: last, Head: last - 1}
	for c.Head > first && (v.tag(c.Head) == "POS" || v.tag(c.Head) == "CD" && isNounTag(v.tag(c.Head-1))) {
		c.Head--
	}
	// A person named in the phrase is its head, and the countries and
	// organizations before it are titles: "Russian Foreign Minister
	// Sergey Lavrov", "Ukraine's Petro Poroshenko".
	var persons []int
	for t := first; t < last; t++ {
		if m := v.mention(t); m >= 0 && v.a.Actors[v.a.Mentions[m].Actor].Type == schema.Person {
			persons = appendUnique(persons, v.a.Mentions[m].Actor)
		}
	}
	// "the Assad regime", "Gadhafi's forces": a leader's regime or forces
	// stand for the state or movement the leader heads.
	if len(persons) > 0 && apparatusNouns[v.tok(c.Head).Lower] && v.mention(c.Head) < 0 {
		if aff := v.a.Actors[persons[len(persons)-1]].Affiliation; aff != "" {
			if ai := v.a.actorWithID(aff); ai >= 0 {
				c.Actors = []int{ai}
				c.HeadMention = true
			}
		}
	}
	if c.HeadMention {
		// resolved above
	} else if hm := v.mention(c.Head); hm >= 0 || len(persons) > 0 && !personRoleNouns[v.tok(c.Head).Lower] {
		c.HeadMention = true
		if hm >= 0 {
			c.Actors = []int{v.a.Mentions[hm].Actor}
		} else {
			c.Actors = persons[len(persons)-1:]
		}
	} else if individualNouns[v.tok(c.Head).Lower] && v.onlyDemonyms(first, last) {
		// "Russian mercenaries from the Wagner Group": people of a
		// nationality, not the state.
	} else if relationalNouns[v.tok(c.Head).Lower] {
		// "a NATO member", "Russia's allies", "ECOWAS countries": others
		// related to the modifier, not the modifier itself.
	} else {
		seen := -1
		for t := first; t < last; t++ {
			if m := v.mention(t); m >= 0 && m != seen {
				seen = m
				if _, ok := v.compoundAt(v.a.Mentions[m].Last); ok {
					continue // "a US-brokered deal": the broker is no party
				}
				c.Actors = appendUnique(c.Actors, v.a.Mentions[m].Actor)
			}
		}
	}
	idx := len(v.chunks)
	v.chunks = append(v.chunks, c)
	for t := first; t < last; t++ {
		v.chunkAt[t-v.first] = idx
	}
}

func appendUnique(xs []int, x int) []int {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// headWord returns the lower-case head of chunk c.
func (v *sentenceView) headWord(c int) string { return v.tok(v.chunks[c].Head).Lower }

// isRoleChunk reports whether chunk c is headed by a role noun ("the
// U.N. envoy", "the Taliban's top political leader").
func (v *sentenceView) isRoleChunk(c int) bool {
	return !v.chunks[c].HeadMention && personRoleNouns[v.headWord(c)]
}

// isPersonChunk reports whether chunk c's head is a person mention.
func (v *sentenceView) isPersonChunk(c int) bool {
	ch := v.chunks[c]
	if !ch.HeadMention {
		return false
	}
	return v.a.Actors[ch.Actors[0]].Type == schema.Person
}

// extended returns the actors of the noun phrase that starts with chunk c
// together with its "of"/"from"/"to" complements and a bracketed or
// "including" list: the actors of the head chunk, or when it has none
// and names a party ("the leaders of France and Germany", "the Normandy
// Quartet (Russia, Germany, France, Ukraine)"), those of the complement.
// end is the token after the phrase.
func (v *sentenceView) extended(c int) (actors []int, end int) {
	ch := v.chunks[c]
	actors = ch.Actors
	end = ch.Last
	for {
		w := v.word(end)
		switch {
		case (w == "of" || w == "from") && v.chunkOf(end+1) >= 0:
			nc := v.chunkOf(end + 1)
			// "Shamkhani, the secretary of the council, and Al-Aiban":
			// a ", and" after the complement closes the apposition.
			g := v.cutAtComma(v.groupRight(nc, false))
			switch {
			case w == "of" && personRoleNouns[v.headWord(c)] && v.isPersonChunk(nc):
				// "U.S. Secretary of State John Kerry"
				actors = v.chunks[nc].Actors
				end = v.chunks[nc].Last
				continue
			case len(actors) == 0 && (partyHeadNouns[v.headWord(c)] || personRoleNouns[v.headWord(c)] || v.tok(ch.Head).Tag == "NNP"):
				actors = g.Actors
			case len(actors) > 0:
				// "Emir Tamim of Qatar and President Sisi": the
				// complement of a named actor is one phrase; what follows
				// its "and" joins the head.
				end = v.chunks[nc].Last
				continue
			}
			end = g.Last
			continue
		case w == "to" && v.isRoleChunk(c) && v.chunkOf(end+1) >= 0:
			// "the U.N. envoy to Syria"
			g := v.groupRight(v.chunkOf(end+1), false)
			end = g.Last
			continue
		case w == "(":
			close := end + 1
			for close < v.last && v.word(close) != ")" && close-end < 30 {
				close++
			}
			open := end + 1
			// "(comprising representatives from Ukraine, Russia and
			// the OSCE)"
			for open < close && (v.word(open) == "comprising" || v.word(open) == "including" || v.word(open) == "which" ||
				v.word(open) == "comprises" || v.word(open) == "includes" || v.word(open) == "such" || v.word(open) == "as") {
				open++
			}
			if close < v.last && v.chunkOf(open) >= 0 {
				// Inside brackets a bare comma list is a list: "(Russia,
				// Germany, France, Ukraine)".
				list, ok := v.listInside(open, close)
				if !ok {
					list = v.groupRight(v.chunkOf(open), true).Actors
				}
				if len(actors) == 0 {
					actors = list
				}
				end = close + 1
				continue
			}
		case w == "," && v.word(end+1) == "which" && memberVerbs[v.word(end+2)] && v.chunkOf(end+3) >= 0 && len(actors) == 0:
			// "the Contact Group, which comprises representatives from
			// Russia, Ukraine and the OSCE": its members.
			g := v.groupRight(v.chunkOf(end+3), true)
			actors = g.Actors
			end = g.Last
			continue
		case (w == "including" || w == "comprising") && v.chunkOf(end+1) >= 0 && len(actors) == 0:
			g := v.groupRight(v.chunkOf(end+1), false)
			actors = g.Actors
			end = g.Last
			continue
		case w == "," && v.word(end+1) == "including" && v.chunkOf(end+2) >= 0 && (!ch.HeadMention || v.officialsOf(ch)) &&
			(len(actors) == 0 || v.onlyDemonyms(ch.First, ch.Last) || v.officialsOf(ch)):
			// "ten officials, including army chief Min Aung Hlaing";
			// "Saudi officials, including the king": the state's people
			// and the named ones.
			g := v.groupRight(v.chunkOf(end+2), false)
			for _, x := range g.Actors {
				actors = appendUnique(actors, x)
			}
			end = g.Last
			continue
		}
		return actors, end
	}
}

// listInside returns the actors of the phrases between tokens open and
// close when only commas and coordinators separate them.
func (v *sentenceView) listInside(open, close int) ([]int, bool) {
	var out []int
	for k := open; k < close; {
		if c := v.chunkOf(k); c >= 0 {
			for _, x := range v.chunks[c].Actors {
				out = appendUnique(out, x)
			}
			k = v.chunks[c].Last
			continue
		}
		switch v.word(k) {
		case ",", "and", "or", "&":
			k++
			continue
		}
		return nil, false
	}
	return out, len(out) > 1
}

// groupRight builds the coordination that starts with chunk c and
// extends to the right: "Russia, Ukraine, the US and the EU". A comma
// alone joins only in headlines or when an "and" closes the list later.
func (v *sentenceView) groupRight(c int, deep bool) group {
	g := group{First: v.chunks[c].First}
	var actors []int
	var end int
	if deep {
		actors, end = v.extended(c)
	} else {
		actors, end = v.chunks[c].Actors, v.chunks[c].Last
	}
	g.Actors = append(g.Actors, actors...)
	g.Chunks = append(g.Chunks, c)
	prevPerson := v.isPersonChunk(c)
	prevRole := v.isRoleChunk(c)
	for {
		k, ok := v.coordinatorAt(end)
		if !ok {
			break
		}
		nc := v.chunkOf(k)
		if nc < 0 || v.chunks[nc].First != k {
			break
		}
		comma := v.word(end) == "," && k == end+1 // a bare comma, not ", and"
		if comma && !v.headline && !v.listClosesLater(k) {
			// "Mullah Baradar, the Taliban's leader" is an apposition;
			// "the U.N. envoy, Staffan de Mistura" names the envoy.
			if prevPerson && v.isRoleChunk(nc) {
				_, e := v.extended(nc)
				end = e
				if v.word(end) == "," {
					end++
				}
				continue
			}
			if prevRole && v.isPersonChunk(nc) {
				g.Actors = removeActors(g.Actors, actors)
				actors = v.chunks[nc].Actors
				g.Actors = append(g.Actors, actors...)
				g.Chunks = append(g.Chunks, nc)
				end = v.chunks[nc].Last
				prevPerson, prevRole = true, false
				continue
			}
			break
		}
		if comma && prevPerson && v.isRoleChunk(nc) {
			_, e := v.extended(nc)
			end = e
			continue
		}
		if comma && prevRole && v.isPersonChunk(nc) {
			g.Actors = removeActors(g.Actors, actors)
		}
		if deep {
			actors, end = v.extended(nc)
		} else {
			actors, end = v.chunks[nc].Actors, v.chunks[nc].Last
		}
		for _, x := range actors {
			g.Actors = appendUnique(g.Actors, x)
		}
		g.Chunks = append(g.Chunks, nc)
		prevPerson, prevRole = v.isPersonChunk(nc), v.isRoleChunk(nc)
	}
	g.Last = end
	// A pronoun in a coordination is a party too: "he and Kim agreed".
	if len(g.Chunks) > 1 && v.disc != nil {
		for _, c := range g.Chunks {
			if pw, ok := v.pronounChunk(c); ok && len(v.chunks[c].Actors) == 0 {
				for _, x := range v.disc.resolve(pw, v.chunks[c].First) {
					g.Actors = appendUnique(g.Actors, x)
				}
			}
		}
	}
	return g
}

func removeActors(xs, drop []int) []int {
	out := xs[:0:0]
	for _, x := range xs {
		keep := true
		for _, d := range drop {
			if x == d {
				keep = false
			}
		}
		if keep {
			out = append(out, x)
		}
	}
	return out
}

// coordinatorAt reports whether a coordinator starts at token i, and
// where the next conjunct starts.
func (v *sentenceView) coordinatorAt(i int) (next int, ok bool) {
	w := v.word(i)
	switch {
	case w == ",":
		if nw := v.word(i + 1); nw == "and" || nw == "or" {
			return i + 2, true
		}
		return i + 1, true
	case w == "and" || w == "or" || w == "&" || w == "plus" || w == "/":
		if v.word(i+1) == "its" || v.word(i+1) == "their" {
			return i + 1, true
		}
		return i + 1, true
	case w == "as" && v.word(i+1) == "well" && v.word(i+2) == "as":
		return i + 3, true
	case w == "along" && v.word(i+1) == "with":
		return i + 2, true
	}
	return 0, false
}

// listClosesLater reports whether the comma-separated list going on at
// token k is closed by "and"/"or" before the clause ends: "Russia, Iran,
// and Turkey" is a list, "Russia, the largest country," is not.
func (v *sentenceView) listClosesLater(k int) bool {
	for i := k; i < v.last && i < k+40; i++ {
		if v.chunkOf(i) >= 0 {
			continue
		}
		switch v.word(i) {
		case ",":
			continue
		case "and", "or", "&":
			return v.chunkOf(i+1) >= 0
		}
		return false
	}
	return false
}

// partyComplement reports whether the preposition at p joins a party
// noun to the phrase that names the party: "leaders of", "delegations
// from".
func (v *sentenceView) partyComplement(p int) bool {
	w := v.word(p)
	if w != "of" && w != "from" {
		return false
	}
	hc := v.chunkOf(p - 1)
	return hc >= 0 && len(v.chunks[hc].Actors) == 0 && partyHeadNouns[v.headWord(hc)]
}

// titleOf reports whether the "of" at p is inside a title before the
// person chunk c: "Secretary of State John Kerry".
func (v *sentenceView) titleOf(p, c int) bool {
	if v.word(p) != "of" || !v.isPersonChunk(c) {
		return false
	}
	hc := v.chunkOf(p - 1)
	return hc >= 0 && personRoleNouns[v.headWord(hc)]
}

// groupLeft builds the coordination that ends with chunk c, extending to
// the left. A conjunct inside a prepositional phrase ends it: in "In
// Syria, Russia attacked", the subject is Russia alone.
func (v *sentenceView) groupLeft(c int) group {
	// Walk to the leftmost conjunct, then build to the right from there
	// so that both directions agree on the list.
	start := c
	for {
		first := v.chunks[start].First
		p := first - 1
		prev := -1
		switch w := v.word(p); {
		case w == "and" || w == "or" || w == "&":
			if v.word(p-1) == "," {
				prev = v.chunkOf(p - 2)
			} else {
				prev = v.chunkOf(p - 1)
			}
		case w == ",":
			if v.headline || v.listClosesLater(first) {
				prev = v.chunkOf(p - 1)
			}
		case w == "well" && v.word(p-1) == "as" && v.word(p+1) == "as":
		}
		if prev < 0 {
			break
		}
		// Do not walk into a prepositional phrase or past a verb, but
		// into the complement of a party noun: "Delegations from Sudan's
		// army and the RSF returned".
		pf := v.chunks[prev].First
		if v.tag(pf-1) == "IN" && v.word(pf-1) != "that" && !subordinators[v.word(pf-1)] && !v.partyComplement(pf-1) && !v.titleOf(pf-1, prev) {
			break
		}
		start = prev
	}
	g := v.groupRight(start, true)
	if g.Last < v.chunks[c].Last {
		// The list did not reach c (an apposition broke it): c alone.
		return v.groupRight(c, true)
	}
	return g
}
