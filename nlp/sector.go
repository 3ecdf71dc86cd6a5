package nlp

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/geokg/geokg/schema"
)

// Sectors: the CAMEO-style sector code of a person, organization or group
// (GOV, MIL, OPP, REB, IGO, NGO, BUS, MED …; docs/actors.md), from the
// lexicon's sector column, the words of a person's role or an actor's name
// (lexicon/sectors.tsv), and what the person is affiliated with.

//go:embed lexicon/sectors.tsv
var sectorsTSV string

// sectorPhrase is one row of sectors.tsv.
type sectorPhrase struct {
	words []string
	code  string // "" for a word that gives no sector of its own
}

// sectorTable maps a phrase's first word to its phrases.
type sectorTable map[string][]sectorPhrase

func parseSectors(data string) (sectorTable, error) {
	t := sectorTable{}
	for n, line := range strings.Split(data, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		phrase, code, ok := strings.Cut(line, "\t")
		if !ok || phrase == "" || code != "-" && !isAlpha3(code) {
			return nil, fmt.Errorf("lexicon/sectors.tsv:%d: %q: want a phrase, a tab and a sector code such as GOV or -", n+1, line)
		}
		if code == "-" {
			code = ""
		}
		words := strings.Fields(strings.ToLower(phrase))
		t[words[0]] = append(t[words[0]], sectorPhrase{words: words, code: code})
	}
	return t, nil
}

// match returns the sector of the longest phrase of the table in text (of
// two as long, the later: the head noun of "opposition leader"), and
// whether some phrase matched; the sector is "" when that phrase gives
// none ("spokesman").
func (t sectorTable) match(text string) (string, bool) {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return r == ' ' || r == ',' || r == '.' || r == '(' || r == ')' || r == '\'' || r == '’'
	})
	code, best := "", 0
	for i, w := range words {
		for _, p := range t[w] {
			if len(p.words) < best || i+len(p.words) > len(words) {
				continue
			}
			ok := true
			for k, pw := range p.words {
				if words[i+k] != pw {
					ok = false
					break
				}
			}
			if ok {
				code, best = p.code, len(p.words)
			}
		}
	}
	return code, best > 0
}

// sectorPass gives the article's persons, organizations and groups their
// sector. An entry's own sector (the lexicon's sector column) wins; a
// person speaks for the group or organization they are affiliated with
// when that has a sector (a Hezbollah commander is REB, a UN envoy IGO);
// else a person's role says ("Foreign Minister" GOV, "army chief" MIL,
// "opposition leader" OPP), and a person who acts for a state in another
// capacity, or is in the lexicon for it, is GOV.
func (r *recognizer) sectorPass() {
	a := r.a
	for i := range a.Actors {
		act := &a.Actors[i]
		if act.Type == schema.Organization || act.Type == schema.Group {
			act.Sector = r.lex.bodySector(r.entLex[i], act.Name, act.Type)
		}
	}
	for i := range a.Actors {
		act := &a.Actors[i]
		if act.Type != schema.Person {
			continue
		}
		if l := r.entLex[i]; l >= 0 && r.lex.actors[l].Sector != "" {
			act.Sector = r.lex.actors[l].Sector
			continue
		}
		affType, affSector := r.affiliationSector(act.Affiliation)
		if affSector != "" {
			act.Sector = affSector
			continue
		}
		if code, _ := r.lex.sectors.match(act.Role); code != "" {
			act.Sector = code
			continue
		}
		if affType == schema.Country && (act.Role != "" || r.entLex[i] >= 0) {
			act.Sector = "GOV"
		}
	}
}

// affiliationSector returns the type and sector of the actor with this
// id: the article's, else the lexicon's (a Taliban spokesman in an article
// that does not name the Taliban).
func (r *recognizer) affiliationSector(id string) (schema.ActorType, string) {
	if id == "" {
		return "", ""
	}
	if i := r.a.actorWithID(id); i >= 0 {
		return r.a.Actors[i].Type, r.a.Actors[i].Sector
	}
	l, ok := r.lex.byID[id]
	if !ok {
		return "", ""
	}
	la := &r.lex.actors[l]
	if la.Type != schema.Organization && la.Type != schema.Group {
		return la.Type, ""
	}
	return la.Type, r.lex.bodySector(l, la.Name, la.Type)
}

// bodySector is the sector of an organization or group: the lexicon
// entry's own (lex ≥ 0), else its name's ("Defence Force" MIL, "Syrian
// opposition" OPP, "Democratic Party" PTY); outlets are MED, and other
// groups REB, the armed groups the lexicon lists. A group's army or
// government is a rebel one ("Libyan National Army").
func (lx *lexicon) bodySector(lex int, name string, typ schema.ActorType) string {
	if lex >= 0 && lx.actors[lex].Sector != "" {
		return lx.actors[lex].Sector
	}
	code, _ := lx.sectors.match(name)
	if typ == schema.Group && (code == "" || code == "MIL" || code == "GOV") {
		return "REB"
	}
	if code == "" && lex >= 0 && lx.actors[lex].Outlet {
		return "MED"
	}
	return code
}
