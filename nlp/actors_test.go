package nlp

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/geokg/geokg/schema"
)

var (
	testExtractorOnce sync.Once
	testExtractor     *Extractor
	testExtractorErr  error
)

// sharedExtractor builds the default Extractor once for all tests.
func sharedExtractor(t testing.TB) *Extractor {
	t.Helper()
	testExtractorOnce.Do(func() { testExtractor, testExtractorErr = New(Config{}) })
	if testExtractorErr != nil {
		t.Fatal(testExtractorErr)
	}
	return testExtractor
}

// extractText runs the extractor on one text.
func extractText(t testing.TB, x *Extractor, text string) schema.Doc {
	t.Helper()
	doc, err := x.Extract(context.Background(), schema.Article{ID: "test", Path: "test.txt", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// actorSummary lists "ID:TYPE" for every actor, sorted.
func actorSummary(doc schema.Doc) string {
	var out []string
	for _, a := range doc.Actors {
		out = append(out, a.ID+":"+string(a.Type))
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// The texts below are written for these tests. Each case is a rule and
// the sentence that motivates it; want lists every actor ("ID:TYPE").
func TestRecognizeActors(t *testing.T) {
	x := sharedExtractor(t)
	cases := []struct {
		name, text, want string
	}{
		// Lexicon lookup, longest match first.
		{"country names and short forms", "Body.\n\nThe U.S. and the United Kingdom met Russia.",
			"GBR:COUNTRY RUS:COUNTRY USA:COUNTRY"},
		{"longest match wins", "Body.\n\nSouth Korea and North Korea signed a pact with the Democratic Republic of the Congo.",
			"COD:COUNTRY KOR:COUNTRY PRK:COUNTRY"},
		{"acronym needs its case", "Body.\n\nThe UN told us to wait, and the US agreed.",
			"UN:ORGANIZATION USA:COUNTRY"},
		{"British-style acronym", "Body.\n\nNato said its members would meet.", "NATO:ORGANIZATION"},
		{"demonym stands for the country", "Body.\n\nThe Iranian delegation and French diplomats left early.",
			"FRA:COUNTRY IRN:COUNTRY"},
		{"diacritics fold", "Body.\n\nTürkiye said Erdoğan would travel.",
			"TUR:COUNTRY recep tayyip erdogan:PERSON"},
		{"group aliases", "Body.\n\nDaesh fighters clashed with Hizbollah and the Houthis.",
			"Hezbollah:GROUP Houthis:GROUP ISIL:GROUP"},
		{"organization bodies", "Body.\n\nThe Security Council and the European Commission issued statements.",
			"EU:ORGANIZATION UN:ORGANIZATION"},
		{"weak form needs the actor named", "Body.\n\nThe bloc will decide. The European Union met on Monday and the bloc agreed.",
			"EU:ORGANIZATION"},
		{"weak form alone is dropped", "Body.\n\nThe bloc will decide on Monday.", ""},
		{"weak form means the last actor it can describe", "Body.\n\nECOWAS met in Abuja. Its chairman said the bloc would act. Later the European Union said it would stop aid.",
			"ECOWAS:ORGANIZATION EU:ORGANIZATION"},
		// Capitals: government when acting, place when locating.
		{"capital that speaks", "Body.\n\nMoscow said the deal was fair.", "RUS:COUNTRY"},
		{"capital as object of a verb", "Body.\n\nThe minister accused Tehran of lying.", "IRN:COUNTRY"},
		{"capital as a place", "Body.\n\nDiplomats held talks in Vienna on Friday.", ""},
		{"capital as a modifier", "Body.\n\nThe Vienna talks ended without a deal.", ""},
		{"capital as a recipient", "Body.\n\nThe kidnappers handed the pilot over to Ankara.", "TUR:COUNTRY"},
		{"capital that receives a letter", "Body.\n\nThe minister sent a letter to Nairobi on Monday.", "KEN:COUNTRY"},
		{"capital as a destination", "Body.\n\nThe minister flew to Nairobi on Monday.", ""},
		{"capitals coordinated as objects", "Body.\n\nThe minister accused Nairobi and Kampala of lying.", "KEN:COUNTRY UGA:COUNTRY"},
		{"capitals coordinated as places", "Body.\n\nTalks in Nairobi and Kampala ended.", ""},
		{"capital in a relative clause", "Body.\n\nThe data went to Nairobi, which has urged calm.", "KEN:COUNTRY"},
		{"seat of government", "Body.\n\nThe Kremlin rejected the offer, and the White House responded.",
			"RUS:COUNTRY USA:COUNTRY"},
		// State bodies.
		{"demonym and body noun", "Body.\n\nRussian forces entered the town.", "RUS:COUNTRY"},
		{"government in a capital", "Body.\n\nThe government in Kabul rejected the plan.", "AFG:COUNTRY"},
		// Places.
		{"dateline", "Headline\n\nGENEVA, Switzerland (AP) — Iran and France met.", "FRA:COUNTRY IRN:COUNTRY"},
		{"country only as a place", "Body.\n\nThe two leaders met in Singapore on Tuesday. Kenya then protested.",
			"KEN:COUNTRY"},
		{"country inside a longer name", "Body.\n\nA Malaysia Airlines plane landed in Perth.",
			"Malaysia Airlines:ORGANIZATION"},
		{"demonym before a thing", "Body.\n\nThe Belarusian capital hosted Ukraine.", "UKR:COUNTRY"},
		{"country of a city", "Body.\n\nThe ministers met in Bergen, Norway, and Chile objected.", "CHL:COUNTRY"},
		{"town of a name", "Body.\n\nShelling hit the town of Tal Rifaat, and Syria blamed Turkey.", "SYR:COUNTRY TUR:COUNTRY"},
		{"organization body as a venue", "Body.\n\nOn the sidelines of the UN General Assembly, Peru met Chile.", "CHL:COUNTRY PER:COUNTRY"},
		// Outlets.
		{"outlet that reports", "Body.\n\nThe ministry told Reuters it would respond.", ""},
		{"outlet that acts", "Body.\n\nEgypt demanded that Al Jazeera be shut down.", "Al Jazeera:ORGANIZATION EGY:COUNTRY"},
		{"a country's newspaper", "Body.\n\nThe envoy told Spain's El Pais newspaper that the talks failed.", ""},
		{"an outlet told with an article", "Body.\n\nA Taliban spokesman told the BBC that the city was calm.", "Taliban:GROUP"},
		{"a country's known outlet", "Body.\n\nRussia's TASS news agency quoted the envoy.", ""},
		{"a country's leader is no outlet", "Body.\n\nSpain's prime minister spoke.", "ESP:COUNTRY"},
		// Organizations the lexicon lacks.
		{"organization by head noun", "Body.\n\nThe Sahel Farmers Union denounced the decision.", "Sahel Farmers Union:ORGANIZATION"},
		{"armed group by head noun", "Body.\n\nThe Northern Liberation Front attacked a convoy.", "Northern Liberation Front:GROUP"},
		{"bare state body is no organization", "Body.\n\nThe Foreign Ministry declined to comment.", ""},
		// Persons.
		{"person with given name", "Body.\n\nDaniel Okoro criticized the plan.", "daniel okoro:PERSON"},
		{"person after a title", "Body.\n\nGeneral Abebe Kassa resigned.", "abebe kassa:PERSON"},
		{"thing named like a person", "Body.\n\nVisitors crowded Red Square and Camp David.", ""},
		{"surname resolves to full name", "Body.\n\nDaniel Okoro arrived. Okoro said he was tired.", "daniel okoro:PERSON"},
		{"lexicon surname inside another name", "Body.\n\nIvanka Trump spoke after Donald Trump.",
			"donald trump:PERSON ivanka trump:PERSON"},
		{"transliteration variant", "Body.\n\nSergei Lavrov met Volodymyr Zelenskyy.", "sergey lavrov:PERSON volodymyr zelensky:PERSON"},
		{"particle variant", "Body.\n\nBashar Assad spoke.", "bashar assad:PERSON"},
		// Opposition groups.
		{"demonym opposition", "Body.\n\nThe Syrian opposition rejected the talks, and the rebels left Aleppo.",
			"Syrian opposition:GROUP"},
		{"bare rebels take the theater country", "Body.\n\nFighting in Yemen went on as the rebels advanced in Yemen.",
			"Yemeni opposition:GROUP"},
		{"a named group's rebels are the group", "Body.\n\nColombia and ELN rebels signed a truce.", "COL:COUNTRY ELN:GROUP"},
		{"opposition to something is a stance", "Body.\n\nGermany voiced opposition to the plan.", "DEU:COUNTRY"},
		{"opposition from someone is a stance", "Body.\n\nThe vote went ahead despite opposition from Germany.", "DEU:COUNTRY"},
		// Names on unseen wire text.
		{"organization named with its field", "Body.\n\nThe Andean Court of Arbitration ruled against Peru.",
			"Andean Court of Arbitration:ORGANIZATION PER:COUNTRY"},
		{"name with its acronym in brackets", "Body.\n\nThe Sahel Economic and Monetary Union (SEMU) froze Chad's assets.",
			"Sahel Economic and Monetary Union:ORGANIZATION TCD:COUNTRY"},
		{"a list is no name", "Body.\n\nBritain and France urged calm.", "FRA:COUNTRY GBR:COUNTRY"},
		{"glued particle in a name", "Body.\n\nQatar's spokesman Majed al-Ansari said the truce held.", "QAT:COUNTRY majed ansari:PERSON"},
		{"sentence-initial given name the tagger calls a noun", "Body.\n\nDebretsion Gebremichael, the region's president, told reporters he was ready.",
			"debretsion gebremichael:PERSON"},
		{"coordinated with a known person", "Body.\n\nThe two ministers, Subrahmanyam Jaishankar and Wang Yi, spoke by telephone.",
			"subrahmanyam jaishankar:PERSON wang yi:PERSON"},
		{"a lexicon name and its remainder", "Body.\n\nBiden thanked Sheikh Tamim bin Hamad Al Thani for his help.",
			"joe biden:PERSON tamim hamad thani:PERSON"},
		{"a source noun is no person", "Body.\n\nPolice said the attack on Kenya's embassy failed.", "KEN:COUNTRY"},
		{"a led coalition is an organization", "Body.\n\nThe Saudi-led coalition struck the port, and a U.S.-led alliance watched.",
			"SAU-led coalition:ORGANIZATION USA-led alliance:ORGANIZATION"},
		{"a capital envoys are recalled from is the government", "Body.\n\nThe bloc said it would recall its ambassadors from Bamako.", "MLI:COUNTRY"},
		{"a capital after with or on is a party", "Body.\n\nBeijing lodged a protest with New Delhi, and the deal calls on Tehran to act.",
			"CHN:COUNTRY IND:COUNTRY IRN:COUNTRY"},
		{"a state body after another state's possessive", "Body.\n\nIran's Supreme National Security Council met on Monday.", "IRN:COUNTRY"},
		{"a state body opening a sentence", "Body.\n\nNational Security Council officials met.", "USA:COUNTRY"},
		{"clan militias are no opposition", "Body.\n\nFighting in Somalia went on as clan militias joined the army.", ""},
		{"a rebel militia is the opposition", "Body.\n\nFighting in Ukraine went on as the rebel militia advanced in Ukraine.", "Ukrainian opposition:GROUP"},
		{"the insurgents after a named group", "Body.\n\nAl-Shabaab attacked a base in Somalia, and Somalia vowed to defeat the insurgents.", "SOM:COUNTRY al-Shabaab:GROUP"},
		{"the rebels after a named group", "Body.\n\nRwandan-backed M23 rebels took Goma. U.N. experts say the rebels are backed by Rwanda.", "M23:GROUP RWA:COUNTRY UN:ORGANIZATION"},
		// A demonym and one more word, named again and acting, is a party.
		{"a party named by a demonym and a word", "Body.\n\nThe vote was won by Moldovan Harvest. Later Moldovan Harvest's leaders met Romania.",
			"Moldovan Harvest:ORGANIZATION ROU:COUNTRY"},
		{"a demonym party as subject", "Body.\n\nMoldovan Harvest rejected the plan. The EU said Moldovan Harvest must act.",
			"EU:ORGANIZATION Moldovan Harvest:ORGANIZATION"},
		{"a demonym phrase named once is no party", "Body.\n\nMoldovan Harvest rejected the plan, and Moldova objected.", "MDA:COUNTRY"},
		{"a demonym phrase that never acts is no party", "Body.\n\nThe Moldovan Harvest festival ended. After Moldovan Harvest, Moldova objected.", "MDA:COUNTRY"},
		// A misspelt surname is the person named in full.
		{"a surname with two letters swapped", "Body.\n\nPrime Minister Adil Karimov met Peru's envoy. Karimvo said he would resign.",
			"PER:COUNTRY adil karimov:PERSON"},
		{"a surname with other letters is someone else", "Body.\n\nPrime Minister Adil Karimov met Peru's envoy. Kerimav said he would resign.",
			"PER:COUNTRY adil karimov:PERSON kerimav:PERSON"},
		// Armed bands named by nationality are a group, not the state.
		{"armed nationals", "Body.\n\nPolice fought 20 heavily armed Moldovans who stormed a village.", "Moldovan gunmen:GROUP"},
		{"gunmen of a nationality", "Body.\n\nMoldovan gunmen stormed a village, and Moldova condemned the raid.", "MDA:COUNTRY Moldovan gunmen:GROUP"},
		{"unarmed nationals are no band", "Body.\n\nMoldovans voted on Sunday.", "MDA:COUNTRY"},
		// A party named by its members' plural only when they act.
		{"party members who act", "Body.\n\nRepublicans blocked the bill, and Peru objected.", "PER:COUNTRY Republican Party:ORGANIZATION"},
		{"party members spoken of", "Body.\n\nThe vote came at a bad time for Republicans, and Peru objected.", "PER:COUNTRY"},
		{"a party's name acts for itself", "Body.\n\nThe Republican Party said it would vote, a relief for Republicans.", "Republican Party:ORGANIZATION"},
		// Two names of one person.
		{"a name also known as another", "Body.\n\nELN commander Rafael Moreno, also known as Pablo Duarte, spoke.", "ELN:GROUP pablo duarte:PERSON"},
		{"a name starting with a country, known as another", "Body.\n\nIsrael Moreno, better known as Pablo Duarte, spoke in Peru.", "pablo duarte:PERSON"},
		{"known as without a comma is no alias", "Body.\n\nRafael Moreno met the man known as Pablo Duarte.", "pablo duarte:PERSON rafael moreno:PERSON"},
		{"a rebel attack names no rebels", "Body.\n\nUganda said a rebel attack killed ten, and Kenya objected.", "KEN:COUNTRY UGA:COUNTRY"},
		// A name the noun after it types.
		{"a militia named before its noun", "Body.\n\nThe Fano militia attacked Ethiopian troops in Amhara.", "ETH:COUNTRY Fano:GROUP"},
		{"a coalition named before its noun", "Body.\n\nThe Jubilee coalition accused Kenya of fraud.", "Jubilee:ORGANIZATION KEN:COUNTRY"},
		{"a hyphenated group name", "Body.\n\nFighters from the Mai-Mai Yakutumba group clashed with the army.", "Mai-Mai Yakutumba:GROUP"},
		{"a creed before militants names no group", "Body.\n\nQatar denied backing Islamist militants or Sunni fighters.", "QAT:COUNTRY"},
		// Crowds are a party only when they act.
		{"protesters who storm are a party", "Body.\n\nIn Kenya, crowds of protesters stormed the parliament.", "Kenya protesters:GROUP"},
		{"protesters as a passive agent", "Body.\n\nIn Kenya, the offices were looted by the protestors.", "Kenya protesters:GROUP"},
		{"protesters in a clash", "Body.\n\nIn Kenya, clashes between police and demonstrators left ten dead.", "Kenya protesters:GROUP"},
		{"protesters acted on are no party", "Body.\n\nIn Kenya, the crackdown on protesters went on and protesters were arrested.", ""},
		{"protesters apart from the opposition", "Body.\n\nIn Kenya, protesters burned tyres while the opposition parties met.",
			"Kenya protesters:GROUP Kenyan opposition:GROUP"},
		{"Congolese is the larger Congo's", "Body.\n\nM23 seized Goma from Congolese troops.", "COD:COUNTRY M23:GROUP"},
		{"Dominican is the Dominican Republic's", "Body.\n\nDominican police detained the migrants.", "DOM:COUNTRY"},
		{"counted nationals are no state", "Body.\n\nPolice said two Indians and a Pakistani were killed when Iran struck.", "IRN:COUNTRY"},
		// Those who only report the story.
		{"an outlet named by what it is", "Body.\n\nAccording to news agency AFP, Kenya closed its border, American broadcaster CNN said.", "KEN:COUNTRY"},
		{"an outlet's language service", "Body.\n\nReports from BBC Persian suggest that Iran shut the border.", "IRN:COUNTRY"},
		{"an unlisted outlet named by what it is", "Body.\n\nKenya's state broadcaster KBC said the minister had resigned.", "KEN:COUNTRY"},
		{"an unlisted outlet named by its medium", "Body.\n\nThe president landed in Pemba, the Zambia National Broadcasting Corporation tweeted.", ""},
		{"a reporter who speaks", "Body.\n\nReporting from Nairobi, reporter Jane Mwangi said crowds had formed.", ""},
		{"a journalist the story is about", "Body.\n\nKenya arrested journalist Jane Mwangi on Monday.", "KEN:COUNTRY jane mwangi:PERSON"},
		// Places that only locate.
		{"a language is no state", "Body.\n\nThe group, known by its initials in Spanish as FLN, met Peru.", "PER:COUNTRY"},
		{"a country's city as a place", "Body.\n\nTalks between Peru and Chile took place in Switzerland's Geneva.", "CHL:COUNTRY PER:COUNTRY"},
		{"a country's war is the country's", "Body.\n\nThe summit was held in Russia's shadow and Peru objected.", "PER:COUNTRY RUS:COUNTRY"},
		{"the country of a two-word city", "Body.\n\nPeru and Chile signed the accord at a ceremony in Addis Ababa, Ethiopia.", "CHL:COUNTRY PER:COUNTRY"},
		{"two places after in", "Body.\n\nThe coalition in Iraq and Syria paused its work, and Peru objected.", "PER:COUNTRY"},
		{"a suburb is no speaker", "Body.\n\nA resident of the suburb of Kilimani said shots were fired.", ""},
		{"a lower-case rank is an adjective", "Body.\n\nOfficials asked other major Gulf producers to wait.", ""},
		{"a country travelled to for a ceremony is a venue", "Body.\n\nThe Peruvian president flew to Chile for the signing ceremony with the ELN.", "ELN:GROUP PER:COUNTRY"},
		{"a country travelled to for a summit is a venue", "Body.\n\nPeru's leader went to Egypt for a climate summit.", "PER:COUNTRY"},
		{"a country travelled to for talks is visited", "Body.\n\nPeru's leader travelled to Chile for talks.", "CHL:COUNTRY PER:COUNTRY"},
		// Labels and periods are no parties.
		{"considered rebels", "Body.\n\nThe army chief said anyone found armed in Chad would be considered rebels.", ""},
		{"a period of insurgency", "Body.\n\nHe was jailed for his role in the Iraq insurgency and later freed.", ""},
		// Persons the lexicon lacks.
		{"a surname that is a pronoun", "Body.\n\nChinese Vice Premier He Wenbo met Peru's trade minister.", "CHN:COUNTRY PER:COUNTRY he wenbo:PERSON"},
		{"kin noun before a name", "Body.\n\nThe spy and his daughter Yelena were poisoned in Kent.", "yelena:PERSON"},
		{"relation noun in apposition", "Body.\n\nMinisters met the president's main opponent, Jana Kovalenko, in Vilnius.", "jana kovalenko:PERSON"},
		{"a one-word name with a relative clause", "Body.\n\nKovalenko, who lives in exile, spoke.", "kovalenko:PERSON"},
		{"Sheikh with a one-word name", "Body.\n\nThe minister and her sister, Sheikh Nasreen, left Dhaka by helicopter.", "sheikh nasreen:PERSON"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := actorSummary(extractText(t, x, tc.text))
			if got != tc.want {
				t.Errorf("%q\n got: %s\nwant: %s", tc.text, got, tc.want)
			}
		})
	}
}

func TestRolesAndAffiliations(t *testing.T) {
	x := sharedExtractor(t)
	cases := []struct {
		name, text, person, aff, role string
	}{
		{"affiliation, title, name", "Body.\n\nNigerian Foreign Minister Daniel Okoro arrived.",
			"daniel okoro", "NGA", "Foreign Minister"},
		{"dotted acronym and title with complement", "Body.\n\nU.S. Secretary of State Daniel Okoro arrived.",
			"daniel okoro", "USA", "Secretary of State"},
		{"possessive apposition before", "Body.\n\nKenya's foreign minister, Daniel Okoro, spoke.",
			"daniel okoro", "KEN", "foreign minister"},
		{"apposition after with organization", "Body.\n\nDaniel Okoro, the U.N. envoy to Yemen, spoke.",
			"daniel okoro", "UN", "envoy to Yemen"},
		{"head of an organization", "Body.\n\nDaniel Okoro, head of the IAEA, spoke.",
			"daniel okoro", "IAEA", "head of the IAEA"},
		{"relative clause", "Body.\n\nDaniel Okoro, who heads the African Union, spoke.",
			"daniel okoro", "AU", "head of African Union"},
		{"group leader", "Body.\n\nHamas leader Daniel Okoro spoke.", "daniel okoro", "Hamas", "leader"},
		{"seat of government as affiliation", "Body.\n\nKremlin spokesman Daniel Okoro spoke.",
			"daniel okoro", "RUS", "spokesman"},
		{"possessive without title", "Body.\n\nGhana's Daniel Okoro and Kenya's Abebe Kassa met.",
			"daniel okoro", "GHA", ""},
		{"title of the next person is not an apposition", "Body.\n\nAt the table sat Ghana's Daniel Okoro, French President Abebe Kassa and others.",
			"daniel okoro", "GHA", ""},
		{"title before a name and its alias", "Body.\n\nChief Hamas negotiator Israel Moreno, also known as Daniel Okoro, spoke.",
			"daniel okoro", "Hamas", "negotiator"},
		{"a titled person coordinated with a placed one", "Body.\n\nGhana's Ambassador to Peru Daniel Okoro and Deputy Foreign Minister Abebe Kassa resigned.",
			"abebe kassa", "GHA", "Deputy Foreign Minister"},
		{"a minister the speaker tells of", "Body.\n\nGhana's President Daniel Okoro said, adding that Foreign Minister Abebe Kassa would fly to Peru.",
			"abebe kassa", "GHA", "Foreign Minister"},
		{"a minister met, not told of", "Body.\n\nGhana's President Daniel Okoro met Foreign Minister Abebe Kassa in Lima.",
			"abebe kassa", "", "Foreign Minister"},
		{"a description opening the lede, a name opening the next sentence",
			"Body.\n\nLIMA, Peru (AP) — The Ghanaian president has recalled his envoy.\n\nDaniel Okoro made the announcement on Friday.",
			"daniel okoro", "GHA", "president"},
		{"a description and a name after the same verb",
			"Body.\n\nPeru's police raided the embassy to arrest a former Ghanaian minister. They came to arrest Daniel Okoro at dawn.",
			"daniel okoro", "GHA", "minister"},
		{"a description and a name in different places",
			"Body.\n\nThe Ghanaian president has recalled his envoy. Peru said it had expelled Daniel Okoro.",
			"daniel okoro", "", ""},
		{"an opposition leader leads the opposition", "Body.\n\nKenyan opposition leader Daniel Okoro said the talks would resume.",
			"daniel okoro", "Kenyan opposition", "opposition leader"},
		{"a bare opposition leader leads the opposition", "Body.\n\nOpposition leader Daniel Okoro said Kenya's government had rigged the vote.",
			"daniel okoro", "Kenyan opposition", "Opposition leader"},
		{"a rank word before the group in an apposition", "Body.\n\nKenya said Daniel Okoro, a senior al-Shabaab commander, was killed.",
			"daniel okoro", "al-Shabaab", "commander"},
		{"an age before the apposition", "Body.\n\nDaniel Okoro, 64, Kenya's foreign minister, said the talks would resume.",
			"daniel okoro", "KEN", "foreign minister"},
		{"a description with a relative clause", "Body.\n\nDaniel Okoro, a retired general who now leads the Kenyan opposition, said Uganda lied.",
			"daniel okoro", "Kenyan opposition", "retired general"},
		{"a rebel leader leads the rebels", "Body.\n\nUgandan rebel leader Abebe Kassa said Kenya had violated the deal.",
			"abebe kassa", "Ugandan opposition", "rebel leader"},
		{"a spokesman for a ministry", "Body.\n\nDaniel Okoro, a spokesman for the Kenyan foreign ministry, said the talks would resume.",
			"daniel okoro", "KEN", "spokesman for the Kenyan foreign ministry"},
		{"an envoy for a country is not its national", "Body.\n\nDaniel Okoro, the special envoy for Kenya, said the talks would resume.",
			"daniel okoro", "", "special envoy for Kenya"},
		{"lexicon affiliation when the text gives none", "Body.\n\nPutin spoke.", "vladimir putin", "RUS", ""},
		{"group over nationality", "Body.\n\nLibyan General Daniel Okoro spoke. Okoro, head of the LNA, left.",
			"daniel okoro", "LNA", "head of the LNA"},
		{"lexicon group over a stated nationality", "Body.\n\nNorwegian diplomat Jens Stoltenberg spoke for NATO on Monday.",
			"jens stoltenberg", "NATO", "diplomat"},
		{"country in the title's complement", "Body.\n\nDaniel Okoro, the President of Ghana, spoke.",
			"daniel okoro", "GHA", "President of Ghana"},
		{"demonym in the title's complement", "Body.\n\nDaniel Okoro, head of the Kenyan consular section in Lima, spoke.",
			"daniel okoro", "KEN", "head of the Kenyan"},
		{"group after a demonym in the complement", "Body.\n\nDaniel Okoro, the deputy head of the Iraqi Popular Mobilization Forces, died.",
			"daniel okoro", "PMF", "deputy head of the Iraqi Popular Mobilization Forces"},
		{"country after the name", "Body.\n\nThe bill awaits Prime Minister Daniel Okoro of Ghana.",
			"daniel okoro", "GHA", "Prime Minister"},
		{"title apposed before a rank", "Body.\n\nKenya's army chief, General Daniel Okoro, spoke.",
			"daniel okoro", "KEN", "army chief"},
		{"an organization's leader apposed before a rank", "Body.\n\nThe strike killed the leader of the Iranian Quds Force, Maj. Gen. Daniel Okoro, at dawn.",
			"daniel okoro", "IRN", "leader of the Iranian"},
		{"ordinal in a title", "Body.\n\nBrunei's Second Foreign Minister Daniel Okoro spoke.",
			"daniel okoro", "BRN", "Second Foreign Minister"},
		{"a state office takes the sentence's one country", "Body.\n\nPrime Minister Daniel Okoro resigned and fled Ghana.",
			"daniel okoro", "GHA", "Prime Minister"},
		{"a state office takes the story's country", "Body.\n\nProtests went on in Ghana and Togo condemned Ghana. Fighting in Ghana spread. Former president Daniel Okoro refused to leave.",
			"daniel okoro", "GHA", "Former president"},
		{"a junta leader is the story's country's", "Body.\n\nMyanmar's junta rejected the plan. Myanmar then balked, Brunei's envoy said. Ministers did not invite the junta leader Daniel Okoro.",
			"daniel okoro", "MMR", "junta leader"},
		{"a minister is no story's country", "Body.\n\nTalks on Ghana were held in Accra. Foreign Minister Daniel Okoro said they went well.",
			"daniel okoro", "", "Foreign Minister"},
		{"a surname that is a pronoun", "Body.\n\nChinese Vice Premier He Wenbo met Peru's trade minister.",
			"he wenbo", "CHN", "Vice Premier"},
		{"stated nationality when the lexicon group is not named", "Body.\n\nNorwegian diplomat Jens Stoltenberg spoke on Monday.",
			"jens stoltenberg", "NOR", "diplomat"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := extractText(t, x, tc.text)
			for _, a := range doc.Actors {
				if a.ID != tc.person {
					continue
				}
				if a.Affiliation != tc.aff || a.Role != tc.role {
					t.Errorf("%q: %s affiliation %q role %q, want %q %q", tc.text, a.ID, a.Affiliation, a.Role, tc.aff, tc.role)
				}
				return
			}
			t.Errorf("%q: no person %q in %s", tc.text, tc.person, actorSummary(doc))
		})
	}
}

func TestMentionOffsetsAreCodePoints(t *testing.T) {
	x := sharedExtractor(t)
	text := "Ça va — Erdoğan’s visit\n\n“Türkiye,” said Mevlüt Çavuşoğlu, “backs Kenya.”"
	doc := extractText(t, x, text)
	runes := []rune(text)
	n := 0
	for _, a := range doc.Actors {
		for _, m := range a.Mentions {
			n++
			if m.Start < 0 || m.End > len(runes) || string(runes[m.Start:m.End]) != m.Text {
				t.Errorf("%s mention %q at [%d,%d) reads %q", a.ID, m.Text, m.Start, m.End, string(runes[m.Start:m.End]))
			}
		}
	}
	if n < 4 {
		t.Errorf("want at least 4 mentions, got %d in %s", n, actorSummary(doc))
	}
}

func TestExtractIsDeterministicAndConcurrent(t *testing.T) {
	x := sharedExtractor(t)
	text := "US, Russia agree on talks\n\nRussian Foreign Minister Sergey Lavrov met John Kerry in Geneva. " +
		"Moscow said the Syrian opposition and the rebels would attend. Lavrov, 70, left."
	// JSON, not fmt: a relation's place is a pointer.
	show := func(d schema.Doc) string {
		b, err := json.Marshal(d)
		if err != nil {
			t.Error(err)
		}
		return string(b)
	}
	want := show(extractText(t, x, text))
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				if got := show(extractText(t, x, text)); got != want {
					errs <- got
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for got := range errs {
		t.Errorf("output changed:\n got: %s\nwant: %s", got, want)
	}
}

func TestExtractRejectsInvalidUTF8(t *testing.T) {
	x := sharedExtractor(t)
	_, err := x.Extract(context.Background(), schema.Article{Path: "bad.txt", Text: "Russia \xff\xfe"})
	if err == nil || !strings.Contains(err.Error(), "bad.txt") || !utf8.ValidString(err.Error()) {
		t.Fatalf("got %v, want an error naming bad.txt", err)
	}
}

// TestBuiltinCountryNamesStayCountries guards the generated files: a
// later entry takes a surface form over, so an armed group whose CAMEO
// entry is qualified by a country ("National Liberation Army
// (Colombia)") must not list the country as an alias.
func TestBuiltinCountryNamesStayCountries(t *testing.T) {
	lx, err := loadLexicon(nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := builtinActors.ReadFile("lexicon/countries.csv")
	if err != nil {
		t.Fatal(err)
	}
	countries, err := parseActors("lexicon/countries.csv", b)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range countries {
		for _, name := range append([]string{c.Name}, c.Aliases...) {
			f, ok := makeForm(name)
			if !ok {
				continue
			}
			for _, g := range lx.forms[f.keys[0]] {
				if strings.Join(g.keys, " ") == strings.Join(f.keys, " ") && lx.actors[g.actor].ID != c.ID {
					t.Errorf("%q names %s, want the country %s", name, lx.actors[g.actor].ID, c.ID)
				}
			}
		}
	}
}
