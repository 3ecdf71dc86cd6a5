package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/geokg/geokg/schema"
)

// lineHandler writes one plain line per record for people reading a
// terminal or a log file: "geokg: error: news.jsonl:12: invalid JSON",
// then the attributes as key=value. slog's text handler would add a
// timestamp and quote the message, escaping the quotes that error
// messages contain.
type lineHandler struct {
	w     io.Writer
	mu    *sync.Mutex
	level slog.Leveler
	attrs string // preformatted attributes added with WithAttrs
}

// newLineLogger returns a logger writing lines to w at or above level.
func newLineLogger(w io.Writer, level slog.Leveler) *slog.Logger {
	return slog.New(&lineHandler{w: w, mu: &sync.Mutex{}, level: level})
}

func (h *lineHandler) Enabled(_ context.Context, l slog.Level) bool { return l >= h.level.Level() }

func (h *lineHandler) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	b.WriteString("geokg: ")
	switch {
	case r.Level >= slog.LevelError:
		b.WriteString("error: ")
	case r.Level >= slog.LevelWarn:
		b.WriteString("warning: ")
	}
	writeEscaped(&b, r.Message)
	b.WriteString(h.attrs)
	r.Attrs(func(a slog.Attr) bool {
		writeAttr(&b, a)
		return true
	})
	b.WriteByte('\n')
	h.mu.Lock()
	defer h.mu.Unlock()
	_, err := io.WriteString(h.w, b.String())
	return err
}

func (h *lineHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	var b strings.Builder
	for _, a := range attrs {
		writeAttr(&b, a)
	}
	h2 := *h
	h2.attrs += b.String()
	return &h2
}

func (h *lineHandler) WithGroup(string) slog.Handler { return h }

// writeEscaped writes a message with its control characters and invalid
// bytes Go-escaped: whatever a message quotes (a file name, a server's
// error), it stays one line and sends the terminal no escape sequence.
func writeEscaped(b *strings.Builder, msg string) {
	for i, w := 0, 0; i < len(msg); i += w {
		r, size := utf8.DecodeRuneInString(msg[i:])
		w = size
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(b, `\x%02x`, msg[i])
		case r != '\t' && unicode.IsControl(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(msg[i : i+size])
		}
	}
}

func writeAttr(b *strings.Builder, a slog.Attr) {
	v := a.Value.Resolve().String()
	if strings.ContainsAny(v, " \t\"=") || schema.QuotePath(v) != v {
		v = fmt.Sprintf("%q", v)
	}
	fmt.Fprintf(b, " %s=%s", a.Key, v)
}
