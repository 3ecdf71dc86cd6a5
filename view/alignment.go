package view

import (
	"maps"
	"slices"
	"time"

	"github.com/geokg/geokg/alliance"
	"github.com/geokg/geokg/schema"
)

// alignmentData is what the page's "alignment" mode draws: per time
// window, the signed alignment of each dyad (alliance.Scorer) and the
// actors' blocs (alliance.Blocs), computed from the page's own events so
// that a page from an output folder shows alliances as one from Neo4j
// does.
type alignmentData struct {
	HalfLifeDays float64      `json:"halfLifeDays"`
	Windows      []windowInfo `json:"windows"`
}

// windowInfo is one window: "all", a year ("2016") or a month
// ("2016-08").
type windowInfo struct {
	Name  string `json:"name"`
	Kind  string `json:"kind"` // all, year, month
	Since string `json:"since,omitempty"`
	Until string `json:"until,omitempty"`
	// Edges are the dyads with a non-zero score.
	Edges []edgeInfo `json:"edges"`
	// Blocs are the window's blocs of two or more actors.
	Blocs       []blocLabel `json:"blocs"`
	Frustration float64     `json:"frustration"`
}

// edgeInfo is one dyad's alignment, with short keys.
type edgeInfo struct {
	A int      `json:"a"` // actor index, A < B by id
	B int      `json:"b"`
	S float64  `json:"s"` // decayed net cooperation
	N int      `json:"n"` // events
	C int      `json:"c"` // cooperation events
	K int      `json:"k"` // conflict events
	T []string `json:"t"` // top PLOVER types
}

// blocLabel is one bloc of a window. Its colour number is shared by the
// bloc of another window that keeps most of its members, so a bloc keeps
// its colour over time.
type blocLabel struct {
	Colour  int   `json:"colour"`
	Members []int `json:"members"` // actor indexes, the most strongly tied first
}

// buildAlignment scores the events in the window "all", in every calendar
// year and every month with dated events, and partitions each window.
func buildAlignment(d *Data, events []alliance.Event) *alignmentData {
	out := &alignmentData{HalfLifeDays: alliance.DefaultHalfLife.Hours() / 24}
	var latest schema.Date
	years, months := map[int]bool{}, map[int]bool{} // months as yyyymm
	for _, e := range events {
		if e.Date.IsZero() {
			continue
		}
		t := e.Date.Time()
		years[t.Year()] = true
		months[100*t.Year()+int(t.Month())] = true
		if latest.IsZero() || t.After(latest.Time()) {
			latest = e.Date
		}
	}
	type named struct {
		w          alliance.Window
		name, kind string
	}
	windows := []named{{alliance.Window{}, "all", "all"}}
	for _, y := range slices.Sorted(maps.Keys(years)) {
		windows = append(windows, named{alliance.Year(y), alliance.Year(y).Name(), "year"})
	}
	for _, m := range slices.Sorted(maps.Keys(months)) {
		since := time.Date(m/100, time.Month(m%100), 1, 0, 0, 0, 0, time.UTC)
		w := alliance.Window{Since: schema.NewDate(since), Until: schema.NewDate(since.AddDate(0, 1, -1))}
		windows = append(windows, named{w, since.Format("2006-01"), "month"})
	}
	index := map[string]int{}
	for i, a := range d.Actors {
		index[a.ID] = i
	}
	// The window "all" comes first: its blocs take new colours (an empty
	// reference matches none) and are the reference of the others.
	var reference alliance.Partition
	var allColours map[int]int
	nextColour := 1
	for _, nw := range windows {
		s := alliance.NewScorer(nw.w, alliance.DefaultHalfLife, latest)
		for _, e := range events {
			s.Add(e)
		}
		als := s.Alignments()
		info := windowInfo{Name: nw.name, Kind: nw.kind, Since: nw.w.Since.String(), Until: nw.w.Until.String(),
			Edges: []edgeInfo{}, Blocs: []blocLabel{}}
		for _, a := range als {
			if a.Score == 0 {
				continue
			}
			types := make([]string, len(a.TopTypes))
			for i, t := range a.TopTypes {
				types[i] = string(t)
			}
			info.Edges = append(info.Edges, edgeInfo{A: index[a.A], B: index[a.B], S: a.Score, N: a.Events, C: a.Cooperation, K: a.Conflict, T: types})
		}
		p := alliance.Blocs(als, alliance.BlocOptions{})
		info.Frustration = p.Frustration
		colours := matchColours(p, reference, allColours, &nextColour)
		if allColours == nil {
			reference, allColours = p, colours
		}
		for _, b := range p.Blocs {
			c := colours[b.Number]
			if c == 0 {
				continue
			}
			label := blocLabel{Colour: c}
			for _, m := range b.Members {
				label.Members = append(label.Members, index[m])
			}
			info.Blocs = append(info.Blocs, label)
		}
		out.Windows = append(out.Windows, info)
	}
	return out
}

// matchColours gives each bloc of two or more in p the colour of the
// reference bloc it shares most members with (largest blocs choose
// first, each colour used once), else a new colour.
func matchColours(p, ref alliance.Partition, refColours map[int]int, next *int) map[int]int {
	out := map[int]int{}
	used := map[int]bool{}
	for _, b := range p.Blocs {
		if len(b.Members) < 2 {
			continue
		}
		overlap := map[int]int{}
		for _, m := range b.Members {
			if n := ref.Of[m]; refColours[n] != 0 {
				overlap[refColours[n]]++
			}
		}
		best, most := 0, 0
		for _, c := range slices.Sorted(maps.Keys(overlap)) {
			if !used[c] && overlap[c] > most {
				best, most = c, overlap[c]
			}
		}
		if best == 0 {
			best = *next
			*next++
		}
		used[best] = true
		out[b.Number] = best
	}
	return out
}
