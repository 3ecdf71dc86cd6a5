// Command loadbench measures the Neo4j writer: it builds a synthetic
// corpus of at least -events events from a real extraction (the dev
// articles' docs, remapped onto many actors and days), loads it with the
// batched writer at several batch sizes, and loads it (or a prefix of it)
// with a naive writer that sends one statement per row in its own
// transaction, all in the same run against the same server. It wipes the database
// before every run, so point it only at a throw-away server (bench/load
// starts one).
//
//	loadbench -docs dev.jsonl -uri bolt://127.0.0.1:7689 -wipe
package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graphmodel"
	"github.com/geokg/geokg/internal/neo4jtest"
	"github.com/geokg/geokg/jsonl"
	"github.com/geokg/geokg/schema"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "loadbench:", err)
		os.Exit(1)
	}
}

type options struct {
	docs, uri, user, password, out string
	events, actors, naiveEvents    int
	sizes                          []int
	wipe                           bool
	profile                        int
	warmEvents                     int
}

func run() error {
	var o options
	var sizes string
	flag.StringVar(&o.docs, "docs", "", "JSON-lines extraction to build the corpus from (geokg extract output)")
	flag.StringVar(&o.uri, "uri", os.Getenv("NEO4J_URI"), "Neo4j URI")
	flag.StringVar(&o.user, "user", "neo4j", "Neo4j user")
	flag.StringVar(&o.password, "password", os.Getenv("NEO4J_PASSWORD"), "Neo4j password (default $NEO4J_PASSWORD)")
	flag.StringVar(&o.out, "corpus", os.TempDir()+"/geokg-bench-corpus.jsonl", "where to write the synthetic corpus")
	flag.IntVar(&o.events, "events", 100_000, "minimum number of events in the corpus")
	flag.IntVar(&o.actors, "actors", 5_000, "number of distinct actors to remap onto")
	flag.IntVar(&o.naiveEvents, "naive-events", 0, "events loaded by the naive writer, a prefix of the corpus (0: all of it, ~10 minutes)")
	flag.StringVar(&sizes, "batch-sizes", "250,500,1000,2000,5000", "batch sizes (events per transaction) to measure")
	flag.BoolVar(&o.wipe, "wipe", false, "required: confirms the database may be wiped before each run")
	flag.IntVar(&o.warmEvents, "warm-events", 30_000, "events loaded, untimed, before the measurements")
	flag.IntVar(&o.profile, "profile", 0, "instead of measuring, load this many events, then PROFILE each statement of the next batch (rolled back)")
	flag.Parse()
	if !o.wipe {
		return errors.New("refusing to run without -wipe: every run deletes the whole database")
	}
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			return fmt.Errorf("-batch-sizes: %q is not a positive number", s)
		}
		o.sizes = append(o.sizes, n)
	}
	templates, err := readDocs(o.docs)
	if err != nil {
		return err
	}
	total, err := writeCorpus(o.out, templates, o.events, o.actors)
	if err != nil {
		return err
	}
	fmt.Printf("corpus: %s (%d docs, %d events, %d actors, from %d dev docs)\n\n",
		o.out, total.docs, total.events, o.actors, len(templates))

	ctx := context.Background()
	driver, err := neo4j.NewDriverWithContext(o.uri, neo4j.BasicAuth(o.user, o.password, ""))
	if err != nil {
		return err
	}
	defer driver.Close(ctx)
	cfg := graph.Config{URI: o.uri, Username: o.user, Password: o.password}
	if o.profile > 0 {
		return profile(ctx, driver, cfg, o.out, o.profile, o.sizes[len(o.sizes)-1])
	}

	// measure cleans the database, takes the machine's current ceiling — the
	// simplest possible write, bare CREATEs of 20,000 relationships in
	// transactions of 2,000 rows — cleans again and runs load. On a shared
	// machine the ceiling moves with the other jobs; the ratio to it does
	// much less.
	measure := func(name string, load func() (result, error)) (result, error) {
		if err := neo4jtest.Clean(ctx, driver); err != nil {
			return result{}, err
		}
		ceiling, err := loadCeiling(ctx, driver, 20_000, 2_000)
		if err != nil {
			return result{}, err
		}
		if err := neo4jtest.Clean(ctx, driver); err != nil {
			return result{}, err
		}
		cpu := processCPU()
		r, err := load()
		r.clientCPU = processCPU() - cpu
		r.name, r.ceiling = name, ceiling.relsPerSec()
		if err == nil {
			report([]result{r}, false)
			reportTimes(r.times)
		}
		return r, err
	}
	// The first load after the server starts runs up to twice as slow (the
	// JVM compiles, the store files grow): warm up on a part of the corpus,
	// untimed, so that the first measured batch size is not penalized.
	warm := cfg
	warm.BatchSize = graph.DefaultBatchSize
	if err := neo4jtest.Clean(ctx, driver); err != nil {
		return err
	}
	if _, err := loadBatched(ctx, warm, o.out, o.warmEvents); err != nil {
		return fmt.Errorf("warm-up: %w", err)
	}
	var results []result
	for _, size := range o.sizes {
		c := cfg
		c.BatchSize = size
		r, err := measure(fmt.Sprintf("batched, %d events/tx", size), func() (result, error) {
			return loadBatched(ctx, c, o.out, 0)
		})
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	// The naive writer on the same data; on a prefix, the batched writer
	// loads that prefix too.
	naiveName := "naive, 1 row/statement/tx"
	var prefix *result
	if o.naiveEvents > 0 {
		naiveName = fmt.Sprintf("naive, 1 row/statement/tx, first %d events", o.naiveEvents)
		c := cfg
		c.BatchSize = graph.DefaultBatchSize
		r, err := measure(fmt.Sprintf("batched, %d events/tx, first %d events", c.BatchSize, o.naiveEvents), func() (result, error) {
			return loadBatched(ctx, c, o.out, o.naiveEvents)
		})
		if err != nil {
			return err
		}
		prefix = &r
	}
	naive, err := measure(naiveName, func() (result, error) {
		return loadNaive(ctx, driver, cfg, o.out, o.naiveEvents)
	})
	if err != nil {
		return err
	}
	// What the server does for the events alone, created bare.
	c := cfg
	c.BatchSize = o.sizes[len(o.sizes)-1]
	floor, err := measure(fmt.Sprintf("events only, bare CREATE, %d events/tx", c.BatchSize), func() (result, error) {
		return loadEventsOnly(ctx, driver, c, o.out)
	})
	if err != nil {
		return err
	}
	best, worst := results[0], results[0]
	for _, r := range results {
		if r.eventsPerSec() > best.eventsPerSec() {
			best = r
		}
		if r.eventsPerSec() < worst.eventsPerSec() {
			worst = r
		}
	}
	batched := len(results)
	if prefix != nil {
		results = append(results, *prefix)
	}
	results = append(results, naive, floor)
	fmt.Println()
	report(results, true)
	if prefix != nil {
		fmt.Printf("\nbatched vs naive: %.0f× events/s on the same %d events; the full corpus batched: %.0f–%.0f× the naive rate\n",
			prefix.eventsPerSec()/naive.eventsPerSec(), naive.events, worst.eventsPerSec()/naive.eventsPerSec(), best.eventsPerSec()/naive.eventsPerSec())
	} else {
		fmt.Printf("\nbatched vs naive on the same %d events: %.0f–%.0f× events/s over the %d batched runs (best: %s)\n",
			naive.events, worst.eventsPerSec()/naive.eventsPerSec(), best.eventsPerSec()/naive.eventsPerSec(), batched, best.name)
	}
	fmt.Printf("best batched: %.0f relationships/s, %.0f%% of the machine's ceiling at the time (%.0f relationships/s for bare CREATEs)\n",
		best.relsPerSec(), 100*best.relsPerSec()/best.ceiling, best.ceiling)
	fmt.Printf("events alone, bare CREATE with the graph's indexes: %.0f relationships/s; the writer does %.0f%% of that rate while also writing mentions, aggregated edges and affiliations\n",
		floor.relsPerSec(), 100*best.relsPerSec()/floor.relsPerSec())
	return nil
}

// result is one measured load.
type result struct {
	name          string
	docs, events  int
	relationships int // created
	elapsed       time.Duration
	clientCPU     time.Duration            // this process's CPU time during the load: what the client takes from the server's cores
	times         map[string]time.Duration // batched writer: time per statement and commit (graph.Stats.Time)
	ceiling       float64                  // bare-CREATE relationships/s measured just before
}

func (r result) eventsPerSec() float64 { return float64(r.events) / r.elapsed.Seconds() }
func (r result) relsPerSec() float64   { return float64(r.relationships) / r.elapsed.Seconds() }

// reportTimes prints where a batched load's time went, largest first.
func reportTimes(times map[string]time.Duration) {
	if len(times) == 0 {
		return
	}
	names := slices.SortedFunc(maps.Keys(times), func(a, b string) int { return cmp.Compare(times[b], times[a]) })
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "  %s %.1fs", n, times[n].Seconds())
	}
	fmt.Printf("    time by statement:%s\n", b.String())
}

func report(rs []result, header bool) {
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	if header {
		fmt.Fprintln(tw, "writer\tdocs\tevents\trelationships\tseconds\tclient CPU s\tevents/s\trelationships/s\tceiling rel/s\tof ceiling\t")
	}
	for _, r := range rs {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.1f\t%.1f\t%.0f\t%.0f\t%.0f\t%.0f%%\t\n", r.name, r.docs, r.events, r.relationships,
			r.elapsed.Seconds(), r.clientCPU.Seconds(), r.eventsPerSec(), r.relsPerSec(), r.ceiling, 100*r.relsPerSec()/r.ceiling)
	}
	tw.Flush()
}

// loadBatched streams the corpus (up to maxEvents events; 0: all) through
// the graph writer.
func loadBatched(ctx context.Context, cfg graph.Config, path string, maxEvents int) (result, error) {
	w, err := graph.Open(ctx, cfg) // applies the schema, outside the timing below
	if err != nil {
		return result{}, err
	}
	var r result
	start := time.Now()
	err = eachDoc(path, maxEvents, func(batch []schema.Doc) error { return w.WriteBatch(ctx, batch) })
	if cerr := w.Close(ctx); err == nil {
		err = cerr
	}
	r.elapsed = time.Since(start)
	s := w.Stats()
	r.docs, r.events, r.relationships, r.times = s.Docs, s.Events, s.RelationshipsCreated, s.Time
	return r, err
}

// loadNaive writes the same statements, one row per statement, each in its
// own transaction: what a loader without UNWIND batching does.
func loadNaive(ctx context.Context, driver neo4j.DriverWithContext, cfg graph.Config, path string, maxEvents int) (result, error) {
	w, err := graph.Open(ctx, cfg) // the schema, as for the batched runs
	if err != nil {
		return result{}, err
	}
	w.Close(ctx)
	var r result
	start := time.Now()
	s := driver.NewSession(ctx, neo4j.SessionConfig{})
	defer s.Close(ctx)
	err = eachDoc(path, maxEvents, func(docs []schema.Doc) error {
		for _, d := range docs {
			b := graphmodel.NewGraphBatch([]schema.Doc{d}, graphmodel.GraphOptions{})
			r.docs++
			r.events += len(b.Events)
			for _, step := range b.Steps() {
				for _, row := range step.Rows {
					n, err := writeRows(ctx, s, step.Cypher, []any{row})
					if err != nil {
						return fmt.Errorf("naive %s: %w", step.Name, err)
					}
					r.relationships += n
				}
			}
		}
		return nil
	})
	r.elapsed = time.Since(start)
	return r, err
}

// loadEventsOnly is a floor for the writer: the corpus' actors and
// articles are merged untimed, then only its events are created bare
// (graphmodel.CypherCreateEvents: the Event node with its properties and its
// ACTOR, RECIPIENT and REPORTED_IN relationships) in transactions of cfg.BatchSize events, timed. No
// mentions, aggregated edges, affiliations or idempotency checks.
func loadEventsOnly(ctx context.Context, driver neo4j.DriverWithContext, cfg graph.Config, path string) (result, error) {
	w, err := graph.Open(ctx, cfg) // the schema, as for the batched runs
	if err != nil {
		return result{}, err
	}
	w.Close(ctx)
	s := driver.NewSession(ctx, neo4j.SessionConfig{})
	defer s.Close(ctx)
	var r result
	var pending []schema.Doc
	pendingEvents := 0
	write := func() error {
		b := graphmodel.NewGraphBatch(pending, graphmodel.GraphOptions{})
		pending, pendingEvents = pending[:0], 0
		for _, step := range b.Steps()[:2] { // actors, articles
			if _, err := writeRows(ctx, s, step.Cypher, step.Rows); err != nil {
				return fmt.Errorf("events only: %s: %w", step.Name, err)
			}
		}
		start := time.Now()
		n, err := writeRows(ctx, s, graphmodel.CypherCreateEvents, graphmodel.Params(b.Events))
		r.elapsed += time.Since(start)
		r.docs += len(b.Articles)
		r.events += len(b.Events)
		r.relationships += n
		return err
	}
	err = eachDoc(path, 0, func(docs []schema.Doc) error {
		for _, d := range docs {
			pending = append(pending, d)
			pendingEvents += len(d.Relations)
			if pendingEvents >= cfg.BatchSize {
				if err := write(); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err == nil && len(pending) > 0 {
		err = write()
	}
	return r, err
}

// eachDoc reads the corpus in slices of 100 docs, stopping once maxEvents
// events (0: no limit) have been passed on.
func eachDoc(path string, maxEvents int, fn func([]schema.Doc) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := jsonl.NewReader(f, path)
	batch := make([]schema.Doc, 0, 100)
	events := 0
	for {
		d, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if maxEvents > 0 && events >= maxEvents {
			break
		}
		events += len(d.Relations)
		batch = append(batch, d)
		if len(batch) == cap(batch) {
			if err := fn(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		return fn(batch)
	}
	return nil
}

func readDocs(path string) ([]schema.Doc, error) {
	if path == "" {
		return nil, errors.New("-docs: name the dev extraction (geokg extract ../shared/eval/dev > dev.jsonl)")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []schema.Doc
	r := jsonl.NewReader(f, path)
	for {
		d, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(d.Relations) > 0 {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: no doc with relations to build a corpus from", path)
	}
	return docs, nil
}

type corpusSize struct{ docs, events int }

// writeCorpus writes copies of the template docs until it has at least
// minEvents asserted events. Copy k of a doc is a new article (own id,
// hash and date) whose actors are remapped onto a pool of about nActors
// ids, so dyads spread like in a large archive instead of piling onto the
// few dev actors.
func writeCorpus(path string, templates []schema.Doc, minEvents, nActors int) (corpusSize, error) {
	f, err := os.Create(path)
	if err != nil {
		return corpusSize{}, err
	}
	buf := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(buf)
	var size corpusSize
	perTemplate := max(1, nActors/distinctActors(templates))
	for k := 0; size.events < minEvents; k++ {
		for _, t := range templates {
			d := remap(t, k, perTemplate)
			for _, r := range d.Relations {
				if r.Asserted() {
					size.events++
				}
			}
			size.docs++
			if err := enc.Encode(&d); err != nil {
				f.Close()
				return size, err
			}
		}
	}
	if err := buf.Flush(); err != nil {
		f.Close()
		return size, err
	}
	return size, f.Close()
}

func distinctActors(docs []schema.Doc) int {
	ids := map[string]bool{}
	for _, d := range docs {
		for _, a := range d.Actors {
			ids[a.ID] = true
		}
	}
	return len(ids)
}

// remap returns copy k of doc t with each actor id mapped to one of
// perActor variants, chosen by hashing the copy number and the id.
func remap(t schema.Doc, k, perActor int) schema.Doc {
	variant := func(id string) string {
		h := fnv.New32a()
		fmt.Fprintf(h, "%d\x00%s", k, id)
		return fmt.Sprintf("%s~%d", id, h.Sum32()%uint32(perActor))
	}
	d := t
	d.ID = fmt.Sprintf("%s#%d", t.ID, k)
	d.Path = fmt.Sprintf("%s#%d", t.Path, k)
	d.Hash = schema.ContentHash(d.ID)
	day := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, k%5000)
	d.Published = schema.NewDate(day)
	d.Actors = make([]schema.Actor, len(t.Actors))
	for i, a := range t.Actors {
		a.ID = variant(a.ID)
		if a.Affiliation != "" {
			a.Affiliation = variant(a.Affiliation)
		}
		d.Actors[i] = a
	}
	d.Relations = make([]schema.Relation, len(t.Relations))
	for i, r := range t.Relations {
		r.Source, r.Target = variant(r.Source), variant(r.Target)
		if r.Claimant != "" {
			r.Claimant = variant(r.Claimant)
		}
		r.Date = d.Published
		d.Relations[i] = r
	}
	return d
}

// profile loads the first events of the corpus, then runs each statement
// of the next batch under PROFILE in one transaction that is rolled back,
// printing time and database hits per statement.
func profile(ctx context.Context, driver neo4j.DriverWithContext, cfg graph.Config, path string, events, size int) error {
	if err := neo4jtest.Clean(ctx, driver); err != nil {
		return err
	}
	cfg.BatchSize = size
	if _, err := loadBatched(ctx, cfg, path, events); err != nil {
		return err
	}
	var next []schema.Doc
	seen := 0
	err := eachDoc(path, 0, func(docs []schema.Doc) error {
		for _, d := range docs {
			if seen >= events && len(next) < size/5 {
				next = append(next, d)
			}
			seen += len(d.Relations)
		}
		return nil
	})
	if err != nil {
		return err
	}
	b := graphmodel.NewGraphBatch(next, graphmodel.GraphOptions{})
	s := driver.NewSession(ctx, neo4j.SessionConfig{})
	defer s.Close(ctx)
	tx, err := s.BeginTransaction(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	for _, step := range b.Steps() {
		start := time.Now()
		res, err := tx.Run(ctx, "PROFILE "+step.Cypher, map[string]any{"rows": step.Rows})
		if err != nil {
			return fmt.Errorf("%s: %w", step.Name, err)
		}
		sum, err := res.Consume(ctx)
		if err != nil {
			return fmt.Errorf("%s: %w", step.Name, err)
		}
		fmt.Printf("%-15s %5d rows %8.1f ms %10d db hits\n", step.Name, len(step.Rows),
			float64(time.Since(start).Microseconds())/1000, totalHits(sum.Profile()))
		printProfile(sum.Profile(), 1)
	}
	return nil
}

func totalHits(p neo4j.ProfiledPlan) int64 {
	if p == nil {
		return 0
	}
	n := p.DbHits()
	for _, c := range p.Children() {
		n += totalHits(c)
	}
	return n
}

func printProfile(p neo4j.ProfiledPlan, depth int) {
	if p == nil {
		return
	}
	det := fmt.Sprint(p.Arguments()["Details"])
	if len(det) > 80 {
		det = det[:80]
	}
	fmt.Printf("%s%s %s rows=%d hits=%d\n", strings.Repeat("  ", depth), p.Operator(), det, p.Records(), p.DbHits())
	for _, c := range p.Children() {
		printProfile(c, depth+1)
	}
}

// loadCeiling creates n (a)-[:R]->(b) patterns in transactions of size rows:
// the fastest this server and machine write relationships through Bolt
// right now, a yardstick for the writer on a shared machine.
func loadCeiling(ctx context.Context, driver neo4j.DriverWithContext, n, size int) (result, error) {
	s := driver.NewSession(ctx, neo4j.SessionConfig{})
	defer s.Close(ctx)
	r := result{name: fmt.Sprintf("ceiling: bare CREATE, %d rows/tx", size)}
	start := time.Now()
	for done := 0; done < n; done += size {
		rows := make([]any, min(size, n-done))
		for i := range rows {
			rows[i] = map[string]any{"i": int64(done + i)}
		}
		c, err := writeRows(ctx, s, "UNWIND $rows AS row CREATE (:BenchA {i: row.i})-[:R]->(:BenchB {i: row.i})", rows)
		if err != nil {
			return r, err
		}
		r.relationships += c
		r.events += len(rows)
	}
	r.elapsed = time.Since(start)
	return r, nil
}

// writeRows runs one statement over rows in its own transaction and
// returns the number of relationships it created.
func writeRows(ctx context.Context, s neo4j.SessionWithContext, cypher string, rows []any) (int, error) {
	return neo4j.ExecuteWrite(ctx, s, func(tx neo4j.ManagedTransaction) (int, error) {
		res, err := tx.Run(ctx, cypher, map[string]any{"rows": rows})
		if err != nil {
			return 0, err
		}
		sum, err := res.Consume(ctx)
		if err != nil {
			return 0, err
		}
		return sum.Counters().RelationshipsCreated(), nil
	})
}

// processCPU is the CPU time (user and system) this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
