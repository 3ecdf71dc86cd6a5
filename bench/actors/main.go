// Command actors benchmarks geokg's extraction against prose's own
// pipeline on one core, over the dev articles repeated to a corpus of N
// articles, and reports peak RSS as the corpus grows.
//
//	GOMAXPROCS=1 go run ./bench/actors -n 5000 ../shared/eval/dev
//
// The rates are given per wall-clock second and per CPU second of the
// process (the machines are shared, so CPU time is the steadier figure);
// the ratios compare runs made in the same process.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/geokg/geokg/nlp"
	"github.com/geokg/geokg/schema"
)

func main() {
	n := flag.Int("n", 5000, "articles in the corpus (the dev articles repeated)")
	proseN := flag.Int("prose-default", 24, "articles for prose.NewDocument with defaults (it decodes its model per call)")
	proseSharedN := flag.Int("prose-shared", 240, "articles for prose.NewDocument with a shared model")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: actors [-n N] DEV_DIR")
		os.Exit(2)
	}
	arts, err := readArticles(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "actors:", err)
		os.Exit(1)
	}
	fmt.Printf("GOMAXPROCS=%d, %d distinct articles, %d bytes on average\n", runtime.GOMAXPROCS(0), len(arts), avgLen(arts))

	x, err := nlp.New(nlp.Config{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "actors:", err)
		os.Exit(1)
	}
	ctx := context.Background()
	checkpoints := map[int]bool{1000: true, *n / 2: true, *n: true}
	ours := measure(*n, func(i int) {
		if _, err := x.Extract(ctx, arts[i%len(arts)]); err != nil {
			panic(err)
		}
		if checkpoints[i+1] {
			fmt.Printf("  after %6d articles: peak RSS %s\n", i+1, peakRSS())
		}
	})
	report("geokg Extract (actors + relations)", *n, ours)

	model := prose.ModelFromData("en")
	shared := measure(*proseSharedN, func(i int) {
		if _, err := prose.NewDocument(arts[i%len(arts)].Text, prose.UsingModel(model)); err != nil {
			panic(err)
		}
	})
	report("prose.NewDocument, shared model", *proseSharedN, shared)

	def := measure(*proseN, func(i int) {
		if _, err := prose.NewDocument(arts[i%len(arts)].Text); err != nil {
			panic(err)
		}
	})
	report("prose.NewDocument with defaults", *proseN, def)

	fmt.Printf("speed-up over prose defaults:     %6.1fx wall, %6.1fx CPU\n", ours.wallRate/def.wallRate, ours.cpuRate/def.cpuRate)
	fmt.Printf("speed-up over prose shared model: %6.1fx wall, %6.1fx CPU\n", ours.wallRate/shared.wallRate, ours.cpuRate/shared.cpuRate)
	fmt.Printf("peak RSS at the end: %s\n", peakRSS())
}

type rates struct{ wallRate, cpuRate float64 }

// measure runs f for i in [0,n) and returns articles per wall and CPU
// second.
func measure(n int, f func(i int)) rates {
	runtime.GC()
	w0, c0 := time.Now(), cpuTime()
	for i := 0; i < n; i++ {
		f(i)
	}
	wall, cpu := time.Since(w0).Seconds(), (cpuTime() - c0).Seconds()
	return rates{float64(n) / wall, float64(n) / cpu}
}

func report(name string, n int, r rates) {
	fmt.Printf("%-40s %6d articles: %8.1f articles/s wall, %8.1f articles/s CPU\n", name, n, r.wallRate, r.cpuRate)
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS reads VmHWM from /proc/self/status.
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			if kb, err := strconv.Atoi(f[1]); err == nil {
				return fmt.Sprintf("%.1f MiB", float64(kb)/1024)
			}
		}
	}
	return "unknown"
}

func readArticles(dir string) ([]schema.Article, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no .txt articles", dir)
	}
	sort.Strings(files)
	var arts []schema.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		arts = append(arts, schema.Article{ID: f, Path: f, Text: string(b)})
	}
	return arts, nil
}

func avgLen(arts []schema.Article) int {
	t := 0
	for _, a := range arts {
		t += len(a.Text)
	}
	return t / len(arts)
}
