package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/urfave/cli/v2"

	"github.com/geokg/geokg/internal/neo4jtest"
)

// Documentation examples are executed, so that the docs cannot drift from
// the program (issue 14, item 13).
//
// Every console example in README.md and docs/*.md is a fenced block with
// the info string "console", and the line just before its fence names the
// graph it runs against:
//
//	<!-- example: neo4j -->   the test Neo4j holding the example articles
//	                          (examples/articles) and the 25 dev articles
//	                          (../shared/eval/dev/*.txt), loaded once by
//	                          `geokg import`; the ALIGNMENT edges that
//	                          `geokg alliances` writes are removed before
//	                          each file, so a file sees only its own
//	<!-- example: folder -->  no Neo4j: ./geokg-out holds what
//	                          `geokg import examples/articles` writes
//
// In a block, a line starting with "$ " is a command, continued on the
// next lines while a quote is open or the line ends with a backslash; the
// lines up to the next command are its output (standard output and error,
// as a terminal shows them; trailing blanks ignored). Each command runs in
// bash, in a scratch copy of the repository's layout (examples/ and
// ../shared/ are links), with `geokg` on the PATH. A block that shows
// commands without the "console" info string fails the test, so no
// example escapes it.
//
// When the program's output changes on purpose (the extractor improves),
// rewrite the expected output in the docs with
//
//	scripts/test -run TestDocExamples ./cmd/geokg/ -update
//
// and review the diff.
func TestDocExamples(t *testing.T) {
	files := docFiles(t)
	ws := &workspace{bin: geokgOnPath(t), parent: t}
	for _, file := range files {
		blocks, err := parseDocExamples(file)
		if err != nil {
			t.Fatal(err)
		}
		if len(blocks) == 0 {
			continue
		}
		rel, _ := filepath.Rel(repoRoot(t), file)
		t.Run(rel, func(t *testing.T) {
			ws.fresh = false
			changed := false
			for _, b := range blocks {
				env := ws.prepare(t, b.kind)
				for i := range b.commands {
					c := &b.commands[i]
					got := runDocCommand(t, ws.dir, env, c.text)
					if ws.uri != "" {
						// The test server's port differs between machines.
						got = strings.ReplaceAll(got, ws.uri, docsNeo4jURI)
					}
					if got == c.output {
						continue
					}
					if *update {
						c.output, changed = got, true
						continue
					}
					t.Errorf("%s:%d: the output of\n%s\ndiffers from the docs (scripts/test -run TestDocExamples ./cmd/geokg/ -update rewrites them):\n--- got\n%s\n--- docs\n%s",
						rel, c.line, c.text, got, c.output)
				}
			}
			if changed {
				if err := rewriteDocExamples(file, blocks); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// TestDocCommandLinesUseRealFlags checks the geokg command lines of the
// docs' other blocks (```sh recipes, which cannot run: they name the
// reader's own files): each names a real command and only its flags.
func TestDocCommandLinesUseRealFlags(t *testing.T) {
	app := newApp(newFactory(streams{}))
	for _, file := range docFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		inBlock := false
		for i, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(line, "```") {
				inBlock = !inBlock
				continue
			}
			cmdline := strings.TrimPrefix(strings.TrimSpace(line), "$ ")
			if !inBlock || !strings.HasPrefix(cmdline, "geokg ") {
				continue
			}
			if err := checkCommandLine(app, cmdline); err != nil {
				t.Errorf("%s:%d: %s: %v", filepath.Base(file), i+1, cmdline, err)
			}
		}
	}
}

// checkCommandLine resolves the words of a geokg command line to a
// command and checks its flags.
func checkCommandLine(app *cli.App, line string) error {
	line, _, _ = strings.Cut(line, " #")
	line, _, _ = strings.Cut(line, " |")
	line, _, _ = strings.Cut(line, " >")
	words := strings.Fields(line)[1:]
	cmds := app.Commands
	var cmd *cli.Command
	for len(words) > 0 && !strings.HasPrefix(words[0], "-") {
		next := findCommand(cmds, words[0])
		if next == nil {
			break
		}
		cmd, cmds, words = next, next.Subcommands, words[1:]
	}
	if cmd == nil {
		return fmt.Errorf("no such command")
	}
	for _, w := range words {
		if !strings.HasPrefix(w, "-") || w == "-" {
			continue
		}
		name, _, _ := strings.Cut(strings.TrimLeft(w, "-"), "=")
		if name == "help" || name == "h" {
			continue
		}
		if !slices.ContainsFunc(cmd.Flags, func(f cli.Flag) bool { return slices.Contains(f.Names(), name) }) {
			return fmt.Errorf("geokg %s has no flag --%s", cmd.Name, name)
		}
	}
	return nil
}

// docExample is one console block.
type docExample struct {
	kind       string // neo4j or folder
	start, end int    // lines of the block's content, 0-based, end exclusive
	commands   []docCommand
}

type docCommand struct {
	line   int    // 1-based, for messages
	text   string // the command, without "$ ", continuation lines joined by "\n"
	raw    []string
	output string
}

var exampleMarker = regexp.MustCompile(`^<!-- example: (neo4j|folder) -->$`)

// parseDocExamples reads the console blocks of a Markdown file.
func parseDocExamples(file string) ([]docExample, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(string(data), "\n")
	name := filepath.Base(file)
	var out []docExample
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "```") {
			continue
		}
		info := strings.TrimPrefix(lines[i], "```")
		end := i + 1
		for end < len(lines) && !strings.HasPrefix(lines[end], "```") {
			end++
		}
		if end == len(lines) {
			return nil, fmt.Errorf("%s:%d: unclosed code block", name, i+1)
		}
		content := lines[i+1 : end]
		hasPrompt := slices.ContainsFunc(content, func(l string) bool { return strings.HasPrefix(l, "$ ") })
		if info != "console" {
			if hasPrompt {
				return nil, fmt.Errorf("%s:%d: a block with $ commands must be a ```console example (see TestDocExamples)", name, i+1)
			}
			i = end
			continue
		}
		j := i - 1
		for j >= 0 && strings.TrimSpace(lines[j]) == "" {
			j--
		}
		m := []string(nil)
		if j >= 0 {
			m = exampleMarker.FindStringSubmatch(strings.TrimSpace(lines[j]))
		}
		if m == nil {
			return nil, fmt.Errorf("%s:%d: a console example needs <!-- example: neo4j --> or <!-- example: folder --> on the line before it", name, i+1)
		}
		ex := docExample{kind: m[1], start: i + 1, end: end}
		for k := 0; k < len(content); {
			if !strings.HasPrefix(content[k], "$ ") {
				return nil, fmt.Errorf("%s:%d: a console example starts with a $ command", name, i+2+k)
			}
			c := docCommand{line: i + 2 + k, raw: []string{content[k]}}
			text := strings.TrimPrefix(content[k], "$ ")
			k++
			for continues(text) && k < len(content) {
				c.raw = append(c.raw, content[k])
				text += "\n" + content[k]
				k++
			}
			c.text = text
			var outLines []string
			for k < len(content) && !strings.HasPrefix(content[k], "$ ") {
				outLines = append(outLines, content[k])
				k++
			}
			c.output = normalizeOutput(strings.Join(outLines, "\n"))
			ex.commands = append(ex.commands, c)
		}
		out = append(out, ex)
		i = end
	}
	return out, nil
}

// continues reports whether a shell command goes on to the next line: a
// quote is open or the text ends with a backslash.
func continues(text string) bool {
	var quote rune
	escaped := false
	for _, r := range text {
		switch {
		case escaped:
			escaped = false
		case r == '\\' && quote != '\'':
			escaped = true
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case r == '#':
			return false // a comment runs to the end of the line
		}
	}
	return quote != 0 || escaped
}

// normalizeOutput drops trailing blanks of each line and trailing empty
// lines, which Markdown tools strip.
func normalizeOutput(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

// rewriteDocExamples writes the blocks' commands and new outputs back.
func rewriteDocExamples(file string, blocks []docExample) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	lines := strings.Split(string(data), "\n")
	var out []string
	prev := 0
	for _, b := range blocks {
		out = append(out, lines[prev:b.start]...)
		for i, c := range b.commands {
			if i > 0 {
				out = append(out, "") // between a command's output and the next
			}
			out = append(out, c.raw...)
			if c.output != "" {
				out = append(out, strings.Split(c.output, "\n")...)
			}
		}
		prev = b.end
	}
	out = append(out, lines[prev:]...)
	return os.WriteFile(file, []byte(strings.Join(out, "\n")), 0o644)
}

// docsNeo4jURI stands for the test server in the docs' outputs: the
// address of the docker compose server of the README.
const docsNeo4jURI = "bolt://localhost:7687"

// workspace is the scratch folder the examples run in.
type workspace struct {
	bin     string     // holds the geokg command
	parent  *testing.T // holds the Neo4j lock for all files
	dir     string
	neo4j   []string // NEO4J_* settings, once loaded
	uri     string   // the test server's, shown as docsNeo4jURI
	driver  neo4j.DriverWithContext
	fresh   bool // the current file's ALIGNMENT edges are removed
	baseEnv []string
}

// prepare sets the workspace up for a block of the kind and returns the
// environment its commands run with.
func (ws *workspace) prepare(t *testing.T, kind string) []string {
	t.Helper()
	if ws.dir == "" {
		root := repoRoot(t)
		base := ws.parent.TempDir()
		ws.dir = filepath.Join(base, "geokg")
		if err := os.Mkdir(ws.dir, 0o755); err != nil {
			t.Fatal(err)
		}
		links := map[string]string{
			filepath.Join(ws.dir, "examples"): filepath.Join(root, "examples"),
			filepath.Join(base, "shared"):     filepath.Join(root, "..", "shared"),
		}
		for link, target := range links {
			if err := os.Symlink(target, link); err != nil {
				t.Fatal(err)
			}
		}
		var env []string
		for _, kv := range os.Environ() {
			if !strings.HasPrefix(kv, "NEO4J_") && !strings.HasPrefix(kv, "PATH=") && !strings.HasPrefix(kv, "LC_ALL=") {
				env = append(env, kv)
			}
		}
		// LC_ALL=C: ls and sort order the same on every machine.
		ws.baseEnv = append(env, "LC_ALL=C", "PATH="+ws.bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	}
	switch kind {
	case "folder":
		if _, err := os.Stat(filepath.Join(ws.dir, "geokg-out")); err != nil {
			ws.setup(t, ws.baseEnv, "geokg import -q examples/articles")
		}
		return ws.baseEnv
	default: // neo4j
		if ws.neo4j == nil {
			ws.driver = neo4jtest.Driver(ws.parent)
			target, _ := neo4jtest.TargetFromEnv()
			ws.uri = target.URI
			ws.neo4j = []string{"NEO4J_URI=" + target.URI, "NEO4J_USERNAME=" + target.Username, "NEO4J_PASSWORD=" + target.Password}
			env := append(slices.Clone(ws.baseEnv), ws.neo4j...)
			ws.setup(t, env, "geokg import -q examples/articles && geokg import -q --include '*.txt' ../shared/eval/dev")
			ws.fresh = true
		}
		if !ws.fresh {
			_, err := neo4j.ExecuteQuery(context.Background(), ws.driver, "MATCH ()-[r:ALIGNMENT]->() DELETE r", nil, neo4j.EagerResultTransformer)
			if err != nil {
				t.Fatal(err)
			}
			ws.fresh = true
		}
		return append(slices.Clone(ws.baseEnv), ws.neo4j...)
	}
}

// setup runs a command that must succeed.
func (ws *workspace) setup(t *testing.T, env []string, command string) {
	t.Helper()
	cmd := exec.Command("bash", "-c", command)
	cmd.Dir, cmd.Env = ws.dir, env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", command, err, out)
	}
}

// runDocCommand runs one example command and returns what it printed.
func runDocCommand(t *testing.T, dir string, env []string, command string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-c", command)
	cmd.Dir, cmd.Env = dir, env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); ctx.Err() != nil {
		t.Fatalf("%s: %v", command, err)
	}
	return normalizeOutput(out.String())
}

// geokgOnPath makes a folder with a geokg command that runs this test
// binary as geokg (see TestMain).
func geokgOnPath(t *testing.T) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	script := fmt.Sprintf("#!/bin/sh\n%s=1 exec '%s' \"$@\"\n", runMainEnv, self)
	if err := os.WriteFile(filepath.Join(dir, "geokg"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// docFiles are README.md (first), examples/README.md and docs/*.md.
func docFiles(t *testing.T) []string {
	t.Helper()
	root := repoRoot(t)
	docs, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	return append([]string{filepath.Join(root, "README.md"), filepath.Join(root, "examples", "README.md")}, docs...)
}

// redirect finds the file a shell command line writes with ">".
var redirect = regexp.MustCompile(`(?:^|\s)>\s*([^\s&|;)` + "`" + `]+)`)

// TestDocCommandsWriteNoFileIntoTheWorkTree checks item 18 of issue 14:
// a command of the docs that runs geokg (or the scorer) from the
// repository and redirects its output into a file names a file outside
// the work tree or one git ignores, so following the docs leaves no
// stray file to commit by mistake.
func TestDocCommandsWriteNoFileIntoTheWorkTree(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is needed to check .gitignore")
	}
	root := repoRoot(t)
	fence := regexp.MustCompile("(?s)```[a-z]*\n(.*?)```")
	span := regexp.MustCompile("`([^`]+)`")
	for _, file := range docFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var commands []string
		text := fence.ReplaceAllStringFunc(string(data), func(block string) string {
			commands = append(commands, strings.Split(block, "\n")...)
			return ""
		})
		for _, m := range span.FindAllStringSubmatch(text, -1) {
			commands = append(commands, strings.ReplaceAll(m[1], "\n", " "))
		}
		for _, c := range commands {
			c = strings.TrimPrefix(strings.TrimSpace(c), "$ ")
			if !strings.Contains(c, "geokg ") { // also go run ./cmd/geokg
				continue
			}
			for _, m := range redirect.FindAllStringSubmatch(c, -1) {
				target := m[1]
				if filepath.IsAbs(target) || strings.HasPrefix(target, "$") {
					continue
				}
				cmd := exec.Command("git", "check-ignore", "-q", target)
				cmd.Dir = root
				if err := cmd.Run(); err != nil {
					t.Errorf("%s: %q writes %s into the work tree, and git does not ignore it (%v): write to /tmp, or ignore it",
						filepath.Base(file), c, target, err)
				}
			}
		}
	}
}

// TestReadmeInstallsGeokgOneWay checks item 11 of issue 14: the README
// starts with the two commands (install geokg and run the main job on the
// example articles; run the whole test suite), says how the command gets
// on the PATH, and the docs call it one way, `geokg …`, never
// `go run ./cmd/geokg …`.
func TestReadmeInstallsGeokgOneWay(t *testing.T) {
	files := docFiles(t)
	readme, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	first := regexp.MustCompile("(?s)```sh\n(.*?)```").FindSubmatch(readme)
	if first == nil {
		t.Fatal("README.md has no ```sh block")
	}
	lines := strings.Split(strings.TrimSpace(string(first[1])), "\n")
	if len(lines) != 2 ||
		!strings.HasPrefix(lines[0], "go install ./cmd/geokg && geokg import examples/articles") ||
		!strings.HasPrefix(lines[1], "scripts/test ") {
		t.Errorf("README.md's first block is\n%s\nwant the install and the main job, then scripts/test", first[1])
	}
	if !strings.Contains(string(readme), "$(go env GOPATH)/bin") {
		t.Error("README.md does not say where go install puts geokg")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if strings.Contains(line, "go run ./cmd/geokg") {
				t.Errorf("%s:%d: runs geokg with go run; the docs say `geokg …` (installed with go install ./cmd/geokg)", filepath.Base(file), i+1)
			}
		}
	}
}
