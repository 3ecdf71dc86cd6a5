package neo4jtest

import (
	"bufio"
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// RunScript runs a cypher-shell script (an output folder's load.cypher)
// the way cypher-shell does:
// ":param name => expr" evaluates RETURN expr on the server, statements
// end with ";" at the end of a line, "//" lines are comments. Every line
// must be printable ASCII, as the script writer escapes the rest.
func RunScript(t testing.TB, driver neo4j.DriverWithContext, path string) {
	t.Helper()
	ctx := context.Background()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	params := map[string]any{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	var stmt strings.Builder
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		for _, r := range line {
			if r > 0x7e || (r < 0x20 && r != '\t') {
				t.Fatalf("%s:%d: not printable ASCII: %q", path, n, r)
			}
		}
		switch {
		case strings.HasPrefix(line, "//") || (stmt.Len() == 0 && strings.TrimSpace(line) == ""):
		case strings.HasPrefix(line, ":param "):
			name, expr, ok := strings.Cut(strings.TrimPrefix(line, ":param "), " => ")
			if !ok {
				t.Fatalf("%s:%d: bad :param", path, n)
			}
			res, err := neo4j.ExecuteQuery(ctx, driver, "RETURN "+expr+" AS v", nil, neo4j.EagerResultTransformer)
			if err != nil {
				t.Fatalf("%s:%d: %v", path, n, err)
			}
			params[name] = res.Records[0].Values[0]
		default:
			stmt.WriteString(line)
			stmt.WriteString("\n")
			if strings.HasSuffix(line, ";") {
				q := strings.TrimSuffix(strings.TrimSpace(stmt.String()), ";")
				stmt.Reset()
				if _, err := neo4j.ExecuteQuery(ctx, driver, q, params, neo4j.EagerResultTransformer); err != nil {
					t.Fatalf("%s:%d: %v\n%s", path, n, err, q)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

// DiffLines lists the lines of two sorted graph dumps that only one side
// has: "+ " for got's, "- " for want's.
func DiffLines(got, want []string) string {
	var b strings.Builder
	for _, l := range got {
		if !slices.Contains(want, l) {
			b.WriteString("+ " + l + "\n")
		}
	}
	for _, l := range want {
		if !slices.Contains(got, l) {
			b.WriteString("- " + l + "\n")
		}
	}
	return b.String()
}
