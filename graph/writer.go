package graph

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graphmodel"
	"github.com/geokg/geokg/schema"
)

// DefaultBatchSize is the number of events per write transaction when
// Config.BatchSize is 0 (see bench/README.md for the measured curve).
const DefaultBatchSize = 2000

// DefaultRetryTime is how long a transaction is retried on transient
// errors (deadlocks, a restarting server) when Config.RetryTime is 0.
const DefaultRetryTime = 30 * time.Second

// Config says where and how to write: the connection (URI, Username,
// Password, Database, RetryTime; Connect) and the writer. URI is required.
type Config struct {
	// URI is the server: neo4j://, bolt://, and their +s (TLS) and +ssc
	// (TLS, self-signed) variants.
	URI string
	// Username and Password are the credentials; Password is never logged
	// or put in errors.
	Username, Password string
	// Database is the database name; empty means the server's default.
	Database string
	// BatchSize is the number of events per write transaction (a doc is
	// never split); 0 means DefaultBatchSize.
	BatchSize int
	// RetryTime bounds the retries of one transaction on transient errors;
	// 0 means DefaultRetryTime.
	RetryTime time.Duration
	// Graph tunes how docs become rows (e.g. loading unasserted
	// relations).
	Graph graphmodel.GraphOptions
	// Logger receives debug messages per batch and warnings for the
	// relations left out of a doc; nil means none.
	Logger *slog.Logger
}

// Stats counts what a Writer did. Created counts come from the server, so
// re-importing unchanged articles creates nothing.
type Stats struct {
	// Docs, Actors: rows written (merged), not necessarily new. Reports
	// counts the articles' reports of events (graphmodel.Report), Events
	// the events (happenings) created or rewritten: a report can change
	// an event that other articles reported too.
	Docs, Events, Reports, Actors int
	// Transactions counts committed write transactions.
	Transactions int
	// NodesCreated, NodesDeleted, RelationshipsCreated and
	// RelationshipsDeleted are the server's counters.
	NodesCreated, NodesDeleted, RelationshipsCreated, RelationshipsDeleted int
	// PropertiesSet is the server's counter.
	PropertiesSet int
	// Problems counts relations and actors left out of inconsistent docs.
	Problems int
	// Time is the wall time spent per statement and per commit (by
	// name: "actors", "new events", "commit links", …) in committed
	// transactions, summed over batches: where a load's time goes. The
	// actors and content transactions overlap the links transaction.
	Time map[string]time.Duration
}

// Writer loads docs into Neo4j. It is a pipeline sink: WriteBatch buffers
// docs and writes them in transactions of about Config.BatchSize events;
// Close writes the rest. A Writer is not safe for concurrent use.
type Writer struct {
	conn      *Conn
	ownConn   bool // Open made conn: Close closes it
	cfg       Config
	uri       string // redacted
	log       *slog.Logger
	pending   []schema.Doc
	pendingEv int
	stats     Stats
	inflight  *linksJob // the last batch's links transaction, still running
	accepted  int       // docs handed to WriteBatch and buffered
	unwritten string    // the path of the first doc whose batch failed
}

// linksJob is a batch's links transaction (writeLinks) running in the
// background while the caller prepares the next batch and writes its
// actors and content.
type linksJob struct {
	done   chan struct{}
	err    error  // wrapped with the batch's files
	commit func() // adds the batch to the stats, on the caller's goroutine
	first  string // the batch's first doc
}

// Open connects to the server (Connect), checks the credentials and the
// graph schema version, and applies the schema (constraints and indexes)
// when the graph has none or an older one. The Writer owns the connection:
// Close closes it.
func Open(ctx context.Context, cfg Config) (*Writer, error) {
	c, err := Connect(ctx, cfg)
	if err != nil {
		return nil, err
	}
	w, err := NewWriter(ctx, c, cfg)
	if err != nil {
		c.Close(ctx)
		return nil, err
	}
	w.ownConn = true
	return w, nil
}

// NewWriter is a Writer over an open connection, which it leaves open on
// Close. It checks the graph schema version and applies the schema as
// Open does. cfg's connection settings are not used.
func NewWriter(ctx context.Context, c *Conn, cfg Config) (*Writer, error) {
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = DefaultBatchSize
	}
	cfg.RetryTime = orDefault(cfg.RetryTime, DefaultRetryTime)
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	w := &Writer{conn: c, cfg: cfg, uri: c.uri, log: log}
	if err := w.ensureSchema(ctx); err != nil {
		return nil, err
	}
	return w, nil
}

// session opens a session on the configured database.
func (w *Writer) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return w.conn.session(ctx, mode)
}

// retry runs attempt as retryFor says, for Config.RetryTime.
func (w *Writer) retry(ctx context.Context, attempt func() error) error {
	return retryFor(ctx, w.cfg.RetryTime, attempt)
}

// wrapError is the connection's error mapping.
func (w *Writer) wrapError(op string, err error) error { return w.conn.wrap(op, err) }

// ensureSchema applies the schema unless the graph already has this
// version, and refuses graphs written by a newer geokg.
func (w *Writer) ensureSchema(ctx context.Context) error {
	v, err := w.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if v > graphmodel.SchemaVersion {
		return fmt.Errorf("neo4j %s: the graph has schema version %d, newer than this geokg's %d: upgrade geokg", w.uri, v, graphmodel.SchemaVersion)
	}
	if v == graphmodel.SchemaVersion {
		return nil
	}
	if v > 0 && v < graphmodel.FirstHappeningVersion {
		has, err := w.hasEvents(ctx)
		if err != nil {
			return err
		}
		if has {
			return fmt.Errorf("neo4j %s: the graph has schema version %d, one event per sentence; this geokg writes one per happening (version %d) and cannot add to it: re-import the articles into an empty database", w.uri, v, graphmodel.SchemaVersion)
		}
	}
	return w.ApplySchema(ctx)
}

// hasEvents reports whether the graph holds an event.
func (w *Writer) hasEvents(ctx context.Context) (bool, error) {
	s := w.session(ctx, neo4j.AccessModeRead)
	defer s.Close(context.WithoutCancel(ctx))
	has, err := retried(ctx, w, s, neo4j.ExecuteRead, func(tx neo4j.ManagedTransaction) (bool, error) {
		res, err := tx.Run(ctx, `MATCH (e:Event) RETURN e.id LIMIT 1`, nil)
		if err != nil {
			return false, err
		}
		recs, err := res.Collect(ctx)
		return len(recs) > 0, err
	})
	if err != nil {
		return false, w.wrapError("read events", err)
	}
	return has, nil
}

// SchemaVersion returns the graph's recorded schema version, 0 when none.
func (w *Writer) SchemaVersion(ctx context.Context) (int, error) {
	s := w.session(ctx, neo4j.AccessModeRead)
	defer s.Close(context.WithoutCancel(ctx))
	v, err := retried(ctx, w, s, neo4j.ExecuteRead, func(tx neo4j.ManagedTransaction) (int64, error) {
		res, err := tx.Run(ctx, graphmodel.CypherSchemaVersion, nil)
		if err != nil {
			return 0, err
		}
		recs, err := res.Collect(ctx)
		if err != nil || len(recs) == 0 {
			return 0, err
		}
		n, _ := recs[0].Values[0].(int64)
		return n, nil
	})
	if err != nil {
		return 0, w.wrapError("read schema version", err)
	}
	return int(v), nil
}

// ApplySchema creates the constraints and indexes (idempotently), waits
// for the indexes to come online and records the schema version.
func (w *Writer) ApplySchema(ctx context.Context) error {
	s := w.session(ctx, neo4j.AccessModeWrite)
	defer s.Close(context.WithoutCancel(ctx))
	for _, stmt := range graphmodel.SchemaStatements {
		if err := w.runSchema(ctx, s, stmt); err != nil {
			return w.wrapError("apply schema", err)
		}
	}
	if err := w.runSchema(ctx, s, "CALL db.awaitIndexes(300)"); err != nil {
		return w.wrapError("wait for indexes", err)
	}
	_, err := retried(ctx, w, s, neo4j.ExecuteWrite, func(tx neo4j.ManagedTransaction) (bool, error) {
		res, err := tx.Run(ctx, graphmodel.CypherSetSchemaVersion, map[string]any{"version": int64(graphmodel.SchemaVersion)})
		if err != nil {
			return false, err
		}
		_, err = res.Consume(ctx)
		return err == nil, err
	})
	if err != nil {
		return w.wrapError("record schema version", err)
	}
	w.log.Debug("graph schema applied", "version", graphmodel.SchemaVersion)
	return nil
}

// runSchema runs one schema statement in its own managed transaction
// (schema and data changes never share one), so that deadlocks with
// another loader applying the schema at the same time are retried. Two
// loaders racing to create the same index is not an error.
func (w *Writer) runSchema(ctx context.Context, s neo4j.SessionWithContext, stmt string) error {
	_, err := retried(ctx, w, s, neo4j.ExecuteWrite, func(tx neo4j.ManagedTransaction) (bool, error) {
		res, err := tx.Run(ctx, stmt, nil)
		if err != nil {
			return false, err
		}
		_, err = res.Consume(ctx)
		return err == nil, err
	})
	var n4j *neo4j.Neo4jError
	if errors.As(err, &n4j) && strings.Contains(n4j.Code, "EquivalentSchemaRuleAlreadyExists") {
		return nil
	}
	return err
}

// WriteBatch buffers docs and writes every full transaction's worth. The
// last batch's events and relationships are written in the background
// while the next one is prepared; their failure is returned by a later
// WriteBatch, Flush or Close.
func (w *Writer) WriteBatch(ctx context.Context, docs []schema.Doc) error {
	for _, d := range docs {
		w.pending = append(w.pending, d)
		w.pendingEv += len(d.Relations)
		w.accepted++
		if w.pendingEv >= w.cfg.BatchSize || len(w.pending) >= w.cfg.BatchSize {
			if err := w.writePending(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// Flush writes the buffered docs and waits until everything handed to
// the writer is committed.
func (w *Writer) Flush(ctx context.Context) error {
	return cmp.Or(w.writePending(ctx), w.wait())
}

// writePending writes the buffered docs as one batch.
func (w *Writer) writePending(ctx context.Context) error {
	if len(w.pending) == 0 {
		return nil
	}
	err := w.write(ctx, w.pending)
	w.pending, w.pendingEv = w.pending[:0], 0
	return err
}

// wait waits for the links transaction in flight and returns its error.
func (w *Writer) wait() error {
	job := w.inflight
	if job == nil {
		return nil
	}
	<-job.done
	w.inflight = nil
	if job.err != nil {
		w.failedFrom(job.first)
		return job.err
	}
	job.commit()
	return nil
}

// Close writes the buffered docs and, when Open made the connection,
// closes it.
func (w *Writer) Close(ctx context.Context) error {
	err := w.Flush(ctx)
	if !w.ownConn {
		return err
	}
	if cerr := w.conn.Close(ctx); err == nil && cerr != nil {
		err = cerr
	}
	return err
}

// Stats returns what the writer has committed so far; after Flush or
// Close, everything.
func (w *Writer) Stats() Stats { return w.stats }

// Unwritten returns how many of the docs handed to WriteBatch are not
// committed (buffered, in flight, or in a failed batch) and, after a
// failure, the path of the first of them. Batches commit in order, so the
// committed docs are the first Stats().Docs handed over and the others
// follow from that path on.
func (w *Writer) Unwritten() (n int, from string) {
	return w.accepted - w.stats.Docs, w.unwritten
}

// failedFrom notes the first doc of the first batch that failed.
func (w *Writer) failedFrom(path string) {
	if w.unwritten == "" {
		w.unwritten = path
	}
}

// write writes one batch in three transactions. The first two run at
// once and while the previous batch's links transaction is still in
// flight: the actors (an existing one is written, and so locked, only when
// it changes) and the content — the articles, their events as nodes with
// their properties and REPORTED_IN relationships — which locks no actor.
// Then, once the previous batch has committed, the links transaction
// marks the articles loaded, links the events to their actors, writes the
// mentions, deletes what earlier extractions of these articles left
// behind and brings the aggregated edges and affiliations of the touched
// dyads and persons up to date (adding new articles' contributions,
// recomputing the rest: graphmodel.GraphBatch.Derived) — all or nothing, so
// an article is marked exactly when it is complete. It runs in the
// background: write returns once it has started. So the server writes one
// batch's event nodes on one core while it links the previous batch on
// the other, and only one transaction at a time locks actors (two would
// deadlock on them). Every statement is idempotent, so a retried or rerun
// transaction gives the same graph.
func (w *Writer) write(ctx context.Context, docs []schema.Doc) error {
	start := time.Now()
	first, last := docs[0].Path, docs[len(docs)-1].Path
	wrap := func(err error) error {
		return fmt.Errorf("write %d article(s) (%s … %s): %w", len(docs), schema.QuotePath(first), schema.QuotePath(last), err)
	}
	b := graphmodel.NewGraphBatch(docs, w.cfg.Graph)
	for _, p := range b.Problems {
		w.log.Warn(p.Error())
	}
	var wg sync.WaitGroup
	var actorsErr, contentErr error
	var actorCounts, contentCounts counts
	var actorTimes, contentTimes map[string]time.Duration
	wg.Add(2)
	go func() {
		defer wg.Done()
		actorCounts, actorTimes, actorsErr = w.writeTx(ctx, "write actors", "commit actors", func(run runner) error {
			_, err := run("actors", graphmodel.CypherMergeActors, graphmodel.Params(b.Actors))
			return err
		})
	}()
	go func() {
		defer wg.Done()
		contentCounts, contentTimes, contentErr = w.writeContent(ctx, &b)
	}()
	wg.Wait()
	// The previous batch's failure comes first; both node writes fail for
	// the same reason when the server goes away: report one.
	if err := w.wait(); err != nil {
		return err
	}
	if err := cmp.Or(actorsErr, contentErr); err != nil {
		w.failedFrom(first)
		return wrap(err)
	}
	job := &linksJob{done: make(chan struct{}), first: first}
	w.inflight = job
	go func() {
		defer close(job.done)
		linkCounts, linkTimes, events, err := w.writeLinks(ctx, &b)
		if err != nil {
			job.err = wrap(err)
			return
		}
		job.commit = func() {
			if w.stats.Time == nil {
				w.stats.Time = map[string]time.Duration{}
			}
			for _, times := range []map[string]time.Duration{actorTimes, contentTimes, linkTimes} {
				for name, d := range times {
					w.stats.Time[name] += d
				}
			}
			total := actorCounts.add(contentCounts).add(linkCounts)
			w.stats.Docs += len(b.Articles)
			w.stats.Events += events
			w.stats.Reports += len(b.Reports)
			w.stats.Actors += len(b.Actors)
			w.stats.Transactions += 3
			w.stats.NodesCreated += total.nodesCreated
			w.stats.NodesDeleted += total.nodesDeleted
			w.stats.RelationshipsCreated += total.relsCreated
			w.stats.RelationshipsDeleted += total.relsDeleted
			w.stats.PropertiesSet += total.propsSet
			w.stats.Problems += len(b.Problems)
			w.log.Debug("batch written", "articles", len(b.Articles), "events", events, "actors", len(b.Actors),
				"relationships_created", total.relsCreated, "took", time.Since(start).Round(time.Millisecond))
		}
	}()
	return nil
}

// counts are a statement's update counters.
type counts struct {
	nodesCreated, nodesDeleted, relsCreated, relsDeleted, propsSet int
}

func (c counts) add(d counts) counts {
	return counts{c.nodesCreated + d.nodesCreated, c.nodesDeleted + d.nodesDeleted,
		c.relsCreated + d.relsCreated, c.relsDeleted + d.relsDeleted, c.propsSet + d.propsSet}
}

// countersOf reads a result summary's update counters.
func countersOf(s neo4j.ResultSummary) counts {
	c := s.Counters()
	return counts{c.NodesCreated(), c.NodesDeleted(), c.RelationshipsCreated(), c.RelationshipsDeleted(), c.PropertiesSet()}
}

// runner runs one statement of a transaction over rows, adds its
// counters to the transaction's and its time to the named entry.
type runner func(name, cypher string, rows []any) ([]*neo4j.Record, error)

// writeTx runs body in one managed write transaction and returns the
// counters, the time each statement of the committed attempt took, and the
// time of its commit under commitName.
func (w *Writer) writeTx(ctx context.Context, op, commitName string, body func(run runner) error) (counts, map[string]time.Duration, error) {
	s := w.session(ctx, neo4j.AccessModeWrite)
	defer s.Close(context.WithoutCancel(ctx))
	var times map[string]time.Duration
	var statementsDone time.Time
	c, err := retried(ctx, w, s, neo4j.ExecuteWrite, func(tx neo4j.ManagedTransaction) (counts, error) {
		var total counts
		times = map[string]time.Duration{} // the committed attempt's
		defer func() { statementsDone = time.Now() }()
		run := func(name, cypher string, rows []any) ([]*neo4j.Record, error) {
			if len(rows) == 0 {
				return nil, nil
			}
			start := time.Now()
			defer func() { times[name] += time.Since(start) }()
			res, err := tx.Run(ctx, cypher, map[string]any{"rows": rows})
			if err != nil {
				return nil, err
			}
			recs, err := res.Collect(ctx)
			if err != nil {
				return nil, err
			}
			sum, err := res.Consume(ctx)
			if err != nil {
				return nil, err
			}
			total = total.add(countersOf(sum))
			return recs, nil
		}
		return total, body(run)
	})
	if err != nil {
		return c, nil, w.wrapError(op, err)
	}
	times[commitName] = time.Since(statementsDone)
	return c, times, nil
}

// writeContent writes the batch's articles in one transaction. It locks
// no actor.
func (w *Writer) writeContent(ctx context.Context, b *graphmodel.GraphBatch) (counts, map[string]time.Duration, error) {
	return w.writeTx(ctx, "write articles", "commit articles", func(run runner) error {
		// Merging the articles write-locks them (in id order), so another
		// loader writing the same articles waits here.
		_, err := run("articles", graphmodel.CypherMergeArticles, graphmodel.Params(b.Articles))
		return err
	})
}

// writeLinks writes the batch's mentions and events, deletes what earlier
// extractions of its articles left behind and brings the aggregated
// edges and affiliations of the touched dyads and persons up to date, in
// one transaction; it returns the time each statement and the commit
// took.
//
// Events are happenings (graphmodel.Cluster): which reports make one
// depends on the reports other articles gave, so every dyad the batch
// touches — one a batch article reports, or reported before — is
// reclustered: its ends are locked (in id order), its reports read back,
// those of the batch's articles replaced by the batch's, and the
// happenings that changed written. The result is the clustering of all
// the dyad's reports, whatever order they came in.
func (w *Writer) writeLinks(ctx context.Context, b *graphmodel.GraphBatch) (counts, map[string]time.Duration, int, error) {
	// The parameters are built before the transaction, which only sorts
	// them by what it finds: the server waits for none of this.
	loaded := graphmodel.Params(b.Loaded)
	mentions := paramsOf(b.Mentions, graphmodel.MentionRow.Param)
	inBatch := make(map[string]bool, len(b.Articles))
	for _, a := range b.Articles {
		inBatch[a.ID] = true
	}
	var written int
	c, times, err := w.writeTx(ctx, "write events and relationships", "commit links", func(run runner) error {
		// Marking comes first although it commits with the rest: setting the
		// hash write-locks the batch's articles (in id order), so another
		// loader linking the same articles waits here and then sees this
		// one's events and mentions instead of creating them twice. Under
		// those locks: only articles an earlier load wrote have mentions to
		// merge and events to recluster.
		recs, err := run("loaded", graphmodel.CypherMarkLoadedWithLinks, loaded)
		if err != nil {
			return err
		}
		linked := idsOf(recs)
		knownMentions, freshMentions := splitByArticle(b.Mentions, mentions, linked, func(m graphmodel.MentionRow) string { return m.Article })
		if _, err := run("mentions", graphmodel.CypherMergeMentions, knownMentions); err != nil {
			return err
		}
		if _, err := run("new mentions", graphmodel.CypherCreateMentions, freshMentions); err != nil {
			return err
		}
		contents, _ := splitByArticle(b.Contents, graphmodel.Params(b.Contents), linked, func(c graphmodel.ContentRow) string { return c.Article })
		stalePersons, err := run("stale mentions", graphmodel.CypherDeleteStaleMentions, contents)
		if err != nil {
			return err
		}
		var relinked []graphmodel.IDRow
		for id := range linked {
			relinked = append(relinked, graphmodel.IDRow{ID: id})
		}
		slices.SortFunc(relinked, func(x, y graphmodel.IDRow) int { return cmp.Compare(x.ID, y.ID) })
		recs, err = run("reported dyads", graphmodel.CypherReportedDyads, graphmodel.Params(relinked))
		if err != nil {
			return err
		}
		dyads := b.Dyads
		if len(recs) > 0 {
			dyads = slices.Concat(dyads, dyadsOf(recs))
			slices.SortFunc(dyads, compareDyads)
			dyads = slices.Compact(dyads)
		}
		if _, err := run("lock actors", graphmodel.CypherLockActors, graphmodel.Params(endsOf(dyads))); err != nil {
			return err
		}
		recs, err = run("read reports", graphmodel.CypherReadReports, graphmodel.Params(dyads))
		if err != nil {
			return err
		}
		plan, err := planEvents(b, recs, inBatch, w.cfg.Graph.Window())
		if err != nil {
			return err
		}
		written = len(plan.create) + len(plan.update)
		if _, err := run("stale events", graphmodel.CypherDeleteEvents, graphmodel.Params(plan.remove)); err != nil {
			return err
		}
		if _, err := run("events", graphmodel.CypherUpdateEvents, graphmodel.Params(plan.update)); err != nil {
			return err
		}
		if _, err := run("new events", graphmodel.CypherCreateEvents, graphmodel.Params(plan.create)); err != nil {
			return err
		}
		// The edges of the dyads whose events changed are set from all
		// their events, which the clustering has in hand.
		for _, group := range byType(plan.relations) {
			cypher, err := graphmodel.CypherSetRelations(group[0].Type)
			if err != nil {
				return err
			}
			if _, err := run("relations", cypher, graphmodel.Params(group)); err != nil {
				return err
			}
		}
		if _, err := run("stale relations", graphmodel.CypherDeleteRelations, graphmodel.Params(plan.emptied)); err != nil {
			return err
		}
		// Affiliations that only new articles touch take the batch's
		// mentions as increments; the others are recomputed.
		d := b.Derived(func(article string) bool { return !linked[article] }, nil, idRowsOf(stalePersons))
		if _, err := run("affiliations", graphmodel.CypherRecomputeAffiliations, graphmodel.Params(d.Persons)); err != nil {
			return err
		}
		_, err = run("new affiliations", graphmodel.CypherAddToAffiliations, graphmodel.Params(d.AffiliationDeltas))
		return err
	})
	return c, times, written, err
}

// eventPlan is how the events of the dyads a batch touches change.
type eventPlan struct {
	remove         []graphmodel.IDRow
	create, update []graphmodel.EventRow
	// relations are the aggregated edges of the dyads whose events
	// change, emptied those left without asserted events.
	relations []graphmodel.Relation
	emptied   []graphmodel.DyadRow
}

// planEvents clusters the reports the graph holds for the batch's dyads
// (recs, from CypherReadReports; those of the batch's articles are
// replaced by the batch's own) and compares the happenings with the
// graph's events: an event whose reports stay the same is left alone.
func planEvents(b *graphmodel.GraphBatch, recs []*neo4j.Record, inBatch map[string]bool, window int) (eventPlan, error) {
	existing := map[string][]string{} // event id → its reports (Report.JSON)
	dyadOf := map[string]graphmodel.DyadRow{}
	reports := slices.Clone(b.Reports)
	for _, r := range recs {
		id, _ := r.Values[0].(string)
		stored, _ := r.Values[1].(string)
		sentences, evidence := intsOf(r.Values[2]), stringsOf(r.Values[3])
		rep, err := graphmodel.ParseStored(stored, sentences, evidence)
		if err != nil {
			return eventPlan{}, fmt.Errorf("event %s: unreadable report (re-import into an empty database: the graph predates schema version %d): %w", id, graphmodel.SchemaVersion, err)
		}
		existing[id] = append(existing[id], rep.JSON())
		dyadOf[id] = rep.Key.Dyad()
		if !inBatch[rep.Article] {
			reports = append(reports, rep)
		}
	}
	var p eventPlan
	keep := map[string]bool{}
	changed := map[graphmodel.DyadRow]bool{}
	var all []graphmodel.EventRow
	for _, h := range graphmodel.Cluster(reports, window) {
		keep[h.ID] = true
		row := graphmodel.EventRowOf(h)
		all = append(all, row)
		old, ok := existing[h.ID]
		switch {
		case !ok:
			p.create = append(p.create, row)
		case unchanged(old, h):
			continue
		default:
			p.update = append(p.update, row)
		}
		changed[h.Key.Dyad()] = true
	}
	for id := range existing {
		if !keep[id] {
			p.remove = append(p.remove, graphmodel.IDRow{ID: id})
			changed[dyadOf[id]] = true
		}
	}
	for _, r := range graphmodel.RelationsOf(all) {
		d := graphmodel.DyadRow{Source: r.Source, Target: r.Target, Type: r.Type}
		if changed[d] {
			p.relations = append(p.relations, r)
			delete(changed, d)
		}
	}
	for d := range changed {
		p.emptied = append(p.emptied, d)
	}
	slices.SortFunc(p.remove, func(x, y graphmodel.IDRow) int { return cmp.Compare(x.ID, y.ID) })
	slices.SortFunc(p.emptied, compareDyads)
	return p, nil
}

// unchanged reports whether happening h is the event the graph holds
// with the reports old: the same reports, so the same properties. A
// re-imported article that says the same leaves its events alone.
func unchanged(old []string, h graphmodel.Happening) bool {
	if len(old) != len(h.Reports) {
		return false
	}
	for _, r := range h.Reports {
		if !slices.Contains(old, r.JSON()) {
			return false
		}
	}
	return true
}

// compareDyads orders dyads by source, target and type, the order
// graphmodel.GraphBatch sorts them in.
func compareDyads(x, y graphmodel.DyadRow) int {
	return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Target, y.Target), cmp.Compare(x.Type, y.Type))
}

// intsOf reads a list of integers from a record value.
func intsOf(v any) []int {
	l, _ := v.([]any)
	out := make([]int, 0, len(l))
	for _, x := range l {
		n, _ := x.(int64)
		out = append(out, int(n))
	}
	return out
}

// stringsOf reads a list of strings from a record value.
func stringsOf(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

// endsOf returns the actors of dyads, sorted and distinct.
func endsOf(dyads []graphmodel.DyadRow) []graphmodel.IDRow {
	ids := make([]string, 0, 2*len(dyads))
	for _, d := range dyads {
		ids = append(ids, d.Source, d.Target)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	out := make([]graphmodel.IDRow, len(ids))
	for i, id := range ids {
		out[i] = graphmodel.IDRow{ID: id}
	}
	return out
}

// splitByArticle splits params, the parameters of rows, into those whose
// article is among the written ones (to merge: they may exist) and the
// others (to create).
func splitByArticle[R any](rows []R, params []any, written map[string]bool, article func(R) string) (known, fresh []any) {
	for i, r := range rows {
		if written[article(r)] {
			known = append(known, params[i])
		} else {
			fresh = append(fresh, params[i])
		}
	}
	return known, fresh
}

// paramsOf turns rows into statement parameters with param.
func paramsOf[R any](rows []R, param func(R) map[string]any) []any {
	out := make([]any, len(rows))
	for i, r := range rows {
		out[i] = param(r)
	}
	return out
}

// idsOf reads the ids CypherArticlesWithEvents and
// CypherMarkLoadedWithLinks return.
func idsOf(recs []*neo4j.Record) map[string]bool {
	ids := make(map[string]bool, len(recs))
	for _, r := range recs {
		id, _ := r.Values[0].(string)
		ids[id] = true
	}
	return ids
}

// byType groups relation deltas by PLOVER type, keeping their order
// within each type.
func byType(rows []graphmodel.Relation) [][]graphmodel.Relation {
	groups := map[schema.EventType][]graphmodel.Relation{}
	for _, r := range rows {
		groups[r.Type] = append(groups[r.Type], r)
	}
	out := make([][]graphmodel.Relation, 0, len(groups))
	for _, t := range schema.EventTypes {
		if g := groups[t]; len(g) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// dyadsOf reads the dyads CypherDeleteStaleEvents returns.
func dyadsOf(recs []*neo4j.Record) []graphmodel.DyadRow {
	var out []graphmodel.DyadRow
	for _, r := range recs {
		src, _ := r.Values[0].(string)
		tgt, _ := r.Values[1].(string)
		typ, _ := r.Values[2].(string)
		if d := (graphmodel.DyadRow{Source: src, Target: tgt, Type: schema.EventType(typ)}); d.Type.Valid() {
			out = append(out, d)
		}
	}
	return out
}

// idRowsOf reads the ids CypherDeleteStaleMentions returns.
func idRowsOf(recs []*neo4j.Record) []graphmodel.IDRow {
	out := make([]graphmodel.IDRow, 0, len(recs))
	for _, r := range recs {
		id, _ := r.Values[0].(string)
		out = append(out, graphmodel.IDRow{ID: id})
	}
	return out
}
