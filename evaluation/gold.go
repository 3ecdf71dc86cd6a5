package evaluation

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/geokg/geokg/schema"
)

// Gold is a gold folder: one annotated article per NAME.json beside its
// NAME.txt, in the format of the annotation guidelines (docs/evaluation.md).
type Gold struct {
	// Dir is the folder the gold was read from.
	Dir string
	// Articles are in file-name order.
	Articles []GoldArticle
}

// GoldArticle is one NAME.json.
type GoldArticle struct {
	// Name is the file stem that predictions are matched on.
	Name      string
	Actors    []GoldActor
	Relations []GoldRelation
}

// GoldActor is an annotated actor: its canonical key, its type and every
// name the text uses for it; a person also has the key of the country or
// organization it acts for and its title, when the text states them.
type GoldActor struct {
	Key         string   `json:"key"`
	Type        string   `json:"type"`
	Names       []string `json:"names"`
	Affiliation string   `json:"affiliation,omitempty"`
	Role        string   `json:"role,omitempty"`
}

// GoldRelation is an annotated relation between two actor keys, with the
// text that states it.
type GoldRelation struct {
	Source   string `json:"source"`
	Type     string `json:"type"`
	Target   string `json:"target"`
	Evidence string `json:"evidence,omitempty"`
}

// goldFile is a NAME.json as written; fields are decoded loosely so that
// a wrong value is a problem to report, not a failed file.
type goldFile struct {
	Actors    []map[string]any `json:"actors"`
	Relations []map[string]any `json:"relations"`
}

// ReadGold reads the gold folder dir and checks every file against the
// guidelines. Problems are the mistakes found, one line each, naming the
// file ("a.json: relation source 'Rusia' is no actor key"); a gold with
// problems must not be scored. The error is for a folder that cannot be
// read at all.
func ReadGold(dir string) (gold *Gold, problems []string, err error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, nil, fmt.Errorf("read gold %s: %w", dir, err)
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, nil, fmt.Errorf("read gold: %w", err)
	}
	sort.Strings(paths)
	gold = &Gold{Dir: dir}
	for _, path := range paths {
		a, probs, err := readGoldFile(path)
		if err != nil {
			return nil, nil, err
		}
		problems = append(problems, probs...)
		if a != nil {
			gold.Articles = append(gold.Articles, *a)
		}
	}
	if len(gold.Articles) == 0 {
		problems = append(problems, dir+": no gold .json files")
	}
	return gold, problems, nil
}

// readGoldFile reads one NAME.json; a file that is not a JSON object is a
// problem and gives no article.
func readGoldFile(path string) (*GoldArticle, []string, error) {
	base := filepath.Base(path)
	name := strings.TrimSuffix(base, ".json")
	var problems []string
	if _, err := os.Stat(strings.TrimSuffix(path, ".json") + ".txt"); err != nil {
		problems = append(problems, fmt.Sprintf("%s: no %s.txt beside it", base, name))
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read gold %s: %w", path, err)
	}
	var f goldFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, append(problems, fmt.Sprintf("%s: not JSON: %v", base, err)), nil
	}
	a := &GoldArticle{Name: name}
	say := func(format string, args ...any) { problems = append(problems, base+": "+fmt.Sprintf(format, args...)) }
	keys := map[string]bool{}
	for _, m := range f.Actors {
		ga := GoldActor{Key: str(m["key"]), Type: str(m["type"]), Affiliation: str(m["affiliation"]), Role: str(m["role"])}
		if !slices.Contains(schema.ActorTypes, schema.ActorType(ga.Type)) {
			say("actor %s has type %s", repr(m["key"]), repr(m["type"]))
		}
		names, isList := m["names"].([]any)
		if ga.Key == "" || !isList {
			say("actor without key or names: %s", compact(m))
		}
		for _, n := range names {
			ga.Names = append(ga.Names, str(n))
		}
		if keys[ga.Key] {
			say("actor key %s twice", repr(m["key"]))
		}
		keys[ga.Key] = true
		a.Actors = append(a.Actors, ga)
	}
	for _, ga := range a.Actors {
		if ga.Affiliation != "" && !keys[ga.Affiliation] {
			say("%s affiliation %s is no actor key", repr(ga.Key), repr(ga.Affiliation))
		}
	}
	for _, m := range f.Relations {
		r := GoldRelation{Source: str(m["source"]), Type: str(m["type"]), Target: str(m["target"]), Evidence: str(m["evidence"])}
		if _, err := schema.ParseEventType(r.Type); err != nil {
			say("relation type %s", repr(m["type"]))
		}
		for _, end := range []string{"source", "target"} {
			if s, ok := m[end].(string); !ok || !keys[s] {
				say("relation %s %s is no actor key", end, repr(m[end]))
			}
		}
		if r.Source == r.Target {
			say("relation from %s to itself", repr(m["source"]))
		}
		a.Relations = append(a.Relations, r)
	}
	return a, problems, nil
}

// str is v when it is a string, else "".
func str(v any) string {
	s, _ := v.(string)
	return s
}

// repr quotes a JSON value for a problem line: a string in single quotes
// as score.py prints it, a missing value as None.
func repr(v any) string {
	switch v := v.(type) {
	case nil:
		return "None"
	case string:
		return "'" + v + "'"
	}
	return compact(v)
}

// compact is v as one line of JSON.
func compact(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
