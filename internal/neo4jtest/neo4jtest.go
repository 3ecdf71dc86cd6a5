// Package neo4jtest connects geokg's integration tests to a real Neo4j server.
//
// scripts/test starts a throw-away Neo4j Community server with scripts/neo4j
// and exports where it listens (see docs/neo4j.md):
//
//	GEOKG_TEST_NEO4J_URI       Bolt URI, e.g. bolt://127.0.0.1:7687
//	GEOKG_TEST_NEO4J_USERNAME  user (default "neo4j")
//	GEOKG_TEST_NEO4J_PASSWORD  password
//	GEOKG_TEST_NEO4J_CTL       absolute path of scripts/neo4j, for fault tests
//	GEOKG_REQUIRE_NEO4J=1      a missing server fails tests instead of skipping them
//
// Every integration test starts with [Driver]. Neo4j Community has a single
// user database and `go test ./...` runs packages in parallel processes, so
// Driver serialises the tests of all packages with an exclusive flock on a
// shared lock file and wipes the database before handing it out: each test
// owns an empty database until it ends.
//
// Without GEOKG_TEST_NEO4J_URI, Driver skips the test, unless
// GEOKG_REQUIRE_NEO4J=1 or CI is set, when it fails it: CI must never pass by
// skipping the tests that talk to Neo4j.
package neo4jtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// Names of the environment variables this package reads.
const (
	// EnvURI holds the Bolt URI of the test server; unset means "no server".
	EnvURI = "GEOKG_TEST_NEO4J_URI"
	// EnvUsername holds the user to log in as; empty means "neo4j".
	EnvUsername = "GEOKG_TEST_NEO4J_USERNAME"
	// EnvPassword holds the password of that user.
	EnvPassword = "GEOKG_TEST_NEO4J_PASSWORD"
	// EnvCtl holds the absolute path of scripts/neo4j, run by [Ctl].
	EnvCtl = "GEOKG_TEST_NEO4J_CTL"
	// EnvRequire, when "1" (or any value but "", "0" and "false"), makes a
	// missing server fail tests instead of skipping them. So does CI.
	EnvRequire = "GEOKG_REQUIRE_NEO4J"
	// EnvLock overrides the path of the lock file that serialises tests
	// across packages; default os.TempDir()/geokg-neo4j-test.lock.
	EnvLock = "GEOKG_TEST_NEO4J_LOCK"
)

// connectTimeout bounds how long Driver waits for the server to answer
// before it fails the test as unreachable (a variable for this package's
// own test).
var connectTimeout = 20 * time.Second

// Target says where the test server listens and how to log in.
type Target struct {
	URI      string
	Username string
	Password string
}

// TargetFromEnv reads the target from the GEOKG_TEST_NEO4J_* variables.
// ok is false when GEOKG_TEST_NEO4J_URI is unset or empty.
func TargetFromEnv() (target Target, ok bool) {
	target = Target{
		URI:      strings.TrimSpace(os.Getenv(EnvURI)),
		Username: os.Getenv(EnvUsername),
		Password: os.Getenv(EnvPassword),
	}
	if target.Username == "" {
		target.Username = "neo4j"
	}
	return target, target.URI != ""
}

// Required reports whether a missing server must fail tests rather than skip
// them: GEOKG_REQUIRE_NEO4J or CI is set to something other than "", "0" or
// "false".
func Required() bool {
	return truthy(os.Getenv(EnvRequire)) || truthy(os.Getenv("CI"))
}

func truthy(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "0", "false", "no", "off":
		return false
	}
	return true
}

// LockPath returns the path of the lock file shared by every test process:
// $GEOKG_TEST_NEO4J_LOCK, or geokg-neo4j-test.lock in os.TempDir().
func LockPath() string {
	if p := os.Getenv(EnvLock); p != "" {
		return p
	}
	return filepath.Join(os.TempDir(), "geokg-neo4j-test.lock")
}

// Driver returns a driver for the test server, for the calling test alone:
// it holds the cross-package lock until the test (with its subtests) ends,
// the database has been wiped (no nodes, relationships, constraints or
// indexes but Neo4j's built-in token lookup indexes), and the driver is
// closed in t.Cleanup.
//
// When GEOKG_TEST_NEO4J_URI is unset it skips the test, or fails it if
// [Required]. When the server does not answer within 20 seconds it fails the
// test, naming the URI. A subtest may call Driver again while its
// parent holds the lock; it gets its own driver and an empty database (so
// subtests that call Driver must not run in parallel with each other).
func Driver(t testing.TB) neo4j.DriverWithContext {
	t.Helper()
	target, ok := TargetFromEnv()
	if !ok {
		if Required() {
			t.Fatalf("Neo4j required: run scripts/test (%s is unset, and %s=1 or CI is set)", EnvURI, EnvRequire)
		}
		t.Skipf("Neo4j integration test skipped: %s is unset. Run scripts/test, "+
			"or `scripts/neo4j start && eval \"$(scripts/neo4j env)\"` before go test", EnvURI)
	}
	acquire(t)

	drv, err := neo4j.NewDriverWithContext(target.URI,
		neo4j.BasicAuth(target.Username, target.Password, ""),
		func(c *config.Config) {
			c.SocketConnectTimeout = 5 * time.Second
			c.ConnectionAcquisitionTimeout = connectTimeout
		})
	if err != nil {
		t.Fatalf("Neo4j at %s: cannot create driver: %v", target.URI, err)
	}
	t.Cleanup(func() { _ = drv.Close(context.Background()) })

	ctx, cancel := context.WithTimeout(context.Background(), connectTimeout)
	defer cancel()
	if err := verify(ctx, drv); err != nil {
		t.Fatalf("Neo4j at %s (user %q) is unreachable: %v; is it running? (scripts/neo4j status, scripts/neo4j logs)",
			target.URI, target.Username, err)
	}
	cctx, ccancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer ccancel()
	if err := Clean(cctx, drv); err != nil {
		t.Fatalf("Neo4j at %s: cannot wipe the test database: %v", target.URI, err)
	}
	return drv
}

// verify retries VerifyConnectivity until ctx ends, so that a server that is
// still finishing a restart does not fail the test; an authentication error
// is returned at once.
func verify(ctx context.Context, drv neo4j.DriverWithContext) error {
	for {
		err := drv.VerifyConnectivity(ctx)
		if err == nil {
			return nil
		}
		var ne *neo4j.Neo4jError
		if errors.As(err, &ne) && strings.HasPrefix(ne.Code, "Neo.ClientError.Security.") {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// cleanBatch is how many nodes one wiping transaction deletes.
const cleanBatch = 10000

// Clean empties the default database of the server behind driver: it deletes
// every node and relationship in batches, then drops every constraint and
// every index except Neo4j's built-in token lookup indexes, which a new
// database has too.
func Clean(ctx context.Context, driver neo4j.DriverWithContext) error {
	for {
		res, err := neo4j.ExecuteQuery(ctx, driver,
			"MATCH (n) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted",
			map[string]any{"batch": cleanBatch}, neo4j.EagerResultTransformer)
		if err != nil {
			return fmt.Errorf("delete nodes: %w", err)
		}
		if len(res.Records) == 0 {
			break
		}
		n, _ := res.Records[0].Get("deleted")
		if deleted, _ := n.(int64); deleted < cleanBatch {
			break
		}
	}
	if err := dropAll(ctx, driver, "SHOW CONSTRAINTS YIELD name RETURN name", "CONSTRAINT"); err != nil {
		return err
	}
	return dropAll(ctx, driver, "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name", "INDEX")
}

func dropAll(ctx context.Context, driver neo4j.DriverWithContext, show, kind string) error {
	res, err := neo4j.ExecuteQuery(ctx, driver, show, nil, neo4j.EagerResultTransformer)
	if err != nil {
		return fmt.Errorf("list %ss: %w", strings.ToLower(kind), err)
	}
	for _, rec := range res.Records {
		v, _ := rec.Get("name")
		name, _ := v.(string)
		if name == "" {
			continue
		}
		q := "DROP " + kind + " " + quoteName(name) + " IF EXISTS"
		if _, err := neo4j.ExecuteQuery(ctx, driver, q, nil, neo4j.EagerResultTransformer); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}

// quoteName quotes a schema name for Cypher.
func quoteName(name string) string {
	return "`" + strings.ReplaceAll(name, "`", "``") + "`"
}

// Ctl runs `$GEOKG_TEST_NEO4J_CTL action` (scripts/neo4j: "start", "stop",
// "kill", "restart", "status", ...) for fault tests, and fails the test when
// the variable is unset or the command fails. After "stop" or "kill" it
// registers a t.Cleanup that starts the server again, so the tests after it
// find a running server even when this one fails half-way. Call it only
// while holding [Driver]'s lock, i.e. after Driver(t).
func Ctl(t testing.TB, action string) {
	t.Helper()
	ctl := os.Getenv(EnvCtl)
	if ctl == "" {
		t.Fatalf("%s is unset: fault tests must run under scripts/test, which sets it to scripts/neo4j", EnvCtl)
	}
	if err := runCtl(ctl, action, t.Logf); err != nil {
		t.Fatalf("%s %s: %v", ctl, action, err)
	}
	switch action {
	case "stop", "kill":
		t.Cleanup(func() {
			if err := runCtl(ctl, "start", t.Logf); err != nil {
				t.Errorf("restarting Neo4j after %q: %v", action, err)
			}
		})
	}
}

// ctlTimeout bounds one scripts/neo4j call (a start waits for the server).
const ctlTimeout = 5 * time.Minute

func runCtl(ctl, action string, logf func(string, ...any)) error {
	ctx, cancel := context.WithTimeout(context.Background(), ctlTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, ctl, action)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	start := time.Now()
	err := cmd.Run()
	logf("%s %s (%.1fs): %s", filepath.Base(ctl), action, time.Since(start).Seconds(), strings.TrimSpace(out.String()))
	return err
}

// The process-wide half of the lock: tests of one process wait on sem, and a
// subtest of the holder re-enters without waiting (it would deadlock).
var (
	sem     = make(chan struct{}, 1)
	stateMu sync.Mutex
	holder  string // name of the test holding the lock; "" when free
)

// acquire takes the cross-package lock for t until t ends.
func acquire(t testing.TB) {
	t.Helper()
	stateMu.Lock()
	if holder != "" && strings.HasPrefix(t.Name(), holder+"/") {
		stateMu.Unlock()
		return
	}
	stateMu.Unlock()

	select {
	case sem <- struct{}{}:
	default:
		t.Logf("neo4jtest: waiting for another test of this package to finish with Neo4j")
		sem <- struct{}{}
	}
	f, err := lockFile(t)
	if err != nil {
		<-sem
		t.Fatalf("neo4jtest: %v", err)
	}
	stateMu.Lock()
	holder = t.Name()
	stateMu.Unlock()
	t.Cleanup(func() {
		stateMu.Lock()
		holder = ""
		stateMu.Unlock()
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		_ = f.Close()
		<-sem
	})
}

// lockFile opens LockPath and takes an exclusive flock on it, waiting for
// other processes as long as needed.
func lockFile(t testing.TB) (*os.File, error) {
	path := LockPath()
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		return nil, fmt.Errorf("open lock file: %w", err)
	}
	fd := int(f.Fd())
	err = flock(fd, syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		start := time.Now()
		t.Logf("neo4jtest: waiting for %s (another package's integration test is using Neo4j)", path)
		err = flock(fd, syscall.LOCK_EX)
		t.Logf("neo4jtest: got %s after %.1fs", path, time.Since(start).Seconds())
	}
	if err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("flock %s: %w", path, err)
	}
	return f, nil
}

func flock(fd, how int) error {
	for {
		err := syscall.Flock(fd, how)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}
