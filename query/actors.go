package query

import (
	"context"
	"fmt"
	"strings"
)

// Actor is a resolved actor.
type Actor struct {
	ID, Name, Type string
	// Mentions counts the spans naming the actor in all articles.
	Mentions int64
}

func (a Actor) String() string {
	return fmt.Sprintf("%s (%s, id %q)", a.Name, strings.ToLower(a.Type), a.ID)
}

// AmbiguousError says a name matched several actors.
type AmbiguousError struct {
	Name       string
	Candidates []Actor
}

func (e *AmbiguousError) Error() string {
	parts := make([]string, len(e.Candidates))
	for i, c := range e.Candidates {
		parts[i] = fmt.Sprintf("%s, %d mentions", c, c.Mentions)
	}
	return fmt.Sprintf("%q is ambiguous: it names %s; pass the id to choose", e.Name, strings.Join(parts, "; "))
}

// NotFoundError says no actor has the name.
type NotFoundError struct{ Name string }

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("no actor is named %q (by id, name or alias) in the graph", e.Name)
}

// resolveCypher finds actors by id, name or alias, ignoring case, and
// says how each matched.
const resolveCypher = `MATCH (a:Actor)
WHERE a.id = $q OR toLower(a.id) = toLower($q) OR toLower(a.name) = toLower($q)
   OR any(s IN a.aliases WHERE toLower(s) = toLower($q))
   OR ($contains AND (toLower(a.name) CONTAINS toLower($q) OR any(s IN a.aliases WHERE toLower(s) CONTAINS toLower($q))))
OPTIONAL MATCH (a)-[m:MENTIONED_IN]->()
WITH a, coalesce(sum(m.count), 0) AS mentions
RETURN a.id AS id, a.name AS name, a.type AS type, mentions,
       CASE WHEN a.id = $q THEN 0
            WHEN toLower(a.id) = toLower($q) THEN 1
            WHEN toLower(a.name) = toLower($q) THEN 2
            WHEN any(s IN a.aliases WHERE toLower(s) = toLower($q)) THEN 3
            ELSE 4 END AS rank
ORDER BY rank, mentions DESC, id`

// Resolve finds the one actor a name means: an id ("RUS"), a name
// ("Russia") or any alias seen in an article ("Moscow", "the Kremlin",
// "Putin"), case-insensitively; failing those, a unique actor whose name
// or alias contains it. Several equally good matches give an
// *AmbiguousError listing them; none a *NotFoundError. The note, when not
// empty, tells how a loose match was made.
func (c *Client) Resolve(ctx context.Context, name string) (Actor, string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Actor{}, "", &NotFoundError{Name: name}
	}
	for _, contains := range []bool{false, true} {
		recs, err := c.read(ctx, "resolve actor", resolveCypher, map[string]any{"q": name, "contains": contains})
		if err != nil {
			return Actor{}, "", err
		}
		if len(recs) == 0 {
			continue
		}
		best, _ := recs[0].Get("rank")
		var tied []Actor
		for _, r := range recs {
			rank, _ := r.Get("rank")
			if rank != best {
				break
			}
			tied = append(tied, actorOf(r.Values[0], r.Values[1], r.Values[2], r.Values[3]))
		}
		if len(tied) > 1 {
			return Actor{}, "", &AmbiguousError{Name: name, Candidates: tied}
		}
		note := ""
		if contains {
			note = fmt.Sprintf("%q taken as %s, the only actor whose name contains it", name, tied[0])
		}
		return tied[0], note, nil
	}
	return Actor{}, "", &NotFoundError{Name: name}
}

func actorOf(id, name, typ, mentions any) Actor {
	a := Actor{}
	a.ID, _ = id.(string)
	a.Name, _ = name.(string)
	a.Type, _ = typ.(string)
	a.Mentions, _ = mentions.(int64)
	return a
}
