package nlp

// Attribution: "X said Y attacked Z" gives Y ASSAULT Z claimed by X. A
// reporting verb's content is the rest of the sentence after it, or — for
// a quotation closed by ", X said" — the part before its speaker.

// report is one reporting verb with its speaker and content span.
type report struct {
	verb    int
	speaker int // actor index, or -1 when the speaker is no actor
	// speakers are all the actors of the speaker's phrase.
	speakers group
	from, to int // content tokens [from, to)
	negated  bool
	// backshift: a past-tense verb with a clause after it ("said it
	// would"), whose "would" is the past of "will".
	backshift bool
}

type reports []report

// covering reports whether a report whose content holds token i is
// negated ("I did not say that…"), and returns the speaker of the
// innermost such report that names one, or -1.
func (rs reports) covering(i int) (negated bool, speaker int) {
	speaker = -1
	width := 1 << 30
	for _, r := range rs {
		if i < r.from || i >= r.to || i == r.verb {
			continue
		}
		negated = negated || r.negated
		if r.speaker >= 0 && r.to-r.from < width {
			speaker, width = r.speaker, r.to-r.from
		}
	}
	return negated, speaker
}

// coSpeaker reports whether actor x is one of the speakers of the
// innermost report whose content holds token i: "France and Germany said
// they will recognize him" is no claim by France about Germany.
func (rs reports) coSpeaker(i, x int) bool {
	g, ok := rs.speakerGroup(i)
	return ok && containsInt(g.Actors, x)
}

// backshifts reports whether token i is in the reported clause of a
// past-tense reporting verb (not in a quotation).
func (rs reports) backshifts(i int) bool {
	for _, r := range rs {
		if i >= r.from && i < r.to && i != r.verb && r.backshift && !r.negated {
			return true
		}
	}
	return false
}

// findReports finds the reporting verbs of a sentence.
func (v *sentenceView) findReports(rs *relationStage) reports {
	var out reports
	for i := v.first; i < v.last; i++ {
		t := v.tok(i)
		var lemma string
		switch {
		case t.Lower == "according" && v.word(i+1) == "to":
			if c := v.chunkOf(i + 2); c >= 0 {
				g := v.groupRight(c, true)
				r := report{verb: i, speaker: -1, from: v.first, to: v.last}
				if len(g.Actors) > 0 {
					r.speaker = g.Actors[0]
				}
				out = append(out, r)
			}
			continue
		case len(t.Tag) >= 2 && t.Tag[:2] == "VB":
			lemma = t.Lemma
		default:
			if l, ok := rs.lem.verbLemma(t.Lower); ok && v.verbPosition(i) && !isNounTag(t.Tag) {
				lemma = l
			}
		}
		if denyingVerbs[lemma] {
			// "dismissed charges that its drones struck Iraq": the
			// charges are denied.
			if r, ok := v.deniedClaim(i); ok {
				out = append(out, r)
				continue
			}
		}
		if accusingVerbs[lemma] {
			// "Kinshasa accuses Rwanda of arming the M23": the arming is
			// Kinshasa's claim.
			if r, ok := v.accusation(i); ok {
				out = append(out, r)
			}
			continue
		}
		if !reportingVerbs[lemma] {
			continue
		}
		vg := v.verbGroupAt(i)
		// "denied reports that it had sent weapons": a denial negates
		// what it reports.
		r := report{verb: i, speaker: -1, negated: vg.Modes.has(modeNegated)}
		denial := lemma == "deny"
		subj, _, ok := v.subjectOf(vg.Start)
		if ok && len(subj.Actors) > 0 {
			r.speaker = subj.Actors[0]
			r.speakers = subj
		}
		// Quotation first: "“…,” Kerry said." or "…, said Kerry."
		before := subj.First
		if !ok {
			before = vg.Start
		}
		quoteFirst := before-v.first > 3 && (v.word(before-1) == "," || isQuoteWord(v.word(before-1))) && v.nothingReported(i+1)
		if !ok || subj.empty() {
			// "…, said Kerry"
			if c := v.chunkOf(i + 1); c >= 0 && v.chunks[c].First == i+1 {
				g := v.groupRight(c, true)
				if len(g.Actors) > 0 && (g.Last >= v.last || v.word(g.Last) == "." || v.word(g.Last) == ",") {
					r.speaker = g.Actors[0]
					r.speakers = g
					quoteFirst = true
					before = vg.Start
				}
			}
		}
		if ok && v.reducedRelative(subj) {
			// "…, a charge Kigali denies": the verb's object is the noun
			// before its subject; it reports nothing.
			quoteFirst = false
		}
		switch {
		case quoteFirst:
			r.from, r.to = v.first, before
			// "“We sent no weapons,” Abu Dhabi denied" — but not "X
			// accused Y, a charge Y denies".
			if denial && (isQuoteWord(v.word(before-1)) || isQuoteWord(v.word(before-2))) {
				r.negated = !r.negated
			}
		case v.clauseFollows(i + 1):
			r.from, r.to = i+1, v.last
			r.backshift = t.Tag == "VBD" || t.Tag == "VBN" && perfectAux[v.word(vg.Start)]
			if denial {
				r.negated = !r.negated // "denied reports that it had sent weapons"
			}
		default:
			// "Kerry announced the move at a news conference with
			// Lavrov": an object, not a reported clause.
			r.from, r.to = i+1, i+1
		}
		out = append(out, r)
	}
	return out
}

// reducedRelative reports whether a subject phrase starts with a common
// noun before its actor ("a charge Kigali"): the clause is a relative one
// whose object is that noun.
func (v *sentenceView) reducedRelative(subj group) bool {
	if len(subj.Chunks) != 1 {
		return false
	}
	c := v.chunks[subj.Chunks[0]]
	noun := false
	for k := c.First; k < c.Last; k++ {
		if v.mention(k) >= 0 {
			return noun
		}
		if t := v.tag(k); t == "NN" || t == "NNS" {
			noun = true
		}
	}
	return false
}

// denyingVerbs reject a claim: its content is not asserted.
var denyingVerbs = wordSet("deny", "dismiss", "reject", "refute", "rebut", "dispute")

// claimNouns name a claim whose that-clause says what is claimed.
var claimNouns = wordSet("charge", "charges", "claim", "claims", "report", "reports", "allegation", "allegations",
	"accusation", "accusations", "suggestion", "suggestions", "rumour", "rumours", "rumor", "rumors", "assertion", "assertions")

// deniedClaim returns the report of a denying verb at i whose object is
// a claim with a that-clause: the clause is negated.
func (v *sentenceView) deniedClaim(i int) (report, bool) {
	c := v.chunkOf(i + 1)
	if c < 0 || v.chunks[c].First != i+1 || !claimNouns[v.headWord(c)] || v.word(v.chunks[c].Last) != "that" {
		return report{}, false
	}
	vg := v.verbGroupAt(i)
	r := report{verb: i, speaker: -1, negated: !vg.Modes.has(modeNegated), from: v.chunks[c].Last + 1, to: v.last}
	if subj, _, ok := v.subjectOf(vg.Start); ok && len(subj.Actors) > 0 {
		r.speaker, r.speakers = subj.Actors[0], subj
	}
	return r, true
}

// accusation returns the report of an accusing verb at i whose object
// has an of/for gerund complement: its content is the complement.
func (v *sentenceView) accusation(i int) (report, bool) {
	k := i + 1
	c := v.chunkOf(k)
	if c < 0 || v.chunks[c].First != k {
		return report{}, false
	}
	g := v.groupRight(c, false)
	if (v.word(g.Last) != "of" && v.word(g.Last) != "for") || v.tag(g.Last+1) != "VBG" {
		return report{}, false
	}
	vg := v.verbGroupAt(i)
	r := report{verb: i, speaker: -1, negated: vg.Modes.has(modeNegated), from: g.Last, to: v.last}
	if subj, _, ok := v.subjectOf(vg.Start); ok && len(subj.Actors) > 0 {
		r.speaker, r.speakers = subj.Actors[0], subj
	}
	return r, true
}

// clauseFollows reports whether a reported clause starts at k: "that",
// a colon or a quotation, or a subject followed by its verb ("said the
// countries had pledged"), possibly after an addressee ("told reporters
// that…").
func (v *sentenceView) clauseFollows(k int) bool {
	for hops := 0; hops < 3 && k < v.last; hops++ {
		w := v.word(k)
		if w == "that" || w == ":" || isQuoteWord(w) || w == "," {
			return true
		}
		// "said on Monday that", "told reporters in Geneva that": a
		// prepositional phrase before the clause.
		if v.tag(k) == "IN" && !subordinators[w] {
			if c := v.chunkOf(k + 1); c >= 0 && v.chunks[c].First == k+1 {
				k = v.chunks[c].Last
				continue
			}
		}
		c := v.chunkOf(k)
		if c < 0 {
			return v.tag(k) == "MD" || v.tag(k) == "VBD" || v.tag(k) == "VBZ" || v.tag(k) == "VBP"
		}
		end := v.groupRight(c, false).Last // "said Ankara and Moscow would"
		for e := end; e < v.last && e < end+3; e++ {
			switch v.tag(e) {
			case "VBD", "VBZ", "VBP", "MD":
				return true
			}
			if v.tag(e) != "RB" {
				break
			}
		}
		k = end // an addressee: "told reporters"
	}
	return false
}

// nothingReported reports whether no clause follows a reporting verb at
// i-1: "…,” Kerry said on Friday." rather than "Kerry said that…".
func (v *sentenceView) nothingReported(i int) bool {
	for k := i; k < v.last; k++ {
		if v.word(k) == "that" || isQuoteWord(v.word(k)) {
			return false
		}
		switch v.tag(k) {
		case "VBD", "VBZ", "VBP", "MD":
			return false
		}
	}
	return true
}

// speakerGroup returns the speaker phrase of the innermost report whose
// content holds token i.
func (rs reports) speakerGroup(i int) (group, bool) {
	best, width := group{}, 1<<30
	for _, r := range rs {
		if i >= r.from && i < r.to && i != r.verb && r.speaker >= 0 && r.to-r.from < width {
			best, width = r.speakers, r.to-r.from
		}
	}
	return best, width < 1<<30
}

func isQuoteWord(w string) bool {
	switch w {
	case "\"", "“", "”", "''", "``", "'", "’", "‘":
		return true
	}
	return false
}
