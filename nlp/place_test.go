package nlp

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/geokg/geokg/schema"
)

// TestRelationPlace checks the place a relation gets, on sentences of our
// own: locative cues, a venue of talks, borders, waters, provinces,
// ambiguous names, and a country that is only the target.
func TestRelationPlace(t *testing.T) {
	x := sharedExtractor(t)
	cases := []struct {
		text string
		rel  string // "source TYPE target" of the relation checked
		want string // "name/country" of its place; "" for none
	}{
		{"Russian jets bombed Islamic State positions in Aleppo on Tuesday.", "RUS ASSAULT", "Aleppo/SYR"},
		{"Ukrainian forces shelled Russian troops near Kharkiv.", "UKR ASSAULT RUS", "Kharkiv/UKR"},
		{"Turkish troops clashed with Syrian soldiers along the border with Syria.", "TUR ASSAULT SYR", "Syria/SYR"},
		{"The Houthis attacked United States warships in the Red Sea.", "Houthis ASSAULT USA", "Red Sea/"},
		{"Russia attacked Ukraine on Thursday.", "RUS ASSAULT UKR", ""},
		{"Russia attacked Ukraine in the Donetsk region.", "RUS ASSAULT UKR", "Donetsk/UKR"},
		{"Iran and Saudi Arabia held talks in Baghdad on Friday.", "IRN CONSULT SAU", "Baghdad/IRQ"},
		{"John Kerry met Mohammad Javad Zarif in Vienna.", "John Kerry CONSULT Mohammad Javad Zarif", "Vienna/AUT"},
		{"Syrian government forces attacked rebels in Syria's Idlib province.", "SYR ASSAULT", "Idlib/SYR"},
		{"The United States condemned Russia after the referendum in Crimea.", "USA ACCUSE RUS", ""},
		{"Turkey and Russia agreed on a ceasefire in Idlib.", "TUR AGREE RUS", "Idlib/SYR"},
		{"Turkey and Russia agreed to hold talks in Sochi.", "TUR AGREE RUS", "Sochi/RUS"},
		{"Grain deal extended\n\nMOSCOW — Russia and Turkey agreed on Friday to extend the grain deal.", "RUS AGREE TUR", "Moscow/RUS"},
		{"New sanctions\n\nMOSCOW — Russia imposed sanctions on Turkey on Friday.", "RUS SANCTION TUR", ""},
		{"The talks in Geneva came after Russia threatened Ukraine with new strikes.", "RUS THREATEN UKR", ""},
		{"Russia and Ukraine agreed on a prisoner exchange after talks in Geneva.", "RUS AGREE UKR", "Geneva/CHE"},
		{"Lebanese troops fought Islamic State militants in Tripoli.", "LBN ASSAULT", "Tripoli/LBN"},
		{"Libyan forces fought Islamic State militants in Tripoli.", "LBY ASSAULT", "Tripoli/LBY"},
	}
	for _, c := range cases {
		doc := extractText(t, x, c.text)
		names := map[string]string{}
		for _, a := range doc.Actors {
			names[a.ID] = a.ID
			if a.Type != schema.Country {
				names[a.ID] = a.Name
			}
		}
		var got []string
		for _, r := range doc.Relations {
			p := ""
			if r.Place != nil {
				p = r.Place.Name + "/" + r.Place.Country
			}
			src := names[r.Source] + " " + string(r.Type)
			if c.rel == src || c.rel == src+" "+names[r.Target] {
				got = append(got, p)
			}
		}
		if len(got) == 0 || !slices.Contains(got, c.want) {
			var all []string
			for _, r := range doc.Relations {
				all = append(all, fmt.Sprintf("%s %s %s %+v", names[r.Source], r.Type, names[r.Target], r.Place))
			}
			t.Errorf("%q: %s got places %q, want %q (relations %q)", c.text, c.rel, got, c.want, all)
		}
	}
}

// TestPlaceAccuracy scores the places of the events extracted from the
// dev and dev-b articles (read in place from ../shared/eval) against our
// hand annotation of their sentences (testdata/places.tsv): of the events
// whose sentence gives a place, the share that get it, and the events
// given a place their sentence does not give. Events of sentences the
// annotation lacks are not scored.
func TestPlaceAccuracy(t *testing.T) {
	gold := readPlaceGold(t, filepath.Join("testdata", "places.tsv"))
	x := sharedExtractor(t)
	var right, wrong, missed, falsePlace, none int
	var errs []string
	for _, split := range []string{"dev", "dev-b"} {
		dir := filepath.Join("..", "..", "shared", "eval", split)
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		if len(files) == 0 {
			if os.Getenv("CI") != "" {
				t.Fatalf("the %s set must be beside the repository in CI", dir)
			}
			t.Skipf("no articles in %s", dir)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := x.Extract(context.Background(), schema.Article{ID: f, Path: f, Text: string(b)})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range doc.Relations {
				key := fmt.Sprintf("%s/%s#%d", split, strings.TrimSuffix(filepath.Base(f), ".txt"), r.Sentence)
				g, ok := gold[key]
				if !ok {
					continue
				}
				var name, text string
				if r.Place != nil {
					name, text = r.Place.Name, r.Place.Text
				}
				switch {
				case g == "-" && r.Place == nil:
					none++
				case g == "-":
					falsePlace++
					errs = append(errs, fmt.Sprintf("false place %s: %s (%q) for %s %s", key, name, text, r.Type, r.Cue))
				case r.Place == nil:
					missed++
					errs = append(errs, fmt.Sprintf("missed %s: want %s for %s %s", key, g, r.Type, r.Cue))
				case placeMatches(g, name, text):
					right++
				default:
					wrong++
					errs = append(errs, fmt.Sprintf("wrong %s: %s (%q), want %s for %s %s", key, name, text, g, r.Type, r.Cue))
				}
			}
		}
	}
	located := right + wrong + missed
	if located == 0 {
		t.Fatal("no event of an annotated sentence with a place")
	}
	share := float64(right) / float64(located)
	t.Logf("events whose sentence gives a place: %d; right %d (%.1f%%), wrong %d, missed %d; false places %d of %d events without one",
		located, right, 100*share, wrong, missed, falsePlace, falsePlace+none)
	sort.Strings(errs)
	for _, e := range errs {
		t.Log(e)
	}
	if share < 0.80 {
		t.Errorf("%.1f%% of the events whose sentence gives a place get it, want at least 80%%", 100*share)
	}
	if falsePlace*10 > falsePlace+none {
		t.Errorf("%d of %d events without a place got one, want at most a tenth", falsePlace, falsePlace+none)
	}
}

// placeMatches tells whether a place named name, written text, is one of
// the gold alternatives ("Minsk", "Kazakhstan|Astana").
func placeMatches(gold, name, text string) bool {
	for _, g := range strings.Split(gold, "|") {
		if strings.EqualFold(g, name) || strings.EqualFold(g, text) {
			return true
		}
	}
	return false
}

// readPlaceGold reads the place annotation: key, tab, gold place.
func readPlaceGold(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, g, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s: %q: want key, tab, place", path, line)
		}
		gold[key] = g
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return gold
}
