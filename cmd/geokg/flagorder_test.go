package main

import (
	"io"
	"slices"
	"strings"
	"testing"
)

func TestHoistFlags(t *testing.T) {
	app := newApp(newFactory(streams{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}))
	tests := []struct {
		name, in, want string
	}{
		{"flags first stay", "geokg import --out g news", "geokg import --out g news"},
		{"value flag after args", "geokg import news --out g", "geokg import --out g news"},
		{"bool flag after args", "geokg import news more --dry-run", "geokg import --dry-run news more"},
		{"flag=value", "geokg extract a.txt --format=jsonl", "geokg extract --format=jsonl a.txt"},
		{"stdin dash is an argument", "geokg extract - -j 1", "geokg extract -j 1 -"},
		{"double dash keeps arguments", "geokg extract -j 1 -- -odd.txt", "geokg extract -j 1 -- -odd.txt"},
		{"subcommand", "geokg query allies Assad --json", "geokg query allies --json Assad"},
		{"unknown command untouched", "geokg frobnicate x --y", "geokg frobnicate x --y"},
		{"global flag only", "geokg --version", "geokg --version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := hoistFlags(app, strings.Fields(tt.in))
			if want := strings.Fields(tt.want); !slices.Equal(got, want) {
				t.Errorf("hoistFlags(%q) = %q, want %q", tt.in, got, want)
			}
		})
	}
}
