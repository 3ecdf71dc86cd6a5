package query

import (
	"context"
	"fmt"

	"github.com/geokg/geokg/graphdata"
)

// blocsCypher lists a window's blocs (written by `geokg alliances`) with
// their members' names, the most strongly tied first.
const blocsCypher = `MATCH (b:Bloc {window: $window}) WHERE coalesce(b.level, 'actor') = $level
CALL (b) {
  UNWIND range(0, size(b.members) - 1) AS i
  OPTIONAL MATCH (a:Actor {id: b.members[i]})
  WITH i, coalesce(a.name, b.members[i]) AS name ORDER BY i
  RETURN collect(name) AS members
}
RETURN b.window AS window, b.number AS bloc, b.size AS size, members,
       round(b.cohesion, 1) AS cohesion, round(b.opposition, 1) AS opposition, b.frustration AS frustration
ORDER BY bloc
LIMIT $limit`

// Blocs lists the blocs of an alignment window ("all", "2016", …): each
// bloc's number, size and members, its cohesion (summed alignment inside)
// and opposition (summed alignment with the other actors). A note gives
// the window's frustration, the share of alignment the blocs contradict.
// level picks the actors' blocs or the states' (`geokg alliances --level`).
func (c *Client) Blocs(ctx context.Context, window string, level graphdata.Level, limit int) (*Table, error) {
	limit = orDefaultLimit(limit, defaultLimit)
	if level == "" {
		level = graphdata.ActorLevel
	}
	recs, err := c.read(ctx, "blocs of "+window, blocsCypher, map[string]any{"window": window, "level": string(level), "limit": int64(limit)})
	if err != nil {
		return nil, err
	}
	t := tableOf([]string{"bloc", "size", "members", "cohesion", "opposition"}, recs)
	if len(recs) == 0 {
		run := "geokg alliances"
		if level == graphdata.StateLevel {
			run += " --level state"
		}
		t.Notes = append(t.Notes, fmt.Sprintf("no blocs in window %q: run `%s` (--by-year for yearly windows) first", window, run))
	} else if f, ok := recs[0].Get("frustration"); ok {
		f, _ := f.(float64)
		t.Notes = append(t.Notes, fmt.Sprintf("window %s: the blocs contradict %.1f%% of the alignment weight (alliances across blocs, rivalries inside)", window, 100*f))
	}
	return t, nil
}
