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

// events maps each type to its quad class and intensity. The intensity is
// a Goldstein-style score on [-10, 10] (cooperation positive, conflict
// negative), taken as the midpoint of the CAMEO root codes each PLOVER
// category absorbs on the Goldstein (1992) scale.
var events = map[EventType]eventInfo{
	Agree:     {VerbalCooperation, 4.0, true},
	Consult:   {VerbalCooperation, 1.0, true},
	Support:   {VerbalCooperation, 3.5, false},
	Concede:   {VerbalCooperation, 5.0, false},
	Cooperate: {MaterialCooperation, 6.0, true},
	Aid:       {MaterialCooperation, 7.0, false},
	Retreat:   {MaterialCooperation, 5.0, false},
	Request:   {VerbalConflict, -2.0, false},
	Accuse:    {VerbalConflict, -2.0, false},
	Reject:    {VerbalConflict, -4.0, false},
	Threaten:  {VerbalConflict, -6.0, false},
	Protest:   {MaterialConflict, -6.5, false},
	Sanction:  {MaterialConflict, -7.0, false},
	Mobilize:  {MaterialConflict, -7.2, false},
	Coerce:    {MaterialConflict, -8.0, false},
	Assault:   {MaterialConflict, -10.0, false},
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
