// Package fsmsg words file-system errors for messages that name the file
// already.
package fsmsg

import (
	"errors"
	"fmt"
	"io/fs"
)

// Reason returns err without the path that an *fs.PathError in it
// repeats, and without the error's operation when that is op, the
// caller's own word: so a message reads "write out/docs.jsonl: no space
// left on device", not "write out/docs.jsonl: write out/docs.jsonl: no
// space left on device".
func Reason(err error, op string) error {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return err
	}
	if pe.Op == op {
		return pe.Err
	}
	return fmt.Errorf("%s: %w", pe.Op, pe.Err)
}
