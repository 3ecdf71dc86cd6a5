package schema

import "fmt"

// ActorType is the kind of a geopolitical actor.
type ActorType string

// The four actor types of the annotation guidelines.
const (
	// Country is a state and its government, army, ministries and agencies.
	Country ActorType = "COUNTRY"
	// Person is a named individual.
	Person ActorType = "PERSON"
	// Organization is an intergovernmental organization, NGO, court,
	// company, party or alliance.
	Organization ActorType = "ORGANIZATION"
	// Group is a non-state armed, militant, rebel or opposition movement.
	Group ActorType = "GROUP"
)

// ActorTypes lists every ActorType in a fixed order.
var ActorTypes = []ActorType{Country, Person, Organization, Group}

// ParseActorType accepts the upper-case names of the actor types.
func ParseActorType(s string) (ActorType, error) {
	for _, t := range ActorTypes {
		if string(t) == s {
			return t, nil
		}
	}
	return "", fmt.Errorf("actor type %q: want one of COUNTRY, PERSON, ORGANIZATION, GROUP", s)
}

// Actor is one canonical actor found in an article, with every surface form
// that named it there.
type Actor struct {
	// ID is the canonical identity, the same in every article: the ISO 3166
	// alpha-3 code for a country ("RUS"), the lexicon key for an
	// organization or group ("UN", "ISIL"), a normalized name key for a
	// person. It is deterministic: the same input always gives the same ID.
	ID string `json:"id"`
	// Name is the display name ("Russia", "Sergey Lavrov").
	Name string `json:"name"`
	// Type is the actor's kind.
	Type ActorType `json:"type"`
	// Aliases are the distinct surface forms used for the actor in this
	// article, in order of first use.
	Aliases []string `json:"aliases"`
	// Mentions are the spans that name the actor, in text order.
	Mentions []Mention `json:"mentions"`
	// Affiliation is the ID of the country or organization a person acts
	// for, when the article says so.
	Affiliation string `json:"affiliation,omitempty"`
	// Role is a person's title in this article ("Foreign Minister").
	Role string `json:"role,omitempty"`
	// Sector is the CAMEO-style sector code of a person, organization or
	// group, derived from its type and role: GOV (government), MIL
	// (military), OPP (opposition), REB (rebels), IGO, NGO, BUS (business),
	// MED (media) …; empty for countries and when nothing says.
	Sector string `json:"sector,omitempty"`
}

// Mention is one span of text that names an actor.
type Mention struct {
	// Text is the span's text as written.
	Text string `json:"text"`
	// Start and End are code-point offsets into Article.Text; End is
	// exclusive.
	Start int `json:"start"`
	End   int `json:"end"`
}
