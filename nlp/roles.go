package nlp

import (
	"strings"

	"github.com/geokg/geokg/schema"
)

// rolePass gives persons a role and an affiliation from the patterns news
// uses, the first statement in the article winning:
//
//	Russian Foreign Minister Sergey Lavrov      (affiliation, title, name)
//	Iran's foreign minister, Mohammad Javad Zarif
//	Staffan de Mistura, the U.N. envoy to Syria (name, apposition)
//	Khalifa Haftar, head of the LNA             (title of an organization)
//	Dan Smith, who heads the Example Council    (relative clause)
//	President Bashar al-Assad                   (title only: role)
//
// A person the article gives no affiliation keeps the lexicon's.
func (r *recognizer) rolePass() {
	a := r.a
	ms := a.Mentions
	stated := make([]bool, len(a.Actors))
	// The lexicon's affiliations, for principals ("Orban's spokesman")
	// and for persons the article does not place.
	r.fallbackAff = make([]string, len(a.Actors))
	for i := range a.Actors {
		if a.Actors[i].Type == schema.Person && r.entLex[i] >= 0 {
			r.fallbackAff[i] = r.lex.actors[r.entLex[i]].Affiliation
		}
	}
	for mi := range ms {
		m := &ms[mi]
		if a.Actors[m.Actor].Type != schema.Person {
			continue
		}
		aff, role, ok := r.roleBefore(mi)
		if !ok {
			aff, role, ok = r.roleAfter(mi)
		}
		if ok && aff < 0 {
			// "Prime Minister Adel Abdul Mahdi of Iraq".
			aff = r.countryAfter(mi)
		}
		if !ok {
			continue
		}
		act := &a.Actors[m.Actor]
		if stated[m.Actor] {
			// A group or organization the person heads is more specific
			// than a nationality: "Libyan General Haftar ... head of the LNA".
			if aff >= 0 && a.Actors[aff].Type != schema.Country && r.countryAffiliated(act) {
				act.Affiliation = a.Actors[aff].ID
				if role != "" {
					act.Role = role
				}
			}
			continue
		}
		if aff >= 0 && aff != m.Actor {
			act.Affiliation = a.Actors[aff].ID
			if a.Actors[aff].Type == schema.Person {
				act.Affiliation = a.Actors[aff].Affiliation
			}
		}
		if role != "" {
			act.Role = role
		}
		if act.Affiliation != "" {
			stated[m.Actor] = true
		}
	}
	r.describedBefore()
	r.stateOfOffice()
	// The lexicon's affiliation for persons the article does not place,
	// and for persons it places only by nationality when the article
	// also names the group or organization the lexicon has them lead:
	// "Libyan General Khalifa Haftar's Libyan National Army" is the LNA's.
	for i := range a.Actors {
		act := &a.Actors[i]
		if act.Type != schema.Person || r.entLex[i] < 0 {
			continue
		}
		if act.Affiliation != "" {
			if lexAff := r.fallbackAff[i]; lexAff != "" && lexAff != act.Affiliation && r.countryAffiliated(act) && r.namesNonCountry(lexAff) {
				act.Affiliation = lexAff
				if la := &r.lex.actors[r.entLex[i]]; la.Role != "" {
					act.Role = la.Role
				}
			}
			continue
		}
		la := &r.lex.actors[r.entLex[i]]
		act.Affiliation = la.Affiliation
		if act.Role == "" {
			act.Role = la.Role
		}
	}
}

// titleEndingAt returns the title span that ends at token k, or -1.
func (r *recognizer) titleEndingAt(k int) int {
	for ti := len(r.sc.titles) - 1; ti >= 0; ti-- {
		t := r.sc.titles[ti]
		if t.last == k {
			return ti
		}
		if t.last < k {
			break
		}
	}
	return -1
}

// titleStartingAt returns the title span that starts at token k, or -1.
func (r *recognizer) titleStartingAt(k int) int {
	for ti, t := range r.sc.titles {
		if t.first == k {
			return ti
		}
		if t.first > k {
			break
		}
	}
	return -1
}

// mentionEndingAt returns the mention that ends at token k (exclusive),
// skipping a possessive "'s", or -1.
func (r *recognizer) mentionEndingAt(mi, k int) int {
	a := r.a
	if k > 0 && (a.Tokens[k-1].Text == "'s" || a.Tokens[k-1].Text == "’s") {
		k--
	}
	for j := mi - 1; j >= 0; j-- {
		m := &a.Mentions[j]
		if m.Last == k {
			return j
		}
		if m.Last < k {
			break
		}
	}
	return -1
}

// mentionStartingAt returns the mention starting at token k, or -1.
func (r *recognizer) mentionStartingAt(mi, k int) int {
	a := r.a
	for j := mi + 1; j < len(a.Mentions); j++ {
		m := &a.Mentions[j]
		if m.First == k {
			return j
		}
		if m.First > k {
			break
		}
	}
	return -1
}

// affiliationActor reports whether an actor can be an affiliation.
func (r *recognizer) affiliationActor(act int) bool {
	t := r.a.Actors[act].Type
	return t == schema.Country || t == schema.Organization || t == schema.Group
}

// titleRole returns the title's text and, when its complement names an
// organization ("head of the LNA", "President of the European
// Commission"), that actor.
func (r *recognizer) titleRole(ti int) (string, int) {
	t := r.sc.titles[ti]
	a := r.a
	first := t.first
	for first < t.last {
		w := a.Tokens[first].Lower
		if w == "the" || w == "a" || w == "an" {
			first++
			continue
		}
		if _, ok := honorifics[w]; ok {
			first++
			continue
		}
		break
	}
	if first >= t.last {
		return "", -1
	}
	role := a.Text[a.Tokens[first].Start:a.Tokens[t.last-1].End]
	aff, country := -1, -1
	for k := first; k < t.last; k++ {
		of := a.Tokens[k].Lower == "of"
		if !of && a.Tokens[k].Lower != "for" {
			continue
		}
		for mi := range a.Mentions {
			m := &a.Mentions[mi]
			if m.First < k || m.Last > t.last || !r.affiliationActor(m.Actor) {
				continue
			}
			if !of && m.Kind != byBody && r.a.Actors[m.Actor].Type == schema.Country {
				// "spokesman for the foreign ministry" is the ministry's
				// state; "envoy for Syria" is no Syrian.
				continue
			}
			if r.a.Actors[m.Actor].Type != schema.Country {
				aff = m.Actor
				break
			}
			if country < 0 {
				// "President of Bangladesh", "head of the Mexican
				// consular section", "Secretary of Iran's Supreme
				// National Security Council".
				country = m.Actor
			}
		}
	}
	if aff < 0 {
		aff = country
	}
	return role, aff
}

// roleBefore matches "[Actor]['s] Title Name" and "[the] [Actor] Title,
// Name".
func (r *recognizer) roleBefore(mi int) (aff int, role string, ok bool) {
	a := r.a
	m := &a.Mentions[mi]
	k := m.First
	if k > 0 && a.Tokens[k-1].Text == "," {
		k-- // apposition before: "Iran's foreign minister, Mohammad Javad Zarif"
	}
	ti := r.titleEndingAt(k)
	if ti < 0 {
		// "Ukraine's Petro Poroshenko": a possessive country, no title.
		if k == m.First {
			if j := r.mentionEndingAt(mi, k); j >= 0 && j != mi && a.Mentions[j].Last < k &&
				a.Actors[a.Mentions[j].Actor].Type == schema.Country {
				return a.Mentions[j].Actor, "", true
			}
		}
		return -1, "", false
	}
	role, aff = r.titleRole(ti)
	t := r.sc.titles[ti]
	if aff2, role2, ok := r.titleApposedBefore(mi, t.first); ok && aff < 0 {
		// "Bangladesh's army chief, General Waker-uz-Zaman": the
		// described title and its state.
		return aff2, role2, true
	}
	if j := r.mentionEndingAt(mi, t.first); j >= 0 && r.affiliationActor(a.Mentions[j].Actor) {
		aff = a.Mentions[j].Actor
	} else if j := r.groupInTitle(mi, t); j >= 0 {
		aff = a.Mentions[j].Actor
	} else if j := r.mentionEndingAt(mi, t.first); j >= 0 && a.Actors[a.Mentions[j].Actor].Type == schema.Person {
		// "Trump's envoy Zalmay Khalilzad": the principal's affiliation.
		pi := a.Mentions[j].Actor
		paff := a.Actors[pi].Affiliation
		if paff == "" {
			paff = r.fallbackAff[pi]
		}
		if ai := a.actorWithID(paff); paff != "" && ai >= 0 {
			aff = ai
		}
	}
	if role == "" && aff < 0 {
		return -1, "", false
	}
	return aff, role, true
}

// groupInTitle returns the mention of a group or organization that
// begins with or before title t and ends inside it, the title's own noun being
// part of the group's name: "Kenyan opposition leader X" is the Kenyan
// opposition's leader. Else -1.
func (r *recognizer) groupInTitle(mi int, t titleSpan) int {
	a := r.a
	for j := mi - 1; j >= 0 && a.Mentions[j].Last > t.first-3; j-- {
		m := &a.Mentions[j]
		if m.First <= t.first && m.Last > t.first && m.Last < t.last && r.affiliationActor(m.Actor) &&
			a.Actors[m.Actor].Type != schema.Country {
			return j
		}
	}
	return -1
}

// roleAfter matches "Name, [the|a] [Actor]['s] Title" and "Name, Title of
// Actor" and "Name, who heads the Actor".
func (r *recognizer) roleAfter(mi int) (aff int, role string, ok bool) {
	a := r.a
	m := &a.Mentions[mi]
	s := a.Sentences[m.Sentence]
	k := m.Last
	if k >= s.Last || a.Tokens[k].Text != "," {
		return -1, "", false
	}
	k++
	if k+1 < s.Last && a.Tokens[k].Tag == "CD" && a.Tokens[k+1].Text == "," {
		k += 2 // an age: "X, 64, a retired general"
	}
	for k < s.Last && (a.Tokens[k].Lower == "the" || a.Tokens[k].Lower == "a" || a.Tokens[k].Lower == "an") {
		k++
	}
	aff = -1
	// "X, a senior al-Shabaab commander": rank words before the actor.
	if r.mentionStartingAt(mi, k) < 0 {
		q := k
		for q < s.Last && q < k+2 && rankWords[a.Tokens[q].Lower] {
			q++
		}
		if j := r.mentionStartingAt(mi, q); q > k && j >= 0 && r.affiliationActor(a.Mentions[j].Actor) {
			k = q
		}
	}
	if j := r.mentionStartingAt(mi, k); j >= 0 && r.affiliationActor(a.Mentions[j].Actor) {
		aff = a.Mentions[j].Actor
		k = a.Mentions[j].Last
		if k < s.Last && (a.Tokens[k].Text == "'s" || a.Tokens[k].Text == "’s") {
			k++
		}
	}
	if ti := r.titleStartingAt(k); ti >= 0 {
		if j := r.mentionStartingAt(mi, r.sc.titles[ti].last); j >= 0 && a.Actors[a.Mentions[j].Actor].Type == schema.Person {
			return -1, "", false // the title of the next person: "X, French President Y"
		}
		role, of := r.titleRole(ti)
		if aff < 0 {
			aff = of
		}
		if aff < 0 {
			// "a retired general who now leads the opposition".
			if ha, _, ok := r.whoHeads(mi, r.sc.titles[ti].last, s); ok {
				aff = ha
			}
		}
		return aff, role, role != "" || aff >= 0
	}
	// "X, a retired general who now leads the opposition": a description
	// of a few lower-case words before the clause.
	for q := k; q < s.Last && q <= k+3; q++ {
		if a.Tokens[q].Lower == "who" {
			if ha, hr, ok := r.whoHeads(mi, q, s); ok {
				if q > k {
					hr = r.spanText(k, q)
				}
				return ha, hr, true
			}
			break
		}
		if startsUpper(a.Tokens[q].Text) || !strings.HasPrefix(a.Tokens[q].Tag, "NN") && !strings.HasPrefix(a.Tokens[q].Tag, "JJ") && a.Tokens[q].Tag != "VBN" {
			break
		}
	}
	return -1, "", false
}

// whoHeads matches "who heads the LNA", "who now leads the group" at
// token k: the actor headed and the role.
func (r *recognizer) whoHeads(mi, k int, s sentence) (aff int, role string, ok bool) {
	a := r.a
	if k >= s.Last || a.Tokens[k].Lower != "who" {
		return -1, "", false
	}
	k++
	if k < s.Last && a.Tokens[k].Tag == "RB" {
		k++ // "who now leads"
	}
	if k >= s.Last {
		return -1, "", false
	}
	switch a.Tokens[k].Lower {
	case "heads", "headed", "leads", "led", "chairs", "chaired", "runs", "ran", "commands", "commanded":
		j := k + 1
		if j < s.Last && a.Tokens[j].Lower == "the" {
			j++
		}
		if mj := r.mentionStartingAt(mi, j); mj >= 0 && r.affiliationActor(a.Mentions[mj].Actor) {
			return a.Mentions[mj].Actor, "head of " + strings.TrimSpace(r.spanText(a.Mentions[mj].First, a.Mentions[mj].Last)), true
		}
	}
	return -1, "", false
}

// rankWords may stand before the actor in an apposed title: "a senior
// al-Shabaab commander", "a former Hamas official".
var rankWords = wordSet("senior", "top", "former", "deputy", "acting", "veteran", "leading", "prominent", "key",
	"high-ranking", "mid-level", "local", "regional", "chief")

// namesNonCountry reports whether the article names the actor with this
// id and it is no country.
func (r *recognizer) namesNonCountry(id string) bool {
	i := r.a.actorWithID(id)
	return i >= 0 && r.a.Actors[i].Type != schema.Country
}

// countryAffiliated reports whether a person's affiliation is a country.
func (r *recognizer) countryAffiliated(act *actorInfo) bool {
	i := r.a.actorWithID(act.Affiliation)
	return i >= 0 && r.a.Actors[i].Type == schema.Country
}

// titleApposedBefore reads a title phrase that ends in a comma right
// before token k, where a rank before a name begins: "Bangladesh's army
// chief, General X", "the leader of the Quds Force, Maj. Gen. X". It
// returns the phrase's affiliation and role when it gives an affiliation.
func (r *recognizer) titleApposedBefore(mi, k int) (int, string, bool) {
	a := r.a
	k--
	if k < 1 || a.Tokens[k].Text != "," {
		return -1, "", false
	}
	// Names after the title's complement ("the leader of the Islamic
	// Revolutionary Guards Corps Quds Force"): their mentions end where
	// the title did.
	skipped, ti := -1, -1
	for steps := 0; steps < 10 && k > 0; steps++ {
		if ti = r.titleEndingAt(k); ti >= 0 {
			break
		}
		if j := r.mentionEndingAt(mi, k); j >= 0 && j < mi && a.Mentions[j].First < k {
			if r.a.Actors[a.Mentions[j].Actor].Type == schema.Person {
				return -1, "", false
			}
			if skipped < 0 {
				skipped = a.Mentions[j].Actor
			}
			k = a.Mentions[j].First
			continue
		}
		if w := a.Tokens[k-1].Lower; !startsUpper(a.Tokens[k-1].Text) && w != "of" && w != "the" {
			break
		}
		k--
	}
	if ti < 0 {
		return -1, "", false
	}
	role, aff := r.titleRole(ti)
	if j := r.mentionEndingAt(mi, r.sc.titles[ti].first); j >= 0 && r.affiliationActor(a.Mentions[j].Actor) {
		aff = a.Mentions[j].Actor
	}
	if aff < 0 && skipped >= 0 && r.affiliationActor(skipped) {
		aff = skipped
	}
	return aff, role, aff >= 0
}

// countryAfter returns the country named by "of" right after a person's
// mention ("Prime Minister Adel Abdul Mahdi of Iraq"), or -1.
func (r *recognizer) countryAfter(mi int) int {
	a := r.a
	m := &a.Mentions[mi]
	if m.Last >= a.Sentences[m.Sentence].Last || a.Tokens[m.Last].Lower != "of" {
		return -1
	}
	if j := r.mentionStartingAt(mi, m.Last+1); j >= 0 && a.Mentions[j].Kind == byName &&
		a.Actors[a.Mentions[j].Actor].Type == schema.Country {
		return a.Mentions[j].Actor
	}
	return -1
}

// stateTitleWords make a role an office of a state: a president,
// minister or general the text names without a country holds office in
// the country the story is about.
var stateTitleWords = wordSet("president", "vice-president", "president-elect", "minister", "premier", "chancellor",
	"king", "queen", "emir", "sultan", "monarch", "general", "gen.", "ambassador", "army", "junta")

// stateOfOffice gives a person whose title is a state office but whose
// state the text does not say ("President Robert Mugabe", "Former
// president Yahya Jammeh") the country the article is about. (The
// countries named in the person's sentence were tried too: they are more
// often the other party — "urged Kenya", "Senegalese troops invaded" —
// and lost more roles on the annotated sets than they gave.)
func (r *recognizer) stateOfOffice() {
	a := r.a
	theater := -2 // the article's theaterActor, found on first need
	r.eachUnplacedPerson(func(mi int, act *actorInfo) {
		if !stateOffice(act.Role) {
			return
		}
		if id := r.coordinatedAffiliation(mi); id != "" {
			act.Affiliation = id
			return
		}
		if id := r.speakerAffiliation(mi); id != "" {
			act.Affiliation = id
			return
		}
		if role := strings.ToLower(act.Role); strings.Contains(role, "minister") && !strings.Contains(role, "prime minister") {
			// Not for ministers: a story about one country quotes other
			// states' foreign ministers by title alone ("Foreign Minister
			// X said in Astana" of talks about Syria).
			return
		}
		if theater == -2 {
			theater = r.theaterActor()
		}
		if theater >= 0 {
			act.Affiliation = a.Actors[theater].ID
		}
	})
}

// eachUnplacedPerson calls fn with the first mention of every person the
// text and the lexicon give no affiliation.
func (r *recognizer) eachUnplacedPerson(fn func(mi int, act *actorInfo)) {
	a := r.a
	seen := make([]bool, len(a.Actors))
	for mi := range a.Mentions {
		m := &a.Mentions[mi]
		act := &a.Actors[m.Actor]
		if seen[m.Actor] || act.Type != schema.Person {
			continue
		}
		seen[m.Actor] = true
		if act.Affiliation != "" || r.entLex[m.Actor] >= 0 && r.fallbackAff[m.Actor] != "" {
			continue
		}
		fn(mi, act)
	}
}

// describedBefore gives a person the text introduces by a description
// before naming them the description's role and state: "The Mexican
// president has moved to ... \n Andrés Manuel López Obrador made the
// announcement"; "to arrest a former Ecuadorian vice president ... to
// arrest Jorge Glas". The description, "<state> <title>" with no name
// of its own, and the first naming stand in the same place: both open
// their sentences, or both follow the same verb, in the same or the next
// sentence.
func (r *recognizer) describedBefore() {
	a := r.a
	used := map[int]bool{} // title spans already given to a person
	r.eachUnplacedPerson(func(mi int, act *actorInfo) {
		if act.Role != "" {
			return
		}
		m := &a.Mentions[mi]
		for dj := mi - 1; dj >= 0 && a.Mentions[dj].Sentence >= m.Sentence-1; dj-- {
			d := &a.Mentions[dj]
			ti := r.titleStartingAt(d.Last)
			if ti < 0 || used[ti] || a.Actors[d.Actor].Type != schema.Country || r.mentionStartingAt(dj, r.sc.titles[ti].last) >= 0 {
				continue
			}
			if !r.samePlace(d.First, d.Sentence, m.First, m.Sentence) {
				continue
			}
			used[ti] = true
			role, _ := r.titleRole(ti)
			act.Role = role
			act.Affiliation = a.Actors[d.Actor].ID
			break
		}
	})
}

// samePlace reports whether a description starting at token d (its state
// word) and a name starting at token n stand in the same place of their
// sentences: both open them, or both follow the same verb.
func (r *recognizer) samePlace(d, ds, n, ns int) bool {
	a := r.a
	for d > a.Sentences[ds].First {
		w := a.Tokens[d-1].Lower
		if w != "the" && w != "a" && w != "an" && w != "former" {
			break
		}
		d--
	}
	// A dateline ("QUITO, Ecuador (AP) —") opens no sentence's content.
	dFirst, nFirst := d == r.datelineEnd(a.Sentences[ds]), n == r.datelineEnd(a.Sentences[ns])
	if dFirst || nFirst {
		return dFirst && nFirst
	}
	v := &a.Tokens[d-1]
	return strings.HasPrefix(v.Tag, "VB") && v.Lower == a.Tokens[n-1].Lower
}

// coordinatedAffiliation returns the state of a titled person joined by
// "and" to a titled person of a stated state, whose state the pair
// shares: "Georgia's ambassador, David Zalkaliani, and Deputy Foreign
// Minister Teimuraz Jandzhalia both resigned". Else "".
func (r *recognizer) coordinatedAffiliation(mi int) string {
	a := r.a
	m := &a.Mentions[mi]
	ti := r.titleEndingAt(m.First)
	if ti < 0 {
		return ""
	}
	k := r.sc.titles[ti].first - 1
	if k < a.Sentences[m.Sentence].First || a.Tokens[k].Lower != "and" {
		return ""
	}
	if k > 0 && a.Tokens[k-1].Text == "," {
		k--
	}
	pm := r.mentionEndingAt(mi, k)
	if pm < 0 {
		return ""
	}
	p := &a.Actors[a.Mentions[pm].Actor]
	if p.Type != schema.Person || p.Role == "" || !r.countryAffiliated(p) {
		return ""
	}
	return p.Affiliation
}

// speakerAffiliation returns the state of the person whose words tell of
// a minister named by title alone: "Hun said, adding that Foreign
// Minister Prak Sokhonn would coordinate next steps" names Hun's own
// minister. Else "".
func (r *recognizer) speakerAffiliation(mi int) string {
	a := r.a
	m := &a.Mentions[mi]
	if !strings.Contains(strings.ToLower(a.Actors[m.Actor].Role), "minister") {
		return ""
	}
	for j := mi - 1; j >= 0 && a.Mentions[j].Sentence == m.Sentence; j-- {
		sp := &a.Mentions[j]
		p := &a.Actors[sp.Actor]
		if sp.Actor == m.Actor || p.Type != schema.Person || sp.Last >= len(a.Tokens) {
			continue
		}
		if _, speech := speechVerbs[a.Tokens[sp.Last].Lower]; speech && r.countryAffiliated(p) {
			return p.Affiliation
		}
	}
	return ""
}

// stateOffice reports whether a role names a state office.
func stateOffice(role string) bool {
	for _, w := range strings.Fields(strings.ToLower(role)) {
		if stateTitleWords[w] {
			return true
		}
	}
	return false
}

// theaterActor is the country actor the article is about: theaterCountry
// when the article names it as an actor about as often as any other
// country (at least half as often), else the country it names most.
func (r *recognizer) theaterActor() int {
	counts := make([]int, len(r.a.Actors))
	most := -1
	for _, m := range r.a.Mentions {
		if r.a.Actors[m.Actor].Type != schema.Country {
			continue
		}
		counts[m.Actor]++
		if most < 0 || counts[m.Actor] > counts[most] {
			most = m.Actor
		}
	}
	if li := r.theaterCountry(); li >= 0 {
		for i, l := range r.entLex {
			if l == li && most >= 0 && 2*counts[i] >= counts[most] {
				return i
			}
		}
	}
	return most
}
