package evaluation

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"

	"github.com/geokg/geokg/schema"
)

// The six levels, in the order they are reported.
const (
	// Actors: a gold actor is found when a predicted actor's id, name or
	// alias normalizes to its key or one of its names; precision counts
	// the predicted actors that match some gold actor.
	Actors = "actors"
	// Pairs: the unordered actor pairs linked by any relation.
	Pairs = "pairs"
	// Typed: (pair, type), direction ignored.
	Typed = "typed"
	// Directed: (source, type, target), direction ignored only for the
	// symmetric types CONSULT, AGREE and COOPERATE.
	Directed = "directed"
	// Quad: like typed, with the type replaced by its quad class.
	Quad = "quad"
	// Roles: (person, affiliation) pairs.
	Roles = "roles"
)

// Levels lists the levels in report order.
var Levels = []string{Actors, Pairs, Typed, Directed, Quad, Roles}

// roleTypes are the relation types by which a prediction may state a
// person's affiliation instead of in the actor's "affiliation" field.
var roleTypes = []string{"AFFILIATED_WITH", "HOLDS_ROLE", "MEMBER_OF", "REPRESENTS"}

// Tally counts one level: true positives, predicted and gold items.
type Tally struct {
	TP, Predicted, Gold int
}

// Precision is TP/Predicted, 0 when nothing was predicted.
func (t Tally) Precision() float64 { return ratio(t.TP, t.Predicted) }

// Recall is TP/Gold, 0 when the gold has nothing.
func (t Tally) Recall() float64 { return ratio(t.TP, t.Gold) }

// F1 is the harmonic mean of precision and recall.
func (t Tally) F1() float64 {
	p, r := t.Precision(), t.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (t Tally) add(u Tally) Tally {
	return Tally{t.TP + u.TP, t.Predicted + u.Predicted, t.Gold + u.Gold}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Result is a scored prediction: micro-averaged tallies per level, and per
// article what was missed and what was spurious.
type Result struct {
	// Levels maps each of Levels to its tally over all articles.
	Levels map[string]Tally
	// Articles is the number of gold articles.
	Articles int
	// WithoutPrediction names the gold articles no prediction covers
	// (scored as predicting nothing).
	WithoutPrediction []string
	// Details are the gold articles in order, with their errors.
	Details []ArticleResult
}

// ArticleResult is one article's tallies and errors. A relation is missed
// or spurious at the directed level, the one the graph stores.
type ArticleResult struct {
	Name           string           `json:"article"`
	NoPrediction   bool             `json:"no_prediction,omitempty"`
	Levels         map[string]Tally `json:"-"`
	MissedActors   []GoldActor      `json:"missed_actors,omitempty"`
	SpuriousActors []PredictedActor `json:"spurious_actors,omitempty"`
	Missed         []RelationError  `json:"missed_relations,omitempty"`
	Spurious       []RelationError  `json:"spurious_relations,omitempty"`
	MissedRoles    []Role           `json:"missed_roles,omitempty"`
	SpuriousRoles  []Role           `json:"spurious_roles,omitempty"`
}

// HasErrors reports whether anything in the article was missed or
// spurious.
func (a ArticleResult) HasErrors() bool {
	return a.NoPrediction || len(a.MissedActors)+len(a.SpuriousActors)+len(a.Missed)+len(a.Spurious)+
		len(a.MissedRoles)+len(a.SpuriousRoles) > 0
}

// PredictedActor is a predicted actor that matches no gold actor.
type PredictedActor struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	Type string `json:"type,omitempty"`
}

// RelationError is a missed gold relation or a spurious predicted one.
// Source and Target are gold keys where the end matches a gold actor,
// else the predicted text.
type RelationError struct {
	Source string `json:"source"`
	Type   string `json:"type"`
	Target string `json:"target"`
	// Evidence is the gold's evidence, or the first predicted evidence
	// sentence; Count is how many predicted relations said it.
	Evidence string `json:"evidence,omitempty"`
	Count    int    `json:"count,omitempty"`
	// Note says how near a prediction came: "reversed", "predicted as
	// ASSAULT", "gold has ACCUSE", "source is no gold actor".
	Note string `json:"note,omitempty"`
}

// Role is a (person, affiliation) pair; a part that matches no gold actor
// is empty.
type Role struct {
	Person      string `json:"person"`
	Affiliation string `json:"affiliation"`
}

// Score compares predictions with the gold, article by article on the
// file stem, and returns the tallies the way score.py counts them.
func Score(gold *Gold, preds Predictions) *Result {
	res := &Result{Levels: map[string]Tally{}, Articles: len(gold.Articles), WithoutPrediction: []string{}}
	for _, ga := range gold.Articles {
		rec, ok := preds[ga.Name]
		if !ok {
			res.WithoutPrediction = append(res.WithoutPrediction, ga.Name)
		}
		ar := scoreArticle(newGoldIndex(ga), rec)
		ar.NoPrediction = !ok
		for _, lvl := range Levels {
			res.Levels[lvl] = res.Levels[lvl].add(ar.Levels[lvl])
		}
		res.Details = append(res.Details, ar)
	}
	return res
}

// goldIndex is a gold article with its names normalized once.
type goldIndex struct {
	GoldArticle
	keys  []string          // Norm of each actor's key
	names []map[string]bool // Norm of each actor's key and names
}

func newGoldIndex(ga GoldArticle) *goldIndex {
	g := &goldIndex{GoldArticle: ga}
	for _, a := range ga.Actors {
		k := Norm(a.Key)
		names := map[string]bool{k: true}
		for _, n := range a.Names {
			names[Norm(n)] = true
		}
		g.keys, g.names = append(g.keys, k), append(g.names, names)
	}
	return g
}

// match returns the key of the gold actor that the normalized forms
// stand for: the first whose key is among them, else the first whose key
// or names are; "" for none.
func (g *goldIndex) match(forms map[string]bool) string {
	best := ""
	for i, a := range g.Actors {
		if forms[g.keys[i]] {
			return a.Key
		}
		if best == "" {
			for f := range forms {
				if g.names[i][f] {
					best = a.Key
					break
				}
			}
		}
	}
	return best
}

// article holds what scoring one article needs: the gold, and the gold
// key each predicted actor id and name stands for ("" for none).
type article struct {
	*goldIndex
	keyOf map[string]string
}

// key maps a relation end or affiliation to a gold key: through the
// predicted actors' ids and names first, else as a name the gold knows.
func (a *article) key(x string, ok bool) string {
	if !ok {
		return ""
	}
	if k, found := a.keyOf[x]; found {
		return k
	}
	return a.match(map[string]bool{Norm(x): true})
}

// scoreArticle scores one article's prediction (nil when there is none).
func scoreArticle(g *goldIndex, rec map[string]any) ArticleResult {
	ar := ArticleResult{Name: g.Name, Levels: map[string]Tally{}}
	a := &article{goldIndex: g, keyOf: map[string]string{}}
	pactors := objects(rec, "actors")
	a.scoreActors(&ar, pactors)
	a.scoreRelations(&ar, objects(rec, "relations"))
	a.scoreRoles(&ar, pactors, objects(rec, "relations"))
	return ar
}

// scoreActors matches each predicted actor to a gold actor and records
// the gold key its id and name stand for, for the relations.
func (a *article) scoreActors(ar *ArticleResult, pactors []map[string]any) {
	found := map[string]bool{}
	for _, p := range pactors {
		k := a.match(actorForms(p))
		for _, f := range []string{"id", "name"} {
			if s, ok := p[f].(string); ok {
				a.keyOf[s] = k
			}
		}
		if k != "" {
			found[k] = true
		} else {
			ar.SpuriousActors = append(ar.SpuriousActors, PredictedActor{ID: str(p["id"]), Name: str(p["name"]), Type: str(p["type"])})
		}
	}
	for _, ga := range a.Actors {
		if !found[ga.Key] {
			ar.MissedActors = append(ar.MissedActors, ga)
		}
	}
	ar.Levels[Actors] = Tally{TP: len(found), Predicted: len(pactors), Gold: len(a.Actors)}
}

// scoreRelations compares the relation sets at the pairs, typed, directed
// and quad levels.
func (a *article) scoreRelations(ar *ArticleResult, prels []map[string]any) {
	var gold, pred []relation
	for _, r := range a.Relations {
		gold = append(gold, relation{src: r.Source, typ: r.Type, tgt: r.Target, evidence: r.Evidence})
	}
	for i, r := range prels {
		s, sok := relationEnd(r, "source")
		t, tok := relationEnd(r, "target")
		pr := relation{src: a.key(s, sok), typ: relationType(r), tgt: a.key(t, tok),
			rawSrc: s, rawTgt: t, evidence: str(r["evidence"])}
		if pr.src == "" || pr.tgt == "" || pr.src == pr.tgt {
			pr.unmatched = i + 1
		}
		pred = append(pred, pr)
	}
	gsets, psets := elementSets(gold), elementSets(pred)
	for i, lvl := range []string{Pairs, Typed, Directed, Quad} {
		t := Tally{Predicted: len(psets[i]), Gold: len(gsets[i])}
		for e := range psets[i] {
			if gsets[i][e] {
				t.TP++
			}
		}
		ar.Levels[lvl] = t
	}
	ar.Missed = relationErrors(gold, psets, false)
	ar.Spurious = relationErrors(pred, gsets, true)
}

// scoreRoles compares (person, affiliation) pairs: the gold's, and the
// predicted actors' affiliations and role relations.
func (a *article) scoreRoles(ar *ArticleResult, pactors, prels []map[string]any) {
	gold, pred := map[Role]bool{}, map[Role]bool{}
	for _, ga := range a.Actors {
		if ga.Affiliation != "" {
			gold[Role{ga.Key, ga.Affiliation}] = true
		}
	}
	for _, p := range pactors {
		aff := p["affiliation"]
		if m, ok := aff.(map[string]any); ok {
			aff = m["id"]
			if !truthy(aff) {
				aff = m["name"]
			}
		}
		if truthy(aff) {
			s, ok := aff.(string)
			pred[Role{a.match(actorForms(p)), a.key(s, ok)}] = true
		}
	}
	for _, r := range prels {
		if slices.Contains(roleTypes, relationType(r)) {
			s, sok := relationEnd(r, "source")
			t, tok := relationEnd(r, "target")
			pred[Role{a.key(s, sok), a.key(t, tok)}] = true
		}
	}
	t := Tally{Predicted: len(pred), Gold: len(gold)}
	for r := range pred {
		if gold[r] {
			t.TP++
		} else {
			ar.SpuriousRoles = append(ar.SpuriousRoles, r)
		}
	}
	for _, ga := range a.Actors {
		if r := (Role{ga.Key, ga.Affiliation}); ga.Affiliation != "" && !pred[r] {
			ar.MissedRoles = append(ar.MissedRoles, r)
		}
	}
	slices.SortFunc(ar.SpuriousRoles, func(x, y Role) int {
		return cmp.Or(strings.Compare(x.Person, y.Person), strings.Compare(x.Affiliation, y.Affiliation))
	})
	ar.Levels[Roles] = t
}

// relation is a gold or predicted relation with its ends as gold keys.
type relation struct {
	src, typ, tgt  string
	rawSrc, rawTgt string // as predicted
	evidence       string
	// unmatched is non-zero when the ends are not two different gold
	// actors: such a relation is an item of its own at every level.
	unmatched int
}

// element is one item of a level's set.
type element struct {
	a, b, typ string
	unmatched int
}

// elements are the relation's items at the pairs, typed, directed and
// quad levels.
func (r relation) elements() [4]element {
	if r.unmatched != 0 {
		e := element{unmatched: r.unmatched}
		return [4]element{e, e, e, e}
	}
	a, b := r.src, r.tgt
	if b < a {
		a, b = b, a
	}
	t := schema.EventType(r.typ)
	directed := element{a: a, b: b, typ: r.typ}
	if !t.Symmetric() {
		directed = element{a: r.src, b: r.tgt, typ: r.typ}
	}
	quad := r.typ
	if t.Valid() {
		quad = string(t.Quad())
	}
	return [4]element{{a: a, b: b}, {a: a, b: b, typ: r.typ}, directed, {a: a, b: b, typ: quad}}
}

func elementSets(rels []relation) [4]map[element]bool {
	sets := [4]map[element]bool{{}, {}, {}, {}}
	for _, r := range rels {
		for i, e := range r.elements() {
			sets[i][e] = true
		}
	}
	return sets
}

// relationErrors lists the relations whose directed item the other side
// lacks, once per item, with a note on how near the other side came.
func relationErrors(rels []relation, other [4]map[element]bool, predicted bool) []RelationError {
	var out []RelationError
	at := map[element]int{}
	for _, r := range rels {
		e := r.elements()
		if other[2][e[2]] {
			continue
		}
		if i, seen := at[e[2]]; seen {
			if predicted {
				out[i].Count++
			}
			continue
		}
		re := RelationError{Source: r.src, Type: r.typ, Target: r.tgt, Evidence: r.evidence, Note: nearMiss(r, e, other, predicted)}
		if r.unmatched != 0 {
			re.Source, re.Target = r.rawSrc, r.rawTgt
		}
		if predicted {
			re.Count = 1
		}
		at[e[2]] = len(out)
		out = append(out, re)
	}
	return out
}

// nearMiss says what the other side has for a relation it lacks: the same
// type the other way round, or other types on the same pair.
func nearMiss(r relation, e [4]element, other [4]map[element]bool, predicted bool) string {
	other2 := "predicted"
	if predicted {
		other2 = "gold has"
	}
	switch {
	case r.unmatched != 0 && predicted:
		switch {
		case r.src == "" && r.tgt == "":
			return "source and target are no gold actors"
		case r.src == "":
			return "source is no gold actor"
		case r.tgt == "":
			return "target is no gold actor"
		}
		return "source and target are one gold actor"
	case other[1][e[1]]:
		return other2 + " it reversed"
	case other[0][e[0]]:
		var types []string
		for x := range other[2] {
			if x.unmatched == 0 && x.typ != "" && ((x.a == e[0].a && x.b == e[0].b) || (x.a == e[0].b && x.b == e[0].a)) {
				types = append(types, x.a+" "+x.typ+" "+x.b)
			}
		}
		slices.Sort(types)
		return other2 + " " + strings.Join(types, ", ")
	}
	return ""
}

// relationType is a predicted relation's type as score.py reads it:
// Python's str() of the value, upper-cased; "" when there is none.
func relationType(r map[string]any) string {
	v, ok := r["type"]
	if !ok {
		return ""
	}
	return strings.ToUpper(pyStr(v))
}

// pyStr is Python's str() of a JSON value.
func pyStr(v any) string {
	switch v := v.(type) {
	case nil:
		return "None"
	case string:
		return v
	case bool:
		if v {
			return "True"
		}
		return "False"
	}
	b, _ := json.Marshal(v)
	return string(b)
}
