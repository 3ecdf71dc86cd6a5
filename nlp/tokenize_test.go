package nlp

import (
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"
)

// tokenTexts tokenizes text and joins the tokens with "|".
func tokenTexts(text string) string {
	var out []string
	for _, t := range tokenize(text, 0, len(text), nil) {
		if text[t.Start:t.End] != t.Text {
			return "offset mismatch at " + t.Text
		}
		out = append(out, t.Text)
	}
	return strings.Join(out, "|")
}

func TestTokenize(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"punctuation splits", `He left (quickly), didn't he?`, `He|left|(|quickly|)|,|did|n't|he|?`},
		{"possessives", "Russia's army and Iran’s navy", "Russia|'s|army|and|Iran|’s|navy"},
		{"plural possessive", "the nations’ enemy", "the|nations|’|enemy"},
		{"dotted acronym keeps its period", "The U.S. and the U.N. met.", "The|U.S.|and|the|U.N.|met|."},
		{"title abbreviation", "Mr. Smith met Gen. Jones.", "Mr.|Smith|met|Gen.|Jones|."},
		{"quotes", "“Peace,” he said.", "“|Peace|,|”|he|said|."},
		{"em dash inside a chunk", "war—including Iran", "war|—|including|Iran"},
		{"particle stays in the name", "Bashar al-Assad and al-Qaida", "Bashar|al-Assad|and|al-Qaida"},
		{"prefix before a name", "anti-ISIL and pro-Russian forces", "anti-|ISIL|and|pro-|Russian|forces"},
		{"two names joined", "Trump-Kim summit, Frank-Walter", "Trump|-|Kim|summit|,|Frank|-|Walter"},
		{"name before a participle", "U.S.-led and Tripoli-based", "U.S.|-led|and|Tripoli|-based"},
		{"Korean given name stays whole", "Kim Jong-un", "Kim|Jong-un"},
		{"common hyphen compounds stay whole", "a cease-fire and long-term plan", "a|cease-fire|and|long-term|plan"},
		{"ellipsis", "Wait... now", "Wait|...|now"},
		{"numbers", "It cost $1,200.50 in 2015.", "It|cost|$1,200.50|in|2015|."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tokenTexts(tc.text); got != tc.want {
				t.Errorf("%q\n got: %s\nwant: %s", tc.text, got, tc.want)
			}
		})
	}
}

func TestSegment(t *testing.T) {
	x := sharedExtractor(t)
	cases := []struct {
		name, text string
		want       []string // sentences, headline ones prefixed with "H:"
	}{
		{"headline and sub-headline are sentences",
			"Leaders agree to talks\n\nNo sign of a deal on the border\n\nThe talks begin Monday. They end Friday.",
			[]string{"H:Leaders agree to talks", "H:No sign of a deal on the border", "The talks begin Monday.", "They end Friday."}},
		{"abbreviations do not end sentences",
			"Title\n\nThe U.S. Secretary of State met Mr. Smith in Washington. Then he left.",
			[]string{"H:Title", "The U.S. Secretary of State met Mr. Smith in Washington.", "Then he left."}},
		{"a line ending in punctuation ends a sentence",
			"Title\n\nFirst line ends here.\nSecond line starts here.",
			[]string{"H:Title", "First line ends here.", "Second line starts here."}},
		{"quotes close a sentence",
			"Title\n\n“We agree,” he said. “We will sign.” Then they signed.",
			[]string{"H:Title", "“We agree,” he said.", "“We will sign.”", "Then they signed."}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := &analysis{}
			a.reset(tc.text)
			x.seg.segment(a)
			var got []string
			for i, s := range a.Sentences {
				if s.Index != i || a.Tokens[s.First].Start != s.Start || a.Tokens[s.Last-1].End != s.End {
					t.Errorf("sentence %d bounds disagree with its tokens", i)
				}
				p := ""
				if s.Headline {
					p = "H:"
				}
				got = append(got, p+tc.text[s.Start:s.End])
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestTaggerMatchesProse checks that the tagger gives prose's own tags on
// sentences where prose's tokenizer and ours agree.
func TestTaggerMatchesProse(t *testing.T) {
	x := sharedExtractor(t)
	model := prose.ModelFromData("en")
	sentences := []string{
		"The foreign minister said on Friday that the talks would resume next week .",
		"Rebels attacked a convoy near the border , killing three soldiers .",
		"She did not say whether the government would accept the offer .",
		"Officials in the capital expect a vote in 2016 on the new constitution .",
	}
	for _, s := range sentences {
		pd, err := prose.NewDocument(s, prose.UsingModel(model), prose.WithSegmentation(false), prose.WithExtraction(false))
		if err != nil {
			t.Fatal(err)
		}
		want := pd.Tokens()
		toks := tokenize(s, 0, len(s), nil)
		if len(toks) != len(want) {
			t.Fatalf("%q: %d tokens, prose has %d", s, len(toks), len(want))
		}
		var sc tagScratch
		x.tagger.tag(toks, &sc)
		for i := range toks {
			if toks[i].Text != want[i].Text || toks[i].Tag != want[i].Tag {
				t.Errorf("%q token %d: %s/%s, prose %s/%s", s, i, toks[i].Text, toks[i].Tag, want[i].Text, want[i].Tag)
			}
		}
	}
}

func TestTaggerAllocatesNothingPerToken(t *testing.T) {
	x := sharedExtractor(t)
	s := "Rebels attacked a convoy near the border , killing three soldiers ."
	toks := tokenize(s, 0, len(s), nil)
	var sc tagScratch
	x.tagger.tag(toks, &sc)
	if n := testing.AllocsPerRun(20, func() { x.tagger.tag(toks, &sc) }); n > 0 {
		t.Errorf("tag allocates %.0f times per sentence, want 0", n)
	}
}

func TestNameKey(t *testing.T) {
	cases := []struct{ a, b string }{
		{"Sergey Lavrov", "Sergei Lavrov"},
		{"Volodymyr Zelensky", "Volodymyr Zelenskyy"},
		{"Volodymyr Zelensky", "Volodymyr Zelenskiy"},
		{"Bashar al-Assad", "Bashar Assad"},
		{"Bashar al-Assad", "Bashar Al-Assad"},
		{"Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"},
		{"Ghassan Salamé", "Ghassan Salame"},
		{"Staffan de Mistura", "Staffan De Mistura"},
		{"Kim Jong-un", "Kim Jong Un"},
	}
	for _, tc := range cases {
		if ka, kb := nameKey(tc.a), nameKey(tc.b); ka != kb || ka == "" {
			t.Errorf("nameKey(%q) = %q, nameKey(%q) = %q: want equal", tc.a, ka, tc.b, kb)
		}
	}
	if nameKey("John Kerry") == nameKey("John Carey") {
		t.Error("different surnames must keep different keys")
	}
}
