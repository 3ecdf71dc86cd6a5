package nlp

import (
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/geokg/geokg/schema"
)

// The relation tests build their analyses with the real segmenter,
// tokenizer and tagger but a small hand-made actor table, so that they
// test argument finding whatever the actor stage recognises.

// relTestActor is one actor of the test table.
type relTestActor struct {
	id    string
	typ   schema.ActorType
	aff   string
	names []string
}

var relTestActors = []relTestActor{
	{"USA", schema.Country, "", []string{"United States", "U.S.", "US", "Washington", "American", "Americans"}},
	{"RUS", schema.Country, "", []string{"Russia", "Russian", "Moscow", "the Kremlin", "Russians"}},
	{"IRN", schema.Country, "", []string{"Iran", "Iranian", "Tehran"}},
	{"FRA", schema.Country, "", []string{"France", "French", "Paris"}},
	{"DEU", schema.Country, "", []string{"Germany", "German", "Berlin"}},
	{"TUR", schema.Country, "", []string{"Turkey", "Turkish", "Ankara"}},
	{"SYR", schema.Country, "", []string{"Syria", "Syrian", "Damascus"}},
	{"UKR", schema.Country, "", []string{"Ukraine", "Ukrainian", "Kiev"}},
	{"QAT", schema.Country, "", []string{"Qatar", "Doha"}},
	{"EGY", schema.Country, "", []string{"Egypt", "Egyptian", "Cairo"}},
	{"CHN", schema.Country, "", []string{"China", "Chinese", "Beijing"}},
	{"UN", schema.Organization, "", []string{"United Nations", "UN", "U.N."}},
	{"EU", schema.Organization, "", []string{"European Union", "EU"}},
	{"NATO", schema.Organization, "", []string{"NATO"}},
	{"ISIL", schema.Group, "", []string{"ISIL", "Islamic State", "ISIS"}},
	{"Hezbollah", schema.Group, "", []string{"Hezbollah"}},
	{"Hamas", schema.Group, "", []string{"Hamas"}},
	{"AU", schema.Organization, "", []string{"African Union", "AU"}},
	{"EAF", schema.Organization, "", []string{"Egyptian Armed Forces"}},
	{"IRQ", schema.Country, "", []string{"Iraq", "Iraqi", "Baghdad"}},
	{"ISR", schema.Country, "", []string{"Israel", "Israeli"}},
	{"Anna Berg", schema.Person, "DEU", []string{"Anna Berg", "Berg"}},
	{"Omar Haddad", schema.Person, "SYR", []string{"Omar Haddad", "Haddad"}},
	{"Ivan Petrov", schema.Person, "RUS", []string{"Ivan Petrov", "Petrov"}},
	{"Mary Cole", schema.Person, "USA", []string{"Mary Cole", "Cole"}},
	{"Li Wei", schema.Person, "CHN", []string{"Li Wei"}},
}

var (
	relHarnessOnce sync.Once
	relHarnessSeg  *segmenter
	relHarnessTag  *tagger
	relHarnessErr  error
	relHarnessRel  *relationStage
)

func relHarness(t testing.TB) (*segmenter, *tagger, *relationStage) {
	t.Helper()
	relHarnessOnce.Do(func() {
		relHarnessSeg, relHarnessErr = newSegmenter()
		if relHarnessErr != nil {
			return
		}
		relHarnessTag, relHarnessErr = newTagger()
		if relHarnessErr != nil {
			return
		}
		var lex *predicateLexicon
		lex, relHarnessErr = loadPredicateLexicon()
		if relHarnessErr != nil {
			return
		}
		relHarnessRel = newRelationStage(lex, nil, true)
	})
	if relHarnessErr != nil {
		t.Fatal(relHarnessErr)
	}
	return relHarnessSeg, relHarnessTag, relHarnessRel
}

// testAnalysis segments, tokenizes and tags text and marks the longest
// matches of the test actors' names as mentions.
func relTestAnalysis(t testing.TB, text string) *analysis {
	seg, tg, _ := relHarness(t)
	a := &analysis{Text: text}
	seg.segment(a)
	var sc tagScratch
	for _, s := range a.Sentences {
		tg.tag(a.Tokens[s.First:s.Last], &sc)
	}
	actorIdx := map[string]int{}
	for si, s := range a.Sentences {
		for i := s.First; i < s.Last; {
			best, bestLen := -1, 0
			for ai, ta := range relTestActors {
				for _, name := range ta.names {
					words := strings.Fields(name)
					if i+len(words) > s.Last || len(words) <= bestLen {
						continue
					}
					ok := true
					for k, w := range words {
						if a.Tokens[i+k].Text != w {
							ok = false
							break
						}
					}
					if ok {
						best, bestLen = ai, len(words)
					}
				}
			}
			if best < 0 {
				i++
				continue
			}
			ta := relTestActors[best]
			idx, seen := actorIdx[ta.id]
			if !seen {
				idx = len(a.Actors)
				actorIdx[ta.id] = idx
				a.Actors = append(a.Actors, actorInfo{ID: ta.id, Name: ta.names[0], Type: ta.typ, Affiliation: ta.aff})
			}
			kind := byName
			if strings.HasSuffix(a.Tokens[i+bestLen-1].Text, "n") && ta.typ == schema.Country && bestLen == 1 && strings.HasSuffix(a.Tokens[i].Text, "ian") {
				kind = byDemonym
			}
			m := mention{Actor: idx, Sentence: si, First: i, Last: i + bestLen, Kind: kind}
			if i+bestLen < s.Last && (a.Tokens[i+bestLen].Text == "'s" || a.Tokens[i+bestLen].Text == "’s") {
				m.Possessive = true
			}
			a.Mentions = append(a.Mentions, m)
			i += bestLen
		}
	}
	return a
}

// triples renders relations as sorted "SRC TYPE TGT [modes]" strings;
// symmetric relations put the smaller ID first.
func relTriples(rels []schema.Relation, withModes bool) []string {
	var out []string
	for _, r := range rels {
		s, t := r.Source, r.Target
		if r.Type.Symmetric() && t < s {
			s, t = t, s
		}
		x := s + " " + string(r.Type) + " " + t
		if withModes && len(r.Modes) > 0 {
			var ms []string
			for _, m := range r.Modes {
				ms = append(ms, string(m))
			}
			x += " [" + strings.Join(ms, ",") + "]"
			if r.Claimant != "" {
				x += " by " + r.Claimant
			}
		}
		out = append(out, x)
	}
	sort.Strings(out)
	// dedupe across sentences
	uniq := out[:0]
	for i, x := range out {
		if i == 0 || x != out[i-1] {
			uniq = append(uniq, x)
		}
	}
	return uniq
}

func relExtract(t testing.TB, text string) []schema.Relation {
	_, _, rs := relHarness(t)
	if !strings.Contains(text, "\n\n") {
		text = "Test\n\n" + text // the first line would be a headline
	}
	a := relTestAnalysis(t, text)
	pub, _ := schema.ParseDate("2020-03-13") // a Friday
	return rs.extract(a, pub)
}

func relTags(t testing.TB, text string) string {
	a := relTestAnalysis(t, text)
	var b strings.Builder
	for _, tk := range a.Tokens {
		b.WriteString(tk.Text + "/" + tk.Tag + " ")
	}
	return b.String()
}

// relationCase is one row of a table-driven relation test: a text written
// for the test and the relations (with modes) it must give, exactly.
type relationCase struct {
	name string
	text string
	want []string
}

func checkRelationCases(t *testing.T, tests []relationCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := relTriples(relExtract(t, tt.text), true)
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("%s\n got  %q\n want %q\n tags %s", tt.text, got, tt.want, relTags(t, tt.text))
			}
		})
	}
}
