package neo4jtest

import (
	"fmt"
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
	cp := classpath(t)
	scratch := t.TempDir()
	conf := filepath.Join(scratch, "conf")
	if err := os.MkdirAll(conf, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := "server.directories.data=" + filepath.Join(scratch, "data") + "\nserver.directories.logs=" + filepath.Join(scratch, "logs") + "\n"
	if err := os.WriteFile(filepath.Join(conf, "neo4j.conf"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return runAdmin(t, cp, dir, scratch, conf, args)
}

// AdminImportIntoServer runs the real `neo4j-admin` with args, from the
// folder dir, against the test server's own home, so that an import into
// its default database ("neo4j", with --overwrite-destination) can be read
// back through Driver: it stops the server, imports and starts it again.
// Call it only while holding [Driver]'s lock, i.e. after Driver(t).
func AdminImportIntoServer(t testing.TB, dir string, args ...string) AdminResult {
	t.Helper()
	cp := classpath(t)
	home := runHome()
	conf := filepath.Join(home, "conf")
	Ctl(t, "stop")
	res, err := admin(cp, dir, home, conf, args)
	if err != nil {
		// A failed import leaves a database the server cannot start:
		// replace it with an empty one, so the tests after this one find
		// a working server.
		empty := t.TempDir()
		if werr := os.WriteFile(filepath.Join(empty, "empty.csv"), []byte("id:ID\n"), 0o644); werr != nil {
			t.Error(werr)
		}
		if _, rerr := admin(cp, empty, home, conf, []string{"database", "import", "full", "neo4j", "--overwrite-destination", "--nodes=empty.csv"}); rerr != nil {
			t.Errorf("emptying the database after a failed import: %v", rerr)
		}
		Ctl(t, "start")
		t.Fatal(err)
	}
	Ctl(t, "start")
	if strings.Contains(res.Output, "bad entries") {
		t.Errorf("neo4j-admin reported bad entries:\n%s", res.Output)
	}
	return res
}

// runHome is the test server's run folder.
func runHome() string {
	if home := os.Getenv("GEOKG_NEO4J_HOME"); home != "" {
		return home
	}
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", ".neo4j-run")
}

// classpath reads the Neo4j classpath scripts/neo4j resolved. Without one
// it skips the test, or fails it when Neo4j is Required.
func classpath(t testing.TB) string {
	t.Helper()
	cp, err := os.ReadFile(filepath.Join(runHome(), "classpath.txt"))
	if err != nil {
		msg := "no Neo4j classpath (run scripts/neo4j start once, or scripts/test): " + err.Error()
		if Required() {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return strings.TrimSpace(string(cp))
}

// runAdmin runs neo4j-admin with the Neo4j home and configuration folder
// given and reads the counts of its import report; it fails the test when
// the command fails.
func runAdmin(t testing.TB, cp, dir, home, conf string, args []string) AdminResult {
	t.Helper()
	res, err := admin(cp, dir, home, conf, args)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(res.Output, "bad entries") {
		t.Errorf("neo4j-admin reported bad entries:\n%s", res.Output)
	}
	return res
}

// admin runs neo4j-admin and reads the counts of its import report.
func admin(cp, dir, home, conf string, args []string) (AdminResult, error) {
	java := os.Getenv("GEOKG_NEO4J_JAVA")
	if java == "" {
		java = "java"
	}
	jvm := []string{"-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", cp, "org.neo4j.cli.AdminTool"}
	cmd := exec.Command(java, append(jvm, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NEO4J_HOME="+home, "NEO4J_CONF="+conf)
	out, err := cmd.CombinedOutput()
	res := AdminResult{Output: string(out)}
	if err != nil {
		return res, fmt.Errorf("neo4j-admin %s failed: %v\n%s", strings.Join(args, " "), err, out)
	}
	m := importCounts.FindSubmatch(out)
	if m == nil {
		return res, fmt.Errorf("no import counts in neo4j-admin's output:\n%s", out)
	}
	res.Nodes, _ = strconv.Atoi(string(m[1]))
	res.Relationships, _ = strconv.Atoi(string(m[2]))
	return res, nil
}
