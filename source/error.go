package source

import (
	"errors"
	"fmt"
)

// Error reports one input that could not be read. Reading continues after
// it.
type Error struct {
	// Path is the file (or "-" for standard input).
	Path string
	// Line is the 1-based line of a multi-article file, 0 when the whole
	// file is at fault.
	Line int
	// Err says why.
	Err error
}

// Error formats as "PATH[:LINE]: reason" on one line.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

// Unwrap returns the reason.
func (e *Error) Unwrap() error { return e.Err }

// Reasons an input is rejected. Callers may branch on them with errors.Is.
var (
	// ErrEmpty: the file holds no text.
	ErrEmpty = errors.New("empty file")
	// ErrBinary: the file is not text.
	ErrBinary = errors.New("binary file, not text")
	// ErrUnsupported: no reader handles the file's extension.
	ErrUnsupported = errors.New("unsupported file type")
)
