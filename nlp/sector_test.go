package nlp

import (
	"strings"
	"testing"
)

// TestSector checks the sector codes of persons, organizations and groups
// on sentences of our own.
func TestSector(t *testing.T) {
	x := sharedExtractor(t)
	cases := []struct {
		text string
		want map[string]string // actor id → sector
	}{
		{"Body.\n\nRussian Foreign Minister Sergey Lavrov met Turkish President Recep Tayyip Erdogan in Ankara.",
			map[string]string{"sergey lavrov": "GOV", "recep tayyip erdogan": "GOV", "RUS": "", "TUR": ""}},
		{"Body.\n\nHungary's army chief, Gen. Tomas Varga, said troops would stay.",
			map[string]string{"tomas varga": "MIL"}},
		{"Body.\n\nOpposition leader Mira Castell urged the European Union to act.",
			map[string]string{"mira castell": "OPP", "EU": "IGO"}},
		{"Body.\n\nA Hezbollah commander, Ali Haidar, said the group fired rockets at Israel.",
			map[string]string{"Hezbollah": "REB", "ali haidar": "REB"}},
		{"Body.\n\nThe UN envoy to Yemen, Hans Grundberg, met Houthi negotiators.",
			map[string]string{"UN": "IGO", "hans grundberg": "IGO", "Houthis": "REB"}},
		{"Body.\n\nAmnesty International said the Syrian opposition had rejected the talks.",
			map[string]string{"Amnesty International": "NGO", "Syrian opposition": "OPP"}},
		{"Body.\n\nThe Libyan National Army attacked Tripoli.",
			map[string]string{"LNA": "REB"}},
		{"Body.\n\nKremlin spokesman Dmitry Peskov criticised NATO.",
			map[string]string{"dmitry peskov": "GOV", "NATO": "IGO"}},
		{"Body.\n\nThe Republican Party criticised Al Jazeera.",
			map[string]string{"Republican Party": "PTY", "Al Jazeera": "MED"}},
	}
	for _, c := range cases {
		doc := extractText(t, x, c.text)
		got := map[string]string{}
		for _, a := range doc.Actors {
			got[a.ID] = a.Sector
		}
		for id, want := range c.want {
			if s, ok := got[id]; !ok || s != want {
				t.Errorf("%q: %s sector %q (found %v), want %q; actors %s", c.text, id, s, ok, want, actorSummary(doc))
			}
		}
	}
}

func TestSectorTable(t *testing.T) {
	tab, err := parseSectors("# comment\nminister\tGOV\nforeign minister\tGOV\nopposition\tOPP\nleader\t-\nopposition leader\tOPP\narmy chief\tMIL\nchief\t-\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text, want string
		ok         bool
	}{
		{"Deputy Foreign Minister", "GOV", true},
		{"opposition leader", "OPP", true},
		{"leader", "", true},
		{"army chief", "MIL", true},
		{"negotiator", "", false},
	} {
		if got, ok := tab.match(c.text); got != c.want || ok != c.ok {
			t.Errorf("match(%q) = %q, %v; want %q, %v", c.text, got, ok, c.want, c.ok)
		}
	}
	if _, err := parseSectors("minister GOV\n"); err == nil || !strings.Contains(err.Error(), "sectors.tsv:1") {
		t.Errorf("a row without a tab: %v, want an error with its line", err)
	}
}

func TestDictionarySector(t *testing.T) {
	csvFile := writeDict(t, "sectors.csv", `id,type,name,aliases,affiliation,role,sector
Sahel Relief,ORGANIZATION,Sahel Relief,,,,NGO
Amina Diallo,PERSON,Amina Diallo,Diallo,MLI,,OPP
`)
	x, err := New(Config{ActorFiles: []string{csvFile}})
	if err != nil {
		t.Fatal(err)
	}
	doc := extractText(t, x, "Body.\n\nDiallo said Sahel Relief had warned Mali.")
	for _, a := range doc.Actors {
		want := map[string]string{"Sahel Relief": "NGO", "amina diallo": "OPP", "MLI": ""}[a.ID]
		if a.Sector != want {
			t.Errorf("%s: sector %q, want %q", a.ID, a.Sector, want)
		}
	}
	for _, bad := range []string{"id,type,sector\nMLI,COUNTRY,GOV\n", "id,type,sector\nX,GROUP,REBEL\n"} {
		if _, err := New(Config{ActorFiles: []string{writeDict(t, "bad.csv", bad)}}); err == nil ||
			!strings.Contains(err.Error(), "bad.csv:2:") || !strings.Contains(err.Error(), "sector") {
			t.Errorf("%q: %v, want an error naming the line and the sector", bad, err)
		}
	}
}
