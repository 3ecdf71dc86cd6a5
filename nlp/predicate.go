package nlp

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/geokg/geokg/schema"
)

// The predicate lexicon maps cue words and phrases onto PLOVER event types
// and says where a cue's arguments are. It is plain data: the built-in
// files under lexicon/ (predicates.tsv written by hand,
// predicates_cameo.tsv generated from the CAMEO verb dictionary) and any
// files a user passes with --predicates, in the same format:
//
//	# comment
//	TYPE <TAB> POS <TAB> CUE [<TAB> TARGETS [<TAB> FLAGS]]
//
// TYPE is a PLOVER category (SUPPORT). POS is "v" for a verb cue, "n" for
// a noun cue. CUE is one or more lemmas ("back", "side with", "sever
// ties"); "_" marks where the target stands inside a discontinuous cue
// ("want _ ousted"). TARGETS lists, separated by "|", what introduces the
// target: "obj" for a verb's direct object, or a preposition, possibly of
// several words ("with|between", "on behalf of"); empty means the
// default of the POS and type. FLAGS is a comma-separated list: "inverse"
// when the grammatical subject is the target and the target slot holds
// the source ("receive aid from"), "plural" when a noun cue only counts in
// the plural ("talks"), "notarget" when the cue takes no target and only
// pairs the actors of its subject (symmetric types: "US, Russia agree"),
// "onesided" when a symmetric cue does not make its coordinated subjects
// partners ("Iran and Iraq visited Oman" is no Iran–Iraq meeting),
// "together" when the coordinated targets are partners of each other too
// ("Angola hosted Congo and Rwanda": Congo and Rwanda met), "mutual"
// when the parties act on each other ("Iran and Iraq clashed", "India
// exchanged fire with Pakistan": both ways).
//
// Later files override earlier ones: an entry with the same POS and CUE
// replaces the built-in one, and TYPE "-" deletes it.

//go:embed lexicon/predicates*.tsv
var builtinPredicates embed.FS

// cuePOS is the part of speech a cue word must have.
type cuePOS uint8

const (
	verbCue cuePOS = iota
	nounCue
)

func (p cuePOS) String() string {
	if p == nounCue {
		return "n"
	}
	return "v"
}

// predicate is one lexicon entry.
type predicate struct {
	Type schema.EventType
	POS  cuePOS
	// Words are the cue's lemmas; "_" is the target slot.
	Words []string
	// Targets are the word sequences that introduce the target;
	// {"obj"} is the direct object.
	Targets [][]string
	// Inverse swaps the roles of the subject and the target.
	Inverse bool
	// Plural requires a plural noun.
	Plural bool
	// NoTarget: the cue pairs its subject's actors and takes no target.
	NoTarget bool
	// OneSided: a symmetric cue whose coordinated subjects are not
	// partners of each other ("Iran and Iraq visited Oman").
	OneSided bool
	// Together: the target's coordinated actors are partners too.
	Together bool
	// Mutual: coordinated subjects act on each other, and the target acts
	// back on the subject.
	Mutual bool
	// Conflict: the cue's parties were fighting ("a ceasefire between A
	// and B" presupposes hostilities; GUIDELINES conventions 2 and 3).
	Conflict bool
	// generated marks entries of the generated CAMEO file, which are
	// tried after the hand-written and user entries.
	generated bool
}

// key is the entry's identity for overriding.
func (p *predicate) key() string { return p.POS.String() + " " + strings.Join(p.Words, " ") }

// takesObject reports whether the direct object is a target.
func (p *predicate) takesObject() bool {
	for _, t := range p.Targets {
		if len(t) == 1 && t[0] == "obj" {
			return true
		}
	}
	return false
}

// predicateLexicon indexes predicates by the lemma of their first word.
type predicateLexicon struct {
	byFirst map[string][]*predicate
	size    int
}

// loadPredicateLexicon reads the built-in lexicon and then the given user
// files, each overriding the entries before it.
func loadPredicateLexicon(userFiles ...string) (*predicateLexicon, error) {
	entries := map[string]*predicate{}
	var order []string
	add := func(ps []predicate, deletes []string) {
		for _, k := range deletes {
			delete(entries, k)
		}
		for i := range ps {
			p := &ps[i]
			k := p.key()
			if _, ok := entries[k]; !ok {
				order = append(order, k)
			}
			entries[k] = p
		}
	}
	names, err := builtinPredicates.ReadDir("lexicon")
	if err != nil {
		return nil, fmt.Errorf("predicate lexicon: %w", err)
	}
	// predicates_cameo.tsv sorts after predicates.tsv; the hand-written
	// file must win, so read the generated one first.
	sort.Slice(names, func(i, j int) bool { return names[i].Name() > names[j].Name() })
	for _, n := range names {
		f, err := builtinPredicates.Open("lexicon/" + n.Name())
		if err != nil {
			return nil, fmt.Errorf("predicate lexicon %s: %w", n.Name(), err)
		}
		ps, dels, err := parsePredicates(f, "lexicon/"+n.Name())
		f.Close()
		if err != nil {
			return nil, err
		}
		if strings.Contains(n.Name(), "cameo") {
			for i := range ps {
				ps[i].generated = true
			}
		}
		add(ps, dels)
	}
	for _, path := range userFiles {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("predicates: %w", err)
		}
		ps, dels, err := parsePredicates(f, path)
		f.Close()
		if err != nil {
			return nil, err
		}
		add(ps, dels)
	}
	lex := &predicateLexicon{byFirst: map[string][]*predicate{}}
	for _, k := range order {
		p, ok := entries[k]
		if !ok {
			continue
		}
		lex.byFirst[p.Words[0]] = append(lex.byFirst[p.Words[0]], p)
		lex.size++
	}
	// Hand-written and user entries first, then longer cues first, so
	// "sever ties" is tried before "sever".
	for _, ps := range lex.byFirst {
		sort.SliceStable(ps, func(i, j int) bool {
			if ps[i].generated != ps[j].generated {
				return !ps[i].generated
			}
			return len(ps[i].Words) > len(ps[j].Words)
		})
	}
	return lex, nil
}

// parsePredicates reads one lexicon file. It returns the entries and the
// keys of entries to delete; errors name the file and line.
func parsePredicates(r io.Reader, name string) ([]predicate, []string, error) {
	var out []predicate
	var deletes []string
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		cols := strings.Split(text, "\t")
		for i := range cols {
			cols[i] = strings.TrimSpace(cols[i])
		}
		p, del, err := parsePredicate(cols)
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if del {
			deletes = append(deletes, p.key())
			continue
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, deletes, nil
}

// parsePredicate parses the columns of one line; del reports a deletion
// ("-" as the type).
func parsePredicate(cols []string) (p predicate, del bool, err error) {
	if len(cols) < 3 {
		return p, false, fmt.Errorf("want TYPE, POS and CUE separated by tabs, got %d column(s)", len(cols))
	}
	switch cols[1] {
	case "v":
		p.POS = verbCue
	case "n":
		p.POS = nounCue
	default:
		return p, false, fmt.Errorf("POS %q: want v or n", cols[1])
	}
	p.Words = strings.Fields(strings.ToLower(cols[2]))
	if len(p.Words) == 0 || p.Words[0] == "_" {
		return p, false, fmt.Errorf("cue %q: want a word first", cols[2])
	}
	if cols[0] == "-" {
		return p, true, nil
	}
	t, err := schema.ParseEventType(strings.ToUpper(cols[0]))
	if err != nil {
		return p, false, err
	}
	p.Type = t
	if len(cols) > 3 && cols[3] != "" {
		for _, alt := range strings.Split(strings.ToLower(cols[3]), "|") {
			if ws := strings.Fields(alt); len(ws) > 0 {
				p.Targets = append(p.Targets, ws)
			}
		}
	} else {
		p.Targets = defaultTargets(p.POS, p.Type, p.Words)
	}
	if len(cols) > 4 && cols[4] != "" {
		for _, f := range strings.Split(cols[4], ",") {
			switch strings.TrimSpace(f) {
			case "inverse":
				p.Inverse = true
			case "plural":
				p.Plural = true
			case "notarget":
				p.NoTarget = true
			case "onesided":
				p.OneSided = true
			case "together":
				p.Together = true
			case "mutual":
				p.Mutual = true
			case "conflict":
				p.Conflict = true
			case "":
			default:
				return p, false, fmt.Errorf("flag %q: want inverse, plural, notarget, onesided, together, mutual or conflict", f)
			}
		}
	}
	if len(cols) > 5 {
		return p, false, fmt.Errorf("%d columns: want at most TYPE, POS, CUE, TARGETS and FLAGS", len(cols))
	}
	return p, false, nil
}

// defaultTargets gives the target markers of an entry that names none,
// from lexicon/targets.tsv. A verb cue of several words whose last word
// is no particle is a verb with its object ("launch strikes"): its target
// follows the object noun, as the noun's would ("launched strikes on").
func defaultTargets(pos cuePOS, t schema.EventType, words []string) [][]string {
	kind := "n"
	if pos == verbCue {
		kind = "v"
		if len(words) > 1 && !particles[words[len(words)-1]] && words[len(words)-1] != "_" {
			kind = "vo"
		}
	}
	table := builtinTargets()
	if ts, ok := table[kind+"\t"+string(t)]; ok {
		return ts
	}
	return table[kind+"\t*"]
}

// particles end phrasal and prepositional verb cues ("side with", "fire
// on", "pull out").
var particles = wordSet("with", "on", "at", "to", "against", "from", "for", "of", "in", "into", "out", "down", "up",
	"off", "over", "back", "away", "about", "behind", "toward", "towards", "upon", "through")

// builtinTargets reads lexicon/targets.tsv once; it is embedded data,
// checked by TestDefaultTargetsTable, so an error in it is a bug.
var builtinTargets = sync.OnceValue(func() map[string][][]string {
	table, err := parseTargets(builtinTargetsFile)
	if err != nil {
		panic(err)
	}
	return table
})

//go:embed lexicon/targets.tsv
var builtinTargetsFile string

// parseTargets parses the default-target table: KIND, TYPE and TARGETS
// by tab, keyed "KIND\tTYPE".
func parseTargets(text string) (map[string][][]string, error) {
	table := map[string][][]string{}
	for _, l := range dataLines(text, tabFields) {
		n, cols := l.n, l.cols
		if len(cols) != 3 {
			return nil, fmt.Errorf("lexicon/targets.tsv:%d: want KIND, TYPE and TARGETS separated by tabs", n+1)
		}
		kind, typ := strings.TrimSpace(cols[0]), strings.ToUpper(strings.TrimSpace(cols[1]))
		if kind != "v" && kind != "vo" && kind != "n" {
			return nil, fmt.Errorf("lexicon/targets.tsv:%d: kind %q: want v, vo or n", n+1, kind)
		}
		if typ != "*" {
			if _, err := schema.ParseEventType(typ); err != nil {
				return nil, fmt.Errorf("lexicon/targets.tsv:%d: %w", n+1, err)
			}
		}
		var ts [][]string
		if alts := strings.TrimSpace(cols[2]); alts != "-" {
			for _, alt := range strings.Split(strings.ToLower(alts), "|") {
				ts = append(ts, strings.Fields(alt))
			}
		} else {
			ts = [][]string{{}}
		}
		table[kind+"\t"+typ] = ts
	}
	for _, kind := range []string{"v", "vo", "n"} {
		if _, ok := table[kind+"\t*"]; !ok {
			return nil, fmt.Errorf("lexicon/targets.tsv: no default (TYPE *) for kind %s", kind)
		}
	}
	return table, nil
}

// lemmas returns every single-word lemma the lexicon mentions, by part of
// speech, for the lemmatizer to learn their inflections.
func (lex *predicateLexicon) lemmas() (verbs, nouns []string) {
	for _, ps := range lex.byFirst {
		for _, p := range ps {
			for i, w := range p.Words {
				if w == "_" {
					continue
				}
				// Nouns are the noun cues' last words and words after
				// the first of a verb cue ("sever ties"); verbs the
				// first word of verb cues.
				if p.POS == verbCue && i == 0 {
					verbs = append(verbs, w)
				} else {
					nouns = append(nouns, w)
				}
			}
		}
	}
	return verbs, nouns
}
