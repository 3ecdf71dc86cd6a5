package source

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchBody is a news-sized text (about 3 KB) written for the benchmark.
var benchBody = strings.Repeat("The foreign ministers of Russia and Turkey met in Moscow on Tuesday to discuss the war in Syria. ", 32)

// BenchmarkReader reads 1,000 articles in each format, to compare the
// formats' overhead against plain text files in the same run.
func BenchmarkReader(b *testing.B) {
	const n = 1000
	dir := b.TempDir()
	var jsonl, csv strings.Builder
	csv.WriteString("title,text,url\n")
	textDir := filepath.Join(dir, "text")
	os.MkdirAll(textDir, 0o755)
	for i := range n {
		fmt.Fprintf(&jsonl, `{"title":"Report %d","text":%q,"url":"https://b.example/%d"}`+"\n", i, benchBody, i)
		fmt.Fprintf(&csv, "Report %d,%q,https://b.example/%d\n", i, benchBody, i)
		os.WriteFile(filepath.Join(textDir, fmt.Sprintf("%04d.txt", i)), fmt.Appendf(nil, "Report %d\n\n%s", i, benchBody), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(jsonl.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "a.csv"), []byte(csv.String()), 0o644)
	for _, tc := range []struct{ name, path string }{
		{"text-files", textDir},
		{"jsonl", filepath.Join(dir, "a.jsonl")},
		{"csv", filepath.Join(dir, "a.csv")},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				r := NewReader(tc.path)
				count := 0
				for {
					_, err := r.Next(context.Background())
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					count++
				}
				if count != n {
					b.Fatalf("read %d articles", count)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
