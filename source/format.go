package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
)

// Formats lists the input formats by name, for --input-format.
var Formats = []string{"text", "markdown", "html", "json", "jsonl", "csv", "tsv", "feed"}

// formats maps a format name to its reader.
var formats = map[string]opener{
	"text":     openText,
	"markdown": openMarkdown,
	"html":     openHTML,
	"json":     openJSON,
	"jsonl":    openJSONL,
	"csv":      openCSV,
	"tsv":      openCSV,
	"feed":     openFeed,
}

// extensions maps a lower-case file extension to its format.
var extensions = map[string]string{
	".txt":      "text",
	".text":     "text",
	".md":       "markdown",
	".markdown": "markdown",
	".html":     "html",
	".htm":      "html",
	".xhtml":    "html",
	".json":     "json",
	".jsonl":    "jsonl",
	".ndjson":   "jsonl",
	".csv":      "csv",
	".tsv":      "tsv",
	".rss":      "feed",
	".atom":     "feed",
	".xml":      "feed",
}

// formatOf returns the format of a file name by its extension, looking
// through a ".gz"; "" when no reader handles it.
func formatOf(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".gz" {
		name = strings.TrimSuffix(name, filepath.Ext(name))
		ext = strings.ToLower(filepath.Ext(name))
	}
	return extensions[ext]
}

// sniffFormat guesses the format of standard input from its first bytes:
// a JSON array or object, a JSON object per line, a feed, an HTML page,
// Markdown front matter, else plain text. CSV cannot be told from text:
// it needs --input-format csv.
func sniffFormat(br *bufio.Reader) string {
	head, _ := br.Peek(64 << 10)
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	switch {
	case len(trimmed) == 0:
		return "text"
	case trimmed[0] == '[':
		return "json"
	case trimmed[0] == '{':
		line, _, _ := bytes.Cut(trimmed, []byte("\n"))
		if json.Valid(bytes.TrimSpace(line)) {
			return "jsonl"
		}
		return "json"
	case trimmed[0] == '<':
		lower := bytes.ToLower(trimmed[:min(len(trimmed), 4096)])
		for _, tag := range []string{"<rss", "<feed", "<rdf:rdf"} {
			if bytes.Contains(lower, []byte(tag)) {
				return "feed"
			}
		}
		return "html"
	case bytes.HasPrefix(trimmed, []byte("---\n")) || bytes.HasPrefix(trimmed, []byte("---\r\n")):
		return "markdown"
	}
	return "text"
}
