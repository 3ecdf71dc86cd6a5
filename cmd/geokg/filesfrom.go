package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// readFilesFrom reads the paths of a --files-from file: one path a line,
// or the JSON lines of an --errors file, of which the failed inputs are
// taken (each file once, in order).
func readFilesFrom(path string, stdin io.Reader) ([]string, error) {
	var in io.Reader
	if path == "-" {
		in = stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("--files-from: %w", err)
		}
		defer f.Close()
		in = f
	}
	seen := map[string]bool{}
	var paths []string
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p := line
		if strings.HasPrefix(line, "{") {
			var e problem
			if err := json.Unmarshal([]byte(line), &e); err != nil {
				return nil, fmt.Errorf("--files-from %s:%d: %v", path, n, err)
			}
			if e.Kind != "" && e.Kind != problemFailed {
				continue
			}
			p = e.Path
			if len(e.PathBytes) > 0 {
				p = string(e.PathBytes)
			}
		}
		if p != "" && !seen[p] {
			seen[p] = true
			paths = append(paths, p)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("--files-from %s: %w", path, err)
	}
	return paths, nil
}
