package nlp

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeDict(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadActorsErrors(t *testing.T) {
	cases := []struct {
		name, file, content string
		want                string // the error, after the file's path
		line                int
	}{
		{"unknown extension", "a.txt", "id,type\n", ": unknown dictionary format: want a .csv, .yaml or .yml file", 0},
		{"empty CSV", "a.csv", "", ": empty file: want a header row such as id,type,name,aliases", 0},
		{"unknown column", "a.csv", "# comment\nid,type,nickname\n", `:2: unknown column "nickname": want id, type, name, aliases, demonyms, capitals, bodies, weak, affiliation, role, sector`, 2},
		{"missing type column", "a.csv", "id,name\nX,Y\n", `:1: no "type" column in the header`, 1},
		{"bad type", "a.csv", "id,type\nHTS,GROUP\nX,COUNTRI\n", `:3: actor type "COUNTRI": want one of COUNTRY, PERSON, ORGANIZATION, GROUP`, 3},
		{"empty id", "a.csv", "id,type\n,GROUP\n", ":2: empty id", 2},
		{"country id not alpha-3", "a.csv", "id,type\nRussia,COUNTRY\n", `:2: country id "Russia": want an ISO 3166 alpha-3 code such as RUS`, 2},
		{"wrong field count", "a.csv", "id,type,name\nHTS,GROUP\n", ":2: 2 fields, want 3 as in the header", 2},
		{"bad quoting", "a.csv", "id,type,name\nHTS,GROUP,\"Hayat\n", `:2: extraneous or missing " in quoted-field`, 2},
		{"affiliation on a non-person", "a.csv", "id,type,affiliation\nHTS,GROUP,SYR\n", ":2: HTS: affiliation and role are for persons only", 2},
		{"YAML not a list", "a.yaml", "id: HTS\ntype: GROUP\n", `:1: want a list of entries (lines starting with "- id: ...")`, 1},
		{"YAML unknown key", "a.yaml", "- id: HTS\n  type: GROUP\n  nick: x\n", `:3: unknown key "nick": want id, type, name, aliases, demonyms, capitals, bodies, weak, affiliation, role, sector`, 3},
		{"YAML bad type", "a.yml", "- id: HTS\n  type: GROUP\n- id: X\n  type: PARTY\n", `:3: actor type "PARTY": want one of COUNTRY, PERSON, ORGANIZATION, GROUP`, 3},
		{"YAML syntax", "a.yaml", "- id: HTS\n  name: Hayat\n   type: GROUP\n", ":3: mapping values are not allowed in this context", 3},
		{"YAML empty", "a.yaml", "", ": empty file: want a list of entries", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := writeDict(t, tc.file, tc.content)
			_, err := LoadActors(p)
			if err == nil {
				t.Fatal("no error")
			}
			if got, want := err.Error(), p+tc.want; got != want {
				t.Errorf("error\n got: %s\nwant: %s", got, want)
			}
			var de *DictError
			if !errors.As(err, &de) || de.Line != tc.line || de.Path != p {
				t.Errorf("DictError %+v, want path %s line %d", de, p, tc.line)
			}
		})
	}
	if _, err := LoadActors(filepath.Join(t.TempDir(), "missing.csv")); err == nil || !strings.Contains(err.Error(), "missing.csv") {
		t.Errorf("missing file: %v, want an error naming it", err)
	}
}

func TestUserDictionaryAddsAndOverrides(t *testing.T) {
	csvFile := writeDict(t, "mine.csv", `# Local groups and persons
id,type,name,aliases,affiliation,role
Sahel Shield,GROUP,Sahel Shield,Bouclier du Sahel|SSh,,
Amina Diallo,PERSON,Amina Diallo,Diallo,MLI,Prime Minister
UN,ORGANIZATION,United Nations,the world organisation,,
`)
	yamlFile := writeDict(t, "more.yaml", `- id: NRF
  type: GROUP
  name: Northern Resistance Front
  aliases: Resistance Front | the Front
`)
	x, err := New(Config{ActorFiles: []string{csvFile, yamlFile}})
	if err != nil {
		t.Fatal(err)
	}
	doc := extractText(t, x, "Body.\n\nDiallo said Bouclier du Sahel and the Northern Resistance Front met the U.N. envoy.")
	got := actorSummary(doc)
	want := "NRF:GROUP Sahel Shield:GROUP UN:ORGANIZATION amina diallo:PERSON"
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	for _, a := range doc.Actors {
		if a.ID == "amina diallo" && (a.Affiliation != "MLI" || a.Role != "Prime Minister") {
			t.Errorf("amina diallo: affiliation %q role %q, want MLI, Prime Minister", a.Affiliation, a.Role)
		}
	}
	if _, err := New(Config{ActorFiles: []string{writeDict(t, "bad.csv", "id,type\nX,Y\n")}}); err == nil ||
		!strings.Contains(err.Error(), "bad.csv:2:") {
		t.Errorf("bad user file: %v, want an error with file and line", err)
	}
}
