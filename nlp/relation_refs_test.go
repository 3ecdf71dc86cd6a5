package nlp

import "testing"

// Parties named by reference, reciprocal events and meetings. Each row is
// a text written for this test and the relations (with modes) it must
// give: exactly those, no more.
func TestRelationReferences(t *testing.T) {
	tests := []relationCase{
		// Collective references resolve to the pair or set of parties
		// the text linked before.
		{"the two leaders after a meeting",
			"Mary Cole met Ivan Petrov in Geneva on Monday. The two leaders agreed to meet again in June.",
			[]string{"Ivan Petrov AGREE Mary Cole", "Ivan Petrov CONSULT Mary Cole", "Ivan Petrov CONSULT Mary Cole [future]"}},
		{"the two leaders in a later clause of the same sentence",
			"Mary Cole spoke by phone with Li Wei, and the two leaders agreed to expand trade.",
			[]string{"Li Wei AGREE Mary Cole", "Li Wei CONSULT Mary Cole", "Li Wei COOPERATE Mary Cole [future]"}},
		{"both sides are the most linked pair, not the latest",
			"Turkey shelled Syria on Monday. Syria struck Turkey on Tuesday. France spoke with Germany about the crisis. The UN urged both sides to show restraint.",
			[]string{"DEU CONSULT FRA", "SYR ASSAULT TUR", "TUR ASSAULT SYR", "UN REQUEST SYR", "UN REQUEST TUR"}},
		{"the army of the one state named so far",
			"Fierce fighting erupted in Syria's capital on Saturday between the army and Hezbollah.",
			[]string{"Hezbollah ASSAULT SYR", "SYR ASSAULT Hezbollah"}},
		{"no army when several states were named",
			"Turkey and Iran met in Syria's capital. The army attacked Hezbollah.",
			[]string{"IRN CONSULT TUR"}},
		{"the junta in a capital, then the junta",
			"The junta in Damascus rejected the plan. Later the junta accused France of lying.",
			[]string{"SYR ACCUSE FRA"}},
		{"the two neighbours leave out the speaker",
			"Iran and Iraq exchanged fire along the border overnight. China urged the two neighbours to show restraint.",
			[]string{"CHN REQUEST IRN", "CHN REQUEST IRQ", "IRN ASSAULT IRQ", "IRQ ASSAULT IRN"}},
		{"all four sides",
			"Talks between the United States, Russia, Ukraine and the European Union opened in Geneva. All four sides agreed on a roadmap.",
			[]string{"EU AGREE RUS", "EU AGREE UKR", "EU AGREE USA", "EU CONSULT RUS", "EU CONSULT UKR", "EU CONSULT USA",
				"RUS AGREE UKR", "RUS AGREE USA", "RUS CONSULT UKR", "RUS CONSULT USA", "UKR AGREE USA", "UKR CONSULT USA"}},
		{"no parties before, no reference", "The two leaders agreed to meet again.", nil},
		{"all parties is everyone", "Mary Cole met Ivan Petrov on Monday. China urged all parties to show restraint.",
			[]string{"Ivan Petrov CONSULT Mary Cole"}},
		{"the group is the armed group named last",
			"Turkey fought Islamic State near the border. On Monday the group attacked Syria.",
			[]string{"ISIL ASSAULT SYR", "TUR ASSAULT ISIL"}},
		{"the bloc is the organization named last",
			"The European Union met in Brussels on Monday. The bloc imposed new sanctions on Iran.",
			[]string{"EU SANCTION IRN"}},
		{"the army is the state whose army was named",
			"Syria's army shelled the town of Idlib. Hezbollah accused the army of war crimes.",
			[]string{"Hezbollah ACCUSE SYR"}},
		{"the military is the armed forces the text named",
			"The Egyptian Armed Forces deployed along the border on Monday. Hamas accused the military of shelling a border town.",
			[]string{"Hamas ACCUSE EAF"}},
		{"pronoun in a coordination",
			"Mary Cole arrived in Geneva on Sunday. She and Ivan Petrov signed a memorandum on Monday.",
			[]string{"Ivan Petrov AGREE Mary Cole"}},
		{"their summit",
			"Mary Cole met Ivan Petrov on Monday. Their summit ended without a joint statement.",
			[]string{"Ivan Petrov CONSULT Mary Cole"}},
		{"its airstrikes", "Russia sent more jets to Syria last month. Its airstrikes on Islamic State have intensified since then.",
			[]string{"RUS ASSAULT ISIL"}},
		// A role described by nationality is the person named before.
		{"the Russian foreign minister", "Ivan Petrov arrived in Ankara on Monday. Turkey praised the Russian foreign minister.",
			[]string{"Ivan Petrov CONSULT TUR", "TUR SUPPORT Ivan Petrov"}}, // the visit consults (convention 6)
		{"the Russian minister with no Russian named", "Turkey praised the Russian minister.", []string{"TUR SUPPORT RUS"}},
		// Event nouns refer to the event's agents.
		{"dismissed the demands",
			"Egypt and Turkey gave Qatar ten days to close the base. Qatar dismissed the demands as excessive.",
			[]string{"EGY REQUEST QAT", "QAT REJECT EGY", "QAT REJECT TUR", "TUR REQUEST QAT"}},
		{"rejected the claim", "Iran said Iraq had attacked Iranian border posts. Iraq rejected the claim.",
			[]string{"IRQ ASSAULT IRN [attributed] by IRN", "IRQ REJECT IRN"}},
		{"condemned the attack", "Hezbollah attacked a Syrian army post on Sunday. France condemned the attack.",
			[]string{"FRA ACCUSE Hezbollah", "Hezbollah ASSAULT SYR"}},
		{"a new attack is no reference", "Hezbollah attacked a Syrian army post on Sunday. France condemned a new attack on Iraq.",
			[]string{"Hezbollah ASSAULT SYR"}},
		{"charges that state their content", "Iran dismissed charges that Iranian drones struck Iraq.",
			[]string{"IRN ASSAULT IRQ [negated]"}},
		// Coordinated persons with titles.
		{"titled persons coordinated", "U.S. Secretary of State Mary Cole and Russian Foreign Minister Ivan Petrov said they had reached an agreement.",
			[]string{"Ivan Petrov AGREE Mary Cole"}},
		// A that-clause after an addressee is no relative clause.
		{"warned the president that", "Mary Cole warned the Syrian president that the United States rejected the vote.",
			[]string{"Mary Cole THREATEN SYR"}},
		// Bodies named by their leader, members or apparatus.
		{"led by a person", "Russia sent a delegation to Ankara. Turkey praised the delegation led by Ivan Petrov.",
			[]string{"RUS CONSULT TUR", "TUR SUPPORT RUS"}}, // the delegation consults (convention 6)
		{"dissidents of a group", "Hezbollah clashed with dissidents of Hamas near the border.",
			[]string{"Hamas ASSAULT Hezbollah", "Hezbollah ASSAULT Hamas"}},
		{"whose troops", "Egypt, whose troops fought alongside Syrian forces, denied the report.", []string{"EGY COOPERATE SYR"}},
		{"a leader's materiel", "Syrian leader Omar Haddad ordered a new offensive. One French jet struck an Omar Haddad tank near the coast.",
			[]string{"FRA ASSAULT SYR"}},
		// Appositions and copulas.
		{"apposition noun", "China, a close ally of Iran, urged restraint.", []string{"CHN SUPPORT IRN"}},
		{"be in contact with", "Qatar said it was in contact with Iran and Iraq.", []string{"IRN CONSULT QAT", "IRQ CONSULT QAT"}},
		// A refusal with will or would is a stance; with if, a condition.
		{"would never recognize", "Egypt would never recognize Hamas, its foreign minister said.", []string{"EGY REJECT Hamas"}},
		{"would not recognize if", "If Turkey wins, Iran would not recognize Iraq.", []string{"IRN COOPERATE IRQ [negated,hypothetical]"}},
		// Participle phrases.
		{"event ordered by", "Russia condemned the missile strike on Syria ordered by Mary Cole.",
			[]string{"Mary Cole ASSAULT SYR", "RUS ACCUSE Mary Cole"}},
		{"coordinated participles", "Hamas and Hezbollah, armed by Iran and praised by Syria, hold the border.",
			[]string{"IRN AID Hamas", "IRN AID Hezbollah", "SYR SUPPORT Hamas", "SYR SUPPORT Hezbollah"}},
		{"a closing comma ends the agent", "The border is split between Syria, backed by Russia, and Turkey, backed by NATO.",
			[]string{"NATO SUPPORT TUR", "RUS SUPPORT SYR"}},
		{"a list of agents stays whole", "The memorandum, signed by Russia, Iran, Turkey and Syria, took effect.",
			[]string{"IRN AGREE RUS", "IRN AGREE SYR", "IRN AGREE TUR", "RUS AGREE SYR", "RUS AGREE TUR", "SYR AGREE TUR"}},
		{"their summit with two subjects", "Mary Cole said Ivan Petrov gave his word during their summit in Oslo.",
			[]string{"Ivan Petrov CONSULT Mary Cole"}},
		// Clause boundaries.
		{"a clause after a comma and", "France suspended its aid to Syria, and the European Union said it would follow.",
			[]string{"FRA SANCTION SYR"}},
		{"stance toward a deal", "The United States and the European Union welcomed the deal with Iran.",
			[]string{"EU SUPPORT IRN", "USA SUPPORT IRN"}},
		{"talks about a deal", "Russia, France and Germany held talks on the issues around a deal.",
			[]string{"DEU CONSULT FRA", "DEU CONSULT RUS", "FRA CONSULT RUS"}},
		{"an event antecedent has no agent", "Turkey voiced concern over the attack which appeared to hit Syria.", nil},
		{"participle after a dash", "Taking questions for an hour, the U.S. envoy Mary Cole was in good spirits - often praising Ivan Petrov.",
			[]string{"Mary Cole SUPPORT Ivan Petrov"}},
		// A noun of intent or necessity does not assert its infinitive.
		{"the need to", "France and Germany agreed on the need to cooperate with Russia.",
			[]string{"DEU AGREE FRA", "DEU COOPERATE FRA [hypothetical]", "DEU COOPERATE RUS [hypothetical]", "FRA COOPERATE RUS [hypothetical]"}},
		// Reciprocal events act both ways.
		{"accused each other", "Russia and Ukraine accused each other of violating the truce.",
			[]string{"RUS ACCUSE UKR", "UKR ACCUSE RUS"}},
		{"clashed", "Iran and Iraq clashed near the border.", []string{"IRN ASSAULT IRQ", "IRQ ASSAULT IRN"}},
		{"exchanged fire with", "Iran exchanged fire with Iraq on Sunday.", []string{"IRN ASSAULT IRQ", "IRQ ASSAULT IRN"}},
		{"fought a war", "Iran and Iraq fought a long war in the 1980s.", []string{"IRN ASSAULT IRQ", "IRQ ASSAULT IRN"}},
		{"fought an enemy is one way", "Russia and Iran fought Islamic State in Syria.",
			[]string{"IRN ASSAULT ISIL", "IRN COOPERATE RUS", "RUS ASSAULT ISIL"}}, // co-agents cooperate (convention 1)
		// A denial negates what it reports.
		{"denied reports", "Egypt denied reports that it had sent weapons to Hamas.", []string{"EGY AID Hamas [negated]"}},
		// An accusation's gerund says what the accused did, as the
		// accuser's claim.
		{"a charge it denies", "Syria accuses Turkey of arming Hamas, a charge Ankara denies.",
			[]string{"SYR ACCUSE TUR", "TUR AID Hamas [attributed] by SYR"}},
		// Working on an accord is talking, not agreeing.
		{"working on a deal", "The United States has been working on a deal with Iran since May.", []string{"IRN CONSULT USA"}},
		{"sanctioned for attacking", "France sanctioned Russia for attacking Ukraine.", []string{"FRA SANCTION RUS", "RUS ASSAULT UKR"}},
		{"ultimatum of a week", "Egypt gave Qatar a week to close the base.", []string{"EGY REQUEST QAT"}},
		{"closed borders with", "Egypt closed its members' borders with Iraq and Qatar.", []string{"EGY COERCE IRQ", "EGY COERCE QAT"}},
		{"exercises tagged as a verb", "The United States announced joint air exercises with the Iraqi military.", []string{"IRQ COOPERATE USA"}},
		{"recaptured from", "Syrian forces recaptured the town from Islamic State.", []string{"SYR ASSAULT ISIL"}},
		{"failing is no rejection", "Iran said Iraq had failed to defeat Hezbollah.", []string{"IRQ ASSAULT Hezbollah [negated,attributed] by IRN"}},
		{"according to is no accord", "Turkey attacked Syria, according to Iraq.", []string{"TUR ASSAULT SYR [attributed] by IRQ"}},
	}
	checkRelationCases(t, tests)
}

// Meetings: hosts, mediators and attendants consult the parties; a
// meeting's parties may be named in another sentence; an agreement
// reached at talks is a consultation of its parties too.
func TestMeetingRelations(t *testing.T) {
	tests := []relationCase{
		{"hosted talks between", "Qatar hosted talks between the United States and Iran.",
			[]string{"IRN CONSULT QAT", "IRN CONSULT USA", "QAT CONSULT USA"}},
		{"co-hosts of rounds of talks are no partners", "Iraq and Egypt, which hosted several rounds of talks between Iranian and Turkish officials, welcomed the deal.",
			[]string{"EGY CONSULT IRN", "EGY CONSULT TUR", "IRN CONSULT IRQ", "IRN CONSULT TUR", "IRQ CONSULT TUR"}},
		{"hosted two guests", "Turkey hosted Russia and Ukraine in Istanbul.",
			[]string{"RUS CONSULT TUR", "RUS CONSULT UKR", "TUR CONSULT UKR"}},
		{"passive host in the next sentence", "Russia and Ukraine held talks in Istanbul on Friday. The talks were hosted by Turkey.",
			[]string{"RUS CONSULT TUR", "RUS CONSULT UKR", "TUR CONSULT UKR"}},
		{"mediated and attended",
			"Syria and Turkey resumed negotiations on Monday. The negotiations, which were mediated by Egypt and attended by the United Nations, ended without a deal.",
			[]string{"EGY CONSULT SYR", "EGY CONSULT TUR", "SYR CONSULT TUR", "SYR CONSULT UN", "TUR CONSULT UN"}},
		{"guests of one meeting meet each other, and its one named party", "Iran and Iraq exchanged fire. The meeting with Anna Berg, attended by Mary Cole and joined remotely by Omar Haddad, lasted an hour.",
			[]string{"Anna Berg CONSULT Mary Cole", "Anna Berg CONSULT Omar Haddad", "IRN ASSAULT IRQ", "IRQ ASSAULT IRN", "Mary Cole CONSULT Omar Haddad"}},
		{"the meeting with one party is the one named before", "Mary Cole met Omar Haddad on Monday. The meeting with Omar Haddad, attended by Anna Berg, lasted an hour.",
			[]string{"Anna Berg CONSULT Mary Cole", "Anna Berg CONSULT Omar Haddad", "Mary Cole CONSULT Omar Haddad"}},
		{"attending together", "Qatar and Egypt attended the summit.", []string{"EGY CONSULT QAT"}},
		{"joined the mediation",
			"Qatar mediated between Iran and Iraq in March. The African Union joined the mediation in April.",
			[]string{"AU CONSULT IRN", "AU CONSULT IRQ", "IRN CONSULT IRQ", "IRN CONSULT QAT", "IRQ CONSULT QAT"}},
		{"took part in the talks",
			"France and Germany held talks in Paris. Ukraine took part in the talks on Tuesday.",
			[]string{"DEU CONSULT FRA", "DEU CONSULT UKR", "FRA CONSULT UKR"}},
		{"talks which included", "Diplomats met in Vienna for talks on Syria. The talks, which included Iran and Qatar, lasted eight hours.",
			[]string{"IRN CONSULT QAT"}},
		{"a separate meeting is another meeting",
			"Russia and Ukraine held talks in Istanbul. Egypt hosted a separate meeting in Cairo.",
			[]string{"RUS CONSULT UKR"}},
		{"under mediation", "Syria and Turkey signed a truce under Egyptian mediation.",
			[]string{"EGY CONSULT SYR", "EGY CONSULT TUR", "SYR AGREE TUR", "SYR CONSULT TUR"}},
		{"agreement at the end of talks", "Iran and Qatar signed a trade deal at the end of talks in Doha.",
			[]string{"IRN AGREE QAT", "IRN CONSULT QAT"}},
		{"agreed after hours of talks", "Russia agreed the terms with Ukraine after 16 hours of talks.",
			[]string{"RUS AGREE UKR", "RUS CONSULT UKR"}},
		{"agreement without a meeting", "Russia and Ukraine signed the document on Friday.", []string{"RUS AGREE UKR"}},
		{"led the mediation alongside",
			"Russia and Ukraine signed a truce after talks in Geneva. The deal was announced by Mary Cole, the U.S. envoy for the region, who led the mediation alongside Anna Berg.",
			[]string{"Anna Berg CONSULT RUS", "Anna Berg CONSULT UKR", "Mary Cole CONSULT RUS", "Mary Cole CONSULT UKR", "RUS AGREE UKR", "RUS CONSULT UKR"}},
		{"a summit of two parties", "A summit of France and Germany opened in Paris. A meeting of NATO ministers followed.",
			[]string{"DEU CONSULT FRA"}},
		{"a deal brokered by", "Russia and Ukraine signed a deal brokered by Turkey and the United Nations.",
			[]string{"RUS AGREE UKR", "RUS CONSULT TUR", "RUS CONSULT UN", "TUR CONSULT UKR", "UKR CONSULT UN"}},
		{"brokered a deal between", "Qatar brokered a deal between Hamas and Egypt.",
			[]string{"EGY AGREE Hamas", "EGY CONSULT Hamas", "EGY CONSULT QAT", "Hamas CONSULT QAT"}},
		{"at the request of", "Turkish jets struck Hezbollah on Monday at the request of Syria.",
			[]string{"SYR REQUEST TUR", "TUR ASSAULT Hezbollah"}},
		{"did not attend", "Russia and Ukraine held talks in Geneva. Turkey did not attend the talks.",
			[]string{"RUS CONSULT TUR [negated]", "RUS CONSULT UKR", "TUR CONSULT UKR [negated]"}},
		{"party complement with a coordination",
			"Delegations from Syria and Turkey returned to the negotiating table in Geneva.", []string{"SYR CONSULT TUR"}},
		{"bracketed list", "The leaders of the quartet (Russia, Germany, France, Ukraine) held talks in Minsk.",
			[]string{"DEU CONSULT FRA", "DEU CONSULT RUS", "DEU CONSULT UKR", "FRA CONSULT RUS", "FRA CONSULT UKR", "RUS CONSULT UKR"}},
	}
	checkRelationCases(t, tests)
}
