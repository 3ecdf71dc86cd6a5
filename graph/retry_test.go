package graph_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/neo4jtest"
)

// proxy forwards TCP connections to a server until cut, after which the
// server looks dead: open connections drop and new ones are refused.
type proxy struct {
	ln    net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

func startProxy(t *testing.T, target string) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, s)
			p.mu.Unlock()
			go func() { io.Copy(s, c); s.Close() }()
			go func() { io.Copy(c, s); c.Close() }()
		}
	}()
	t.Cleanup(p.cut)
	return p
}

// cut kills the proxy's listener and connections.
func (p *proxy) cut() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// TestRetryTimeBoundsGiveUp cuts the connection to the server in the
// middle of a load: the writer retries for Config.RetryTime and then
// fails, not up to twice as late (the driver's own retries pause 2, 4, 8…
// seconds, the last one starting just before the time is up), and says
// which docs were not written.
func TestRetryTimeBoundsGiveUp(t *testing.T) {
	neo4jtest.Driver(t)
	ctx := context.Background()
	cfg := testConfig(t)
	u, err := url.Parse(cfg.URI)
	if err != nil {
		t.Fatal(err)
	}
	p := startProxy(t, u.Host)
	cfg.URI = "bolt://" + p.ln.Addr().String()
	cfg.RetryTime = 3 * time.Second
	cfg.BatchSize = 50
	w, err := graph.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		start := time.Now()
		w.Close(ctx)
		t.Logf("closed in %.1fs", time.Since(start).Seconds())
	}()
	docs := syntheticDocs(150, 40)
	if err := w.WriteBatch(ctx, docs[:50]); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	p.cut()
	start := time.Now()
	err = w.WriteBatch(ctx, docs[50:120])
	if err == nil {
		err = w.Flush(ctx)
	}
	took := time.Since(start)
	t.Logf("gave up after %.1fs: %v", took.Seconds(), err)
	if !errors.Is(err, graph.ErrUnavailable) {
		t.Fatalf("err = %v, want the server unavailable", err)
	}
	if took < cfg.RetryTime-time.Second/2 || took > cfg.RetryTime+1500*time.Millisecond {
		t.Errorf("gave up after %.1fs; the retry time is %s", took.Seconds(), cfg.RetryTime)
	}
	if got := w.Stats().Docs; got != 50 {
		t.Errorf("Stats().Docs = %d, want the 50 committed", got)
	}
	if n, from := w.Unwritten(); n < 1 || n > 70 || from != docs[50].Path {
		t.Errorf("Unwritten() = %d, %q; want 1 to 70 docs from %q", n, from, docs[50].Path)
	}
}
