package source

import (
	"errors"
	"fmt"
	"strings"

	"github.com/geokg/geokg/schema"
)

// Error reports one input that could not be read, or one record of a
// multi-article file. Reading continues after it.
type Error struct {
	// Path is the file (or "-" for standard input).
	Path string
	// Line is the 1-based line of a record in a multi-article file, 0 when
	// the whole file is at fault or the format has no useful line.
	Line int
	// Err says why.
	Err error

	record bool // about one record of a multi-article file
}

// Error formats as "PATH[:LINE]: reason" on one line, PATH quoted when
// it holds characters that do not print as themselves
// (schema.QuotePath).
func (e *Error) Error() string {
	reason := e.Err.Error()
	if strings.ContainsAny(reason, "\r\n") {
		reason = strings.Join(strings.Fields(reason), " ")
	}
	path := schema.QuotePath(e.Path)
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", path, e.Line, reason)
	}
	return fmt.Sprintf("%s: %s", path, reason)
}

// IsRecord reports whether the error is about one record of a
// multi-article file rather than a whole file, so that a job can say how
// many files and how many records failed.
func (e *Error) IsRecord() bool { return e.record }

// Unwrap returns the reason.
func (e *Error) Unwrap() error { return e.Err }

// Skipped reports whether the input was passed over rather than failed:
// it holds no article text, or the same article was read before. A job
// counts skipped inputs apart from failed ones and does not fail because
// of them.
func (e *Error) Skipped() bool {
	return errors.Is(e.Err, ErrEmpty) || errors.Is(e.Err, ErrNoText) || errors.Is(e.Err, ErrDuplicate) ||
		errors.Is(e.Err, ErrNotRegular)
}

// Reasons an input is rejected or passed over. Callers may branch on them
// with errors.Is.
var (
	// ErrEmpty: the file holds nothing but white space. Skipped.
	ErrEmpty = errors.New("empty file")
	// ErrNoText: the input or record is well-formed but has no article
	// text (an HTML page with no main text, a record with an empty text
	// field). Skipped.
	ErrNoText = errors.New("no article text")
	// ErrDuplicate: an article with the same id or the same text was read
	// earlier in this job. Skipped.
	ErrDuplicate = errors.New("duplicate article")
	// ErrNotRegular: a path named on the command line is a named pipe no
	// program writes to, a device or a socket, which would block the job
	// or never end. Skipped.
	ErrNotRegular = errors.New("not a regular file")
	// ErrBinary: the file is not text.
	ErrBinary = errors.New("binary file, not text")
	// ErrTooLarge: the input exceeds Reader.MaxArticleSize.
	ErrTooLarge = errors.New("too large")
	// ErrUnsupported: no reader handles the file's extension.
	ErrUnsupported = errors.New("unsupported file type")
	// ErrSyntax: the file is not valid in its format (broken JSON, XML or
	// CSV quoting).
	ErrSyntax = errors.New("syntax error")
	// ErrRepaired marks a warning: the text was not valid UTF-8 and was
	// decoded or repaired; the article is read all the same.
	ErrRepaired = errors.New("text repaired")
)
