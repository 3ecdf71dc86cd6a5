package view

import "github.com/geokg/geokg/schema"

// Palette maps actor types and quad classes to CSS colours.
type Palette struct {
	Types map[schema.ActorType]string `json:"types"`
	Quads map[schema.Quad]string      `json:"quads"`
	// Ally and Rival colour the alignment: positive and negative net
	// cooperation (ALLIED_WITH and OPPOSED_TO in Neo4j Browser).
	Ally  string `json:"ally"`
	Rival string `json:"rival"`
	// Blocs colour the alignment's blocs in turn (bloc n takes
	// Blocs[(n-1) % len]); NoBloc an actor in no bloc of two or more.
	Blocs  []string `json:"blocs"`
	NoBloc string   `json:"noBloc"`
}

// DefaultPalette is the colour scheme of the HTML view; the Neo4j Browser
// style in browser/ uses the same colours, so both pictures read alike.
// Cooperation is green, conflict orange to red; the actor colours are
// Neo4j Browser's own defaults, told apart by colour-blind readers too.
var DefaultPalette = Palette{
	Types: map[schema.ActorType]string{
		schema.Country:      "#4C8EDA",
		schema.Person:       "#F79767",
		schema.Organization: "#8DCC93",
		schema.Group:        "#C990C0",
	},
	Quads: map[schema.Quad]string{
		schema.VerbalCooperation:   "#7FC97F",
		schema.MaterialCooperation: "#1B7837",
		schema.VerbalConflict:      "#F4A261",
		schema.MaterialConflict:    "#C0392B",
	},
	Ally:  "#1B7837",
	Rival: "#C0392B",
	// Bloc colours: told apart by colour-blind readers, and neither green
	// nor red, which mean allied and opposed.
	Blocs: []string{"#4C72B0", "#DD8452", "#8172B3", "#937860", "#DA8BC3", "#64B5CD", "#CCB974",
		"#2F4B7C", "#B07AA1", "#F1CE63", "#6F4E7C", "#A0CBE8", "#FFBE7D", "#9D7660", "#D4A6C8"},
	NoBloc: "#A5ABB6",
}
