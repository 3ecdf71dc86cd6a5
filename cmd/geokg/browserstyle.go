package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/geokg/geokg/browser"
)

// browserStyleOptions are the settings of `geokg browser-style`.
type browserStyleOptions struct {
	Serve   bool
	Addr    string
	Queries bool
}

func newBrowserStyleCmd(f *factory) *cli.Command {
	opts := &browserStyleOptions{}
	return &cli.Command{
		Name:  "browser-style",
		Usage: "print or serve geokg's Neo4j Browser style and saved queries",
		Description: `Without flags, prints the GRASS style sheet (save it and drag it onto the
Browser window). With --serve, serves it over HTTP with CORS, so that in
Neo4j Browser
   :style http://localhost:7475/geokg.grass
loads it (the Browser fetches styles only from allowlisted hosts, by
default localhost: keep localhost in the URL); http://localhost:7475/queries.zip
holds the saved queries (drop the zip onto the Browser window: they land in
Favorites, folder geokg). --queries prints the saved queries instead.
Step by step: docs/browser.md.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "serve", Destination: &opts.Serve, Usage: "serve the style and queries over HTTP until interrupted"},
			&cli.StringFlag{Name: "addr", Value: "localhost:7475", Destination: &opts.Addr, Usage: "`HOST:PORT` to serve on"},
			&cli.BoolFlag{Name: "queries", Destination: &opts.Queries, Usage: "print the saved queries"},
		},
		Action: func(c *cli.Context) error { return runBrowserStyle(c.Context, f, opts) },
	}
}

func runBrowserStyle(ctx context.Context, f *factory, opts *browserStyleOptions) error {
	io := f.IO
	if !opts.Serve {
		if opts.Queries {
			for _, q := range browser.Queries() {
				fmt.Fprintln(io.Out, q.Cypher)
			}
			return nil
		}
		_, err := io.Out.Write(browser.Style())
		return err
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("browser-style: listen on %s: %w", opts.Addr, err)
	}
	srv := &http.Server{Handler: browser.Handler(), ReadHeaderTimeout: 10 * time.Second}
	url := serveURL(opts.Addr, ln.Addr())
	fmt.Fprintf(io.Err, "geokg: serving the Neo4j Browser style at %s/%s\n", url, browser.StyleFile)
	fmt.Fprintf(io.Err, "geokg: in Neo4j Browser run   :style %s/%s\n", url, browser.StyleFile)
	fmt.Fprintf(io.Err, "geokg: saved queries: %s/queries.zip (Ctrl-C stops)\n", url)
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("browser-style: %w", err)
	}
	return nil
}

// serveURL is the address to give Neo4j Browser: it fetches styles only
// from hosts it allows, and it allows "localhost" by default but not a
// loopback IP, so a loopback listener is named localhost; a host named in
// --addr is kept. The port is the listener's (--addr may say :0).
func serveURL(addr string, ln net.Addr) string {
	host, _, _ := net.SplitHostPort(addr)
	_, port, _ := net.SplitHostPort(ln.String())
	if ip := net.ParseIP(host); host == "" || ip != nil && (ip.IsLoopback() || ip.IsUnspecified()) {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}
