package source

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// unreadableDirEnv names the fixture folder when the test runs again as
// an unprivileged user.
const unreadableDirEnv = "GEOKG_TEST_UNREADABLE_DIR"

// TestUnreadableInputs checks that a file and a folder without read
// permission are reported and the job goes on. Root reads everything, so
// when the tests run as root (CI does) the test binary runs this test
// again as the unprivileged user 65534, instead of skipping it.
func TestUnreadableInputs(t *testing.T) {
	if dir := os.Getenv(unreadableDirEnv); dir != "" {
		checkUnreadable(t, dir)
		return
	}
	dir, err := os.MkdirTemp("", "geokg-unreadable-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		os.Chmod(filepath.Join(dir, "locked"), 0o755)
		os.RemoveAll(dir)
	})
	write(t, dir, "ok.txt", headlineText)
	write(t, dir, "secret.txt", "Classified cable.")
	write(t, dir, "locked/inner.txt", "Inner text.")
	for path, mode := range map[string]os.FileMode{dir: 0o755, filepath.Join(dir, "secret.txt"): 0, filepath.Join(dir, "locked"): 0} {
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
	}
	if os.Geteuid() != 0 {
		checkUnreadable(t, dir)
		return
	}
	// A copy of the test binary the other user may execute.
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "source.test")
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	defer os.Remove(bin)
	cmd := exec.Command(bin, "-test.run=^TestUnreadableInputs$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), unreadableDirEnv+"="+dir)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("as user 65534: %v\n%s", err, out)
	}
	t.Logf("ran as user 65534:\n%s", out)
}

func checkUnreadable(t *testing.T, dir string) {
	r := NewReader(filepath.Join(dir, "secret.txt"), dir)
	var arts int
	var errs []error
	for {
		_, err := r.Next(t.Context())
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		arts++
	}
	if arts != 1 {
		t.Errorf("read %d articles, want ok.txt", arts)
	}
	checkErrors(t, errs, []string{
		"secret.txt: open: permission denied",
		"locked: open: permission denied",
		"secret.txt: open: permission denied",
	})
}
