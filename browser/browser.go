// Package browser holds geokg's look for Neo4j Browser: a GRASS style
// (actors coloured by type, with captions by name; relationships coloured
// by quad class, captioned by type) and saved Cypher queries for
// alliances, rivalries and dyads, embedded so that `geokg browser-style`
// can print them or serve them to the Browser's `:style URL` command.
package browser

import (
	"archive/zip"
	"bytes"
	"embed"
	"io/fs"
	"net/http"
	"path"
	"sort"
	"strings"
)

//go:embed geokg.grass queries/*.cypher
var files embed.FS

// StyleFile is the GRASS file's name.
const StyleFile = "geokg.grass"

// Style returns the GRASS style sheet.
func Style() []byte {
	b, _ := files.ReadFile(StyleFile)
	return b
}

// Query is one saved query: its name (the first comment line, as Neo4j
// Browser shows favourites) and its Cypher.
type Query struct {
	File, Name, Cypher string
}

// Queries returns the saved queries, sorted by file name.
func Queries() []Query {
	entries, _ := fs.ReadDir(files, "queries")
	var out []Query
	for _, e := range entries {
		b, _ := files.ReadFile(path.Join("queries", e.Name()))
		text := string(b)
		name := strings.TrimSuffix(e.Name(), ".cypher")
		if first, _, _ := strings.Cut(text, "\n"); strings.HasPrefix(first, "//") {
			name = strings.TrimSpace(strings.TrimPrefix(first, "//"))
		}
		out = append(out, Query{File: e.Name(), Name: name, Cypher: text})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out
}

// QueriesZip returns the saved queries as a zip (folder geokg), which Neo4j
// Browser imports into Favorites when it is dropped onto its window.
func QueriesZip() ([]byte, error) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, q := range Queries() {
		w, err := z.Create("geokg/" + q.File)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(q.Cypher)); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Handler serves /geokg.grass, /queries.zip and /queries/NAME.cypher with
// CORS headers, so Neo4j Browser (another origin) may fetch them: run
// `:style http://localhost:7475/geokg.grass` in the Browser.
func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /"+StyleFile, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(Style())
	})
	mux.HandleFunc("GET /queries.zip", func(w http.ResponseWriter, _ *http.Request) {
		b, err := QueriesZip()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/zip")
		w.Header().Set("Content-Disposition", `attachment; filename="geokg-queries.zip"`)
		w.Write(b)
	})
	mux.HandleFunc("GET /queries/{file}", func(w http.ResponseWriter, r *http.Request) {
		for _, q := range Queries() {
			if q.File == r.PathValue("file") {
				w.Header().Set("Content-Type", "text/plain; charset=utf-8")
				w.Write([]byte(q.Cypher))
				return
			}
		}
		http.NotFound(w, r)
	})
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		var b strings.Builder
		b.WriteString("geokg for Neo4j Browser\n\nIn the Browser, run:\n  :style <this server>/" + StyleFile +
			"\n\nSaved queries (drop the zip onto the Browser window; they land in Favorites): /queries.zip\n")
		for _, q := range Queries() {
			b.WriteString("  /queries/" + q.File + "  " + q.Name + "\n")
		}
		w.Write([]byte(b.String()))
	})
	return withCORS(mux)
}

// withCORS lets any origin read the responses. Neo4j Browser's fetch
// carries tracing headers (sentry-trace), which makes Chromium send a
// preflight OPTIONS request first: it is answered here, allowing the
// headers asked for, and for a Browser served from another machine, access
// to this private-network address.
func withCORS(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Cache-Control", "no-cache")
		if r.Method != http.MethodOptions || r.Header.Get("Access-Control-Request-Method") == "" {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
		if asked := r.Header.Get("Access-Control-Request-Headers"); asked != "" {
			w.Header().Set("Access-Control-Allow-Headers", asked)
		}
		if r.Header.Get("Access-Control-Request-Private-Network") == "true" {
			w.Header().Set("Access-Control-Allow-Private-Network", "true")
		}
		w.Header().Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
	})
}
