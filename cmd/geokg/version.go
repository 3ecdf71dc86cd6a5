package main

import (
	"fmt"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

// version is set at release time with -ldflags "-X main.version=v1.2.3".
var version = "dev"

// versionString is the version plus the VCS revision the binary was built
// from, when known.
func versionString() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return version
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev == "" {
		return version
	}
	return fmt.Sprintf("%s (%s%s)", version, rev, dirty)
}

func newVersionCmd(f *factory) *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print geokg's version",
		Action: func(*cli.Context) error {
			_, err := fmt.Fprintln(f.IO.Out, "geokg", versionString())
			return err
		},
	}
}
