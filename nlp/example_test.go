package nlp_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/geokg/geokg/nlp"
	"github.com/geokg/geokg/schema"
)

func ExampleExtractor_Extract() {
	x, err := nlp.New(nlp.Config{})
	if err != nil {
		log.Fatal(err)
	}
	text := "Kenya, Ghana agree on trade\n\n" +
		"Kenyan Foreign Minister Daniel Okoro met Ghana's president in Accra on Monday. " +
		"Okoro said Nairobi wanted the African Union to back the deal."
	doc, err := x.Extract(context.Background(), schema.Article{ID: "a1", Path: "a1.txt", Text: text})
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range doc.Actors {
		fmt.Printf("%s %s %q", a.Type, a.ID, a.Aliases)
		if a.Affiliation != "" {
			fmt.Printf(" affiliation=%s role=%q", a.Affiliation, a.Role)
		}
		if a.Sector != "" {
			fmt.Printf(" sector=%s", a.Sector)
		}
		fmt.Println()
	}
	for _, r := range doc.Relations {
		fmt.Printf("%s %s %s", r.Source, r.Type, r.Target)
		if r.Place != nil {
			fmt.Printf(" in %s (%s, %s)", r.Place.Name, r.Place.Kind, r.Place.Country)
		}
		fmt.Println()
	}
	// Output:
	// COUNTRY KEN ["Kenya" "Kenyan" "Nairobi"]
	// COUNTRY GHA ["Ghana"]
	// PERSON daniel okoro ["Daniel Okoro" "Okoro"] affiliation=KEN role="Foreign Minister" sector=GOV
	// ORGANIZATION AU ["African Union"] sector=IGO
	// KEN AGREE GHA
	// daniel okoro CONSULT GHA in Accra (city, GHA)
}

func ExampleLoadActors() {
	dir, err := os.MkdirTemp("", "actors")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "actors.csv")
	csv := "id,type,name,aliases\nHTS,GROUP,Hayat Tahrir al-Sham,HTS|Tahrir al-Sham\nX,PARTY,Y,\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		log.Fatal(err)
	}
	_, err = nlp.LoadActors(path)
	fmt.Println(filepath.Base(err.Error()))
	// Output:
	// actors.csv:3: actor type "PARTY": want one of COUNTRY, PERSON, ORGANIZATION, GROUP
}
