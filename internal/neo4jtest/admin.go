package neo4jtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// AdminResult is what a neo4j-admin import reported.
type AdminResult struct {
	Nodes, Relationships int
	// Output is neo4j-admin's whole output.
	Output string
}

// importCounts finds the totals in neo4j-admin import's report.
var importCounts = regexp.MustCompile(`Imported:\s+(\d+) nodes\s+(\d+) relationships`)

// AdminImport runs the real `neo4j-admin` of the test server's jars (the
// classpath scripts/neo4j resolved into GEOKG_NEO4J_HOME, default
// <repo>/.neo4j-run) with args, from the folder dir, against a scratch
// Neo4j home of its own: the test server is not touched. It fails the test
// when the command fails or reports bad entries. Without a classpath it
// skips the test, or fails it when Neo4j is Required.
func AdminImport(t testing.TB, dir string, args ...string) AdminResult {
	t.Helper()
	home := os.Getenv("GEOKG_NEO4J_HOME")
	if home == "" {
		_, file, _, _ := runtime.Caller(0)
		home = filepath.Join(filepath.Dir(file), "..", "..", ".neo4j-run")
	}
	cp, err := os.ReadFile(filepath.Join(home, "classpath.txt"))
	if err != nil {
		msg := "no Neo4j classpath (run scripts/neo4j start once, or scripts/test): " + err.Error()
		if Required() {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	scratch := t.TempDir()
	conf := filepath.Join(scratch, "conf")
	if err := os.MkdirAll(conf, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := "server.directories.data=" + filepath.Join(scratch, "data") + "\nserver.directories.logs=" + filepath.Join(scratch, "logs") + "\n"
	if err := os.WriteFile(filepath.Join(conf, "neo4j.conf"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	java := os.Getenv("GEOKG_NEO4J_JAVA")
	if java == "" {
		java = "java"
	}
	jvm := []string{"-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", strings.TrimSpace(string(cp)), "org.neo4j.cli.AdminTool"}
	cmd := exec.Command(java, append(jvm, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NEO4J_HOME="+scratch, "NEO4J_CONF="+conf)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("neo4j-admin %s failed: %v\n%s", strings.Join(args, " "), err, out)
	}
	m := importCounts.FindSubmatch(out)
	if m == nil {
		t.Fatalf("no import counts in neo4j-admin's output:\n%s", out)
	}
	if strings.Contains(string(out), "bad entries") {
		t.Errorf("neo4j-admin reported bad entries:\n%s", out)
	}
	res := AdminResult{Output: string(out)}
	res.Nodes, _ = strconv.Atoi(string(m[1]))
	res.Relationships, _ = strconv.Atoi(string(m[2]))
	return res
}
