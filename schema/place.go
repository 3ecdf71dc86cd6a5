package schema

// Place is a location resolved against the gazetteer (GeoNames).
type Place struct {
	// Name is the gazetteer's name for the place ("Aleppo"); Text is how
	// the sentence wrote it ("the city of Aleppo").
	Name string `json:"name"`
	Text string `json:"text,omitempty"`
	// Kind is "country", "region" (first-level division), "city", "water"
	// or "area".
	Kind string `json:"kind"`
	// Country is the ISO 3166-1 alpha-3 code of the country the place lies
	// in; empty for international waters.
	Country string `json:"country,omitempty"`
	// Lat and Lon are WGS84 degrees.
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}
