package gazetteer

import (
	"encoding/csv"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
)

// One instance for the tests: loading parses ~37,000 entries.
var testGaz = New()

func TestLoad(t *testing.T) {
	if err := testGaz.Load(); err != nil {
		t.Fatal(err)
	}
	if n := len(testGaz.entries); n < 30000 {
		t.Fatalf("%d entries, want the GeoNames cities15000 extract (> 30,000)", n)
	}
}

// describe is how the tests write an entry: Name/kind/country.
func describe(e Entry) string { return e.Name + "/" + e.Kind.String() + "/" + e.Country }

// TestNLPCountries checks that every country nlp's lexicon knows has an
// entry under the same alpha-3 key, so events can be placed in any of them.
func TestNLPCountries(t *testing.T) {
	data, err := os.ReadFile("../nlp/lexicon/countries.csv")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	rows, err := csv.NewReader(strings.NewReader(strings.Join(lines, "\n"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		e, ok := testGaz.Country(r[0])
		if !ok {
			t.Errorf("nlp country %s (%s) has no gazetteer entry", r[0], r[2])
			continue
		}
		if e.Lat < -90 || e.Lat > 90 || e.Lon < -180 || e.Lon > 180 || e.Lat == 0 && e.Lon == 0 {
			t.Errorf("%s at %v,%v", r[0], e.Lat, e.Lon)
		}
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name      string
		countries []string
		want      string // Name/Kind/Country of the answer
	}{
		{"Aleppo", nil, "Aleppo/city/SYR"},
		{"Kiev", nil, "Kyiv/city/UKR"},
		{"Kyiv", nil, "Kyiv/city/UKR"},
		{"Damascus", nil, "Damascus/city/SYR"},
		{"Damascus", []string{"USA"}, "Damascus/city/USA"}, // the country named in the sentence wins
		{"Georgia", nil, "Georgia/country/GEO"},
		{"Georgia", []string{"USA"}, "Georgia/region/USA"},
		{"Washington", nil, "Washington/city/USA"},
		{"the Red Sea", nil, "Red Sea/water/"},
		{"Strait of Hormuz", nil, "Strait of Hormuz/water/"},
		{"Deir ez Zor", nil, "Deir ez-Zor/city/SYR"},
		{"DEIR EZ-ZOR", nil, "Deir ez-Zor/city/SYR"},
		{"Britain", nil, "United Kingdom/country/GBR"},
		{"Kosovo", nil, "Kosovo/country/XKX"},
		{"Punjab", nil, "Punjab/region/PAK"},
		{"Odessa", nil, "Odesa/city/UKR"},        // a spelling of Odesa outweighs Odessa, Texas
		{"Salisbury", nil, "Salisbury/city/GBR"}, // an old name of Harare does not
		{"Lebanon", nil, "Lebanon/country/LBN"},
		{"Paris", nil, "Paris/city/FRA"},
		{"U.S.", nil, "United States/country/USA"},
		{"Qamishli", nil, "Al Qāmishlī/city/SYR"},   // without the article
		{"Tal Rifaat", nil, "Tall Rif‘at/city/SYR"}, // by skeleton
		{"Albukamal", nil, "Ālbū Kamāl/city/SYR"},   // by skeleton
		{"Kobani", nil, "‘Ayn al ‘Arab/city/SYR"},   // curated alias
		{"Eastern Ghouta", nil, "Ghouta/area/SYR"},  // curated area
		{"Congress", nil, ""},
	}
	for _, tt := range tests {
		e, ok := testGaz.Resolve(tt.name, tt.countries...)
		got := ""
		if ok {
			got = describe(e)
		}
		if got != tt.want {
			t.Errorf("Resolve(%q, %v) = %q, want %q", tt.name, tt.countries, got, tt.want)
		}
	}
}

func TestCountryCapitalDemonym(t *testing.T) {
	if e, ok := testGaz.Country("SYR"); !ok || e.Name != "Syria" || e.Lat < 32 || e.Lat > 37.5 || e.Lon < 35.5 || e.Lon > 42.5 {
		t.Errorf("Country(SYR) = %+v, %v; want Syria inside its borders", e, ok)
	}
	if e, _ := testGaz.Resolve("Aleppo"); e.FIPS != "SY" || e.ADM1Code != "SY09" || e.Admin1 != "Aleppo" {
		t.Errorf("Aleppo: FIPS %q, ADM1Code %q, Admin1 %q; want SY, SY09, Aleppo", e.FIPS, e.ADM1Code, e.Admin1)
	}
	if e, _ := testGaz.Resolve("Ukraine"); e.FIPS != "UP" || e.ADM1Code != "UP" {
		t.Errorf("Ukraine: FIPS %q, ADM1Code %q; want UP", e.FIPS, e.ADM1Code)
	}
	if e, _ := testGaz.Resolve("Gaza Strip"); e.FIPS != "WE" {
		t.Errorf("Gaza Strip: FIPS %q, want Palestine's (WE)", e.FIPS)
	}
	if e, _ := testGaz.Resolve("Red Sea"); e.FIPS != "" || e.ADM1Code != "" {
		t.Errorf("Red Sea: FIPS %q, ADM1Code %q; want none", e.FIPS, e.ADM1Code)
	}
	if e, ok := testGaz.Capital("UKR"); !ok || e.Name != "Kyiv" {
		t.Errorf("Capital(UKR) = %+v, %v", e, ok)
	}
	if c, ok := testGaz.Demonym("Syrian"); !ok || c != "SYR" {
		t.Errorf("Demonym(Syrian) = %q, %v", c, ok)
	}
	if _, ok := testGaz.Country("ZZZ"); ok {
		t.Error("Country(ZZZ) found")
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"the Red Sea":    "red sea",
		"Dar‘ā":          "dara",
		"Deir ez-Zor":    "deir ez zor",
		"  São  Paulo ":  "sao paulo",
		"Khar'kov":       "kharkov",
		"St. Petersburg": "st petersburg",
		"Łódź":           "lodz",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func ExampleGazetteer_Resolve() {
	g := New()
	e, _ := g.Resolve("Damascus")
	fmt.Println(e.Name, e.Country, e.Kind)
	e, _ = g.Resolve("Damascus", "USA") // "... in Damascus, Maryland, U.S. officials said"
	fmt.Println(e.Name, e.Country, e.Admin1)
	// Output:
	// Damascus SYR city
	// Damascus USA Maryland
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if err := New().Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadHeap reports the heap a loaded gazetteer keeps.
func BenchmarkLoadHeap(b *testing.B) {
	var before, after runtime.MemStats
	for b.Loop() {
		runtime.GC()
		runtime.ReadMemStats(&before)
		g := New()
		if err := g.Load(); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(g)
	}
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-kept")
}

func BenchmarkResolve(b *testing.B) {
	g := New()
	if err := g.Load(); err != nil {
		b.Fatal(err)
	}
	names := []string{"Aleppo", "Kharkiv", "the Red Sea", "Washington", "Nowhere Such", "Deir ez-Zor"}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		g.Resolve(names[i%len(names)], "SYR")
	}
}
