package query

import (
	"cmp"
	"context"
	"fmt"
	"slices"
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

// NotFoundError says no actor has the name, and which names of the graph
// are closest to it.
type NotFoundError struct {
	Name string
	// Suggestions are the display names of the actors whose name, id or
	// alias is within a few edits of Name, nearest first.
	Suggestions []string
}

func (e *NotFoundError) Error() string {
	msg := fmt.Sprintf("no actor is named %q (by id, name or alias) in the graph", e.Name)
	switch len(e.Suggestions) {
	case 0:
		return msg
	case 1:
		return msg + "; did you mean " + e.Suggestions[0] + "?"
	}
	last := len(e.Suggestions) - 1
	return msg + "; did you mean " + strings.Join(e.Suggestions[:last], ", ") + " or " + e.Suggestions[last] + "?"
}

// maxSuggestions bounds the names a NotFoundError proposes.
const maxSuggestions = 3

// namesCypher lists every actor's names, for suggestions.
const namesCypher = `MATCH (a:Actor) RETURN a.name AS name, [a.id, a.name] + coalesce(a.aliases, []) AS names`

// suggest returns the display names of the actors nearest to name: those
// with a name, id or alias at most a third of its length (at least one,
// at most three) edits away, ignoring case; nearest first, then by name.
func (c *Client) suggest(ctx context.Context, name string) ([]string, error) {
	recs, err := c.read(ctx, "suggest actor names", namesCypher, nil)
	if err != nil {
		return nil, err
	}
	q := []rune(strings.ToLower(name))
	limit := min(max(len(q)/3, 1), 3)
	best := map[string]int{}
	for _, r := range recs {
		display := str(r.Values[0])
		names, _ := r.Values[1].([]any)
		for _, n := range names {
			s := str(n)
			if s == "" {
				continue
			}
			d := editDistance(q, []rune(strings.ToLower(s)))
			if d > limit {
				continue
			}
			if cur, ok := best[display]; !ok || d < cur {
				best[display] = d
			}
		}
	}
	out := make([]string, 0, len(best))
	for n := range best {
		out = append(out, n)
	}
	slices.SortFunc(out, func(a, b string) int {
		if c := cmp.Compare(best[a], best[b]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	if len(out) > maxSuggestions {
		out = out[:maxSuggestions]
	}
	return out, nil
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
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
	suggestions, err := c.suggest(ctx, name)
	if err != nil {
		return Actor{}, "", err
	}
	return Actor{}, "", &NotFoundError{Name: name, Suggestions: suggestions}
}

func actorOf(id, name, typ, mentions any) Actor {
	a := Actor{}
	a.ID, _ = id.(string)
	a.Name, _ = name.(string)
	a.Type, _ = typ.(string)
	a.Mentions, _ = mentions.(int64)
	return a
}
