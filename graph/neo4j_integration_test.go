package graph_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/internal/neo4jtest"
)

// TestNeo4jRoundTrip is the first test against the real server: schema,
// write, read back, and a uniqueness violation with Neo4j's own error code.
func TestNeo4jRoundTrip(t *testing.T) {
	drv := neo4jtest.Driver(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	info, err := drv.GetServerInfo(ctx)
	if err != nil {
		t.Fatalf("server info: %v", err)
	}
	comp, err := neo4j.ExecuteQuery(ctx, drv,
		"CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition",
		nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatalf("dbms.components: %v", err)
	}
	for _, rec := range comp.Records {
		name, _ := rec.Get("name")
		version, _ := rec.Get("version")
		edition, _ := rec.Get("edition")
		t.Logf("talking to %v %v (%v edition) at %s, agent %s, Bolt %d.%d",
			name, version, edition, info.Address(), info.Agent(),
			info.ProtocolVersion().Major, info.ProtocolVersion().Minor)
	}

	run := func(q string, params map[string]any) (*neo4j.EagerResult, error) {
		return neo4j.ExecuteQuery(ctx, drv, q, params, neo4j.EagerResultTransformer)
	}
	if _, err := run("CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE", nil); err != nil {
		t.Fatalf("create constraint: %v", err)
	}
	params := map[string]any{"id": "a-1", "title": "Talks resume in Geneva", "at": time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)}
	res, err := run("CREATE (a:Article {id: $id, title: $title, published: $at}) RETURN elementId(a) AS eid", params)
	if err != nil {
		t.Fatalf("create node: %v", err)
	}
	if len(res.Records) != 1 || res.Summary.Counters().NodesCreated() != 1 {
		t.Fatalf("create returned %d records, %d nodes created", len(res.Records), res.Summary.Counters().NodesCreated())
	}

	res, err = run("MATCH (a:Article {id: $id}) RETURN a", map[string]any{"id": "a-1"})
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	if len(res.Records) != 1 {
		t.Fatalf("read back %d records, want 1", len(res.Records))
	}
	node, _, err := neo4j.GetRecordValue[neo4j.Node](res.Records[0], "a")
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	if got := node.Props["title"]; got != params["title"] {
		t.Errorf("title = %v, want %v", got, params["title"])
	}
	if got, ok := node.Props["published"].(time.Time); !ok || !got.Equal(params["at"].(time.Time)) {
		t.Errorf("published = %#v, want %v", node.Props["published"], params["at"])
	}
	if len(node.Labels) != 1 || node.Labels[0] != "Article" {
		t.Errorf("labels = %v, want [Article]", node.Labels)
	}

	_, err = run("CREATE (a:Article {id: $id, title: 'duplicate'})", map[string]any{"id": "a-1"})
	var nerr *neo4j.Neo4jError
	switch {
	case err == nil:
		t.Fatal("a second Article with the same id was accepted despite the uniqueness constraint")
	case !errors.As(err, &nerr):
		t.Fatalf("duplicate: got %T %v, want a *neo4j.Neo4jError", err, err)
	case nerr.Code != "Neo.ClientError.Schema.ConstraintValidationFailed":
		t.Fatalf("duplicate: code %s (%s), want Neo.ClientError.Schema.ConstraintValidationFailed", nerr.Code, nerr.Msg)
	}
	t.Logf("duplicate rejected: %s", nerr.Code)

	res, err = run("MATCH (a:Article) RETURN count(a) AS n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if n, _, _ := neo4j.GetRecordValue[int64](res.Records[0], "n"); n != 1 {
		t.Errorf("%d Article nodes after the rejected duplicate, want 1", n)
	}
}

// TestNeo4jRejectsWrongPassword checks that the test server runs with
// authentication on: a wrong password is refused with Neo4j's code.
func TestNeo4jRejectsWrongPassword(t *testing.T) {
	neo4jtest.Driver(t) // server is up; we hold the lock
	target, _ := neo4jtest.TargetFromEnv()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	bad, err := neo4j.NewDriverWithContext(target.URI, neo4j.BasicAuth(target.Username, target.Password+"-wrong", ""))
	if err != nil {
		t.Fatal(err)
	}
	defer bad.Close(ctx)
	err = bad.VerifyConnectivity(ctx)
	var nerr *neo4j.Neo4jError
	switch {
	case err == nil:
		t.Fatal("server accepted a wrong password: is authentication disabled?")
	case !errors.As(err, &nerr):
		t.Fatalf("wrong password: got %T %v, want a *neo4j.Neo4jError", err, err)
	case nerr.Code != "Neo.ClientError.Security.Unauthorized":
		t.Fatalf("wrong password: code %s (%s), want Neo.ClientError.Security.Unauthorized", nerr.Code, nerr.Msg)
	}
	t.Logf("wrong password rejected: %s", nerr.Code)
}
