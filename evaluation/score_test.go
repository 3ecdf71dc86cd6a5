package evaluation_test

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/geokg/geokg/evaluation"
)

// perfect predicts testdata/gold exactly, in geokg's own format.
const perfect = `{"path":"gold/talks.txt","actors":[{"id":"RUS","name":"Russia","type":"COUNTRY","aliases":["Russian","Moscow"]},{"id":"USA","name":"United States","aliases":["U.S.","Washington"]},{"id":"syrian rebels","name":"Syrian rebels"},{"id":"sergei lavrov","name":"Sergei Lavrov","affiliation":"RUS"},{"id":"john kerry","name":"John Kerry","affiliation":"USA"}],"relations":[{"source":"sergei lavrov","type":"CONSULT","target":"john kerry"},{"source":"RUS","type":"ACCUSE","target":"USA"},{"source":"USA","type":"AID","target":"syrian rebels"}]}
{"path":"gold/jet.txt","actors":[{"id":"TUR","name":"Turkey","aliases":["Ankara"]},{"id":"RUS","name":"Russia"},{"id":"vladimir putin","name":"Vladimir Putin","affiliation":"RUS"}],"relations":[{"source":"TUR","type":"ASSAULT","target":"RUS"},{"source":"vladimir putin","type":"ACCUSE","target":"TUR"},{"source":"vladimir putin","type":"SANCTION","target":"TUR"}]}
`

// tallies is tp/pred/gold per level, in Levels order.
type tallies [6][3]int

func TestScore(t *testing.T) {
	gold, problems, err := evaluation.ReadGold(filepath.Join("testdata", "gold"))
	if err != nil || problems != nil {
		t.Fatal(err, problems)
	}
	talks := func(actors, relations string) string {
		return `{"path":"talks.txt","actors":[` + actors + `],"relations":[` + relations + `]}` + "\n"
	}
	const talkActors = `{"id":"RUS","name":"Russia"},{"id":"USA","name":"United States"},{"id":"lavrov","name":"Lavrov"},{"id":"kerry","name":"Kerry"}`
	for _, tc := range []struct {
		name, pred string
		want       tallies
		missing    []string
	}{
		{name: "perfect", pred: perfect,
			want: tallies{{8, 8, 8}, {5, 5, 5}, {6, 6, 6}, {6, 6, 6}, {6, 6, 6}, {3, 3, 3}}},
		{name: "nothing predicted", pred: "",
			want: tallies{{0, 0, 8}, {0, 0, 5}, {0, 0, 6}, {0, 0, 6}, {0, 0, 6}, {0, 0, 3}}, missing: []string{"jet", "talks"}},
		{name: "names match whatever their case, accents and punctuation; the key wins over a name",
			pred: talks(`{"id":"x1","name":"the KREMLIN","aliases":["moscow"]},{"id":"x2","name":"u.s"},{"id":"x3","name":"Sérgei-Lavrov"},{"id":"x4","name":"Jon Kerry"}`, ""),
			want: tallies{{3, 4, 8}, {0, 0, 5}, {0, 0, 6}, {0, 0, 6}, {0, 0, 6}, {0, 0, 3}}, missing: []string{"jet"}},
		{name: "a symmetric type matches either way round, another type only its own way",
			pred: talks(talkActors, `{"source":"kerry","type":"CONSULT","target":"lavrov"},{"source":"USA","type":"ACCUSE","target":"RUS"}`),
			want: tallies{{4, 4, 8}, {2, 2, 5}, {2, 2, 6}, {1, 2, 6}, {2, 2, 6}, {0, 0, 3}}, missing: []string{"jet"}},
		{name: "another type of the same quad class counts at the quad level only",
			pred: talks(talkActors, `{"source":"RUS","type":"REJECT","target":"USA"}`),
			want: tallies{{4, 4, 8}, {1, 1, 5}, {0, 1, 6}, {0, 1, 6}, {1, 1, 6}, {0, 0, 3}}, missing: []string{"jet"}},
		{name: "ends by name or as objects; types in any case",
			pred: talks(talkActors, `{"source":{"id":"lavrov"},"type":"consult","target":"John Kerry"},{"source":"Moscow","type":"Accuse","target":{"id":"USA"}}`),
			want: tallies{{4, 4, 8}, {2, 2, 5}, {2, 2, 6}, {2, 2, 6}, {2, 2, 6}, {0, 0, 3}}, missing: []string{"jet"}},
		{name: "a relation counts once however often it is said",
			pred: talks(talkActors, `{"source":"RUS","type":"ACCUSE","target":"USA"},{"source":"RUS","type":"ACCUSE","target":"USA"}`),
			want: tallies{{4, 4, 8}, {1, 1, 5}, {1, 1, 6}, {1, 1, 6}, {1, 1, 6}, {0, 0, 3}}, missing: []string{"jet"}},
		{name: "a relation with an end the gold lacks, or from an actor to itself, is wrong at every level, each on its own",
			pred: talks(talkActors, `{"source":"RUS","type":"ACCUSE","target":"Atlantis"},{"source":"RUS","type":"ACCUSE","target":"Atlantis"},{"source":"RUS","type":"ACCUSE","target":"Moscow"}`),
			want: tallies{{4, 4, 8}, {0, 3, 5}, {0, 3, 6}, {0, 3, 6}, {0, 3, 6}, {0, 0, 3}}, missing: []string{"jet"}},
		{name: "an unknown actor still counts as predicted",
			pred: talks(talkActors+`,{"id":"GEO","name":"Georgia"}`, ""),
			want: tallies{{4, 5, 8}, {0, 0, 5}, {0, 0, 6}, {0, 0, 6}, {0, 0, 6}, {0, 0, 3}}, missing: []string{"jet"}},
		{name: "roles as an affiliation field, an object, or a relation",
			pred: talks(`{"id":"RUS","name":"Russia"},{"id":"USA","name":"USA"},{"id":"lavrov","name":"Lavrov","affiliation":{"name":"Russia"}},{"id":"kerry","name":"Kerry","affiliation":"RUS"}`,
				`{"source":"kerry","type":"MEMBER_OF","target":"USA"}`),
			want: tallies{{4, 4, 8}, {0, 1, 5}, {0, 1, 6}, {0, 1, 6}, {0, 1, 6}, {2, 3, 3}}, missing: []string{"jet"}},
		{name: "articles are matched on the file stem of path, doc, file, source or id, also inside article or doc",
			pred: `{"article":{"id":"dev/jet.txt"},"actors":[{"id":"TUR"}]}` + "\n" + `{"doc":{"file":"x/talks.json"},"actors":[{"id":"USA"}]}` + "\n",
			want: tallies{{2, 2, 8}, {0, 0, 5}, {0, 0, 6}, {0, 0, 6}, {0, 0, 6}, {0, 0, 3}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			preds, err := evaluation.ReadPredictions(strings.NewReader(tc.pred), "pred.jsonl")
			if err != nil {
				t.Fatal(err)
			}
			res := evaluation.Score(gold, preds)
			var got tallies
			for i, lvl := range evaluation.Levels {
				l := res.Levels[lvl]
				got[i] = [3]int{l.TP, l.Predicted, l.Gold}
			}
			if got != tc.want {
				t.Errorf("tp/pred/gold per level = %v, want %v", got, tc.want)
			}
			if tc.missing == nil {
				tc.missing = []string{}
			}
			if !reflect.DeepEqual(res.WithoutPrediction, tc.missing) {
				t.Errorf("without prediction: %v, want %v", res.WithoutPrediction, tc.missing)
			}
		})
	}
}

func TestReadPredictionsErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"{}\n", "pred.jsonl:1: no path, doc or article.id field to name the article"},
		{"\n{\"path\": \"a.txt\"}\n[1]\n", "pred.jsonl:3: not a JSON object"},
		{"{\"path\": \"a.txt\"\n", "pred.jsonl:1: not a JSON object"},
	} {
		_, err := evaluation.ReadPredictions(strings.NewReader(tc.in), "pred.jsonl")
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("ReadPredictions(%q): %v, want %q", tc.in, err, tc.want)
		}
	}
}

func TestErrors(t *testing.T) {
	gold, _, err := evaluation.ReadGold(filepath.Join("testdata", "gold"))
	if err != nil {
		t.Fatal(err)
	}
	pred := `{"path":"talks.txt","actors":[{"id":"RUS","name":"Russia"},{"id":"USA","name":"United States"},{"id":"lavrov","name":"Lavrov","affiliation":"RUS"},{"id":"geneva","name":"Geneva","type":"COUNTRY"}],` +
		`"relations":[{"source":"USA","type":"ACCUSE","target":"RUS","evidence":"Moscow accused Washington of arming Syrian rebels."},` +
		`{"source":"USA","type":"ACCUSE","target":"RUS","evidence":"again"},` +
		`{"source":"lavrov","type":"CONSULT","target":"Geneva","evidence":"Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State John Kerry in Geneva on Monday."}]}` + "\n" +
		`{"path":"jet.txt","actors":[{"id":"TUR","name":"Turkey"},{"id":"RUS","name":"Russia"},{"id":"putin","name":"Putin","affiliation":"RUS"}],` +
		`"relations":[{"source":"TUR","type":"ASSAULT","target":"RUS"},{"source":"putin","type":"ACCUSE","target":"TUR"},{"source":"putin","type":"SANCTION","target":"TUR"}]}` + "\n"
	preds, err := evaluation.ReadPredictions(strings.NewReader(pred), "pred.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := evaluation.WriteErrors(&b, evaluation.Score(gold, preds)); err != nil {
		t.Fatal(err)
	}
	want := `talks: actors 3/4/5, directed 0/2/3
  missed actor     Syrian opposition (GROUP: Syrian rebels)
  missed actor     John Kerry (PERSON: John Kerry, Kerry)
  spurious actor   Geneva (COUNTRY, id "geneva")
  missed           Sergey Lavrov -CONSULT- John Kerry
                   "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State John Kerry in Geneva on Monday."
  missed           RUS -ACCUSE-> USA  (predicted it reversed)
                   "Moscow accused Washington of arming Syrian rebels."
  missed           USA -AID-> Syrian opposition
                   "Moscow accused Washington of arming Syrian rebels."
  spurious         USA -ACCUSE-> RUS  ×2  (gold has it reversed)
                   "Moscow accused Washington of arming Syrian rebels."
  spurious         lavrov -CONSULT- Geneva  (target is no gold actor)
                   "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State John Kerry in Geneva on Monday."
  missed role      John Kerry → USA

`
	if b.String() != want {
		t.Errorf("errors:\n%s\nwant:\n%s", b.String(), want)
	}
}
