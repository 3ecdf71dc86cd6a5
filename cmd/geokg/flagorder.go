package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// hoistFlags moves the flags that follow a command's arguments in front of
// them, so `geokg import news/ --out g` works as users expect: urfave/cli
// v2 stops reading flags at the first argument. Tokens after "--" stay
// arguments. Unknown flags are left for the parser to report.
func hoistFlags(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	out := []string{args[0]}
	rest := args[1:]
	cmds := app.Commands
	var flags []cli.Flag = app.Flags
	var cmd *cli.Command
	// Walk down the command chain, copying the flags met on the way.
	for len(rest) > 0 {
		tok := rest[0]
		if isFlagToken(tok) {
			n := flagTokens(flags, rest)
			out = append(out, rest[:n]...)
			rest = rest[n:]
			continue
		}
		next := findCommand(cmds, tok)
		if next == nil {
			break
		}
		cmd = next
		out = append(out, tok)
		rest = rest[1:]
		cmds, flags = cmd.Subcommands, cmd.Flags
	}
	if cmd == nil {
		return args
	}
	var hoisted, positional []string
	for len(rest) > 0 {
		tok := rest[0]
		if tok == "--" {
			positional = append(positional, rest[1:]...)
			break
		}
		if isFlagToken(tok) {
			n := flagTokens(flags, rest)
			hoisted = append(hoisted, rest[:n]...)
			rest = rest[n:]
			continue
		}
		positional = append(positional, tok)
		rest = rest[1:]
	}
	out = append(out, hoisted...)
	for _, p := range positional {
		if strings.HasPrefix(p, "-") && p != "-" {
			out = append(out, "--")
			break
		}
	}
	return append(out, positional...)
}

// isFlagToken reports whether tok looks like a flag ("-" alone is the
// standard-input argument).
func isFlagToken(tok string) bool {
	return len(tok) > 1 && tok[0] == '-' && tok != "--"
}

// flagTokens returns how many tokens the flag at rest[0] spans: two when it
// takes a value given as the next token, else one.
func flagTokens(flags []cli.Flag, rest []string) int {
	name := strings.TrimLeft(rest[0], "-")
	if strings.Contains(name, "=") || len(rest) < 2 {
		return 1
	}
	for _, f := range flags {
		for _, n := range f.Names() {
			if n != name {
				continue
			}
			if v, ok := f.(cli.DocGenerationFlag); ok && v.TakesValue() {
				return 2
			}
			return 1
		}
	}
	return 1
}

// findCommand returns the command named (or aliased) name, or nil.
func findCommand(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}
