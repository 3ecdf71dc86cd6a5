package graphmodel

import (
	"fmt"

	"github.com/geokg/geokg/schema"
)

// The graph model in Neo4j (docs/graph-model.md explains it with a diagram):
//
//	(:Actor:Country|Person|Organization|Group {id, name, type, aliases, iso3?})
//	(:Article {id, url, title, published, source, path, hash})
//	(:Event {id, type, quad, score, symmetric, modes, asserted, date, date_source?,
//	         date_precision?, evidence,
//	         references?, sentence, cue, claimant, confidence, source, target, article})
//	(source:Actor)-[:ACTOR]->(:Event)-[:RECIPIENT]->(target:Actor)
//	(:Event)-[:REPORTED_IN]->(:Article)
//	(:Actor)-[:SUPPORT|CONSULT|… {events, articles, first, last, quad, score}]->(:Actor)
//	(:Person)-[:AFFILIATED_WITH {role, role_article, first, last, articles}]->(:Actor)
//	(:Actor)-[:MENTIONED_IN {count, role, affiliation}]->(:Article)
//	(:GraphSchema {name: "geokg", version})
//
// Every statement takes its values as parameters ($rows, one map per row,
// built by GraphBatch); none is ever assembled from input text. The only
// relationship types are the fixed ones above and the 16 PLOVER names.

// SchemaVersion is the version of the graph model this code writes. It is
// stored in the (:GraphSchema {name: "geokg"}) node; writers refuse a graph
// whose version is newer than theirs.
const SchemaVersion = 2

// FirstHappeningVersion is the first schema version with one event per
// happening (version 1 had one per sentence): the writer cannot add to a
// graph of an earlier version that holds events, which must be
// re-imported.
const FirstHappeningVersion = 2

// SchemaStatements create the constraints and indexes of the graph model.
// Each is idempotent and must run in its own transaction (Neo4j does not
// mix schema and data changes in one transaction).
var SchemaStatements = []string{
	`CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE`,
	`CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE`,
	`CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:Event) REQUIRE e.id IS UNIQUE`,
	`CREATE CONSTRAINT graph_schema_name IF NOT EXISTS FOR (s:GraphSchema) REQUIRE s.name IS UNIQUE`,
	// Event dates are Neo4j dates, so time windows are range scans.
	`CREATE RANGE INDEX event_date IF NOT EXISTS FOR (e:Event) ON (e.date)`,
	// Recomputing an aggregated edge reads exactly the events of its dyad.
	`CREATE RANGE INDEX event_dyad IF NOT EXISTS FOR (e:Event) ON (e.source, e.target, e.type)`,
	`CREATE RANGE INDEX article_hash IF NOT EXISTS FOR (a:Article) ON (a.hash)`,
	`CREATE RANGE INDEX article_published IF NOT EXISTS FOR (a:Article) ON (a.published)`,
	`CREATE RANGE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name)`,
	`CREATE RANGE INDEX actor_type IF NOT EXISTS FOR (a:Actor) ON (a.type)`,
	// Finds an actor by any surface form: "Moscow", "Putin", "Kremlin".
	`CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.aliases]`,
}

// CypherSetSchemaVersion records the model's version; parameter $version.
const CypherSetSchemaVersion = `MERGE (s:GraphSchema {name: 'geokg'}) SET s.version = $version`

// CypherSchemaVersion reads the recorded version (no row when none is).
const CypherSchemaVersion = `MATCH (s:GraphSchema {name: 'geokg'}) RETURN s.version AS version`

// CypherMergeActors upserts ActorRows. The type (and so the type label) is
// fixed when the actor is first created; the display name is the longest
// one seen (ties: the alphabetically first), and aliases are the sorted
// union of all seen, so the result does not depend on load order. An
// existing actor is written (and so write-locked) only when its name or
// aliases change: loading it again takes no lock that a concurrent
// transaction adding relationships to it would have to wait for.
const CypherMergeActors = `UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a.type = row.type, a.name = row.name, a.aliases = []
WITH a, row,
  CASE WHEN size(row.name) > size(a.name) OR (size(row.name) = size(a.name) AND row.name < a.name) THEN row.name ELSE a.name END AS name,
  reduce(acc = [], x IN a.aliases + row.aliases |
    CASE WHEN x IN acc THEN acc ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END) AS aliases
FOREACH (_ IN CASE WHEN name <> a.name OR aliases <> a.aliases THEN [1] ELSE [] END | SET a.name = name, a.aliases = aliases)
FOREACH (_ IN CASE WHEN row.sector_key > coalesce(a.sector_key, '') THEN [1] ELSE [] END | SET a.sector = row.sector, a.sector_key = row.sector_key)
FOREACH (_ IN CASE WHEN a.type = 'COUNTRY' AND NOT a:Country THEN [1] ELSE [] END | SET a:Country, a.iso3 = a.id)
FOREACH (_ IN CASE WHEN a.type = 'PERSON' AND NOT a:Person THEN [1] ELSE [] END | SET a:Person)
FOREACH (_ IN CASE WHEN a.type = 'ORGANIZATION' AND NOT a:Organization THEN [1] ELSE [] END | SET a:Organization)
FOREACH (_ IN CASE WHEN a.type = 'GROUP' AND NOT a:Group THEN [1] ELSE [] END | SET a:Group)`

// CypherMergeArticles upserts ArticleRows. The content hash is written
// last, by CypherMarkArticlesLoaded, so that it marks a complete load.
const CypherMergeArticles = `UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.url = row.url, a.title = row.title, a.published = date(row.published),
    a.source = row.source, a.path = row.path`

// CypherMergeEvents upserts EventRows — one (:Event) per happening — with
// their ACTOR and RECIPIENT relationships (created with the node: its id
// includes its source, type and target, so they never change) and one
// REPORTED_IN relationship per report, which replace the ones the event
// had. The actors and the articles must exist.
const CypherMergeEvents = "UNWIND $rows AS row\n" + matchSourceTarget + `MERGE (e:Event {id: row.id})
SET ` + eventProperties + `
FOREACH (_ IN CASE WHEN EXISTS { (e)<-[:ACTOR]-() } THEN [] ELSE [1] END |
  CREATE (s)-[:ACTOR]->(e) CREATE (e)-[:RECIPIENT]->(t))
FOREACH (old IN [(e)-[x:REPORTED_IN]->() | x] | DELETE old)` + createReports

// CypherCreateEvents creates EventRows with their ACTOR, RECIPIENT and
// REPORTED_IN relationships without looking for existing ones: what
// CypherMergeEvents does, for events not in the graph.
const CypherCreateEvents = "UNWIND $rows AS row\n" + matchSourceTarget + `CREATE (s)-[:ACTOR]->(e:Event {id: row.id})-[:RECIPIENT]->(t)
SET ` + eventProperties + createReports

// CypherUpdateEvents takes EventRows of events in the graph, sets their
// properties and replaces their REPORTED_IN relationships: the ACTOR and
// RECIPIENT ones stay, as the id fixes the ends.
const CypherUpdateEvents = `UNWIND $rows AS row
MATCH (e:Event {id: row.id})
USING INDEX SEEK e:Event(id)
SET ` + eventProperties + `
FOREACH (old IN [(e)-[x:REPORTED_IN]->() | x] | DELETE old)` + createReports

// CypherDeleteEvents takes IDRows and deletes those events with their
// relationships.
const CypherDeleteEvents = `UNWIND $rows AS row
MATCH (e:Event {id: row.id})
USING INDEX SEEK e:Event(id)
DETACH DELETE e`

// createReports creates the REPORTED_IN relationships of the event e from
// row.reports (reportParams): the report's counts, sentences and evidence
// for Cypher, its date, and the rest of the report as JSON
// (Report.Stored): with the sentences and evidence, the unit the Neo4j
// writer clusters happenings from.
const createReports = `
WITH e, row
UNWIND row.reports AS rep
MATCH (a:Article {id: rep.article})
USING INDEX SEEK a:Article(id)
CREATE (e)-[:REPORTED_IN {mentions: rep.mentions, sentences: rep.sentences, evidence: rep.evidence, date: date(rep.date), report: rep.report}]->(a)`

// matchSourceTarget finds a row's source and target actors.
const matchSourceTarget = `MATCH (s:Actor {id: row.source})
USING INDEX SEEK s:Actor(id)
MATCH (t:Actor {id: row.target})
USING INDEX SEEK t:Actor(id)
`

// eventProperties sets an Event's properties from its EventRow.
const eventProperties = `e.type = row.type, e.quad = row.quad, e.score = row.score, e.symmetric = row.symmetric,
    e.modes = row.modes, e.asserted = row.asserted, e.date = date(row.date),
    e.date_source = row.date_source, e.date_precision = row.date_precision,
    e.evidence = row.evidence, e.references = row.references, e.sentence = row.sentence, e.cue = row.cue,
    e.claimant = row.claimant, e.confidence = row.confidence,
    e.source = row.source, e.target = row.target, e.article = row.article,
    e.mentions = row.mentions, e.articles = row.articles, e.sources = row.sources,
    e.source_state = row.source_state, e.target_state = row.target_state,
    e.source_country = row.source_country, e.target_country = row.target_country,
    e.source_sector = row.source_sector, e.target_sector = row.target_sector,
    e.place = row.place, e.place_text = row.place_text, e.place_kind = row.place_kind,
    e.place_country = row.place_country, e.lat = row.lat, e.lon = row.lon,
    e.location = CASE WHEN row.lat IS NULL THEN null ELSE point({latitude: row.lat, longitude: row.lon}) END`

// CypherLockActors takes IDRows, sorted, and write-locks those actors:
// the Neo4j writer takes the ends of every dyad whose events it
// recomputes before reading their reports, so two loaders never cluster
// one dyad's reports at once.
const CypherLockActors = `UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
USING INDEX SEEK a:Actor(id)
SET a._lock = true
REMOVE a._lock`

// CypherReportedDyads takes IDRows of articles and returns the dyads
// (source, target, type) of the events they report.
const CypherReportedDyads = `UNWIND $rows AS row
MATCH (a:Article {id: row.id})<-[:REPORTED_IN]-(e:Event)
USING INDEX SEEK a:Article(id)
RETURN DISTINCT e.source AS source, e.target AS target, e.type AS type`

// CypherReadReports takes DyadRows and returns the reports of their
// events: the event's id and what ParseStored reads.
const CypherReadReports = `UNWIND $rows AS row
MATCH (e:Event {source: row.source, target: row.target, type: row.type})
USING INDEX SEEK e:Event(source, target, type)
MATCH (e)-[r:REPORTED_IN]->()
RETURN e.id AS id, r.report AS report, r.sentences AS sentences, r.evidence AS evidence`

// CypherMergeMentions upserts MentionRows as MENTIONED_IN relationships.
// An article's mentions are all written in one transaction, so an article
// without any is new and its mentions are created without looking for
// existing ones (MERGE would search the actor's or article's relationships).
const CypherMergeMentions = matchMentionEnds + `WITH x, a, row, EXISTS { (a)<-[:MENTIONED_IN]-() } AS seen
FOREACH (_ IN CASE WHEN seen THEN [] ELSE [1] END |
  CREATE (x)-[:MENTIONED_IN {count: row.count, role: row.role, affiliation: row.affiliation}]->(a))
FOREACH (_ IN CASE WHEN seen THEN [1] ELSE [] END |
  MERGE (x)-[m:MENTIONED_IN]->(a)
  SET m.count = row.count, m.role = row.role, m.affiliation = row.affiliation)`

// CypherCreateMentions creates MentionRows as MENTIONED_IN relationships
// without looking for existing ones: what CypherMergeMentions does, for
// articles that have no mentions yet (see CypherMarkLoadedWithLinks).
const CypherCreateMentions = matchMentionEnds + `CREATE (x)-[:MENTIONED_IN {count: row.count, role: row.role, affiliation: row.affiliation}]->(a)`

// matchMentionEnds finds a MentionRow's actor and article.
const matchMentionEnds = `UNWIND $rows AS row
MATCH (x:Actor {id: row.actor})
USING INDEX SEEK x:Actor(id)
MATCH (a:Article {id: row.article})
USING INDEX SEEK a:Article(id)
`

// CypherDeleteStaleEvents takes ContentRows and deletes the reports an
// article had from an earlier extraction in events it no longer reports,
// and those events when no report is left. It returns the dyads (source,
// target, type) whose aggregated edges must be recomputed. (The Neo4j
// writer instead reclusters every dyad a re-imported article reported.)
const CypherDeleteStaleEvents = `UNWIND $rows AS row
MATCH (a:Article {id: row.article})<-[r:REPORTED_IN]-(e:Event)
USING INDEX SEEK a:Article(id)
WHERE NOT e.id IN row.events
DELETE r
WITH DISTINCT e
WITH e, e.source AS source, e.target AS target, e.type AS type, NOT EXISTS { (e)-[:REPORTED_IN]->() } AS orphan
FOREACH (_ IN CASE WHEN orphan THEN [1] ELSE [] END | DETACH DELETE e)
RETURN DISTINCT source, target, type`

// CypherDeleteStaleMentions takes ContentRows and deletes the MENTIONED_IN
// relationships of actors an article no longer names, and such actors
// themselves when nothing else refers to them. It returns the persons
// whose affiliations must be recomputed.
const CypherDeleteStaleMentions = `UNWIND $rows AS row
MATCH (a:Article {id: row.article})<-[m:MENTIONED_IN]-(x:Actor)
USING INDEX SEEK a:Article(id)
WHERE NOT x.id IN row.actors
DELETE m
WITH DISTINCT x
WITH x, x.id AS id, x:Person AS person,
     NOT EXISTS { (x)-[:MENTIONED_IN]->() } AND NOT EXISTS { (x)-[:ACTOR|RECIPIENT]-(:Event) } AS orphan
FOREACH (_ IN CASE WHEN orphan THEN [1] ELSE [] END | DETACH DELETE x)
WITH id, person, orphan
WHERE person AND NOT orphan
RETURN id`

// recomputeRelations sets the aggregated typed edge of each dyad in row
// (source, target, type, quad, score) from its asserted events that are
// linked to their actors, and deletes it when there are none. Counting
// only linked events keeps it exact while the Neo4j writer pipelines
// batches: an Event node another batch wrote but has not linked yet is
// counted when that batch links it, not before.
// The relationship type is chosen by a fixed branch per PLOVER category,
// never built from data.
const recomputeRelations = "\n" + matchSourceTarget + `OPTIONAL MATCH (e:Event {source: row.source, target: row.target, type: row.type})
USING INDEX SEEK e:Event(source, target, type)
WHERE e.asserted AND EXISTS { (e)<-[:ACTOR]-() }
OPTIONAL MATCH (e)-[rep:REPORTED_IN]->(a:Article)
WITH s, t, row, count(DISTINCT e) AS events, count(DISTINCT a) AS articles, min(e.date) AS first, max(e.date) AS last
FOREACH (_ IN CASE WHEN events > 0 AND row.type = 'AGREE' THEN [1] ELSE [] END | MERGE (s)-[r:AGREE]->(t) SET r.events = events, r.articles = articles, r.first = first, r.last = last, r.quad = row.quad, r.score = row.score)
FOREACH (_ IN CASE WHEN events > 0 AND row.type = 'CONSULT' THEN [1] ELSE [] END | MERGE (s)-[r:CONSULT]->(t) SET r.events = events, r.articles = articles, r.first = first, r.last = last, r.quad = row.quad, r.score = row.score)
FOREACH (_ IN CASE WHEN events > 0 AND row.type = 'SUPPORT' THEN [1] ELSE [] END | MERGE (s)-[r:SUPPORT]->(t) SET r.events = events, r.articles = articles, r.first = first, r.last = last, r.quad = row.quad, r.score = row.score)
FOREACH (_ IN CASE WHEN events > 0 AND row.type = 'CONCEDE' THEN [1] ELSE [] END | MERGE (s)-[r:CONCEDE]->(t) SET r.events = events, r.articles = articles, r.first = first, r.last = last, r.quad = row.quad, r.score = row.score)
FOREACH (_ IN CASE WHEN events > 0 AND row.type = 'COOPERATE' THEN [1] ELSE [] END | MERGE (s)-[r:COOPERATE]->(t) SET r.events = events, r.articles = articles, r.first = first, r.last = last, r.quad = row.quad, r.score = row.score)
FOREACH (_ IN CASE WHEN events > 0 AND row.type = 'AID' THEN [1] ELSE [] END | MERGE (s)-[r:AID]->(t) SET r.events = events, r.articles = articles, r.first = first, r.last = last, r.quad = row.quad, r.score = row.score)
FOREACH (_ IN CASE WHEN events > 0 AND row.type = 'RETREAT' THEN [1] ELSE [] END | MERGE (s)-[r:RETREAT]->(t) SET r.events = events, r.articles = articles, r.first = first, r.last = last, r.quad = row.quad, r.score = row.score)
FOREACH (_ IN CASE WHEN events > 0 AND row.type = 'REQUEST' THEN [1] ELSE [] END | MERGE (s)-[r:REQUEST]->(t) SET r.events = events, r.articles = articles, r.first = first, r.last = last, r.quad = row.quad, r.score = row.score)
FOREACH (_ IN CASE WHEN events > 0 AND row.type = 'ACCUSE' THEN [1] ELSE [] END | MERGE (s)-[r:ACCUSE]->(t) SET r.events = events, r.articles = articles, r.first = first, r.last = last, r.quad = row.quad, r.score = row.score)
FOREACH (_ IN CASE WHEN events > 0 AND row.type = 'REJECT' THEN [1] ELSE [] END | MERGE (s)-[r:REJECT]->(t) SET r.events = events, r.articles = articles, r.first = first, r.last = last, r.quad = row.quad, r.score = row.score)
FOREACH (_ IN CASE WHEN events > 0 AND row.type = 'THREATEN' THEN [1] ELSE [] END | MERGE (s)-[r:THREATEN]->(t) SET r.events = events, r.articles = articles, r.first = first, r.last = last, r.quad = row.quad, r.score = row.score)
FOREACH (_ IN CASE WHEN events > 0 AND row.type = 'PROTEST' THEN [1] ELSE [] END | MERGE (s)-[r:PROTEST]->(t) SET r.events = events, r.articles = articles, r.first = first, r.last = last, r.quad = row.quad, r.score = row.score)
FOREACH (_ IN CASE WHEN events > 0 AND row.type = 'SANCTION' THEN [1] ELSE [] END | MERGE (s)-[r:SANCTION]->(t) SET r.events = events, r.articles = articles, r.first = first, r.last = last, r.quad = row.quad, r.score = row.score)
FOREACH (_ IN CASE WHEN events > 0 AND row.type = 'MOBILIZE' THEN [1] ELSE [] END | MERGE (s)-[r:MOBILIZE]->(t) SET r.events = events, r.articles = articles, r.first = first, r.last = last, r.quad = row.quad, r.score = row.score)
FOREACH (_ IN CASE WHEN events > 0 AND row.type = 'COERCE' THEN [1] ELSE [] END | MERGE (s)-[r:COERCE]->(t) SET r.events = events, r.articles = articles, r.first = first, r.last = last, r.quad = row.quad, r.score = row.score)
FOREACH (_ IN CASE WHEN events > 0 AND row.type = 'ASSAULT' THEN [1] ELSE [] END | MERGE (s)-[r:ASSAULT]->(t) SET r.events = events, r.articles = articles, r.first = first, r.last = last, r.quad = row.quad, r.score = row.score)
WITH s, t, row, events
WHERE events = 0
OPTIONAL MATCH (s)-[r]->(t)
WHERE type(r) = row.type
DELETE r`

// CypherRecomputeRelations takes DyadRows and makes each dyad's aggregated
// typed edge — (source)-[:TYPE {events, articles, first, last, quad,
// score}]->(target) — exactly match its asserted Event nodes.
const CypherRecomputeRelations = `UNWIND $rows AS row` + recomputeRelations

// CypherRecomputeAllRelations recomputes every aggregated typed edge from
// the Event nodes, for sinks that cannot track which dyads a load touched
// (a Cypher script run over an existing graph). It takes no parameters.
const CypherRecomputeAllRelations = `MATCH (s:Actor)-[r:AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT|REQUEST|ACCUSE|REJECT|THREATEN|PROTEST|SANCTION|MOBILIZE|COERCE|ASSAULT]->(t:Actor)
WHERE NOT EXISTS { MATCH (e:Event {source: s.id, target: t.id, type: type(r)}) WHERE e.asserted AND EXISTS { (e)<-[:ACTOR]-() } }
DELETE r
WITH count(*) AS deleted
MATCH (e:Event)
WITH DISTINCT e.source AS source, e.target AS target, e.type AS type, e.quad AS quad, e.score AS score
WITH {source: source, target: target, type: type, quad: quad, score: score} AS row` + recomputeRelations

// CypherSetRelations returns the statement that takes Relation rows
// of one PLOVER type holding a dyad's whole aggregate (RelationsOf over
// all its events) and sets its aggregated typed edge to it, creating the
// edge when the dyad has none: the Neo4j writer knows every event of the
// dyads it reclusters. The type name comes from the fixed PLOVER enum.
func CypherSetRelations(t schema.EventType) (string, error) {
	if !t.Valid() {
		return "", fmt.Errorf("relation type %q is not a PLOVER category", t)
	}
	return "UNWIND $rows AS row\n" + matchSourceTarget + `MERGE (s)-[r:` + string(t) + `]->(t)
SET r.events = row.events, r.articles = row.articles, r.first = date(row.first), r.last = date(row.last),
    r.quad = row.quad, r.score = row.score`, nil
}

// CypherDeleteRelations takes DyadRows and deletes their aggregated typed
// edges: dyads left without asserted events.
const CypherDeleteRelations = "UNWIND $rows AS row\n" + matchSourceTarget + `MATCH (s)-[r]->(t)
WHERE type(r) = row.type
DELETE r`

// widenDates widens the date range [r.first, r.last] of the edge r to
// [row.first, row.last] (YYYY-MM-DD, null when unknown).
const widenDates = `  r.first = CASE WHEN row.first IS NULL OR r.first <= date(row.first) THEN r.first ELSE date(row.first) END,
  r.last = CASE WHEN row.last IS NULL OR r.last >= date(row.last) THEN r.last ELSE date(row.last) END`

// CypherAddToAffiliations takes Affiliations and adds each to its
// AFFILIATED_WITH edge, creating the edge when there is none: the articles
// are counted and the date range widened (which locks the edge before
// anything is read from it), and the role replaced when the row's comes
// from a later article than the edge's (role_article; dated before
// undated, then by id, as CypherRecomputeAffiliations orders them). Only
// for mentions counted for the first time (see GraphBatch.Derived).
const CypherAddToAffiliations = `UNWIND $rows AS row
MATCH (p:Actor {id: row.person})
USING INDEX SEEK p:Actor(id)
MATCH (o:Actor {id: row.org})
USING INDEX SEEK o:Actor(id)
MERGE (p)-[r:AFFILIATED_WITH]->(o)
SET r.articles = coalesce(r.articles, 0) + row.articles,
` + widenDates + `
WITH r, row
WHERE row.role_article IS NOT NULL
OPTIONAL MATCH (ra:Article {id: r.role_article})
USING INDEX SEEK ra:Article(id)
WITH r, row, ra
WHERE r.role_article IS NULL OR coalesce(toString(ra.published), '~') + ' ' + r.role_article < row.role_key
SET r.role = row.role, r.role_article = row.role_article`

// recomputeAffiliations sets the AFFILIATED_WITH edges of the person in
// row.id (looked up as :Actor, whose id has the unique index) from the
// affiliations its MENTIONED_IN relationships record: first and last
// article dates, the number of articles, and the role of
// the latest article that gives one. Existing edges are found with one
// expansion of the person's AFFILIATED_WITH relationships and updated in
// place; only missing ones are merged (a MERGE per edge would search the
// person's or the organization's relationships each time).
const recomputeAffiliations = `
MATCH (p:Actor {id: row.id})
USING INDEX SEEK p:Actor(id)
WHERE p:Person
OPTIONAL MATCH (p)-[m:MENTIONED_IN]->(a)
WHERE m.affiliation IS NOT NULL
WITH p, m, a ORDER BY a.published, a.id
WITH p, m.affiliation AS org, collect(m.role) AS roles, collect(CASE WHEN m.role IS NOT NULL THEN a.id END) AS roleArticles,
  min(a.published) AS first, max(a.published) AS last, count(a) AS articles
WITH p, collect(CASE WHEN org IS NULL THEN null ELSE {org: org, role: roles[-1], roleArticle: roleArticles[-1], first: first, last: last, articles: articles} END) AS affs
WITH p, affs, [x IN affs | x.org] AS orgs, [(p)-[r:AFFILIATED_WITH]->(o) | {org: o.id, r: r}] AS existing
FOREACH (r IN [x IN existing WHERE NOT x.org IN orgs | x.r] | DELETE r)
FOREACH (aff IN affs | FOREACH (r IN [x IN existing WHERE x.org = aff.org | x.r] |
  SET r.role = aff.role, r.role_article = aff.roleArticle, r.first = aff.first, r.last = aff.last, r.articles = aff.articles))
WITH p, [aff IN affs WHERE NOT aff.org IN [x IN existing | x.org]] AS missing
UNWIND missing AS aff
MATCH (o:Actor {id: aff.org})
USING INDEX SEEK o:Actor(id)
MERGE (p)-[r:AFFILIATED_WITH]->(o)
SET r.role = aff.role, r.role_article = aff.roleArticle, r.first = aff.first, r.last = aff.last, r.articles = aff.articles`

// CypherRecomputeAffiliations takes IDRows of persons and makes their
// AFFILIATED_WITH edges match their MENTIONED_IN relationships.
const CypherRecomputeAffiliations = `UNWIND $rows AS row` + recomputeAffiliations

// CypherRecomputeAllAffiliations recomputes every person's AFFILIATED_WITH
// edges; like CypherRecomputeAllRelations it takes no parameters.
const CypherRecomputeAllAffiliations = `MATCH (x:Person)
WITH {id: x.id} AS row` + recomputeAffiliations

// CypherMarkArticlesLoaded takes LoadedRows and records each article's
// content hash, which marks it as completely loaded (see
// CypherLoadedHashes).
const CypherMarkArticlesLoaded = `UNWIND $rows AS row
MATCH (a:Article {id: row.id})
USING INDEX SEEK a:Article(id)
SET a.hash = row.hash`

// CypherMarkLoadedWithLinks takes LoadedRows, does what
// CypherMarkArticlesLoaded does, and returns the ids of the articles that
// have mentions or events linked to their actors. Setting the hash
// write-locks each article before its links are looked for, so the
// answer holds until the transaction ends: only those articles can have
// links and mentions to merge and stale events and mentions to delete.
const CypherMarkLoadedWithLinks = `UNWIND $rows AS row
MATCH (a:Article {id: row.id})
USING INDEX SEEK a:Article(id)
SET a.hash = row.hash
WITH a
WHERE EXISTS { (a)<-[:MENTIONED_IN]-() } OR EXISTS { (a)<-[:REPORTED_IN]-(:Event)<-[:ACTOR]-() }
RETURN a.id AS id`

// CypherLoadedHashes returns which of the content hashes in $hashes belong
// to completely loaded articles, for resuming an import.
const CypherLoadedHashes = `UNWIND $hashes AS h
MATCH (a:Article {hash: h})
RETURN DISTINCT a.hash AS hash`
