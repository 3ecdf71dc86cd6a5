package nlp

import (
	"slices"
	"strings"
)

// lemmatizer maps inflected verbs and nouns to their dictionary form
// ("backed" → "back", "sanctions" → "sanction", "struck" → "strike").
//
// Stripping suffixes alone is ambiguous ("used" → "us" or "use"?), so the
// lemmatizer works the other way round for the words that matter: it
// inflects every lemma it knows — the predicate lexicon's words and the
// irregular verbs — and looks the token up among those forms. Only words
// it has never seen fall back to suffix rules. It is built once and then
// only read, so it is safe for concurrent use.
type lemmatizer struct {
	verbs map[string]string // inflected verb form → lemma
	nouns map[string]string // plural noun → singular
}

// newLemmatizer learns the inflections of the given lemmas.
func newLemmatizer(verbs, nouns []string) *lemmatizer {
	l := &lemmatizer{verbs: map[string]string{}, nouns: map[string]string{}}
	// The first lemma to claim a form keeps it, so learn them in a fixed
	// order: the same words give the same lemmas in every run.
	verbs = slices.Sorted(slices.Values(verbs))
	nouns = slices.Sorted(slices.Values(nouns))
	for base, forms := range irregularVerbs {
		for _, f := range strings.Fields(forms) {
			l.verbs[f] = base
		}
		l.verbs[base] = base
	}
	// Inflections first, then the lemmas themselves, so that an inflected
	// form that also appears as a lemma ("attacked" in a generated
	// phrase) still maps to its base.
	for _, v := range verbs {
		l.learnVerb(v)
	}
	for _, v := range verbs {
		if _, irregular := irregularVerbs[v]; !irregular {
			if _, ok := l.verbs[v]; !ok {
				l.verbs[v] = v
			}
		}
	}
	for _, n := range nouns {
		l.learnNoun(n)
	}
	for sg, pl := range irregularNouns {
		l.nouns[pl] = sg
	}
	return l
}

// learnVerb adds the regular inflections of a verb lemma. It never
// overrides an irregular form ("lay" is the past of "lie").
func (l *lemmatizer) learnVerb(v string) {
	if _, irregular := irregularVerbs[v]; irregular {
		return
	}
	set := func(f string) {
		if _, ok := l.verbs[f]; !ok {
			l.verbs[f] = v
		}
	}
	for _, f := range verbForms(v) {
		set(f)
	}
}

// learnNoun adds the plural of a noun lemma.
func (l *lemmatizer) learnNoun(n string) {
	if _, ok := l.nouns[n]; !ok {
		l.nouns[n] = n
	}
	if p := plural(n); p != n {
		if _, ok := l.nouns[p]; !ok {
			l.nouns[p] = n
		}
	}
}

// lemma returns the dictionary form of a lower-case word with the given
// Penn Treebank tag. Words other than verbs and nouns come back as they
// are.
func (l *lemmatizer) lemma(lower, tag string) string {
	switch {
	case strings.HasPrefix(tag, "VB"):
		if b, ok := l.verbs[lower]; ok {
			return b
		}
		return stripVerb(lower)
	case tag == "NNS" || tag == "NNPS":
		if b, ok := l.nouns[lower]; ok {
			return b
		}
		return stripPlural(lower)
	case strings.HasPrefix(tag, "NN"):
		return lower
	}
	return lower
}

// verbLemma returns the lemma of a word read as a verb whatever its tag,
// for cue words the tagger mislabels ("Russia and Iran back/RB Assad").
func (l *lemmatizer) verbLemma(lower string) (string, bool) {
	b, ok := l.verbs[lower]
	return b, ok
}

// verbForms returns the regular inflections of a verb: third person
// singular, past tense and participle, gerund. Where English spelling
// depends on stress ("targeted" but "controlled") both spellings are
// produced; the wrong one is simply never seen in text.
func verbForms(v string) []string {
	if strings.Contains(v, " ") || v == "" {
		return nil
	}
	out := []string{thirdPerson(v)}
	n := len(v)
	last := v[n-1]
	switch {
	case strings.HasSuffix(v, "ie"): // tie → tied, tying
		out = append(out, v+"d", v[:n-2]+"ying")
	case last == 'e' && (strings.HasSuffix(v, "ee") || strings.HasSuffix(v, "ye") || strings.HasSuffix(v, "oe")):
		out = append(out, v+"d", v+"ing") // agree → agreed, agreeing
	case last == 'e':
		out = append(out, v+"d", v[:n-1]+"ing")
	case last == 'y' && n > 1 && !isVowel(v[n-2]): // ally → allied
		out = append(out, v[:n-1]+"ied", v+"ing")
	case last == 'c': // panic → panicked
		out = append(out, v+"ked", v+"king", v+"ed", v+"ing")
	default:
		out = append(out, v+"ed", v+"ing")
		if doubles(v) {
			out = append(out, v+string(last)+"ed", v+string(last)+"ing")
		}
	}
	return out
}

// doubles reports whether a verb may double its last consonant before
// -ed/-ing: it ends consonant–vowel–consonant ("stop", "target", "ban").
func doubles(v string) bool {
	n := len(v)
	if n < 3 {
		return false
	}
	c1, vw, c2 := v[n-3], v[n-2], v[n-1]
	return !isVowel(c1) && isVowel(vw) && !isVowel(c2) && !strings.ContainsRune("wxy", rune(c2))
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// thirdPerson returns the -s form: "back" → "backs", "push" → "pushes",
// "ally" → "allies".
func thirdPerson(v string) string {
	n := len(v)
	switch {
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") ||
		strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "o"):
		return v + "es"
	case n > 1 && v[n-1] == 'y' && !isVowel(v[n-2]):
		return v[:n-1] + "ies"
	}
	return v + "s"
}

// plural returns the regular plural of a noun ("sanction" → "sanctions",
// "ally" → "allies"). Nouns already plural in the lexicon ("talks",
// "arms") are left alone.
func plural(n string) string {
	if strings.HasSuffix(n, "s") && !strings.HasSuffix(n, "ss") {
		return n
	}
	if i := strings.LastIndexByte(n, ' '); i >= 0 {
		return n[:i+1] + plural(n[i+1:])
	}
	return thirdPerson(n)
}

// stripVerb undoes regular verb inflection for words not in the tables.
func stripVerb(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ied"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ing"):
		s := w[:n-3]
		if len(s) > 2 && s[len(s)-1] == s[len(s)-2] && !strings.ContainsRune("lsz", rune(s[len(s)-1])) {
			return s[:len(s)-1]
		}
		return s
	case n > 3 && strings.HasSuffix(w, "ed"):
		s := w[:n-2]
		if len(s) > 2 && s[len(s)-1] == s[len(s)-2] && !strings.ContainsRune("lsz", rune(s[len(s)-1])) {
			return s[:len(s)-1]
		}
		if strings.HasSuffix(s, "at") || strings.HasSuffix(s, "iz") || strings.HasSuffix(s, "is") ||
			strings.HasSuffix(s, "ur") || strings.HasSuffix(s, "uc") || strings.HasSuffix(s, "ag") {
			return s + "e" // negotiated, criticized, secured, reduced, engaged
		}
		return s
	case n > 3 && (strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:n-1]
	}
	return w
}

// stripPlural undoes regular noun plurals for words not in the tables.
func stripPlural(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && (strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		return w[:n-1]
	}
	return w
}

// irregularNouns maps singulars to irregular plurals.
var irregularNouns = map[string]string{
	"man": "men", "woman": "women", "person": "people", "child": "children",
	"crisis": "crises", "thesis": "theses", "analysis": "analyses",
	"chief": "chiefs", "militia": "militias", "leaf": "leaves", "life": "lives",
}

// irregularVerbs maps a lemma to its irregular forms (past, participle,
// third person, gerund where irregular).
var irregularVerbs = map[string]string{
	"be": "is are am was were been being 's 're 'm", "have": "has had having 've 'd",
	"do": "does did done doing", "go": "goes went gone going", "say": "says said saying",
	"make": "makes made making", "take": "takes took taken taking", "give": "gives gave given giving",
	"get": "gets got gotten getting", "come": "comes came coming", "see": "sees saw seen seeing",
	"know": "knows knew known knowing", "think": "thinks thought thinking", "tell": "tells told telling",
	"find": "finds found finding", "leave": "leaves left leaving", "put": "puts putting",
	"meet": "meets met meeting", "hold": "holds held holding", "strike": "strikes struck stricken striking",
	"fight": "fights fought fighting", "seek": "seeks sought seeking", "send": "sends sent sending",
	"lend": "lends lent lending", "spend": "spends spent spending", "lead": "leads led leading",
	"win": "wins won winning", "lose": "loses lost losing", "shoot": "shoots shot shooting",
	"bring": "brings brought bringing", "buy": "buys bought buying", "sell": "sells sold selling",
	"build": "builds built building", "begin": "begins began begun beginning", "break": "breaks broke broken breaking",
	"choose": "chooses chose chosen choosing", "draw": "draws drew drawn drawing", "drive": "drives drove driven driving",
	"fall": "falls fell fallen falling", "feel": "feels felt feeling", "fly": "flies flew flown flying",
	"forbid": "forbids forbade forbidden forbidding", "forgive": "forgives forgave forgiven forgiving",
	"freeze": "freezes froze frozen freezing", "grow": "grows grew grown growing", "hang": "hangs hung hanging",
	"hear": "hears heard hearing", "hide": "hides hid hidden hiding", "hit": "hits hitting",
	"keep": "keeps kept keeping", "lay": "lays laid laying", "let": "lets letting", "lie": "lies lay lain lying",
	"mean": "means meant meaning", "pay": "pays paid paying", "quit": "quits quitting", "read": "reads reading",
	"ride": "rides rode ridden riding", "rise": "rises rose risen rising", "run": "runs ran running",
	"set": "sets setting", "shake": "shakes shook shaken shaking", "shut": "shuts shutting",
	"sit": "sits sat sitting", "speak": "speaks spoke spoken speaking", "stand": "stands stood standing",
	"steal": "steals stole stolen stealing", "stick": "sticks stuck sticking", "swear": "swears swore sworn swearing",
	"sweep": "sweeps swept sweeping", "teach": "teaches taught teaching", "tear": "tears tore torn tearing",
	"throw": "throws threw thrown throwing", "understand": "understands understood understanding",
	"undertake": "undertakes undertook undertaken undertaking", "uphold": "upholds upheld upholding",
	"wage": "wages waged waging", "wake": "wakes woke woken waking", "wear": "wears wore worn wearing",
	"withdraw": "withdraws withdrew withdrawn withdrawing", "withhold": "withholds withheld withholding",
	"write": "writes wrote written writing", "cut": "cuts cutting", "cost": "costs costing",
	"bid": "bids bidding", "broadcast": "broadcasts broadcasting", "forecast": "forecasts forecasting",
	"overrun": "overruns overran overrunning", "overthrow": "overthrows overthrew overthrown overthrowing",
	"shed": "sheds shedding", "spread": "spreads spreading", "slay": "slays slew slain slaying",
	"bear": "bears bore borne born bearing", "beat": "beats beaten beating", "bind": "binds bound binding",
	"feed": "feeds fed feeding", "flee": "flees fled fleeing", "foresee": "foresees foresaw foreseen foreseeing",
	"forget": "forgets forgot forgotten forgetting", "light": "lights lit lighting", "ring": "rings rang rung ringing",
	"sink": "sinks sank sunk sinking", "sling": "slings slung slinging", "spin": "spins spun spinning",
	"split": "splits splitting", "sting": "stings stung stinging", "stride": "strides strode striding",
	"strive": "strives strove striven striving", "swing": "swings swung swinging", "upset": "upsets upsetting",
	"weep": "weeps wept weeping", "wind": "winds wound winding", "mislead": "misleads misled misleading",
	"outbid": "outbids outbidding", "rebuild": "rebuilds rebuilt rebuilding",
	"oversee": "oversees oversaw overseen overseeing", "undergo": "undergoes underwent undergone undergoing",
	"will": "wo", "can": "ca", "shall": "", "may": "", "must": "", "might": "", "could": "", "would": "", "should": "",
	"ally": "allies allied allying", "free": "frees freed freeing", "ban": "bans banned banning",
	"plan": "plans planned planning", "bar": "bars barred barring", "stop": "stops stopped stopping",
	"target": "targets targeted targeting", "sign": "signs signed signing", "visit": "visits visited visiting",
	"expel": "expels expelled expelling", "control": "controls controlled controlling", "patrol": "patrols patrolled patrolling",
	"commit": "commits committed committing", "compel": "compels compelled compelling", "propel": "propels propelled propelling",
	"veto": "vetoes vetoed vetoing", "embargo": "embargoes embargoed embargoing", "torpedo": "torpedoes torpedoed torpedoing",
	"shell": "shells shelled shelling", "quell": "quells quelled quelling", "repel": "repels repelled repelling",
	"rebel": "rebels rebelled rebelling", "cancel": "cancels canceled cancelled canceling cancelling",
	"signal": "signals signaled signalled signaling signalling", "equip": "equips equipped equipping",
	"counsel": "counsels counseled counselled counseling counselling", "travel": "travels traveled travelled traveling travelling",
	"label": "labels labeled labelled labeling labelling", "fuel": "fuels fueled fuelled fueling fuelling",
	"total": "totals totaled totalled totaling totalling", "model": "models modeled modelled modeling modelling",
}
