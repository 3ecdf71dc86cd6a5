package schema

import "fmt"

// EventType is one of the 16 PLOVER event categories.
type EventType string

// The PLOVER event categories (openeventdata/PLOVER, PLOVER_MANUAL.tex).
const (
	Agree     EventType = "AGREE"
	Consult   EventType = "CONSULT"
	Support   EventType = "SUPPORT"
	Concede   EventType = "CONCEDE"
	Cooperate EventType = "COOPERATE"
	Aid       EventType = "AID"
	Retreat   EventType = "RETREAT"
	Request   EventType = "REQUEST"
	Accuse    EventType = "ACCUSE"
	Reject    EventType = "REJECT"
	Threaten  EventType = "THREATEN"
	Protest   EventType = "PROTEST"
	Sanction  EventType = "SANCTION"
	Mobilize  EventType = "MOBILIZE"
	Coerce    EventType = "COERCE"
	Assault   EventType = "ASSAULT"
)

// Quad is a PLOVER quad class.
type Quad string

// The four quad classes.
const (
	VerbalCooperation   Quad = "verbal cooperation"
	MaterialCooperation Quad = "material cooperation"
	VerbalConflict      Quad = "verbal conflict"
	MaterialConflict    Quad = "material conflict"
)

// eventInfo is the fixed vocabulary entry of an EventType.
type eventInfo struct {
	quad      Quad
	score     float64
	symmetric bool
}

// events maps each type to its quad class and intensity. The quad classes
// and the intensities are the PLOVER manual's (PLOVER_MANUAL.tex, "Numeric
// conflict/cooperation scores"): the "Schrodt scores" on [-10, 10], the
// frequency-weighted mean Goldstein score of the CAMEO codes each category
// absorbs, with COERCE and MOBILIZE swapped as the manual explains.
var events = map[EventType]eventInfo{
	Agree:     {VerbalCooperation, 4.2, true},
	Consult:   {VerbalCooperation, 2.1, true},
	Support:   {VerbalCooperation, 4.6, false},
	Concede:   {VerbalCooperation, 5.0, false},
	Cooperate: {MaterialCooperation, 6.8, true},
	Aid:       {MaterialCooperation, 7.4, false},
	Retreat:   {MaterialCooperation, 7.6, false},
	Request:   {VerbalConflict, -5.0, false},
	Accuse:    {VerbalConflict, -2.0, false},
	Reject:    {VerbalConflict, -4.2, false},
	Threaten:  {VerbalConflict, -5.1, false},
	Protest:   {MaterialConflict, -6.6, false},
	Sanction:  {MaterialConflict, -5.2, false},
	Mobilize:  {MaterialConflict, -5.3, false},
	Coerce:    {MaterialConflict, -7.2, false},
	Assault:   {MaterialConflict, -9.3, false},
}

// EventTypes lists the 16 categories in PLOVER's order, cooperation first.
var EventTypes = []EventType{
	Agree, Consult, Support, Concede, Cooperate, Aid, Retreat,
	Request, Accuse, Reject, Threaten,
	Protest, Sanction, Mobilize, Coerce, Assault,
}

// ParseEventType accepts the upper-case PLOVER names.
func ParseEventType(s string) (EventType, error) {
	if _, ok := events[EventType(s)]; ok {
		return EventType(s), nil
	}
	return "", fmt.Errorf("event type %q is not a PLOVER category", s)
}

// Valid reports whether t is one of the 16 categories. Relationship types
// in Cypher are only ever taken from valid EventTypes.
func (t EventType) Valid() bool {
	_, ok := events[t]
	return ok
}

// Quad returns the type's quad class.
func (t EventType) Quad() Quad { return events[t].quad }

// Score returns the type's intensity on [-10, 10].
func (t EventType) Score() float64 { return events[t].score }

// Symmetric reports whether the type has no direction (CONSULT, AGREE,
// COOPERATE): "X met Y" and "Y met X" are the same event.
func (t EventType) Symmetric() bool { return events[t].symmetric }

// Cooperative reports whether the type's quad class is a cooperation class.
func (q Quad) Cooperative() bool {
	return q == VerbalCooperation || q == MaterialCooperation
}
