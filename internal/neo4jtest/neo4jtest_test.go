package neo4jtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// fakeTB records what the helpers do to a test; Fatalf and Skipf end the
// calling goroutine like the real ones. Methods it does not override panic
// (the embedded interface is nil).
type fakeTB struct {
	testing.TB
	name string

	mu       sync.Mutex
	logs     []string
	failed   bool
	skipped  bool
	msg      string
	cleanups []func()
}

func (f *fakeTB) Helper()      {}
func (f *fakeTB) Name() string { return f.name }
func (f *fakeTB) Logf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.logs = append(f.logs, fmt.Sprintf(format, args...))
}
func (f *fakeTB) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failed, f.msg = true, fmt.Sprintf(format, args...)
}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.Errorf(format, args...)
	runtime.Goexit()
}
func (f *fakeTB) Skipf(format string, args ...any) {
	f.mu.Lock()
	f.skipped, f.msg = true, fmt.Sprintf(format, args...)
	f.mu.Unlock()
	runtime.Goexit()
}
func (f *fakeTB) Cleanup(fn func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cleanups = append(f.cleanups, fn)
}

// finish runs the registered cleanups, last first, like the testing package.
func (f *fakeTB) finish() {
	for {
		f.mu.Lock()
		n := len(f.cleanups)
		if n == 0 {
			f.mu.Unlock()
			return
		}
		fn := f.cleanups[n-1]
		f.cleanups = f.cleanups[:n-1]
		f.mu.Unlock()
		fn()
	}
}

// run calls fn(f) on its own goroutine and waits for it to return or to end
// through Fatalf/Skipf.
func run(f *fakeTB, fn func(testing.TB)) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(f)
	}()
	<-done
}

// unsetNeo4jEnv clears the variables Driver reads, for the duration of t.
func unsetNeo4jEnv(t *testing.T) {
	for _, k := range []string{EnvURI, EnvUsername, EnvPassword, EnvRequire, "CI"} {
		t.Setenv(k, "")
	}
	t.Setenv(EnvLock, filepath.Join(t.TempDir(), "test.lock"))
}

func TestDriverSkipsWithoutURI(t *testing.T) {
	unsetNeo4jEnv(t)
	f := &fakeTB{name: "TestX"}
	run(f, func(tb testing.TB) { Driver(tb) })
	if !f.skipped || f.failed {
		t.Fatalf("skipped=%v failed=%v, want a skip", f.skipped, f.failed)
	}
	if !strings.Contains(f.msg, "scripts/test") || !strings.Contains(f.msg, EnvURI) {
		t.Errorf("skip message %q should say how to run the test", f.msg)
	}
}

func TestDriverFailsWithoutURIWhenRequired(t *testing.T) {
	for _, env := range []string{EnvRequire, "CI"} {
		t.Run(env, func(t *testing.T) {
			unsetNeo4jEnv(t)
			t.Setenv(env, "1")
			f := &fakeTB{name: "TestX"}
			run(f, func(tb testing.TB) { Driver(tb) })
			if !f.failed || f.skipped {
				t.Fatalf("skipped=%v failed=%v, want a failure", f.skipped, f.failed)
			}
			if !strings.Contains(f.msg, "Neo4j required: run scripts/test") {
				t.Errorf("failure message %q", f.msg)
			}
		})
	}
}

func TestDriverFailsWhenUnreachable(t *testing.T) {
	unsetNeo4jEnv(t)
	// A port that nothing listens on.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	uri := "bolt://" + l.Addr().String()
	_ = l.Close()
	t.Setenv(EnvURI, uri)
	old := connectTimeout
	connectTimeout = time.Second
	defer func() { connectTimeout = old }()

	f := &fakeTB{name: "TestX"}
	run(f, func(tb testing.TB) { Driver(tb) })
	f.finish()
	if !f.failed || f.skipped {
		t.Fatalf("skipped=%v failed=%v, want a failure", f.skipped, f.failed)
	}
	if !strings.Contains(f.msg, uri) {
		t.Errorf("failure message %q should name %s", f.msg, uri)
	}
}

func TestRequired(t *testing.T) {
	for _, c := range []struct {
		require, ci string
		want        bool
	}{
		{"", "", false}, {"0", "false", false}, {"1", "", true}, {"", "true", true}, {"false", "1", true},
	} {
		t.Setenv(EnvRequire, c.require)
		t.Setenv("CI", c.ci)
		if got := Required(); got != c.want {
			t.Errorf("Required() with %s=%q CI=%q = %v, want %v", EnvRequire, c.require, c.ci, got, c.want)
		}
	}
}

func TestLockPath(t *testing.T) {
	t.Setenv(EnvLock, "")
	if got, want := LockPath(), filepath.Join(os.TempDir(), "geokg-neo4j-test.lock"); got != want {
		t.Errorf("LockPath() = %q, want %q", got, want)
	}
	t.Setenv(EnvLock, "/tmp/x.lock")
	if got := LockPath(); got != "/tmp/x.lock" {
		t.Errorf("LockPath() = %q with %s set", got, EnvLock)
	}
}

// lockedElsewhere reports whether another open file description would be
// refused the flock, as another test process would.
func lockedElsewhere(t *testing.T) bool {
	t.Helper()
	g, err := os.OpenFile(LockPath(), os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	err = syscall.Flock(int(g.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if err == nil {
		_ = syscall.Flock(int(g.Fd()), syscall.LOCK_UN)
		return false
	}
	if !errors.Is(err, syscall.EWOULDBLOCK) {
		t.Fatal(err)
	}
	return true
}

func TestLockSerializesTests(t *testing.T) {
	unsetNeo4jEnv(t)
	a := &fakeTB{name: "TestA"}
	run(a, acquire)
	if a.failed {
		t.Fatal(a.msg)
	}
	if !lockedElsewhere(t) {
		t.Fatal("lock file is not flocked while a test holds the lock")
	}

	// A subtest of the holder re-enters at once.
	sub := &fakeTB{name: "TestA/sub"}
	run(sub, acquire)
	sub.finish()

	// Another test waits until the holder ends.
	b := &fakeTB{name: "TestB"}
	got := make(chan struct{})
	go func() { run(b, acquire); close(got) }()
	select {
	case <-got:
		t.Fatal("a second test got the lock while the first held it")
	case <-time.After(200 * time.Millisecond):
	}
	a.finish()
	select {
	case <-got:
	case <-time.After(10 * time.Second):
		t.Fatal("the second test did not get the lock after the first ended")
	}
	if !lockedElsewhere(t) {
		t.Fatal("lock file is not flocked while the second test holds the lock")
	}
	b.finish()
	if lockedElsewhere(t) {
		t.Fatal("lock file still flocked after every test ended")
	}
}

func TestCtl(t *testing.T) {
	dir := t.TempDir()
	record := filepath.Join(dir, "actions")
	ctl := filepath.Join(dir, "ctl")
	script := "#!/bin/sh\necho \"$1\" >>" + record + "\necho did \"$1\"\n"
	if err := os.WriteFile(ctl, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv(EnvCtl, ctl)
	f := &fakeTB{name: "TestFault"}
	run(f, func(tb testing.TB) { Ctl(tb, "kill") })
	if f.failed {
		t.Fatal(f.msg)
	}
	f.finish() // restarts the server
	b, err := os.ReadFile(record)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Fields(string(b)); strings.Join(got, ",") != "kill,start" {
		t.Errorf("ctl ran %v, want [kill start]", got)
	}

	t.Setenv(EnvCtl, "")
	f = &fakeTB{name: "TestFault"}
	run(f, func(tb testing.TB) { Ctl(tb, "kill") })
	if !f.failed || !strings.Contains(f.msg, EnvCtl) {
		t.Errorf("Ctl without %s: failed=%v msg=%q", EnvCtl, f.failed, f.msg)
	}
}

func TestQuoteName(t *testing.T) {
	if got := quoteName("a`b c"); got != "`a``b c`" {
		t.Errorf("quoteName = %s", got)
	}
}

// TestCleanEmptiesDatabase talks to the real server.
func TestCleanEmptiesDatabase(t *testing.T) {
	drv := Driver(t)
	ctx := context.Background()
	for _, q := range []string{
		"UNWIND range(1, 12000) AS i CREATE (:Junk {i: i})-[:NEXT]->(:Junk2 {i: i})",
		"CREATE CONSTRAINT junk_i FOR (j:Junk) REQUIRE j.i IS UNIQUE",
		"CREATE INDEX `odd ``name``` FOR (j:Junk2) ON (j.i)",
		"CREATE FULLTEXT INDEX junk_text FOR (j:Junk) ON EACH [j.text]",
	} {
		if _, err := neo4j.ExecuteQuery(ctx, drv, q, nil, neo4j.EagerResultTransformer); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := Clean(ctx, drv); err != nil {
		t.Fatal(err)
	}
	count := func(q string) int64 {
		t.Helper()
		res, err := neo4j.ExecuteQuery(ctx, drv, q, nil, neo4j.EagerResultTransformer)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		v, _ := res.Records[0].Get("n")
		return v.(int64)
	}
	if n := count("MATCH (n) RETURN count(n) AS n"); n != 0 {
		t.Errorf("%d nodes left", n)
	}
	if n := count("MATCH ()-[r]->() RETURN count(r) AS n"); n != 0 {
		t.Errorf("%d relationships left", n)
	}
	if n := count("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n"); n != 0 {
		t.Errorf("%d constraints left", n)
	}
	if n := count("SHOW INDEXES YIELD type WHERE type <> 'LOOKUP' RETURN count(*) AS n"); n != 0 {
		t.Errorf("%d indexes left", n)
	}
}
