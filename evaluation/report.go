package evaluation

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/geokg/geokg/schema"
)

// Rounded is x rounded to 4 decimals, as score.py reports every ratio.
func Rounded(x float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return r
}

// WriteTable prints P, R, F1 and tp/pred/gold per level, character for
// character as score.py prints them, and names how many articles had no
// prediction.
func WriteTable(w io.Writer, res *Result) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%-10s %6s %6s %6s   tp/pred/gold\n", "level", "P", "R", "F1")
	for _, lvl := range Levels {
		t := res.Levels[lvl]
		fmt.Fprintf(bw, "%-10s %6.3f %6.3f %6.3f   %d/%d/%d\n", lvl,
			Rounded(t.Precision()), Rounded(t.Recall()), Rounded(t.F1()), t.TP, t.Predicted, t.Gold)
	}
	if n := len(res.WithoutPrediction); n > 0 {
		fmt.Fprintf(bw, "no prediction for %d of %d articles\n", n, res.Articles)
	}
	return bw.Flush()
}

// WriteErrors lists, for every article with an error, the gold actors,
// relations and roles no prediction matched and the predicted ones that
// match nothing in the gold, each relation with its evidence sentence.
func WriteErrors(w io.Writer, res *Result) error {
	bw := bufio.NewWriter(w)
	for _, a := range res.Details {
		if !a.HasErrors() {
			continue
		}
		act, dir := a.Levels[Actors], a.Levels[Directed]
		fmt.Fprintf(bw, "%s: actors %d/%d/%d, directed %d/%d/%d\n", a.Name,
			act.TP, act.Predicted, act.Gold, dir.TP, dir.Predicted, dir.Gold)
		if a.NoPrediction {
			fmt.Fprintln(bw, "  no prediction for this article")
		}
		for _, ga := range a.MissedActors {
			fmt.Fprintf(bw, "  missed actor     %s (%s: %s)\n", ga.Key, ga.Type, strings.Join(ga.Names, ", "))
		}
		for _, pa := range a.SpuriousActors {
			fmt.Fprintf(bw, "  spurious actor   %s (%s, id %q)\n", pa.Name, pa.Type, pa.ID)
		}
		for _, e := range [...]struct {
			what string
			list []RelationError
		}{{"missed", a.Missed}, {"spurious", a.Spurious}} {
			for _, r := range e.list {
				fmt.Fprintf(bw, "  %-16s %s", e.what, arrow(r))
				if r.Count > 1 {
					fmt.Fprintf(bw, "  ×%d", r.Count)
				}
				if r.Note != "" {
					fmt.Fprintf(bw, "  (%s)", r.Note)
				}
				fmt.Fprintln(bw)
				if r.Evidence != "" {
					fmt.Fprintf(bw, "  %-16s %q\n", "", oneLine(r.Evidence))
				}
			}
		}
		for _, e := range [...]struct {
			what  string
			roles []Role
		}{{"missed role", a.MissedRoles}, {"spurious role", a.SpuriousRoles}} {
			for _, r := range e.roles {
				fmt.Fprintf(bw, "  %-16s %s → %s\n", e.what, orUnknown(r.Person), orUnknown(r.Affiliation))
			}
		}
		fmt.Fprintln(bw)
	}
	return bw.Flush()
}

// arrow writes a relation as "A -TYPE-> B", or "A -TYPE- B" for a
// symmetric type.
func arrow(r RelationError) string {
	head := "->"
	if schema.EventType(r.Type).Symmetric() {
		head = "-"
	}
	return orUnknown(r.Source) + " -" + r.Type + head + " " + orUnknown(r.Target)
}

func orUnknown(s string) string {
	if s == "" {
		return "?"
	}
	return s
}

// oneLine folds the white space of an evidence sentence.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// WriteJSON prints the result as score.py --json does (the same keys,
// order and numbers); with errors it adds "errors", the articles that
// have any, as WriteErrors lists them.
func WriteJSON(w io.Writer, res *Result, errors bool) error {
	out := jsonResult{
		Actors: level(res, Actors), Pairs: level(res, Pairs), Typed: level(res, Typed),
		Directed: level(res, Directed), Quad: level(res, Quad), Roles: level(res, Roles),
		Articles: res.Articles, WithoutPrediction: res.WithoutPrediction,
	}
	if errors {
		out.Errors = []ArticleResult{}
		for _, a := range res.Details {
			if a.HasErrors() {
				out.Errors = append(out.Errors, a)
			}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// jsonResult is score.py's --json object, field for field.
type jsonResult struct {
	Actors            jsonLevel       `json:"actors"`
	Pairs             jsonLevel       `json:"pairs"`
	Typed             jsonLevel       `json:"typed"`
	Directed          jsonLevel       `json:"directed"`
	Quad              jsonLevel       `json:"quad"`
	Roles             jsonLevel       `json:"roles"`
	Articles          int             `json:"articles"`
	WithoutPrediction []string        `json:"articles_without_prediction"`
	Errors            []ArticleResult `json:"errors,omitempty"`
}

type jsonLevel struct {
	Precision pyFloat `json:"precision"`
	Recall    pyFloat `json:"recall"`
	F1        pyFloat `json:"f1"`
	TP        int     `json:"true_positive"`
	Predicted int     `json:"predicted"`
	Gold      int     `json:"gold"`
}

func level(res *Result, lvl string) jsonLevel {
	t := res.Levels[lvl]
	return jsonLevel{pyFloat(Rounded(t.Precision())), pyFloat(Rounded(t.Recall())), pyFloat(Rounded(t.F1())),
		t.TP, t.Predicted, t.Gold}
}

// pyFloat encodes as Python's repr of a float does: "1.0", not "1".
type pyFloat float64

func (f pyFloat) MarshalJSON() ([]byte, error) {
	s := strconv.FormatFloat(float64(f), 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return []byte(s), nil
}
