package outdir

import (
	"io/fs"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteErrorNamesFileOnce: a full disk reads "write out/docs.jsonl:
// no space left on device", the path and the operation said once.
func TestWriteErrorNamesFileOnce(t *testing.T) {
	w := &Writer{dir: "out"}
	path := filepath.Join("out", DocsFile)
	err := w.writeErr(DocsFile, &fs.PathError{Op: "write", Path: path, Err: syscall.ENOSPC})
	if got, want := err.Error(), "write "+path+": no space left on device"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
