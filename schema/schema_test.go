package schema_test

import (
	"encoding/json"
	"testing"

	"github.com/geokg/geokg/schema"
)

func TestEventTypesMatchGuidelines(t *testing.T) {
	// The quad classes of ../shared/eval/GUIDELINES.md (and its score.py).
	want := map[schema.EventType]schema.Quad{
		"AGREE": schema.VerbalCooperation, "CONSULT": schema.VerbalCooperation,
		"SUPPORT": schema.VerbalCooperation, "CONCEDE": schema.VerbalCooperation,
		"COOPERATE": schema.MaterialCooperation, "AID": schema.MaterialCooperation, "RETREAT": schema.MaterialCooperation,
		"REQUEST": schema.VerbalConflict, "ACCUSE": schema.VerbalConflict, "REJECT": schema.VerbalConflict,
		"THREATEN": schema.VerbalConflict,
		"PROTEST":  schema.MaterialConflict, "SANCTION": schema.MaterialConflict,
		"MOBILIZE": schema.MaterialConflict, "COERCE": schema.MaterialConflict, "ASSAULT": schema.MaterialConflict,
	}
	if len(schema.EventTypes) != len(want) {
		t.Fatalf("EventTypes has %d types, want %d", len(schema.EventTypes), len(want))
	}
	for _, typ := range schema.EventTypes {
		if got := typ.Quad(); got != want[typ] {
			t.Errorf("%s.Quad() = %q, want %q", typ, got, want[typ])
		}
		if coop, score := typ.Quad().Cooperative(), typ.Score(); coop != (score > 0) {
			t.Errorf("%s: score %v has the wrong sign for %q", typ, score, typ.Quad())
		}
		if p, err := schema.ParseEventType(string(typ)); err != nil || p != typ {
			t.Errorf("ParseEventType(%q) = %q, %v", typ, p, err)
		}
	}
	for _, typ := range []schema.EventType{"CONSULT", "AGREE", "COOPERATE"} {
		if !typ.Symmetric() {
			t.Errorf("%s should be symmetric", typ)
		}
	}
	if _, err := schema.ParseEventType("ATTACK"); err == nil {
		t.Error("ParseEventType accepted a type outside PLOVER")
	}
}

func TestDateJSON(t *testing.T) {
	tests := []struct {
		name, in, out string
		wantErr       bool
	}{
		{name: "date", in: `"2015-10-30"`, out: `"2015-10-30"`},
		{name: "null", in: `null`, out: `null`},
		{name: "empty string", in: `""`, out: `null`},
		{name: "not a date", in: `"30/10/2015"`, wantErr: true},
		{name: "not a string", in: `20151030`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d schema.Date
			err := json.Unmarshal([]byte(tt.in), &d)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Unmarshal(%s) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			b, err := json.Marshal(d)
			if err != nil || string(b) != tt.out {
				t.Errorf("Marshal = %s, %v; want %s", b, err, tt.out)
			}
		})
	}
}

func TestEventIDSymmetric(t *testing.T) {
	met := schema.Relation{Source: "USA", Target: "RUS", Type: schema.Consult, Sentence: 3}
	back := met
	back.Source, back.Target = met.Target, met.Source
	if met.EventID("a1") != back.EventID("a1") {
		t.Error("a symmetric relation got two ids")
	}
	hit := schema.Relation{Source: "USA", Target: "RUS", Type: schema.Assault, Sentence: 3}
	rev := hit
	rev.Source, rev.Target = hit.Target, hit.Source
	if hit.EventID("a1") == rev.EventID("a1") {
		t.Error("a directed relation got the same id both ways")
	}
	if hit.EventID("a1") == hit.EventID("a2") {
		t.Error("the same relation in two articles got one id")
	}
}

func TestAsserted(t *testing.T) {
	tests := []struct {
		modes []schema.Mode
		want  bool
	}{
		{nil, true},
		{[]schema.Mode{schema.Attributed, schema.Future}, true},
		{[]schema.Mode{schema.Negated}, false},
		{[]schema.Mode{schema.Attributed, schema.Hypothetical}, false},
	}
	for _, tt := range tests {
		if got := (schema.Relation{Modes: tt.modes}).Asserted(); got != tt.want {
			t.Errorf("Asserted with modes %v = %v, want %v", tt.modes, got, tt.want)
		}
	}
}
