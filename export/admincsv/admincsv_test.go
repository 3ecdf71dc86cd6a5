package admincsv_test

import (
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/export/admincsv"
	"github.com/geokg/geokg/graphmodel"
	"github.com/geokg/geokg/schema"
)

// readCSV reads one written file: its header and rows.
func readCSV(t *testing.T, dir, name string) ([]string, [][]string) {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	all, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return all[0], all[1:]
}

func TestWriterEncodesValues(t *testing.T) {
	dir := t.TempDir()
	w, err := admincsv.Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	// Text that would break a badly quoted field, and the delimiter itself.
	hazard := "He said \"no\", twice;\nthen\x1fleft"
	clean := "He said \"no\", twice;\nthen left"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	report := graphmodel.Report{Article: "a1", Date: "2016-01-01", Sentences: []int{3, 5}, Evidence: []string{hazard, "x"}}
	must(w.Actor(graphmodel.ActorRow{ID: "RUS", Name: "Russia", Type: schema.Country, Aliases: []string{"Moscow", hazard}, Sector: "GOV", SectorKey: "2016-01-01 a1"}))
	must(w.Actor(graphmodel.ActorRow{ID: "x", Name: "x"})) // no type: the Actor label only
	must(w.Article(graphmodel.ArticleRow{ID: "a1", Title: hazard, Path: "a.txt"}))
	must(w.Event(graphmodel.EventRow{ID: "e1", Article: "a1", Source: "RUS", Target: "x", Type: schema.Support,
		Quad: schema.Support.Quad(), Score: 4.6, Modes: []string{"hypothetical"}, Date: "2016-01-01",
		DateSource: schema.DateFromText, DatePrecision: schema.YearPrecision, Evidence: hazard, References: []string{"he", hazard}, Sentence: 3, Confidence: 0.125,
		Mentions: 2, Articles: 1, Sources: 1, SourceState: "RUS", SourceCountry: "RUS", TargetSector: "GOV",
		Place: &schema.Place{Name: "Aleppo", Kind: "city", Country: "SYR", Lat: 36.2, Lon: 37.15}, Reports: []graphmodel.Report{report}}))
	must(w.Mention(graphmodel.MentionRow{Actor: "RUS", Article: "a1", Count: 2}))
	must(w.Relation(graphmodel.Relation{Source: "RUS", Target: "x", Type: schema.Support, Events: 1, Articles: 1, First: "2016-01-02", Last: "2016-01-02"}))
	must(w.Affiliation(graphmodel.Affiliation{Person: "p", Org: "RUS", Role: hazard, Articles: 1}))
	must(w.Close())

	tests := []struct {
		name string
		file string
		want [][]string
	}{
		{"labels and aliases joined with the delimiter, cleaned of it", "actors.csv", [][]string{
			{"RUS", "Russia", "COUNTRY", "Moscow\x1f" + clean, "RUS", "Actor\x1fCountry", "GOV", "2016-01-01 a1"},
			{"x", "x", "", "", "", "Actor", "", ""},
		}},
		{"multiline and quoted text kept, the delimiter a space", "articles.csv", [][]string{
			{"a1", "", clean, "", "", "a.txt", "", "Article"},
		}},
		{"floats in shortest form, booleans, arrays, a year's date and its precision", "events.csv", [][]string{
			{"e1", "SUPPORT", "verbal cooperation", "4.6", "false", "hypothetical", "false", "2016-01-01", "text", "year", clean, "he\x1f" + clean, "3", "", "", "0.125", "RUS", "x", "a1",
				"2", "1", "1", "RUS", "", "RUS", "", "", "GOV", "Aleppo", "", "city", "SYR", "36.2", "37.15", "{latitude:36.2,longitude:37.15}", "Event"},
		}},
		{"an event's actor", "actor.csv", [][]string{{"RUS", "e1", "ACTOR"}}},
		{"an event's recipient", "recipient.csv", [][]string{{"e1", "x", "RECIPIENT"}}},
		{"an event's reports, each with its sentences", "reported_in.csv", [][]string{{"e1", "a1", "REPORTED_IN", "2", "3\x1f5", clean + "\x1fx", "2016-01-01", report.Stored()}}},
		{"a mention", "mentioned_in.csv", [][]string{{"RUS", "a1", "MENTIONED_IN", "2", "", ""}}},
		{"quad and score from the type", "relations.csv", [][]string{
			{"RUS", "x", "SUPPORT", "1", "1", "2016-01-02", "2016-01-02", "verbal cooperation", "4.6"},
		}},
		{"an affiliation", "affiliated_with.csv", [][]string{{"p", "RUS", "AFFILIATED_WITH", clean, "", "", "1", ""}}},
		{"the schema version node, written by Create", "graph_schema.csv", [][]string{
			{"geokg", fmt.Sprint(graphmodel.SchemaVersion), "GraphSchema"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header, rows := readCSV(t, dir, tt.file)
			i := slices.IndexFunc(admincsv.Files, func(f admincsv.File) bool { return f.Name == tt.file })
			if i < 0 || !slices.Equal(header, admincsv.Files[i].Header) {
				t.Errorf("header %q is not the one of Files", header)
			}
			if !slices.EqualFunc(rows, tt.want, slices.Equal) {
				t.Errorf("rows\n%q\nwant\n%q", rows, tt.want)
			}
		})
	}
}

func TestRelationTypeMustBePLOVER(t *testing.T) {
	w, err := admincsv.Create(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	err = w.Relation(graphmodel.Relation{Source: "a", Target: "b", Type: "DROP`"})
	if err == nil || !strings.Contains(err.Error(), "not a PLOVER category") {
		t.Errorf("err = %v, want a type that is not PLOVER refused", err)
	}
}

func TestCreateNamesTheFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "taken")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := admincsv.Create(file)
	if err == nil || !strings.Contains(err.Error(), file) {
		t.Errorf("err = %v, want one naming %s", err, file)
	}
}

// TestScriptRunsTheImportCommand runs import.sh with a stand-in for
// neo4j-admin that prints its arguments: the shell must pass exactly
// ImportArgs, with the script's folder and the database it is given.
func TestScriptRunsTheImportCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bulk dir") // a space the shell must keep
	w, err := admincsv.Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	printArgs := filepath.Join(t.TempDir(), "printargs")
	if err := os.WriteFile(printArgs, []byte("#!/bin/sh\nprintf '%s\\n' \"$@\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, db string }{{"default database", ""}, {"named database", "news"}} {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{filepath.Join(dir, admincsv.ScriptFile)}
			want := admincsv.ImportArgs(dir, "neo4j")
			if tt.db != "" {
				args = append(args, tt.db)
				want = admincsv.ImportArgs(dir, tt.db)
			}
			cmd := exec.Command("sh", args...)
			cmd.Env = append(os.Environ(), "NEO4J_ADMIN="+printArgs)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("import.sh: %v\n%s", err, out)
			}
			if got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n"); !slices.Equal(got, want) {
				t.Errorf("neo4j-admin got\n%q\nwant\n%q", got, want)
			}
		})
	}
}

func ExampleImportArgs() {
	for _, a := range admincsv.ImportArgs("csv", "neo4j") {
		fmt.Println(a)
	}
	// Output:
	// database
	// import
	// full
	// neo4j
	// --overwrite-destination
	// --array-delimiter=U+001F
	// --multiline-fields=true
	// --nodes=csv/actors.csv
	// --nodes=csv/articles.csv
	// --nodes=csv/events.csv
	// --nodes=csv/graph_schema.csv
	// --relationships=csv/actor.csv
	// --relationships=csv/recipient.csv
	// --relationships=csv/reported_in.csv
	// --relationships=csv/mentioned_in.csv
	// --relationships=csv/relations.csv
	// --relationships=csv/affiliated_with.csv
}
