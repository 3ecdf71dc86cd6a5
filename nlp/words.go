package nlp

// Word lists that the actor rules consult. They are closed-class words and
// the vocabulary of news about states; all are lower case.

// functionWords never start or continue a name, even when capitalized at
// the start of a sentence or in a title-case headline.
var functionWords = setOf(
	"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by", "with",
	"about", "as", "into", "over", "after", "before", "under", "between", "against", "during", "without",
	"through", "amid", "among", "near", "since", "until", "while", "if", "then", "than", "that", "this",
	"these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
	"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could",
	"may", "might", "must", "shall", "should", "do", "does", "did", "not", "no", "yes", "so", "also",
	"there", "here", "when", "where", "why", "how", "what", "who", "whom", "which", "all", "some", "any",
	"each", "both", "more", "most", "many", "much", "other", "such", "only", "own", "same", "new", "says",
	"said", "say", "just", "now", "still", "even", "yet", "however", "meanwhile", "mr", "mrs", "ms",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "june", "july", "august", "september", "october",
	"november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
)

// honorifics precede a name and carry no role ("Mr. Trump").
var honorifics = setOf("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madame", "mme", "mme.",
	"dame", "lord", "lady", "messrs", "messrs.")

// titleHeads are the nouns a title ends in ("Foreign Minister",
// "Secretary of State", "envoy").
var titleHeads = setOf(
	"president", "president-elect", "vice-president", "premier", "minister", "secretary", "secretary-general",
	"chancellor", "king", "queen", "prince", "princess", "emir", "amir", "sheikh", "sultan", "monarch",
	"leader", "chief", "head", "spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador",
	"representative", "negotiator", "adviser", "advisor", "commander", "general", "gen.", "admiral",
	"adm.", "chairman", "chairwoman", "chair", "director", "senator", "sen.", "congressman",
	"congresswoman", "lawmaker", "speaker", "governor", "gov.", "mayor", "mullah", "ayatollah", "pope",
	"commissioner", "diplomat", "official", "colonel", "col.", "lt.", "lieutenant", "major", "maj.",
	"captain", "capt.", "marshal", "field", "founder", "co-founder", "coordinator", "mediator",
	"counterpart", "rep.", "attorney", "ruler", "dictator", "strongman", "warlord", "cleric", "imam",
	"rapporteur", "prosecutor", "judge", "justice", "delegate", "aide", "deputy", "chief-of-staff",
)

// titleModifiers can stand before a title head ("deputy foreign",
// "senior", "top political").
var titleModifiers = setOf(
	"vice", "deputy", "prime", "foreign", "defense", "defence", "interior", "finance", "justice", "economy",
	"economic", "trade", "energy", "oil", "senior", "top", "chief", "special", "supreme", "national",
	"security", "political", "policy", "foreign-policy", "first", "second", "third", "former", "acting", "then", "outgoing",
	"incoming", "crown", "high", "lead", "military", "army", "intelligence", "presidential", "de", "facto",
	"de-facto", "interim", "transitional", "executive", "assistant", "under", "permanent", "federal",
	"state", "press", "communications", "nuclear", "parliamentary", "opposition", "rebel", "militia",
	"spiritual", "religious", "junta", "highest-ranking", "longtime", "long-time", "veteran", "self-styled",
	"self-proclaimed", "newly", "elected", "appointed", "elect", "general", "joint", "staff", "air",
	"naval", "navy", "ground", "armed", "forces", "defense-", "affairs", "reconciliation", "peace",
	"humanitarian", "human", "rights", "regional", "provincial", "party", "group", "movement", "mission",
	"delegation", "the",
)

// bodyNouns, after a country's name, demonym or capital, make the phrase
// the state acting ("Russian forces", "Syria's government", "Kiev
// forces").
var bodyNouns = setOf(
	"government", "administration", "regime", "army", "military", "forces", "troops", "navy",
	"ministry", "parliament", "congress", "senate", "cabinet", "embassy", "officials", "diplomats",
	"authorities", "side", "delegation", "leadership", "intelligence", "police", "warplanes", "jets",
	"aircraft", "bombers", "drones", "soldiers", "commanders", "negotiators", "envoys", "mission",
	"presidency", "chancellery", "guard", "guards", "marines", "media", "television", "tv", "junta",
)

// bodyModifiers may stand between the state and a body noun ("Russian air
// forces", "Syrian pro-government military").
var bodyModifiers = []string{
	"air", "state", "foreign", "defense", "defence", "interior", "security", "coast", "border", "special",
	"operations", "armed", "ground", "naval", "pro-government", "government-controlled", "regular", "elite",
	"federal", "national", "central", "state-run", "guardsmen", "ambassador", "army's",
}

// bodyHeads are the words of a body phrase: bodyNouns and bodyModifiers.
var bodyHeads = func() map[string]struct{} {
	m := setOf(bodyModifiers...)
	for w := range bodyNouns {
		m[w] = struct{}{}
	}
	return m
}()

// orgHeads end the names of organizations that the lexicon may lack
// ("Democratic Unionist Party", "Syrian Salvation Government").
var orgHeads = setOf(
	"party", "council", "ministry", "union", "organization", "organisation", "agency", "commission",
	"committee", "court", "bank", "fund", "alliance", "coalition", "institute", "foundation",
	"association", "league", "federation", "assembly", "parliament", "congress", "authority", "company",
	"corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "group", "network", "tribunal",
	"office", "department", "service", "services", "mission", "centre", "center", "university", "times",
	"post", "news", "agency", "bureau", "secretariat", "observatory", "program", "programme", "forum",
	"initiative", "conference", "government", "administration", "cabinet", "senate", "house", "board",
	"society", "church", "club", "airlines", "airways",
)

// groupHeads end the names of armed groups ("Free Syrian Army", "Ansar
// Brigade").
var groupHeads = setOf(
	"front", "army", "brigade", "brigades", "movement", "battalion", "battalions", "regiment",
	"militia", "militias", "forces", "guard", "guards", "corps", "legion", "tigers", "mujahideen",
	"resistance", "rebels", "fighters", "jihad", "militants", "insurgents", "liberation",
)

// oppositionNouns name a country's non-state opposition ("Syrian
// rebels", "the opposition").
var oppositionNouns = setOf("opposition", "rebels", "rebel", "separatists", "separatist", "insurgents",
	"insurgency", "militias", "militia", "rebellion", "protesters", "protestors", "demonstrators")

// protestNouns are opposition nouns for crowds, which are a party only
// when they act ("protesters stormed the palace"), not when they are
// acted on ("a crackdown on protesters").
var protestNouns = setOf("protesters", "protestors", "demonstrators")

// oppositionFollowers are nouns that may follow an opposition noun inside
// the group's name ("opposition groups", "rebel forces").
var oppositionFollowers = setOf("groups", "group", "forces", "fighters", "factions", "movement", "movements",
	"members", "delegation", "delegates", "leaders", "leadership", "coalition", "militias", "units")

// speechVerbs make a preceding capital the government ("Moscow said") and
// a preceding capitalized name a person.
var speechVerbs = setOf("said", "says", "say", "told", "tells", "added", "stated", "declared", "announced",
	"insisted", "warned", "argued", "noted", "stressed", "wrote", "tweeted", "asked", "replied",
	"responded", "explained", "acknowledged", "admitted", "claimed", "denied", "urged", "vowed")

// locativePrepositions make a following capital a mere place ("talks in
// Vienna").
var locativePrepositions = setOf("in", "at", "to", "from", "near", "outside", "inside", "into", "toward",
	"towards", "via", "through", "around", "across", "throughout", "within", "off", "past", "beyond",
	"of", "visit", "visited", "visiting", "visits", "reached", "left", "leave", "arrived", "arrive",
	"flew", "fly", "travelled", "traveled", "returned", "return", "headed", "base", "based")

// outletReportVerbs after an outlet make it the reporter, not an actor
// ("Reuters reported").
var outletReportVerbs = setOf("reported", "reports", "report", "quoted", "quotes", "cited", "cites", "said",
	"says", "published", "broadcast", "aired", "obtained", "reporting", "according", "tweeted", "posted",
	"suggested", "suggests", "suggest", "showed", "shows", "wrote", "writes")

// reportNouns are what an outlet gives ("reports from the BBC").
var reportNouns = setOf("reports", "report", "footage", "images", "pictures", "video", "videos", "coverage",
	"quotes", "accounts", "dispatches")

// mediaWords in the name of an organization the lexicon lacks make it a
// news outlet ("Rwanda Broadcasting Agency", "Gulf News Agency").
var mediaWords = setOf("broadcasting", "broadcaster", "television", "tv", "radio", "news", "press",
	"newspaper", "media")

// journalistNouns introduce a person who reports the story ("reporter
// Jane Doe said"): a journalist is an actor only when the story is about
// them.
var journalistNouns = setOf("reporter", "correspondent", "journalist", "editor", "anchor", "presenter",
	"columnist", "commentator", "analyst", "producer")

// processNouns that a capital or country modifies as a place or a label
// ("Vienna talks", "Minsk agreement").
var processNouns = setOf("talks", "summit", "agreement", "accord", "accords", "deal", "process", "format",
	"meeting", "conference", "communique", "communiqué", "declaration", "protocol", "memorandum",
	"negotiations", "framework", "ceasefire", "cease-fire", "truce", "group", "peace", "airport",
	"time", "region", "province", "street", "streets", "suburbs", "suburb", "residents", "mayor",
	"outskirts", "center", "centre", "university", "stock", "exchange", "court", "marathon")

// nonPersonHeads end capitalized phrases that are places, events or
// things, not persons ("Korean War", "Camp David", "Red Square").
var nonPersonHeads = setOf(
	"war", "wars", "zone", "peninsula", "sea", "ocean", "river", "square", "street", "avenue", "road",
	"island", "islands", "strait", "straits", "gulf", "bay", "canal", "airport", "province", "region",
	"valley", "mountains", "mountain", "desert", "base", "camp", "palace", "hotel", "magazine", "times",
	"post", "journal", "flight", "airlines", "airline", "quartet", "east", "west", "north", "south",
	"summit", "talks", "treaty", "accord", "accords", "agreement", "plan", "conference", "day", "week",
	"crisis", "revolution", "spring", "city", "town", "village", "county", "district", "state", "states",
	"heights", "strip", "bank", "coast", "border", "lake", "hills", "hill", "park", "hall", "tower",
	"building", "house", "center", "centre", "stadium", "games", "cup", "prize", "award", "satan",
	"law", "act", "bill", "resolution", "doctrine", "protocol", "format", "process", "deal", "fund",
	"index", "exchange", "market", "era", "age", "empire", "kingdom", "republic", "caliphate",
	"mosque", "church", "cathedral", "temple", "school", "academy", "hospital", "prison", "embassy",
	"newspaper", "channel", "network", "radio", "television", "tv", "welle", "news", "daily",
	"herald", "tribune", "gazette", "review", "monitor", "observer", "express", "mail", "telegraph",
	"sera", "ann", "online", "reactor", "plant", "facility", "field", "fields", "pipeline", "port",
	"program", "programme", "project", "initiative", "communique", "communiqué", "declaration",
)

// placeOfNouns before "of" make the following name a place ("the town of
// Khan Sheikhoun").
var placeOfNouns = setOf("town", "city", "village", "province", "region", "district", "port", "capital",
	"area", "suburb", "suburbs", "outskirts", "governorate", "state", "county", "island", "islands",
	"enclave", "neighborhood", "neighbourhood", "municipality", "oblast", "valley", "strait", "gulf")
