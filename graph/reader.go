package graph

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/schema"
)

// Reader is the graphdata.Source of a geokg graph in Neo4j
// (docs/graph-model.md), beside the Writer on the same connection. Records
// stream from auto-commit transactions.
type Reader struct {
	conn *Conn
}

// NewReader reads the graph through c.
func NewReader(c *Conn) Reader { return Reader{conn: c} }

var _ graphdata.Source = Reader{}

const neo4jActors = `MATCH (a:Actor)
OPTIONAL MATCH (a)-[m:MENTIONED_IN]->()
WITH a, coalesce(sum(m.count), 0) AS mentions, count(m) AS articles
OPTIONAL MATCH (a)-[f:AFFILIATED_WITH]->(o:Actor)
WITH a, mentions, articles, f, o ORDER BY f.articles DESC, f.last DESC
WITH a, mentions, articles, collect({org: o.id, role: f.role})[0] AS aff
RETURN a.id, a.name, a.type, a.aliases, aff.org, aff.role, mentions, articles
ORDER BY a.id`

// Actors yields every actor, ordered by id; a person's affiliation is the
// one most articles state.
func (n Reader) Actors(ctx context.Context, fn func(graphdata.Actor) error) error {
	return n.conn.Stream(ctx, "read actors", neo4jActors, nil, func(r *Record) error {
		v := r.Values
		a := graphdata.Actor{ID: str(v[0]), Name: str(v[1]), Type: schema.ActorType(str(v[2])), Aliases: []string{},
			Affiliation: str(v[4]), Role: str(v[5]), Mentions: int(num(v[6])), Articles: int(num(v[7]))}
		if list, ok := v[3].([]any); ok {
			for _, s := range list {
				a.Aliases = append(a.Aliases, str(s))
			}
		}
		return fn(a)
	})
}

// Articles yields every article, ordered by id.
func (n Reader) Articles(ctx context.Context, fn func(graphdata.Article) error) error {
	return n.conn.Stream(ctx, "read articles", `MATCH (a:Article) RETURN a.id, a.url, a.title, a.published, a.source, a.path, a.hash ORDER BY a.id`, nil,
		func(r *Record) error {
			v := r.Values
			return fn(graphdata.Article{ID: str(v[0]), URL: str(v[1]), Title: str(v[2]), Published: date(v[3]), Source: str(v[4]),
				Path: str(v[5]), Hash: str(v[6])})
		})
}

// Mentions yields every MENTIONED_IN relationship.
func (n Reader) Mentions(ctx context.Context, fn func(graphdata.Mention) error) error {
	return n.conn.Stream(ctx, "read mentions", `MATCH (x:Actor)-[m:MENTIONED_IN]->(a:Article) RETURN x.id, a.id, m.count, m.role, m.affiliation ORDER BY a.id, x.id`, nil,
		func(r *Record) error {
			v := r.Values
			return fn(graphdata.Mention{Actor: str(v[0]), Article: str(v[1]), Count: int(num(v[2])), Role: str(v[3]), Affiliation: str(v[4])})
		})
}

const neo4jEvents = `MATCH (e:Event)
WHERE ($all OR e.asserted) AND coalesce(e.confidence, 0.0) >= $minConfidence
  AND ($since IS NULL OR e.date >= date($since)) AND ($until IS NULL OR e.date <= date($until))
CALL (e) {
  OPTIONAL MATCH (e)-[r:REPORTED_IN]->(a:Article)
  WITH r, a ORDER BY a.published, a.id
  RETURN collect(CASE WHEN a IS NOT NULL THEN [a.id, a.source, r.sentences, r.evidence] END) AS reports
}
RETURN e.id, e.source, e.target, e.type, e.quad, e.score, e.modes, e.date, e.evidence, e.sentence, e.cue,
       e.confidence, e.claimant, e.article, e.references, e.date_source, e.date_precision,
       e.mentions, e.articles, e.sources, e.source_state, e.target_state, e.source_country, e.target_country,
       e.source_sector, e.target_sector, e.place, e.place_text, e.place_kind, e.place_country, e.lat, e.lon, reports
ORDER BY e.date, e.id`

// Events yields the events of the filter, in date order, with their
// reports (earliest article first).
func (n Reader) Events(ctx context.Context, f graphdata.Filter, fn func(graphdata.Event) error) error {
	params := map[string]any{"all": f.AllModes, "since": nil, "until": nil, "minConfidence": f.MinConfidence}
	if !f.Since.IsZero() {
		params["since"] = f.Since.String()
	}
	if !f.Until.IsZero() {
		params["until"] = f.Until.String()
	}
	return n.conn.Stream(ctx, "read events", neo4jEvents, params, func(r *Record) error {
		v := r.Values
		e := graphdata.Event{ID: str(v[0]), Source: str(v[1]), Target: str(v[2]), Type: schema.EventType(str(v[3])),
			Quad: schema.Quad(str(v[4])), Score: flt(v[5]), Date: date(v[7]), Evidence: str(v[8]), Sentence: int(num(v[9])),
			Cue: str(v[10]), Confidence: flt(v[11]), Claimant: str(v[12]), Article: str(v[13]),
			DateSource: str(v[15]), DatePrecision: str(v[16]),
			Mentions: int(num(v[17])), Articles: int(num(v[18])), Sources: int(num(v[19])),
			SourceState: str(v[20]), TargetState: str(v[21]), SourceCountry: str(v[22]), TargetCountry: str(v[23]),
			SourceSector: str(v[24]), TargetSector: str(v[25])}
		e.Modes = strs[schema.Mode](v[6])
		e.References = strs[string](v[14])
		if v[26] != nil || v[30] != nil {
			e.Place = &schema.Place{Name: str(v[26]), Text: str(v[27]), Kind: str(v[28]), Country: str(v[29]),
				Lat: flt(v[30]), Lon: flt(v[31])}
		}
		reports, _ := v[32].([]any)
		for _, x := range reports {
			rv, _ := x.([]any)
			if len(rv) != 4 {
				continue
			}
			rep := graphdata.Report{Article: str(rv[0]), Source: str(rv[1]), Evidence: strs[string](rv[3])}
			for _, s := range asList(rv[2]) {
				rep.Sentences = append(rep.Sentences, int(num(s)))
			}
			if rep.Sentences == nil && rep.Article == e.Article {
				// A graph written before reports carried their sentences:
				// the event's own sentence is its article's report.
				rep.Sentences, rep.Evidence = []int{e.Sentence}, []string{e.Evidence}
			}
			e.Reports = append(e.Reports, rep)
		}
		if !f.Keep(e) {
			return nil
		}
		return fn(e)
	})
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// strs is v's strings when v is a list, else nil.
func strs[S ~string](v any) []S {
	list, _ := v.([]any)
	var out []S
	for _, x := range list {
		out = append(out, S(str(x)))
	}
	return out
}

func num(v any) int64 {
	n, _ := v.(int64)
	return n
}

func flt(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case int64:
		return float64(x)
	}
	return 0
}

func date(v any) schema.Date {
	if d, ok := v.(dbtype.Date); ok {
		return schema.NewDate(d.Time())
	}
	return schema.Date{}
}
