// Package view renders a geokg graph as one self-contained HTML file: an
// interactive force-directed graph (the vendored force-graph library,
// embedded with go:embed) where actors are coloured by type and links by
// quad class, with filters by time window, actor type and quad class, and
// the evidence sentences of any link one click away. The file needs no
// server and no network: open it in any browser, or mail it.
package view

import (
	"bytes"
	"container/heap"
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/template"

	"github.com/geokg/geokg/alliance"
	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/internal/fsmsg"
	"github.com/geokg/geokg/schema"
)

//go:embed assets/page.html assets/app.css assets/app.js assets/alignment.js assets/force-graph.min.js
var assets embed.FS

// DefaultMaxEvents bounds the events written into one page, so that the
// file stays small enough for a browser to lay out.
const DefaultMaxEvents = 20000

// Options tune a page.
type Options struct {
	// Title heads the page; empty means "geokg graph".
	Title string
	// Filter selects the events drawn.
	Filter graphdata.Filter
	// MaxEvents keeps only the most recent events past this many (undated
	// ones count as oldest); 0 means DefaultMaxEvents, negative means no
	// limit.
	MaxEvents int
}

// Data is what a page shows: the actors and articles its events refer to,
// and the events, which point into those lists by index.
type Data struct {
	Title      string             `json:"title"`
	Colors     Palette            `json:"colors"`
	ActorTypes []schema.ActorType `json:"actorTypes"`
	Quads      []schema.Quad      `json:"quads"`
	EventTypes []eventTypeInfo    `json:"eventTypes"`
	Actors     []actorInfo        `json:"actors"`
	Articles   []articleInfo      `json:"articles"`
	Events     []eventInfo        `json:"events"`
	// Dropped counts events left out by Options.MaxEvents.
	Dropped int `json:"dropped"`
	// Alignment is the signed alignment and the blocs per time window,
	// for the page's "alignment" mode.
	Alignment *alignmentData `json:"alignment"`
}

type eventTypeInfo struct {
	Name  string      `json:"name"`
	Quad  schema.Quad `json:"quad"`
	Score float64     `json:"score"`
}

type actorInfo struct {
	ID          string           `json:"id"`
	Name        string           `json:"name"`
	Type        schema.ActorType `json:"type"`
	Aliases     []string         `json:"aliases"`
	Affiliation string           `json:"affiliation,omitempty"`
	Role        string           `json:"role,omitempty"`
}

type articleInfo struct {
	ID     string `json:"id"`
	Title  string `json:"title,omitempty"`
	URL    string `json:"url,omitempty"`
	Date   string `json:"date,omitempty"`
	Source string `json:"source,omitempty"`
}

// eventInfo is one event with short keys: the page carries thousands.
type eventInfo struct {
	S int    `json:"s"`           // source actor index
	T int    `json:"t"`           // target actor index
	Y int    `json:"y"`           // event type index
	D string `json:"d,omitempty"` // date, YYYY-MM-DD
	A int    `json:"a"`           // article index
	E string `json:"e"`           // evidence sentence
	M string `json:"m,omitempty"` // modes, comma-separated
	R string `json:"r,omitempty"` // references in the evidence, comma-separated
}

// maxAliases bounds the aliases listed per actor.
const maxAliases = 12

// Build reads the events, actors and articles the page needs from src.
func Build(ctx context.Context, src graphdata.Source, opts Options) (*Data, error) {
	limit := opts.MaxEvents
	if limit == 0 {
		limit = DefaultMaxEvents
	}
	kept := &recentEvents{}
	var dropped int
	err := src.Events(ctx, opts.Filter, func(e graphdata.Event) error {
		if !e.Type.Valid() {
			return nil
		}
		heap.Push(kept, e)
		if limit > 0 && kept.Len() > limit {
			heap.Pop(kept)
			dropped++
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read events: %w", err)
	}
	events := kept.sorted()

	d := &Data{Title: opts.Title, Colors: DefaultPalette, ActorTypes: schema.ActorTypes, Dropped: dropped}
	if d.Title == "" {
		d.Title = "geokg graph"
	}
	typeIndex := map[schema.EventType]int{}
	for i, t := range schema.EventTypes {
		typeIndex[t] = i
		d.EventTypes = append(d.EventTypes, eventTypeInfo{Name: string(t), Quad: t.Quad(), Score: t.Score()})
		if !slices.Contains(d.Quads, t.Quad()) {
			d.Quads = append(d.Quads, t.Quad())
		}
	}

	actorIndex := map[string]int{}
	articleIndex := map[string]int{}
	for _, e := range events {
		actorIndex[e.Source] = -1
		actorIndex[e.Target] = -1
		articleIndex[e.Article] = -1
	}
	err = src.Actors(ctx, func(a graphdata.Actor) error {
		if _, ok := actorIndex[a.ID]; !ok {
			return nil
		}
		actorIndex[a.ID] = len(d.Actors)
		aliases := make([]string, 0, maxAliases)
		for _, s := range a.Aliases {
			if s != a.Name && len(aliases) < maxAliases {
				aliases = append(aliases, s)
			}
		}
		d.Actors = append(d.Actors, actorInfo{ID: a.ID, Name: a.Name, Type: a.Type, Aliases: aliases, Affiliation: a.Affiliation, Role: a.Role})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read actors: %w", err)
	}
	err = src.Articles(ctx, func(a graphdata.Article) error {
		if i, ok := articleIndex[a.ID]; !ok || i >= 0 {
			return nil
		}
		articleIndex[a.ID] = len(d.Articles)
		d.Articles = append(d.Articles, articleInfo{ID: a.ID, Title: a.Title, URL: a.URL, Date: a.Published.String(), Source: a.Source})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read articles: %w", err)
	}
	var scored []alliance.Event
	for _, e := range events {
		if e.Asserted() {
			scored = append(scored, alliance.EventOf(e))
		}
		s, t := actorIndex[e.Source], actorIndex[e.Target]
		if s < 0 {
			s = d.addMissingActor(actorIndex, e.Source)
		}
		if t < 0 {
			t = d.addMissingActor(actorIndex, e.Target)
		}
		a := articleIndex[e.Article]
		if a < 0 {
			articleIndex[e.Article] = len(d.Articles)
			a = len(d.Articles)
			d.Articles = append(d.Articles, articleInfo{ID: e.Article})
		}
		modes := make([]string, len(e.Modes))
		for i, m := range e.Modes {
			modes[i] = string(m)
		}
		d.Events = append(d.Events, eventInfo{S: s, T: t, Y: typeIndex[e.Type], D: e.Date.String(), A: a, E: e.Evidence, M: strings.Join(modes, ", "),
			R: strings.Join(e.References, ", ")})
	}
	d.Alignment = buildAlignment(d, scored)
	if d.Actors == nil {
		d.Actors = []actorInfo{}
	}
	if d.Articles == nil {
		d.Articles = []articleInfo{}
	}
	if d.Events == nil {
		d.Events = []eventInfo{}
	}
	return d, nil
}

// addMissingActor stands in for an event end that has no actor record, so
// that a partial graph still draws.
func (d *Data) addMissingActor(index map[string]int, id string) int {
	i := len(d.Actors)
	index[id] = i
	d.Actors = append(d.Actors, actorInfo{ID: id, Name: id, Type: schema.Organization, Aliases: []string{}})
	return i
}

// page fills assets/page.html.
type page struct {
	Title, CSS, Lib, App, Alignment, Data string
}

// WriteHTML writes the page as one self-contained HTML document.
func (d *Data) WriteHTML(w io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Escaping <, > and & keeps "</script>" in a sentence from ending the
	// data block.
	enc.SetEscapeHTML(true)
	if err := enc.Encode(d); err != nil {
		return fmt.Errorf("encode graph: %w", err)
	}
	p := page{Title: html.EscapeString(d.Title), Data: strings.TrimSpace(buf.String())}
	for _, f := range []struct {
		dst  *string
		name string
	}{{&p.CSS, "app.css"}, {&p.Lib, "force-graph.min.js"}, {&p.App, "app.js"}, {&p.Alignment, "alignment.js"}} {
		b, err := assets.ReadFile("assets/" + f.name)
		if err != nil {
			return err
		}
		*f.dst = string(b)
	}
	return pageTemplate.Execute(w, p)
}

var pageTemplate = template.Must(template.ParseFS(assets, "assets/page.html"))

// WriteFile builds the page from src and writes it to path, replacing any
// earlier file only once the new one is complete.
func WriteFile(ctx context.Context, path string, src graphdata.Source, opts Options) (*Data, error) {
	d, err := Build(ctx, src, opts)
	if err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".geokg-view-*.html")
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := d.WriteHTML(tmp); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("write %s: %w", path, fsmsg.Reason(err, "write"))
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	return d, nil
}

// recentEvents is a min-heap by date (undated first, then by id), so the
// oldest event is popped when the page is full.
type recentEvents []graphdata.Event

func (h recentEvents) Len() int { return len(h) }
func (h recentEvents) Less(i, j int) bool {
	a, b := h[i].Date.String(), h[j].Date.String()
	if a != b {
		return a < b
	}
	return h[i].ID < h[j].ID
}
func (h recentEvents) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *recentEvents) Push(x any)   { *h = append(*h, x.(graphdata.Event)) }
func (h *recentEvents) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}

// sorted empties the heap into date order.
func (h *recentEvents) sorted() []graphdata.Event {
	out := make([]graphdata.Event, h.Len())
	for i := range out {
		out[i] = heap.Pop(h).(graphdata.Event)
	}
	return out
}
