package evaluation

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Predictions are the extraction results to score, one JSON object per
// article, keyed by the article's file stem. They are kept as decoded JSON
// so that any tool's output can be scored, not only geokg's: an article is
// named by "path", "doc", "file", "source" or "id" (also inside "article"
// or "doc"), an actor by "id", "key", "name" and its "aliases" or
// "mentions", and a relation end by an actor's id or name.
type Predictions map[string]map[string]any

// ReadPredictions reads JSON lines from r; name names r in errors. A later
// line for the same article replaces an earlier one.
func ReadPredictions(r io.Reader, name string) (Predictions, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read predictions %s: %w", name, err)
	}
	preds := Predictions{}
	for n, line := range lineBreak.Split(string(b), -1) {
		line = strings.TrimFunc(line, pySpace)
		if line == "" {
			continue
		}
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: not a JSON object: %w", name, n+1, err)
		}
		stem, ok := articleStem(rec)
		if !ok {
			return nil, fmt.Errorf("%s:%d: no path, doc or article.id field to name the article", name, n+1)
		}
		preds[stem] = rec
	}
	return preds, nil
}

// articleStem is the stem of the first non-empty name field of the record,
// of its "article" object, or of its "doc" object.
func articleStem(rec map[string]any) (string, bool) {
	article, _ := rec["article"].(map[string]any)
	doc, _ := rec["doc"].(map[string]any)
	for _, holder := range []map[string]any{rec, article, doc} {
		for _, k := range []string{"path", "doc", "file", "source", "id"} {
			if v, ok := holder[k].(string); ok && v != "" {
				return Stem(v), true
			}
		}
	}
	return "", false
}

// list is a field's value as score.py iterates it: a list's elements, a
// string's characters, an object's keys; nothing for null or a number.
func list(v any) []any {
	switch v := v.(type) {
	case []any:
		return v
	case string:
		var out []any
		for _, r := range v {
			out = append(out, string(r))
		}
		return out
	case map[string]any:
		var out []any
		for k := range v {
			out = append(out, k)
		}
		return out
	}
	return nil
}

// truthy is Python's truth of a JSON value.
func truthy(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case float64:
		return v != 0
	case string:
		return v != ""
	case []any:
		return len(v) > 0
	case map[string]any:
		return len(v) > 0
	}
	return true
}

// actorForms is every normalized name a predicted actor gives itself.
func actorForms(a map[string]any) map[string]bool {
	forms := map[string]bool{}
	for _, k := range []string{"id", "key", "name", "canonical", "canonical_name", "code", "iso3"} {
		if s, ok := a[k].(string); ok {
			forms[Norm(s)] = true
		}
	}
	for _, k := range []string{"aliases", "names", "mentions", "surface_forms"} {
		if !truthy(a[k]) {
			continue
		}
		for _, v := range list(a[k]) {
			switch v := v.(type) {
			case string:
				forms[Norm(v)] = true
			case map[string]any:
				if s, ok := v["text"].(string); ok {
					forms[Norm(s)] = true
				}
			}
		}
	}
	delete(forms, "")
	return forms
}

// relationEnd is a relation's source or target: a string, or an object's
// "id". ok is false for anything else, which matches no actor.
func relationEnd(r map[string]any, end string) (string, bool) {
	v := r[end]
	if m, isObj := v.(map[string]any); isObj {
		v = m["id"]
	}
	s, ok := v.(string)
	return s, ok
}

// objects is the JSON objects among a record's list field.
func objects(rec map[string]any, field string) []map[string]any {
	var out []map[string]any
	if !truthy(rec[field]) {
		return nil
	}
	for _, v := range list(rec[field]) {
		if m, ok := v.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}
