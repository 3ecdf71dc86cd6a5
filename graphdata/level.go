package graphdata

import (
	"context"
	"fmt"
)

// Level says whose events an event counts for: the actors the sentence
// names, or the states and organizations they act for.
type Level string

// The levels.
const (
	// ActorLevel counts an event for the two actors it names: Putin's
	// meeting with Erdogan is Putin's and Erdogan's.
	ActorLevel Level = "actor"
	// StateLevel counts an event for the states or organizations its
	// actors act for in the reporting article (Event.SourceState,
	// TargetState): Putin's meeting with Erdogan is Russia's and
	// Turkey's. An end that acts for no one is its own state.
	StateLevel Level = "state"
)

// ParseLevel accepts "actor", "state" and "" (actor).
func ParseLevel(s string) (Level, error) {
	switch Level(s) {
	case "", ActorLevel:
		return ActorLevel, nil
	case StateLevel:
		return StateLevel, nil
	}
	return "", fmt.Errorf("level %q: want actor or state", s)
}

// Ends returns the event's source and target at the level. This is the
// one definition of the roll-up; query's Cypher twin is
// coalesce(e.source_state, e.source).
func (e Event) Ends(l Level) (source, target string) {
	if l != StateLevel {
		return e.Source, e.Target
	}
	return or(e.SourceState, e.Source), or(e.TargetState, e.Target)
}

// AtLevel returns the event with Source and Target at the level, and
// whether it is still an event between two actors there: at state level
// an event whose ends act for the same state (a foreign minister meets
// his president) drops out. A symmetric event keeps Source < Target, its
// per-end fields swapped along.
func (e Event) AtLevel(l Level) (Event, bool) {
	if l != StateLevel {
		return e, true
	}
	e.Source, e.Target = e.Ends(l)
	if e.Source == e.Target {
		return e, false
	}
	if e.Type.Symmetric() && e.Target < e.Source {
		e.Source, e.Target = e.Target, e.Source
		e.SourceState, e.TargetState = e.TargetState, e.SourceState
		e.SourceCountry, e.TargetCountry = e.TargetCountry, e.SourceCountry
		e.SourceSector, e.TargetSector = e.TargetSector, e.SourceSector
	}
	return e, true
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// AtLevel is src with its events' ends at the level (Event.AtLevel); at
// state level the events within one state are left out. Actors,
// articles and mentions are src's.
func AtLevel(src Source, l Level) Source {
	if l == StateLevel {
		return stateSource{src}
	}
	return src
}

type stateSource struct{ Source }

func (s stateSource) Events(ctx context.Context, f Filter, fn func(Event) error) error {
	return s.Source.Events(ctx, f, func(e Event) error {
		if e, ok := e.AtLevel(StateLevel); ok {
			return fn(e)
		}
		return nil
	})
}
