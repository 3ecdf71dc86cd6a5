package nlp

import (
	"strings"

	"github.com/geokg/geokg/schema"
)

// partyNamePass finds parties the lexicon lacks whose name is a demonym
// and one more capitalized word, with no organization head to tell them
// apart ("Georgian Dream", "Bulgarian Rise"). Such a phrase is a party
// when the article names it again and it acts at least once ("Georgian
// Dream has rejected", "by Georgian Dream", "Georgian Dream's decision");
// a single "Chinese New Year" or a headline "Saudi Journalist" is not.
// It runs before the name pass, so the second word is still free.
func (r *recognizer) partyNamePass() {
	a := r.a
	type use struct {
		ci, next int
	}
	uses := map[string][]use{}
	acts := map[string]bool{}
	var order []string
	for ci := range r.sc.cands {
		c := &r.sc.cands[ci]
		if c.drop || c.kind != byDemonym || c.typ != schema.Country {
			continue
		}
		s := a.Sentences[c.sent]
		j := c.last
		if s.Headline || j >= s.Last || !r.isNameToken(j, s) || r.sc.isTitle[j] ||
			j+1 < s.Last && startsUpper(a.Tokens[j+1].Text) {
			continue
		}
		w := a.Tokens[j].Lower
		if _, head := orgHeads[w]; head {
			continue // "Syrian Army" is a body or a named organization
		}
		if _, head := groupHeads[w]; head {
			continue
		}
		key := r.spanText(c.first, j+1)
		if _, seen := uses[key]; !seen {
			order = append(order, key)
		}
		uses[key] = append(uses[key], use{ci, j})
		if r.nameActs(c.first, j+1, s) {
			acts[key] = true
		}
	}
	for _, key := range order {
		if len(uses[key]) < 2 || !acts[key] {
			continue
		}
		for _, u := range uses[key] {
			c := r.sc.cands[u.ci]
			r.dropCand(u.ci)
			r.addCand(cand{first: c.first, last: u.next + 1, sent: c.sent, kind: byName, lex: -1,
				typ: schema.Organization, newName: key})
		}
	}
	r.sortCands()
}

// nameActs reports whether the name at [first, last) acts in its
// sentence: the subject of a finite verb ("X has rejected", "X
// rejected"), the agent of a passive or a nominalization ("by X"), or a
// possessor ("X's decision").
func (r *recognizer) nameActs(first, last int, s sentence) bool {
	a := r.a
	if first > s.First && a.Tokens[first-1].Lower == "by" {
		return true
	}
	if last >= s.Last {
		return false
	}
	n := a.Tokens[last]
	if n.Text == "'s" || n.Text == "’s" {
		return true
	}
	switch n.Tag {
	case "VBD", "VBZ", "VBP", "MD":
		return !strings.EqualFold(n.Text, "is") && !strings.EqualFold(n.Text, "was")
	}
	return false
}

// memberPluralPass drops a party named only by its members' plural
// ("Democrats", "Republicans") when no such mention acts: "a sensitive
// time for Democrats" speaks of voters' mood, while "Democrats were not
// going to give more" is the party acting.
func (r *recognizer) memberPluralPass() {
	a := r.a
	acts := map[int]bool{}
	var plural []int
	for ci := range r.sc.cands {
		c := &r.sc.cands[ci]
		if c.drop || c.lex < 0 || c.typ != schema.Organization {
			continue
		}
		name := r.lex.actors[c.lex].Name
		if !strings.HasSuffix(name, " Party") {
			continue
		}
		if c.last-c.first != 1 || !strings.HasSuffix(a.Tokens[c.first].Lower, "s") {
			acts[c.lex] = true // the party's own name
			continue
		}
		plural = append(plural, ci)
		if r.nameActs(c.first, c.last, a.Sentences[c.sent]) {
			acts[c.lex] = true
		}
	}
	for _, ci := range plural {
		if !acts[r.sc.cands[ci].lex] {
			r.dropCand(ci)
		}
	}
}
