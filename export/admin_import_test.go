package export_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/graphdata"
)

// neo4jClasspath finds the classpath scripts/neo4j resolved for the test
// server (it holds neo4j-admin), or "" when there is none.
func neo4jClasspath() string {
	home := os.Getenv("GEOKG_NEO4J_HOME")
	if home == "" {
		_, file, _, _ := runtime.Caller(0)
		home = filepath.Join(filepath.Dir(file), "..", ".neo4j-run")
	}
	b, err := os.ReadFile(filepath.Join(home, "classpath.txt"))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// TestAdminCSVImportsWithNeo4jAdmin runs the real `neo4j-admin database
// import full` (from the test server's jars) on the exported files into a
// scratch Neo4j home and checks the counts it reports.
func TestAdminCSVImportsWithNeo4jAdmin(t *testing.T) {
	cp := neo4jClasspath()
	java := os.Getenv("GEOKG_NEO4J_JAVA")
	if java == "" {
		java = "java"
	}
	if cp == "" {
		msg := "no Neo4j classpath (run scripts/neo4j start once, or scripts/test)"
		if os.Getenv("GEOKG_REQUIRE_NEO4J") == "1" || os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	dir := t.TempDir()
	st, err := export.WriteAdminCSV(context.Background(), filepath.Join(dir, "csv"), fixtureSource(t), graphdata.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	home := filepath.Join(dir, "home")
	conf := filepath.Join(home, "conf")
	if err := os.MkdirAll(conf, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := "server.directories.data=" + filepath.Join(home, "data") + "\nserver.directories.logs=" + filepath.Join(home, "logs") + "\n"
	if err := os.WriteFile(filepath.Join(conf, "neo4j.conf"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", cp, "org.neo4j.cli.AdminTool"}, export.AdminImportArgs(filepath.Join(dir, "csv"), "neo4j")...)
	cmd := exec.Command(java, args...)
	cmd.Env = append(os.Environ(), "NEO4J_HOME="+home, "NEO4J_CONF="+conf)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("neo4j-admin import failed: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`Imported:\s+(\d+) nodes\s+(\d+) relationships`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("no import counts in neo4j-admin's output:\n%s", out)
	}
	nodes, _ := strconv.Atoi(string(m[1]))
	rels, _ := strconv.Atoi(string(m[2]))
	// Nodes: actors, articles, events and the schema node. Relationships:
	// ACTOR, RECIPIENT and REPORTED_IN per event, the aggregated edges,
	// 21 MENTIONED_IN (6+5+6+4 actors) and 3 AFFILIATED_WITH.
	wantNodes := st.Actors + st.Articles + st.Events + 1
	wantRels := 3*st.Events + st.Relations + 21 + 3
	if nodes != wantNodes || rels != wantRels {
		t.Errorf("neo4j-admin imported %d nodes and %d relationships, want %d and %d\n%s", nodes, rels, wantNodes, wantRels, out)
	}
	if strings.Contains(string(out), "bad entries") {
		t.Errorf("neo4j-admin reported bad entries:\n%s", out)
	}
}
