package export_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/export/admincsv"
	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/internal/neo4jtest"
)

// TestAdminCSVImportsWithNeo4jAdmin runs the real `neo4j-admin database
// import full` (from the test server's jars) on the exported files into a
// scratch Neo4j home and checks the counts it reports.
func TestAdminCSVImportsWithNeo4jAdmin(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "csv")
	st, err := export.WriteAdminCSV(context.Background(), dir, fixtureSource(t), graphdata.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	res := neo4jtest.AdminImport(t, dir, admincsv.ImportArgs(dir, "neo4j")...)
	// Nodes: actors, articles, events and the schema node. Relationships:
	// ACTOR and RECIPIENT per event, REPORTED_IN per report, the aggregated edges,
	// 21 MENTIONED_IN (6+5+6+4 actors) and 3 AFFILIATED_WITH.
	wantNodes := st.Actors + st.Articles + st.Events + 1
	reports := 0
	if err := fixtureSource(t).Events(context.Background(), graphdata.Filter{}, func(e graphdata.Event) error {
		reports += len(e.Reports)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	wantRels := 2*st.Events + reports + st.Relations + 21 + 3
	if res.Nodes != wantNodes || res.Relationships != wantRels {
		t.Errorf("neo4j-admin imported %d nodes and %d relationships, want %d and %d\n%s",
			res.Nodes, res.Relationships, wantNodes, wantRels, res.Output)
	}
}
