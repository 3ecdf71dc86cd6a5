package gazetteer

import (
	"fmt"
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
