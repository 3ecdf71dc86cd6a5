package evaluation_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/geokg/geokg/evaluation"
)

// Score a prediction file against a gold folder and print score.py's
// table: here one of the two annotated articles is predicted, with one
// of its three relations the wrong way round.
func Example() {
	gold, problems, err := evaluation.ReadGold(filepath.Join("testdata", "gold"))
	if err != nil || len(problems) > 0 {
		log.Fatal(err, problems)
	}
	pred := `{"path": "jet.txt",
	  "actors": [{"id": "TUR", "name": "Turkey"}, {"id": "RUS", "name": "Russia"},
	             {"id": "putin", "name": "Vladimir Putin", "affiliation": "RUS"}],
	  "relations": [{"source": "TUR", "type": "ASSAULT", "target": "RUS"},
	                {"source": "putin", "type": "ACCUSE", "target": "TUR"},
	                {"source": "TUR", "type": "SANCTION", "target": "putin"}]}`
	preds, err := evaluation.ReadPredictions(strings.NewReader(strings.ReplaceAll(pred, "\n", "")), "pred.jsonl")
	if err != nil {
		log.Fatal(err)
	}
	res := evaluation.Score(gold, preds)
	if err := evaluation.WriteTable(os.Stdout, res); err != nil {
		log.Fatal(err)
	}
	fmt.Println("directed F1:", evaluation.Rounded(res.Levels[evaluation.Directed].F1()))
	// Output:
	// level           P      R     F1   tp/pred/gold
	// actors      1.000  0.375  0.545   3/3/8
	// pairs       1.000  0.400  0.571   2/2/5
	// typed       1.000  0.500  0.667   3/3/6
	// directed    0.667  0.333  0.444   2/3/6
	// quad        1.000  0.500  0.667   3/3/6
	// roles       1.000  0.333  0.500   1/1/3
	// no prediction for 1 of 2 articles
	// directed F1: 0.4444
}
