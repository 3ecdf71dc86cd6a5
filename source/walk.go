package source

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// walker lists the files of a directory tree depth-first in lexical
// order. It holds one directory listing per level, never the whole tree,
// so a folder of a million files costs no more than its largest folder.
type walker struct {
	root             string
	include, exclude []string
	anyFormat        bool // read every file, not just known extensions
	ignore           map[string]bool
	absRoot          string
	stack            []dirFrame
	started          bool
}

// dirFrame is one directory being listed.
type dirFrame struct {
	dir     string
	entries []fs.DirEntry
}

// next returns the next file to read, an *Error for a directory or link
// that cannot be read (call next again to go on), or io.EOF.
func (w *walker) next() (string, error) {
	if !w.started {
		w.started = true
		w.absRoot, _ = filepath.Abs(w.root)
		if err := w.push(w.root); err != nil {
			return "", err
		}
	}
	for len(w.stack) > 0 {
		top := &w.stack[len(w.stack)-1]
		if len(top.entries) == 0 {
			w.stack = w.stack[:len(w.stack)-1]
			continue
		}
		e := top.entries[0]
		top.entries = top.entries[1:]
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue // hidden files and folders (.git, .DS_Store)
		}
		path := filepath.Join(top.dir, name)
		rel, err := filepath.Rel(w.root, path)
		if err != nil {
			rel = name
		}
		rel = filepath.ToSlash(rel)
		if w.ignore[filepath.Join(w.absRoot, filepath.FromSlash(rel))] {
			continue
		}
		typ := e.Type()
		if typ&fs.ModeSymlink != 0 {
			info, err := os.Stat(path)
			if err != nil {
				return "", &Error{Path: path, Err: unwrapPathError(err)}
			}
			if info.IsDir() {
				continue // linked folders are not followed: they can loop
			}
			typ = info.Mode().Type()
		}
		if typ.IsDir() {
			if matchAny(w.exclude, rel, name) {
				continue
			}
			if err := w.push(path); err != nil {
				return "", err
			}
			continue
		}
		if !typ.IsRegular() {
			continue // sockets, pipes, devices
		}
		if !w.anyFormat && formatOf(name) == "" {
			continue
		}
		if matchAny(w.exclude, rel, name) || (len(w.include) > 0 && !matchAny(w.include, rel, name)) {
			continue
		}
		return path, nil
	}
	return "", io.EOF
}

// push lists dir onto the stack.
func (w *walker) push(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return &Error{Path: dir, Err: unwrapPathError(err)}
	}
	w.stack = append(w.stack, dirFrame{dir: dir, entries: entries})
	return nil
}

// matchAny reports whether a glob matches: one with a "/" against the
// path relative to the walked folder, one without against the base name.
func matchAny(globs []string, rel, name string) bool {
	for _, g := range globs {
		subject := name
		if strings.Contains(g, "/") {
			subject = rel
		}
		if ok, _ := doublestar.Match(g, subject); ok {
			return true
		}
	}
	return false
}

// CheckGlobs reports the first malformed glob, for validating flags
// before a job starts.
func CheckGlobs(globs []string) error {
	for _, g := range globs {
		if !doublestar.ValidatePattern(g) {
			return fmt.Errorf("glob %q is malformed", g)
		}
	}
	return nil
}
