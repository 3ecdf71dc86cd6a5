package nlp

import "github.com/geokg/geokg/schema"

// knownAsAt reports whether tokens k, k+1 are "known as" introducing a
// second name of what stands before a comma: "Israel Ramírez, also known
// as Pablo Beltrán". It returns the comma's token and the first token of
// the second name.
func (r *recognizer) knownAsAt(k int, s sentence) (comma, second int, ok bool) {
	a := r.a
	if k+2 >= s.Last || a.Tokens[k].Lower != "known" || a.Tokens[k+1].Lower != "as" {
		return 0, 0, false
	}
	p := k - 1
	if p > s.First && aliasAdverbs[a.Tokens[p].Lower] {
		p--
	}
	if p <= s.First || a.Tokens[p].Text != "," || !startsUpper(a.Tokens[k+2].Text) {
		return 0, 0, false
	}
	return p, k + 2, true
}

// aliasAdverbs may stand before "known as".
var aliasAdverbs = wordSet("also", "better", "formerly", "popularly", "widely", "commonly", "once")

// aliasNamePass frees a person's name that begins with a country's name
// before "also known as" ("Israel Ramírez, also known as Pablo
// Beltrán"): a run of capitalized words there is a name, not a state
// followed by a word.
func (r *recognizer) aliasNamePass() {
	a := r.a
	r.eachKnownAs(func(s sentence, comma, _ int) {
		first := comma
		for first > s.First && startsUpper(a.Tokens[first-1].Text) && !r.sc.isTitle[first-1] {
			first--
		}
		if comma-first < 2 {
			return
		}
		for j := first; j < comma; j++ {
			if ci := r.candAt(j); ci >= 0 && r.sc.cands[ci].typ == schema.Country && r.sc.cands[ci].kind == byName {
				r.dropCand(ci)
			}
		}
	})
}

// eachKnownAs calls fn for every "Name, also known as Name" of the
// article with its comma and the first token of the second name.
func (r *recognizer) eachKnownAs(fn func(s sentence, comma, second int)) {
	for _, s := range r.a.Sentences {
		for k := s.First; k < s.Last; k++ {
			if comma, second, ok := r.knownAsAt(k, s); ok {
				fn(s, comma, second)
			}
		}
	}
}

// mergeAliases makes one person of two names joined by "also known as":
// the second name, the one the press uses, keeps the person's identity.
func (r *recognizer) mergeAliases(cands []cand) {
	r.eachKnownAs(func(_ sentence, comma, second int) {
		lc, rc := r.candAt(comma-1), r.candAt(second)
		if lc < 0 || rc < 0 || cands[lc].typ != schema.Person || cands[rc].typ != schema.Person {
			return
		}
		from, to := cands[lc].actor, cands[rc].actor
		if from < 0 || to < 0 || from == to {
			return
		}
		for ci := range cands {
			if cands[ci].actor == from {
				cands[ci].actor = to
			}
		}
	})
}
