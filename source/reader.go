package source

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"

	"github.com/geokg/geokg/schema"
)

// DefaultMaxArticleSize is the default of Reader.MaxArticleSize: far above
// any news article, far below what would stall a worker for minutes.
const DefaultMaxArticleSize = 2 << 20

// Reader streams the articles of a list of files and directories.
//
// Directories are walked recursively in lexical order, skipping hidden
// entries and files whose format no reader handles; a file named
// directly is always read and reported when it cannot be. "-" reads
// standard input, whose format is sniffed unless Format is set.
//
// Set the exported fields before the first call to Next.
type Reader struct {
	// Fields maps record fields of JSON, JSON-lines and CSV inputs onto
	// article parts; the zero value means DefaultFields.
	Fields Fields
	// Include keeps only the files inside directories that match one of
	// these globs (all when empty); Exclude drops files and directories
	// that match one. A glob without "/" matches the base name, one with
	// "/" the path relative to the directory named ("**" spans folders).
	Include, Exclude []string
	// Format forces one input format for every file ("text", "markdown",
	// "html", "json", "jsonl", "csv", "tsv", "feed"); empty means by
	// extension, sniffed for standard input.
	Format string
	// MaxArticleSize rejects an article whose text is larger, in bytes;
	// single-article files are limited to it (HTML and feeds to a multiple
	// of it, for their markup). 0 means DefaultMaxArticleSize.
	MaxArticleSize int64
	// Ignore lists files and folders that directory walks pass over: the
	// job's own output, which may lie inside an input folder.
	Ignore []string
	// Stdin is read for the path "-"; nil means os.Stdin.
	Stdin io.Reader
	// Warn, when set, receives warnings about articles that are read all
	// the same: repaired text, an unparsable date. It is called from the
	// goroutine that calls Next.
	Warn func(*Error)

	paths   []string // as named by the caller; read-only
	pending []string // paths not yet opened
	walk    *walker  // the directory being walked
	cur     *input   // the file being read
	seen    map[[16]byte]struct{}
	done    atomic.Int64 // bytes consumed from input files
}

// NewReader returns a Reader over the given paths.
func NewReader(paths ...string) *Reader {
	return &Reader{paths: slices.Clone(paths), pending: slices.Clone(paths)}
}

// BytesRead returns how many bytes of input (compressed bytes, for .gz
// files) have been consumed so far. It is safe to call from any goroutine
// and, with Size, drives progress reports.
func (r *Reader) BytesRead() int64 { return r.done.Load() }

// Next returns the next article. At the end it returns io.EOF. An *Error
// reports one unreadable input or record, or a skipped duplicate; the
// caller may call Next again to go on. Other errors are the context's.
func (r *Reader) Next(ctx context.Context) (schema.Article, error) {
	for {
		if err := ctx.Err(); err != nil {
			return schema.Article{}, err
		}
		if r.cur != nil {
			a, line, err := r.cur.nextSafe()
			if err == io.EOF {
				r.closeCurrent()
				continue
			}
			if err != nil {
				return schema.Article{}, err
			}
			if err := r.checkDuplicate(a); err != nil {
				return schema.Article{}, &Error{Path: r.cur.path, Line: line, Err: err, record: r.cur.multi()}
			}
			return a, nil
		}
		path, err := r.nextPath()
		if err == io.EOF {
			return schema.Article{}, io.EOF
		}
		if err != nil {
			return schema.Article{}, err
		}
		if err := r.open(path); err != nil {
			return schema.Article{}, err
		}
	}
}

// nextPath returns the next file to read: from the directory being
// walked, else the next path named by the caller.
func (r *Reader) nextPath() (string, error) {
	for {
		if r.walk != nil {
			path, err := r.walk.next()
			if err == io.EOF {
				r.walk = nil
				continue
			}
			return path, err
		}
		if len(r.pending) == 0 {
			return "", io.EOF
		}
		path := r.pending[0]
		r.pending = r.pending[1:]
		if path == "-" {
			return path, nil
		}
		info, err := os.Stat(path)
		if err != nil {
			return "", &Error{Path: path, Err: unwrapPathError(err)}
		}
		if !info.IsDir() {
			return path, nil
		}
		r.walk = r.newWalker(path)
	}
}

// newWalker walks root with the Reader's filters.
func (r *Reader) newWalker(root string) *walker {
	ignore := map[string]bool{}
	for _, p := range r.Ignore {
		if abs, err := filepath.Abs(p); err == nil && p != "" {
			ignore[abs] = true
		}
	}
	return &walker{root: root, include: r.Include, exclude: r.Exclude, anyFormat: r.Format != "", ignore: ignore}
}

// open starts reading one file. The error is an *Error naming it.
func (r *Reader) open(path string) error {
	in := &input{path: path, opts: r.options(), size: -1}
	var raw io.Reader
	if path == "-" {
		raw = r.Stdin
		if raw == nil {
			raw = os.Stdin
		}
	} else {
		f, info, err := openFile(path)
		if err != nil {
			return &Error{Path: path, Err: err}
		}
		in.closers = append(in.closers, f)
		raw = f
		if info.Mode().IsRegular() && !strings.EqualFold(filepath.Ext(path), ".gz") {
			in.size = info.Size()
		}
		if info.Mode().Type() == fs.ModeNamedPipe {
			raw = &pipeReader{r: f}
		}
	}
	raw = &countingReader{r: raw, n: &r.done}
	buf := bufio.NewReaderSize(raw, 64<<10)
	var body io.Reader = buf
	name := path
	gzipped := strings.EqualFold(filepath.Ext(path), ".gz")
	if path == "-" {
		magic, _ := buf.Peek(2)
		gzipped = len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b
	}
	if gzipped {
		zr, err := gzip.NewReader(buf)
		if err != nil {
			in.close()
			return &Error{Path: path, Err: gzipError(err)}
		}
		in.closers = append(in.closers, zr)
		body = gzipErrors{zr}
		name = strings.TrimSuffix(name, filepath.Ext(name))
	}
	format := r.Format
	if format == "" {
		format = formatOf(name)
	}
	if format == "" && path == "-" {
		br := bufio.NewReaderSize(body, 64<<10)
		body, format = br, sniffFormat(br)
	}
	if format == "" {
		in.close()
		return &Error{Path: path, Err: fmt.Errorf("%w %q (want .txt, .md, .html, .json, .jsonl, .ndjson, .csv, .tsv, .rss, .atom, .xml, or any of these .gz)", ErrUnsupported, filepath.Ext(name))}
	}
	open, ok := formats[format]
	if !ok {
		in.close()
		return &Error{Path: path, Err: fmt.Errorf("unknown input format %q", format)}
	}
	in.r, in.format, in.warn = body, format, r.Warn
	it, err := openSafe(open, in)
	if err != nil {
		in.close()
		return asError(path, 0, err)
	}
	in.it = it
	r.cur = in
	return nil
}

func (r *Reader) closeCurrent() {
	r.cur.close()
	r.cur = nil
}

func (r *Reader) options() options {
	o := options{fields: r.Fields, maxSize: r.MaxArticleSize}
	if o.fields.isZero() {
		o.fields = DefaultFields
	}
	if o.maxSize <= 0 {
		o.maxSize = DefaultMaxArticleSize
	}
	return o
}

// checkDuplicate remembers the article's id and text, and says so if
// either was met before. Only 16-byte digests are kept, so a million
// articles cost tens of megabytes, not their text.
func (r *Reader) checkDuplicate(a schema.Article) error {
	if r.seen == nil {
		r.seen = map[[16]byte]struct{}{}
	}
	idKey := digest("id\x00" + a.ID)
	textKey := digest("text\x00" + a.Hash)
	_, sameID := r.seen[idKey]
	_, sameText := r.seen[textKey]
	r.seen[idKey] = struct{}{}
	r.seen[textKey] = struct{}{}
	switch {
	case sameID && !strings.HasPrefix(a.ID, "sha256:"):
		return fmt.Errorf("%w: id %s was read before", ErrDuplicate, a.ID)
	case sameID, sameText:
		return fmt.Errorf("%w: same text as an article read before", ErrDuplicate)
	}
	return nil
}

func digest(s string) [16]byte {
	sum := sha256.Sum256([]byte(s))
	var k [16]byte
	copy(k[:], sum[:16])
	return k
}

// Size returns the number of bytes the Reader's inputs hold on disk
// (compressed, for .gz files) and whether it is known: standard input has
// no size. It walks directories with the same filters as Next, reading no
// file, and is safe to call from another goroutine while Next runs.
func (r *Reader) Size(ctx context.Context) (int64, bool) {
	var total int64
	known := true
	for _, p := range r.paths {
		if ctx.Err() != nil {
			return 0, false
		}
		if p == "-" {
			known = false
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !info.IsDir() {
			total += info.Size()
			continue
		}
		w := r.newWalker(p)
		for {
			if ctx.Err() != nil {
				return 0, false
			}
			path, err := w.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				continue
			}
			if info, err := os.Stat(path); err == nil {
				total += info.Size()
			}
		}
	}
	return total, known
}

// input is one open file and the iterator over its articles.
type input struct {
	path    string
	format  string
	r       io.Reader // decompressed content
	opts    options
	warn    func(*Error)
	it      iterator
	closers []io.Closer
	size    int64 // bytes on disk when known and not compressed, else -1
}

// iterator yields the articles of one input. next returns the article and
// the line it starts on (0 when the format has none), an error for one
// record (an *Error, after which next may be called again), or io.EOF.
type iterator interface {
	next() (schema.Article, int, error)
}

// opener starts reading one input in one format.
type opener func(in *input) (iterator, error)

// options are the Reader settings the formats need.
type options struct {
	fields  Fields
	maxSize int64
}

// maxRecord bounds what a reader holds of one record of a multi-article
// file (a JSON line or value, a CSV row): the article size limit, twice
// since escapes can double a text, plus room for the other fields.
func (o options) maxRecord() int64 { return 2*o.maxSize + 64<<10 }

// tooLargeRecord explains a record over maxRecord.
func (o options) tooLargeRecord(what string) error {
	return fmt.Errorf("%w: the %s is longer than %s (--max-article-size)", ErrTooLarge, what, formatBytes(o.maxRecord()))
}

func (in *input) close() {
	for i := len(in.closers) - 1; i >= 0; i-- {
		in.closers[i].Close()
	}
	in.closers = nil
}

// nextSafe calls the iterator and turns a panic inside a format's parser
// into an error for this file, which is then abandoned: no input may end
// the job.
func (in *input) nextSafe() (a schema.Article, line int, err error) {
	defer func() {
		if p := recover(); p != nil {
			in.it = exhausted{}
			a, line, err = schema.Article{}, 0, &Error{Path: in.path, Err: fmt.Errorf("internal error while reading (please report): %v", p)}
		}
	}()
	a, line, err = in.it.next()
	if err != nil && err != io.EOF {
		err = asError(in.path, line, err)
		var e *Error
		if errors.As(err, &e) {
			e.record = in.multi()
		}
	}
	return a, line, err
}

// multi reports whether the input holds many articles, so that its
// errors are about records, not the whole file.
func (in *input) multi() bool {
	_, one := in.it.(*single)
	return in.it != nil && !one
}

// openFile opens a file named by the caller or found in a folder. A named
// pipe is opened without blocking, so that one no program writes to does
// not stop the job (reading it then says so); a device or socket is not
// read at all, since it may never end.
func openFile(path string) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, unwrapPathError(err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, unwrapPathError(err)
	}
	switch t := info.Mode().Type(); {
	case t == 0, t == fs.ModeNamedPipe:
		return f, info, nil
	case t&fs.ModeDir != 0:
		f.Close()
		return nil, nil, errors.New("is a folder")
	default:
		f.Close()
		return nil, nil, fmt.Errorf("%w (%s)", ErrNotRegular, describeMode(t))
	}
}

func describeMode(t fs.FileMode) string {
	switch {
	case t&fs.ModeSocket != 0:
		return "a socket"
	case t&fs.ModeCharDevice != 0:
		return "a character device; name - to read standard input"
	case t&fs.ModeDevice != 0:
		return "a block device"
	}
	return "mode " + t.String()
}

// pipeReader reads a named pipe opened without blocking: one that gives
// nothing before its end has no writer, and is reported as such rather
// than as an empty file.
type pipeReader struct {
	r    io.Reader
	some bool // something was read
}

// errNoWriter is the error of a named pipe no program writes to.
var errNoWriter = fmt.Errorf("%w: a named pipe that no program writes to", ErrNotRegular)

func (p *pipeReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if n > 0 {
		p.some = true
	}
	if err == io.EOF && !p.some {
		return n, errNoWriter
	}
	return n, err
}

func openSafe(open opener, in *input) (it iterator, err error) {
	defer func() {
		if p := recover(); p != nil {
			it, err = nil, fmt.Errorf("internal error while reading (please report): %v", p)
		}
	}()
	return open(in)
}

// warnf reports a warning about the record at line.
func (in *input) warnf(line int, err error) {
	if in.warn != nil {
		in.warn(&Error{Path: in.path, Line: line, Err: err})
	}
}

// recordPath names the n-th record of a multi-article file.
func (in *input) recordPath(n int) string { return fmt.Sprintf("%s#%d", in.path, n) }

// exhausted is the iterator of an input that has nothing more to give.
type exhausted struct{}

func (exhausted) next() (schema.Article, int, error) { return schema.Article{}, 0, io.EOF }

// single is the iterator of a one-article input: it parses on the first
// call.
type single struct {
	parse func() (schema.Article, error)
	done  bool
}

func (s *single) next() (schema.Article, int, error) {
	if s.done {
		return schema.Article{}, 0, io.EOF
	}
	s.done = true
	a, err := s.parse()
	return a, 0, err
}

// asError makes err an *Error naming path, unless it is one already.
func asError(path string, line int, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	return &Error{Path: path, Line: line, Err: err}
}

// gzipErrors says that a read error comes from decompressing.
type gzipErrors struct{ r io.Reader }

func (g gzipErrors) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF && !errors.Is(err, ErrNotRegular) {
		err = fmt.Errorf("%w (corrupt or truncated .gz)", gzipError(err))
	}
	return n, err
}

// gzipError says that err comes from decompressing, once: the gzip
// package's own errors already start with "gzip: ".
func gzipError(err error) error {
	if errors.Is(err, ErrNotRegular) || strings.HasPrefix(err.Error(), "gzip: ") {
		return err
	}
	return fmt.Errorf("gzip: %w", err)
}

// countingReader adds the bytes read to n.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// readAll reads in.r whole, failing when it holds more than limit bytes.
func (in *input) readAll(limit int64) ([]byte, error) {
	if in.size > limit {
		return nil, in.tooLarge(in.size, limit)
	}
	data, err := io.ReadAll(io.LimitReader(in.r, limit+1))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if int64(len(data)) > limit {
		return nil, in.tooLarge(-1, limit)
	}
	return data, nil
}

// tooLarge explains a file over the size limit; size < 0 when unknown.
func (in *input) tooLarge(size, limit int64) error {
	have := "more than " + formatBytes(limit)
	if size >= 0 {
		have = formatBytes(size)
	}
	return fmt.Errorf("%w: %s, over the %s limit for one article (--max-article-size); split it into articles or raise the limit", ErrTooLarge, have, formatBytes(limit))
}

// formatBytes prints a size the way people say it.
func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// unwrapPathError drops the path from an *fs.PathError, since Error names
// the path already.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
