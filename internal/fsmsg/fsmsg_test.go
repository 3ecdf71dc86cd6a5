package fsmsg_test

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"testing"

	"github.com/geokg/geokg/internal/fsmsg"
)

func TestReason(t *testing.T) {
	full := &fs.PathError{Op: "write", Path: "out/docs.jsonl", Err: syscall.ENOSPC}
	tests := []struct {
		err  error
		op   string
		want string
	}{
		{full, "write", "no space left on device"},
		{fmt.Errorf("flush: %w", full), "write", "no space left on device"},
		{&fs.PathError{Op: "open", Path: "out/x", Err: fs.ErrPermission}, "write", "open: permission denied"},
		{errors.New("disk on fire"), "write", "disk on fire"},
	}
	for _, tt := range tests {
		if got := fsmsg.Reason(tt.err, tt.op).Error(); got != tt.want {
			t.Errorf("Reason(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
	if !errors.Is(fsmsg.Reason(full, "write"), syscall.ENOSPC) {
		t.Error("the reason does not wrap the cause")
	}
}
