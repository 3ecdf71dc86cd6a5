package nlp

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/geokg/geokg/schema"
)

// refCase is a text written for the test, the roles of the test persons
// it relies on, and the relations it must give, each with the referring
// text of an end the sentence does not name ("SRC TYPE TGT <- ref").
type refCase struct {
	name  string
	roles map[string]string
	text  string
	want  []string
}

// refExtract extracts text with the test actors, persons given roles.
func refExtract(t *testing.T, text string, roles map[string]string) []schema.Relation {
	_, _, rs := relHarness(t)
	if !strings.Contains(text, "\n\n") {
		text = "Test\n\n" + text
	}
	a := relTestAnalysis(t, text)
	for i := range a.Actors {
		if r, ok := roles[a.Actors[i].ID]; ok {
			a.Actors[i].Role = r
		}
	}
	pub, _ := schema.ParseDate("2020-03-13")
	return rs.extract(a, pub)
}

// TestReferencesAcrossSentences: pronouns and descriptions resolve to
// the actor they refer to by type, number, role and recency, and the
// relation keeps the referring text.
func TestReferencesAcrossSentences(t *testing.T) {
	president := map[string]string{"Mary Cole": "President", "Ivan Petrov": "Foreign Minister", "Li Wei": "Vice Premier"}
	tests := []refCase{
		{"he is the last person subject", nil,
			"Ivan Petrov spoke on Monday. He praised Turkey for its restraint.",
			[]string{"Ivan Petrov SUPPORT TUR <- He"}},
		{"she skips a state subject in between", nil,
			"Mary Cole spoke on Sunday. Egypt hosted the summit. She later criticized Iran.",
			[]string{"Mary Cole ACCUSE IRN <- She"}},
		{"he opening a sentence is the main subject before, not a relative clause's", nil,
			"Ivan Petrov phoned Omar Haddad, who said he was well. He later criticized Turkey.",
			[]string{"Ivan Petrov ACCUSE TUR <- He", "Ivan Petrov CONSULT Omar Haddad"}},
		{"it is the last single non-person", nil,
			"Russia sent more jets to Syria. It bombed Islamic State positions on Monday.",
			[]string{"RUS ASSAULT ISIL <- It"}},
		{"they are the last set of parties", nil,
			"Iran and Iraq signed a border deal on Monday. They also condemned Israel.",
			[]string{"IRN ACCUSE ISR <- They", "IRN AGREE IRQ", "IRQ ACCUSE ISR <- They"}},
		{"we in a quote is the speaker", nil,
			"“We reject Hamas,” Egypt's foreign ministry said.",
			[]string{"EGY REJECT Hamas <- We"}},
		{"we in a quote with a person speaker", nil,
			"“We stand with Ukraine,” Mary Cole said on Monday.",
			[]string{"Mary Cole SUPPORT UKR <- We"}},
		{"the minister by role", president,
			"Ivan Petrov met Li Wei in Beijing. The minister later accused France of meddling.",
			[]string{"Ivan Petrov ACCUSE FRA <- The minister", "Ivan Petrov CONSULT Li Wei"}},
		{"the president by role, not the last person", president,
			"Mary Cole spoke after Ivan Petrov left. The president urged Iran to return to talks.",
			[]string{"Mary Cole REQUEST IRN <- The president"}},
		{"the delegation is the state that sent it", nil,
			"Turkey sent a delegation on Monday. The delegation met Egyptian officials.",
			[]string{"EGY CONSULT TUR <- The delegation"}},
		{"the envoys are the parties that sent envoys", nil,
			"Iran and Qatar sent envoys to Geneva. The envoys met Syria's delegation on Friday.",
			[]string{"IRN CONSULT QAT", "IRN CONSULT QAT <- The envoys", "IRN CONSULT SYR <- The envoys", "QAT CONSULT SYR <- The envoys"}},
		{"the emirate is the last emirate", nil,
			"Qatar held talks with Iran and Turkey on Monday. The emirate later accused Iran of lying.",
			[]string{"IRN CONSULT QAT", "QAT ACCUSE IRN <- The emirate", "QAT CONSULT TUR"}},
		{"the bloc is the last organization", nil,
			"The European Union met in Brussels. The bloc imposed sanctions on Iran.",
			[]string{"EU SANCTION IRN <- The bloc"}},
		{"the alliance", nil,
			"NATO ministers met in Brussels. The alliance warned Russia against an attack.",
			[]string{"NATO THREATEN RUS <- The alliance"}},
		{"the militia is the last armed group", nil,
			"Hezbollah fighters crossed the border. The militia attacked Israel on Monday.",
			[]string{"Hezbollah ASSAULT ISR <- The militia"}},
		{"the rebels are the last armed group", nil,
			"Hamas fighters crossed the border. Iran says the rebels are armed by Syria.",
			[]string{"SYR AID Hamas <- the rebels"}},
		{"the two leaders", nil,
			"Mary Cole met Ivan Petrov in Geneva on Monday. The two leaders agreed to cut tariffs.",
			[]string{"Ivan Petrov AGREE Mary Cole <- The two leaders", "Ivan Petrov CONSULT Mary Cole"}},
		{"he is the person of its own sentence before an earlier subject", nil,
			"Mary Cole met Li Wei on Monday. Tariffs imposed by Ivan Petrov after he accused China of dumping remain.",
			[]string{"Ivan Petrov ACCUSE CHN <- he", "Li Wei CONSULT Mary Cole"}},
		{"they are the several parties of their own sentence", nil,
			"Mary Cole met Li Wei on Monday. Petrov spoke with his French and German counterparts and they condemned Iran.",
			[]string{"DEU ACCUSE IRN <- they", "DEU CONSULT Ivan Petrov", "FRA ACCUSE IRN <- they", "FRA CONSULT Ivan Petrov", "Li Wei CONSULT Mary Cole"}},
		{"a nearer phrase of several actors beats a plural subject", nil,
			"Iran and Iraq held talks. “They trust Qatar,” Li Wei said, adding he had spoken with French and German envoys and they condemned Israel.",
			[]string{"DEU ACCUSE ISR <- they", "DEU CONSULT Li Wei <- he", "FRA ACCUSE ISR <- they", "FRA CONSULT Li Wei <- he", "IRN CONSULT IRQ"}},
		{"an apparatus no one owns blocks it", nil,
			"Egypt urged Israel to show restraint. The army took control of the radio, and a spokesman said it was targeting Hamas.",
			[]string{"EGY REQUEST ISR"}},
		{"a thing that is its sentence's subject blocks it", nil,
			"Egypt criticized Israel on Monday. The plan was drafted in secret, and it condemns Iran.",
			[]string{"EGY ACCUSE ISR"}},
		{"a thing in an earlier sentence does not block it", nil,
			"Egypt criticized Israel on Monday. The plan was drafted in secret. It also condemned Iran.",
			[]string{"EGY ACCUSE IRN <- It", "EGY ACCUSE ISR"}},
		{"the leader is the head of state named before", map[string]string{"Omar Haddad": "President", "Mary Cole": "President"},
			"President Omar Haddad is under house arrest, Mary Cole said. Mary Cole spoke to the 93-year-old leader on Monday.",
			[]string{"Mary Cole CONSULT Omar Haddad <- the 93-year-old leader"}},
		{"a description is not the actor named in its own clause", president,
			"Ivan Petrov spoke on Monday. Mary Cole later praised the president of France.",
			[]string{"Mary Cole SUPPORT FRA"}},
		{"a description may be an actor named in another clause", president,
			"Ivan Petrov spoke on Monday. Mary Cole and Petrov met in Paris as the president dampened hopes for a deal with Iran.",
			[]string{"Ivan Petrov CONSULT Mary Cole"}},
		{"the three countries accused of something", nil,
			"Iran, Iraq and Syria met on Monday. China accused the three countries of lying.",
			[]string{"CHN ACCUSE IRN <- the three countries", "CHN ACCUSE IRQ <- the three countries", "CHN ACCUSE SYR <- the three countries",
				"IRN CONSULT IRQ", "IRN CONSULT SYR", "IRQ CONSULT SYR"}},
		{"both sides of a border are no parties", nil,
			"Turkey shelled Syria on Monday. Troops massed on both sides of the border.",
			[]string{"TUR ASSAULT SYR"}},
		{"a pronoun with no fitting antecedent resolves to nothing", nil,
			"Iran condemned the vote. She said nothing.", nil},
		{"a person pronoun is no state", nil,
			"Turkey shelled the border on Monday. He condemned Syria.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range refExtract(t, tt.text, tt.roles) {
				s, g := r.Source, r.Target
				if r.Type.Symmetric() && g < s {
					s, g = g, s
				}
				x := s + " " + string(r.Type) + " " + g
				if len(r.References) > 0 {
					x += " <- " + strings.Join(r.References, ", ")
				}
				got = append(got, x)
			}
			sort.Strings(got)
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("%s\n got  %q\n want %q\n tags %s", tt.text, got, tt.want, relTags(t, tt.text))
			}
		})
	}
}

// TestReferencesEndToEnd runs the whole extractor: the actor stage's
// recognition and the references together.
func TestReferencesEndToEnd(t *testing.T) {
	checkEndToEnd(t, []endToEndCase{
		{"the kingdom", "Body.\n\nSaudi Arabia restored ties with Iran on Friday. The kingdom later accused Israel of aggression.",
			"SAU ACCUSE ISR <- The kingdom"},
		{"the minister", "Body.\n\nRussian Foreign Minister Sergey Lavrov arrived on Monday. The minister criticized NATO.",
			"sergey lavrov ACCUSE NATO <- The minister"},
		{"we in a quote", "Body.\n\n“We will support Ukraine,” German Chancellor Olaf Scholz said.",
			"olaf scholz SUPPORT UKR <- We"},
	})
}

// endToEndCase is a text for the whole extractor and one relation it must
// give among others, written "SRC TYPE TGT" with " <- refs" when found
// through references.
type endToEndCase struct{ name, text, want string }

func checkEndToEnd(t *testing.T, cases []endToEndCase) {
	t.Helper()
	x := sharedExtractor(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := extractText(t, x, tc.text)
			var got []string
			for _, r := range doc.Relations {
				s := r.Source + " " + string(r.Type) + " " + r.Target
				if len(r.References) > 0 {
					s += " <- " + strings.Join(r.References, ", ")
				}
				got = append(got, s)
			}
			if !slices.Contains(got, tc.want) {
				t.Errorf("%q: got %q, want %q among them", tc.text, got, tc.want)
			}
		})
	}
}
