package nlp

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/geokg/geokg/schema"
)

// ActorEntry is one actor of a dictionary: the built-in lexicon's files
// and the user's --actors files hold these.
type ActorEntry struct {
	// ID is the canonical identity: an ISO 3166 alpha-3 code for a
	// country, a short name or acronym for an organization or group, the
	// full name for a person.
	ID string `yaml:"id"`
	// Type is the actor's kind.
	Type schema.ActorType `yaml:"type"`
	// Name is the display name; empty means ID.
	Name string `yaml:"name"`
	// Aliases are other names that always mean the actor ("U.S.",
	// "America", "Daesh").
	Aliases []string `yaml:"aliases"`
	// Demonyms are adjectives and nationality nouns ("American").
	Demonyms []string `yaml:"demonyms"`
	// Capitals are places that stand for the government only when they act
	// ("Moscow said"), not where they locate an event ("talks in Moscow").
	Capitals []string `yaml:"capitals"`
	// Bodies are institutions that stand for the actor ("the Kremlin",
	// "the Pentagon", "the Security Council" for the UN).
	Bodies []string `yaml:"bodies"`
	// Weak are short references that mean the actor only in an article
	// that also names it otherwise ("the North", "the bloc").
	Weak []string `yaml:"weak"`
	// Affiliation is a person's usual country or organization (an actor
	// ID), used when the article does not say.
	Affiliation string `yaml:"affiliation"`
	// Role is a person's usual title, used with Affiliation.
	Role string `yaml:"role"`
	// Sector is the actor's CAMEO-style sector code (GOV, MIL, REB, IGO
	// …), for a person, organization or group whose role or name does not
	// say it; empty derives it (docs/actors.md).
	Sector string `yaml:"sector"`

	// source names where the entry came from, for error messages.
	source string
}

// DictError reports a bad dictionary entry with its file and line.
type DictError struct {
	Path string
	Line int
	Err  error
}

func (e *DictError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *DictError) Unwrap() error { return e.Err }

// LoadActors reads a user dictionary: CSV when the name ends in .csv,
// YAML when it ends in .yaml or .yml (see docs/actors.md).
//
// CSV files have a header row naming their columns — id and type are
// required; name, aliases, demonyms, capitals, bodies, weak, affiliation,
// role and sector are optional — and "|" separates the forms inside a list
// column. Lines starting with "#" are comments:
//
//	id,type,name,aliases
//	HTS,GROUP,Hayat Tahrir al-Sham,HTS|Tahrir al-Sham
//
// YAML files hold a list of entries with the same keys:
//
//   - id: HTS
//     type: GROUP
//     name: Hayat Tahrir al-Sham
//     aliases: [HTS, Tahrir al-Sham]
//
// Errors name the file and line.
func LoadActors(path string) ([]ActorEntry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("actors dictionary: %w", err)
	}
	return parseActors(path, b)
}

// parseActors parses a dictionary's content by its file name's extension.
func parseActors(path string, b []byte) ([]ActorEntry, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return parseActorsCSV(path, b)
	case ".yaml", ".yml":
		return parseActorsYAML(path, b)
	}
	return nil, &DictError{Path: path, Err: errors.New("unknown dictionary format: want a .csv, .yaml or .yml file")}
}

// dictColumns are the columns a CSV dictionary may have.
var dictColumns = []string{"id", "type", "name", "aliases", "demonyms", "capitals", "bodies", "weak", "affiliation", "role", "sector"}

func parseActorsCSV(path string, b []byte) ([]ActorEntry, error) {
	r := csv.NewReader(bytes.NewReader(b))
	r.Comment = '#'
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err == io.EOF {
		return nil, &DictError{Path: path, Err: errors.New("empty file: want a header row such as id,type,name,aliases")}
	}
	if err != nil {
		return nil, csvError(path, err)
	}
	col := map[string]int{}
	hline, _ := r.FieldPos(0)
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if !slices.Contains(dictColumns, h) {
			return nil, &DictError{Path: path, Line: hline,
				Err: fmt.Errorf("unknown column %q: want %s", h, strings.Join(dictColumns, ", "))}
		}
		if _, dup := col[h]; dup {
			return nil, &DictError{Path: path, Line: hline, Err: fmt.Errorf("column %q twice", h)}
		}
		col[h] = i
	}
	for _, need := range []string{"id", "type"} {
		if _, ok := col[need]; !ok {
			return nil, &DictError{Path: path, Line: hline, Err: fmt.Errorf("no %q column in the header", need)}
		}
	}
	var out []ActorEntry
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(path, err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) != len(header) {
			return nil, &DictError{Path: path, Line: line,
				Err: fmt.Errorf("%d fields, want %d as in the header", len(rec), len(header))}
		}
		field := func(name string) string {
			if i, ok := col[name]; ok {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		list := func(name string) []string { return splitList(field(name)) }
		e := ActorEntry{
			ID: field("id"), Type: schema.ActorType(strings.ToUpper(field("type"))), Name: field("name"),
			Aliases: list("aliases"), Demonyms: list("demonyms"), Capitals: list("capitals"),
			Bodies: list("bodies"), Weak: list("weak"), Affiliation: field("affiliation"), Role: field("role"),
			Sector: strings.ToUpper(field("sector")), source: fmt.Sprintf("%s:%d", path, line),
		}
		if err := e.validate(); err != nil {
			return nil, &DictError{Path: path, Line: line, Err: err}
		}
		out = append(out, e)
	}
	return out, nil
}

// csvError turns encoding/csv's error into a DictError with its line.
func csvError(path string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &DictError{Path: path, Line: pe.Line, Err: pe.Err}
	}
	return &DictError{Path: path, Err: err}
}

// splitList splits a "|"-separated list, dropping empty items.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, "|")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func parseActorsYAML(path string, b []byte) ([]ActorEntry, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, yamlError(path, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, &DictError{Path: path, Err: errors.New("empty file: want a list of entries")}
	}
	root := doc.Content[0]
	if root.Kind != yaml.SequenceNode {
		return nil, &DictError{Path: path, Line: root.Line, Err: errors.New("want a list of entries (lines starting with \"- id: ...\")")}
	}
	var out []ActorEntry
	for _, n := range root.Content {
		if n.Kind != yaml.MappingNode {
			return nil, &DictError{Path: path, Line: n.Line, Err: errors.New("entry is not a mapping of keys such as id, type, name")}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if !slices.Contains(dictColumns, k.Value) {
				return nil, &DictError{Path: path, Line: k.Line,
					Err: fmt.Errorf("unknown key %q: want %s", k.Value, strings.Join(dictColumns, ", "))}
			}
			if v := n.Content[i+1]; v.Kind == yaml.ScalarNode && isListKey(k.Value) && v.Value != "" {
				// Accept "aliases: A | B" as well as a YAML list.
				v.Kind, v.Tag, v.Content = yaml.SequenceNode, "!!seq", scalarNodes(splitList(v.Value), v.Line)
			}
		}
		var e ActorEntry
		if err := n.Decode(&e); err != nil {
			return nil, yamlError(path, err)
		}
		e.Type = schema.ActorType(strings.ToUpper(string(e.Type)))
		e.Sector = strings.ToUpper(e.Sector)
		e.source = fmt.Sprintf("%s:%d", path, n.Line)
		if err := e.validate(); err != nil {
			return nil, &DictError{Path: path, Line: n.Line, Err: err}
		}
		out = append(out, e)
	}
	return out, nil
}

func isListKey(k string) bool {
	switch k {
	case "aliases", "demonyms", "capitals", "bodies", "weak":
		return true
	}
	return false
}

func scalarNodes(items []string, line int) []*yaml.Node {
	out := make([]*yaml.Node, len(items))
	for i, s := range items {
		out[i] = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Line: line}
	}
	return out
}

// yamlError keeps the line yaml reports ("yaml: line 3: ...").
func yamlError(path string, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		return &DictError{Path: path, Err: errors.New(strings.Join(te.Errors, "; "))}
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if _, scanErr := fmt.Sscanf(msg, "line %d:", &line); scanErr == nil {
		msg = strings.TrimSpace(msg[strings.IndexByte(msg, ':')+1:])
	}
	return &DictError{Path: path, Line: line, Err: errors.New(msg)}
}

// validate checks an entry's required fields.
func (e *ActorEntry) validate() error {
	if e.ID == "" {
		return errors.New("empty id")
	}
	if _, err := schema.ParseActorType(string(e.Type)); err != nil {
		return err
	}
	if e.Type == schema.Country && !isAlpha3(e.ID) {
		return fmt.Errorf("country id %q: want an ISO 3166 alpha-3 code such as RUS", e.ID)
	}
	if e.Type != schema.Person && (e.Affiliation != "" || e.Role != "") {
		return fmt.Errorf("%s: affiliation and role are for persons only", e.ID)
	}
	if e.Sector != "" && (e.Type == schema.Country || !isAlpha3(e.Sector)) {
		return fmt.Errorf("%s: sector %q: want a code of three letters such as GOV, MIL or IGO, for persons, organizations and groups only", e.ID, e.Sector)
	}
	return nil
}

func isAlpha3(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
