package nlp

import (
	"slices"
	"testing"
)

// relTestView prepares the one body sentence of text as the relation
// stage does and returns its view, with the first cue whose first word is
// cue.
func relTestView(t *testing.T, text, cue string) (*relationStage, *sentenceView, cueHit) {
	t.Helper()
	_, _, rs := relHarness(t)
	a := relTestAnalysis(t, "Test\n\n"+text)
	rs.prepareTokens(a)
	s := a.Sentences[len(a.Sentences)-1]
	var ms []int
	for mi, m := range a.Mentions {
		if m.Sentence == s.Index {
			ms = append(ms, mi)
		}
	}
	v := newSentenceView(a, s, ms, rs.lem, &discourse{apparatus: map[string]apparatusRef{}})
	v.resolveReferences()
	v.reports = v.findReports(rs)
	v.trackSubjects()
	for i := v.first; i < v.last; i++ {
		if hit, ok := rs.cueAt(v, i); ok && v.word(i) == cue {
			return rs, v, hit
		}
	}
	t.Fatalf("%s: no cue %q", text, cue)
	return nil, nil, cueHit{}
}

// checkGroup compares the actor IDs of group g, sorted, with want.
func checkGroup(t *testing.T, v *sentenceView, what string, g group, want []string) {
	t.Helper()
	var got []string
	for _, x := range g.Actors {
		got = append(got, v.a.Actors[x].ID)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("%s %v, want %v", what, got, want)
	}
}

// runSteps runs the first n steps in order.
func runSteps(steps []func(), n int) {
	for _, step := range steps[:n] {
		step()
	}
}

// Each step of the noun frame, on a sentence that needs it: what source
// and target the frame holds after the steps up to it.
func TestNounFrameSteps(t *testing.T) {
	tests := []struct {
		name, text, cue string
		steps           int // how many of the steps below to run
		src, tgt        []string
		together        bool
	}{
		{"modifiers", "Russian airstrikes on Hezbollah continued.", "airstrikes", 1, []string{"RUS"}, nil, false},
		{"target phrase", "Russian airstrikes on Hezbollah continued.", "airstrikes", 2, []string{"RUS"}, []string{"Hezbollah"}, false},
		{"target past a place", "Russian airstrikes in Syria against Hezbollah continued.", "airstrikes", 2,
			[]string{"RUS"}, []string{"Hezbollah"}, false},
		{"between is together", "Talks between Russia and Ukraine ended.", "talks", 2, nil, []string{"RUS", "UKR"}, true},
		{"agent after the target", "The strike on Syria ordered by Mary Cole failed.", "strike", 3, []string{"Mary Cole"}, []string{"SYR"}, false},
		{"pronoun source", "Turkey reiterated its support for Qatar.", "support", 5, []string{"TUR"}, []string{"QAT"}, false},
		{"thanked for support", "Qatar thanked Turkey for its support.", "support", 5, []string{"TUR"}, []string{"QAT"}, false},
		{"apposition", "Iran, a close ally of Syria, spoke.", "ally", 7, []string{"IRN"}, []string{"SYR"}, false},
		{"governor lends its subject", "Germany announced new sanctions on Iran.", "sanctions", 8, []string{"DEU"}, []string{"IRN"}, false},
		{"receiving governor inverts", "Hezbollah has the backing of Iran.", "backing", 8, []string{"IRN"}, []string{"Hezbollah"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, v, hit := relTestView(t, tt.text, tt.cue)
			f := newNounFrame(v, hit)
			steps := []func(){
				func() { f.readModifiers(v) },
				func() { f.readTargetPhrase(v) },
				func() { f.readAgentAfterTarget(v); f.haveSrc, f.haveTgt = !f.src.empty(), !f.tgt.empty() },
				func() { f.readRequestedAt(v) },
				func() { rs.readPronounSource(v, f) },
				func() { f.readNegotiation(v) },
				func() { f.readApposition(v) },
				func() {
					if !f.haveSrc || f.p.Type.Symmetric() && !f.together {
						rs.readGovernor(v, f)
					}
				},
			}
			runSteps(steps, tt.steps)
			checkGroup(t, v, "source", f.src, tt.src)
			checkGroup(t, v, "target", f.tgt, tt.tgt)
			if f.together != tt.together {
				t.Errorf("together %v, want %v", f.together, tt.together)
			}
		})
	}
}

// Each step of the verb frame, on a sentence that needs it.
func TestVerbFrameSteps(t *testing.T) {
	tests := []struct {
		name, text, cue string
		steps           int
		subj, tgt       []string
		typ             string
	}{
		{"clause subject", "Russia backs Hezbollah in the conflict.", "backs", 1, []string{"RUS"}, nil, "SUPPORT"},
		{"object", "Russia backs Hezbollah in the conflict.", "backs", 2, []string{"RUS"}, []string{"Hezbollah"}, "SUPPORT"},
		{"infinitive of intent", "France vowed to defeat Islamic State.", "defeat", 2, []string{"FRA"}, []string{"ISIL"}, "THREATEN"},
		{"object control", "Germany urged Russia to stop attacking Ukraine.", "attacking", 2, []string{"RUS"}, []string{"UKR"}, "ASSAULT"},
		{"passive agent", "Hezbollah was attacked by Turkish forces on Monday.", "attacked", 4, []string{"TUR"}, []string{"Hezbollah"}, "ASSAULT"},
		{"reduced relative", "Omar Haddad, backed by Russia, spoke.", "backed", 4, []string{"RUS"}, []string{"Omar Haddad"}, "SUPPORT"},
		{"object relative", "Omar Haddad, whom Iran firmly backs, spoke.", "backs", 6, []string{"IRN"}, []string{"Omar Haddad"}, "SUPPORT"},
		{"refusal retypes", "Qatar will never support Omar Haddad.", "support", 8, []string{"QAT"}, []string{"Omar Haddad"}, "REJECT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, v, hit := relTestView(t, tt.text, tt.cue)
			f := newVerbFrame(v, hit)
			steps := []func(){
				func() {
					rs.readSubject(v, f)
					if f.vg.Presupposed {
						f.modes = 0
					}
				},
				func() { f.readTarget(v) },
				func() { f.readReducedRelative(v) },
				func() { f.readPassive(v) },
				func() { rs.readHelp(v, f) },
				func() { f.readFallbackTargets(v) },
				func() { f.readInverse(v) },
				func() { f.retype(v) },
			}
			runSteps(steps, tt.steps)
			checkGroup(t, v, "subject", f.subj, tt.subj)
			checkGroup(t, v, "target", f.tgt, tt.tgt)
			if string(f.typ) != tt.typ {
				t.Errorf("type %s, want %s", f.typ, tt.typ)
			}
		})
	}
}
