package source

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/geokg/geokg/schema"
)

// textExtensions are the file kinds read as plain text.
var textExtensions = map[string]bool{".txt": true, ".md": true, ".text": true}

// Reader streams the articles of a list of files and directories.
// Directories are walked recursively in lexical order; files whose
// extension no reader handles are skipped inside directories but reported
// when named directly.
type Reader struct {
	// MaxFileSize rejects larger files; 0 means no limit.
	MaxFileSize int64

	pending []string // paths named by the caller, not yet expanded
	files   []string // files of the directory being walked
}

// NewReader returns a Reader over the given paths.
func NewReader(paths ...string) *Reader {
	return &Reader{pending: append([]string(nil), paths...)}
}

// Next returns the next article. At the end it returns io.EOF. An *Error
// reports one unreadable input; the caller may call Next again to go on.
func (r *Reader) Next(ctx context.Context) (schema.Article, error) {
	for {
		if err := ctx.Err(); err != nil {
			return schema.Article{}, err
		}
		if len(r.files) > 0 {
			path := r.files[0]
			r.files = r.files[1:]
			return r.readFile(path)
		}
		if len(r.pending) == 0 {
			return schema.Article{}, io.EOF
		}
		path := r.pending[0]
		r.pending = r.pending[1:]
		info, err := os.Stat(path)
		if err != nil {
			return schema.Article{}, &Error{Path: path, Err: unwrapPathError(err)}
		}
		if !info.IsDir() {
			return r.readFile(path)
		}
		files, err := listDir(path)
		if err != nil {
			return schema.Article{}, &Error{Path: path, Err: unwrapPathError(err)}
		}
		r.files = files
	}
}

func (r *Reader) readFile(path string) (schema.Article, error) {
	if !textExtensions[strings.ToLower(filepath.Ext(path))] {
		return schema.Article{}, &Error{Path: path, Err: ErrUnsupported}
	}
	if r.MaxFileSize > 0 {
		if info, err := os.Stat(path); err == nil && info.Size() > r.MaxFileSize {
			return schema.Article{}, &Error{Path: path, Err: fmt.Errorf("file of %d bytes exceeds the %d-byte limit", info.Size(), r.MaxFileSize)}
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return schema.Article{}, &Error{Path: path, Err: unwrapPathError(err)}
	}
	a, err := parseText(path, data)
	if err != nil {
		return schema.Article{}, &Error{Path: path, Err: err}
	}
	return a, nil
}

// listDir returns the readable files under dir, sorted.
func listDir(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if textExtensions[strings.ToLower(filepath.Ext(path))] {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

// unwrapPathError drops the path from an *fs.PathError, since Error names
// the path already.
func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
