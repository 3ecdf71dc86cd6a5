package nlp

import (
	"slices"
	"testing"
)

// Arguments that are no actor, or the wrong one: rules found on unseen
// wire text. Each row is a sentence written for this test and the
// relations it must give, exactly.
func TestRelationArgumentPrecision(t *testing.T) {
	checkRelationCases(t, []relationCase{
		{"a member is not the organization", "Turkish jets shot down a Russian bomber, the first time a NATO member has downed a Russian aircraft.",
			[]string{"TUR ASSAULT RUS"}},
		{"allies are not the country", "Russia's allies condemned France on Monday.", nil},
		{"organization countries are its members", "ECOWAS countries imposed sanctions on Mali.", nil},
		{"the two forces are no single army", "Syria's army attacked Hezbollah. Anna Berg urged the leaders of the two forces to stop.",
			[]string{"SYR ASSAULT Hezbollah"}},
		{"brokers are no side", "Turkey attacked Syria in March. Iran and Iraq signed a deal in May. Three truces, brokered by Iran and Iraq, collapsed, with both sides accusing each other of violations.",
			[]string{"IRN AGREE IRQ", "SYR ACCUSE TUR", "TUR ACCUSE SYR", "TUR ASSAULT SYR"}},
		{"stacked participle phrases before the verb", "Hezbollah, led by Omar Haddad, known as the Sheikh, accused Turkey of attacking its bases.",
			[]string{"Hezbollah ACCUSE TUR"}},
		{"restrictive that modifies no name", "It was a victory for Qatar that Egypt rejected at once.", nil},
		{"restrictive that after a verb cue's name", "It was a plan for Qatar that Turkey backed.", nil},
		{"blocking a draft rejects its author", "Russia and China blocked a U.S. draft at the Security Council.",
			[]string{"CHN REJECT USA", "RUS REJECT USA"}},
		{"subject after a subordinator", "The meeting ended after Russia and China attacked Ukraine.",
			[]string{"CHN ASSAULT UKR", "CHN COOPERATE RUS", "RUS ASSAULT UKR"}}, // co-agents (convention 1)
		{"in talks with two as a go-between", "Qatar has been in talks with Egyptian and Turkish officials for weeks.",
			[]string{"EGY CONSULT QAT", "QAT CONSULT TUR"}},
		{"talks with two are talks with each", "Qatar held talks with Egypt and Turkey in Doha.",
			[]string{"EGY CONSULT QAT", "QAT CONSULT TUR"}},
		{"adverbials between a verb and its target phrase", "Mary Cole met on Tuesday in Geneva with Ivan Petrov.",
			[]string{"Ivan Petrov CONSULT Mary Cole"}},
		{"a time phrase between subject and verb", "Omar Haddad last week criticized Turkey.", []string{"Omar Haddad ACCUSE TUR"}},
		{"a date between subject and verb", "Russia on Monday attacked Ukraine.", []string{"RUS ASSAULT UKR"}},
		{"in the past between auxiliary and verb", "Iran and Iraq have in the past held talks.", []string{"IRN CONSULT IRQ"}},
		{"in recent years before the verb", "Turkey in recent years criticized Egypt.", []string{"TUR ACCUSE EGY"}},
		{"a person named after a role phrase is the subject", "The German ambassador to Russia, Anna Berg, criticized Iran.", []string{"Anna Berg ACCUSE IRN"}},
		{"an undertaking's gerund has its governor's subject", "Russia began a campaign of attacking Ukraine.", []string{"RUS ASSAULT UKR"}},
		{"an undertaking's gerund has its possessor", "Russia's campaign of bombing Syria continued.", []string{"RUS ASSAULT SYR"}},
		{"a relative clause's 'has' with an object, then a coordinated verb", "Egypt criticized Qatar, which has a small army and backed Hamas.",
			[]string{"EGY ACCUSE QAT", "QAT SUPPORT Hamas"}},
		{"a place before a time is no subject", "Strikes carried out in Syria Wednesday did not target Hezbollah but hit ISIS.", nil},
		{"no loose target after as or by", "Turkey hailed the deal as a capitulation by Syria.", nil},
		{"an unresolved pronoun object takes no later phrase", "It was a move aimed at pressuring him to hand power to Omar Haddad.", nil},
		{"a coordinated infinitive keeps its governor", "Anna Berg urged Syria to respect the truce and to seek talks with Turkey.",
			[]string{"Anna Berg REQUEST SYR", "SYR CONSULT TUR [hypothetical]"}},
		{"a copula before a coordinated verb", "Anna Berg said she was deeply alarmed and urged Syria to stop.",
			[]string{"Anna Berg REQUEST SYR"}},
		{"both sides are states before their leaders", "Omar Haddad gave a speech. Hezbollah held a rally in Syria. Egypt urged both sides to talk.",
			[]string{"EGY REQUEST Hezbollah", "EGY REQUEST SYR", "Hezbollah CONSULT SYR [hypothetical]"}},
		{"an irregular past the tagger calls a noun", "The two ministers, Ivan Petrov and Mary Cole, spoke by telephone on Friday.",
			[]string{"Ivan Petrov CONSULT Mary Cole"}},
		{"an apposition names a collective", "Anna Berg met Omar Haddad. The two ministers, Ivan Petrov and Mary Cole, met in Geneva.",
			[]string{"Anna Berg CONSULT Omar Haddad", "Ivan Petrov CONSULT Mary Cole"}},
		{"a quotation before a coordinated verb", "Mary Cole called it \"unacceptable\" and accused Russia of lying.",
			[]string{"Mary Cole ACCUSE RUS"}},
		{"finite verbs coordinate with finite verbs", "Anna Berg said Germany was ready to continue talks and had asked France to help.",
			[]string{"DEU REQUEST FRA [attributed] by Anna Berg"}},
		{"a complement of a named actor ends before and", "Mary Cole thanked Omar Haddad of Syria and Ivan Petrov for their help.",
			[]string{"Mary Cole SUPPORT Ivan Petrov", "Mary Cole SUPPORT Omar Haddad"}},
		{"a clash runs both ways", "Ten Turkish soldiers were killed in a clash with Syrian troops.",
			[]string{"SYR ASSAULT TUR", "TUR ASSAULT SYR"}},
		{"acting jointly cooperates", "Anna Berg said Ankara and Moscow would jointly monitor the truce.",
			[]string{"RUS COOPERATE TUR [future,attributed] by Anna Berg"}},
		{"acting together cooperates", "Omar Haddad and Ivan Petrov seized power together in a coup.",
			[]string{"Ivan Petrov COOPERATE Omar Haddad"}},
		{"coming together is no joint act", "Russia and Turkey came together in Geneva.", nil},
		{"together with is a coordination", "Russia, together with Turkey, sent troops.", nil},
		{"monitors of a truce are no parties", "Turkey and Russia monitor the truce.", []string{"RUS COOPERATE TUR"}}, // but monitor together (convention 1)
		{"claiming an attack is attacking", "The Iran-aligned Hezbollah claimed a drone and missile attack on Turkey.",
			[]string{"Hezbollah ASSAULT TUR"}},
		{"a description is a subject for a later pronoun", "Hezbollah fired rockets at Syria. Iran praised Hezbollah. The group said it had targeted Turkish bases.",
			[]string{"Hezbollah ASSAULT SYR", "Hezbollah ASSAULT TUR", "IRN SUPPORT Hezbollah"}},
		{"the attack is the event called an attack", "Hamas claimed an attack on Egypt. Turkey struck Hamas bases on Friday. France condemned the attack.",
			[]string{"FRA ACCUSE Hamas", "Hamas ASSAULT EGY", "TUR ASSAULT Hamas"}},
		{"a base form after a coordinated subject is a verb", "Russia and Iran back Omar Haddad, while the United States and Turkey support Hezbollah fighters.",
			[]string{"IRN SUPPORT Omar Haddad", "RUS SUPPORT Omar Haddad", "TUR SUPPORT Hezbollah", "USA SUPPORT Hezbollah"}},
		{"wanting a leader to step down rejects him", "Washington still wants Omar Haddad to step down, Mary Cole said.",
			[]string{"USA REJECT Omar Haddad [attributed] by Mary Cole"}},
		{"the leader of a coalition acts through it", "The United States has led a coalition bombing Islamic State positions since 2014.",
			[]string{"USA ASSAULT ISIL"}},
		{"a participle after while takes the main subject", "Mary Cole, who has backed Turkey, spoke while pressing Omar Haddad to protect civilians.",
			[]string{"Mary Cole REQUEST Omar Haddad", "Mary Cole SUPPORT TUR"}},
		{"a reported clause after a time phrase", "Anna Berg said on Monday that France would push the EU to impose sanctions.",
			[]string{"FRA REQUEST EU [future,attributed] by Anna Berg"}},
		{"a bracketed acronym before a parenthetical subject", "The European Union (EU), meeting in Brussels, said it would impose sanctions on Iran.",
			[]string{"EU SANCTION IRN [future]"}},
		{"measures against", "Egypt said it would take reciprocal measures against Qatar.", []string{"EGY SANCTION QAT [future]"}},
		{"close ties are support", "Egypt, which has long-standing ties with Syria's military, urged calm.", []string{"EGY SUPPORT SYR"}},
		{"exchanging prisoners", "Russia and Ukraine exchanged prisoners on Friday.", []string{"RUS CONCEDE UKR", "UKR CONCEDE RUS"}},
		{"a reduced relative on a description of a name", "Hezbollah, the armed group backed by Tehran, which has traded fire with Israeli forces for months, said it would abide by the truce.",
			[]string{"Hezbollah ASSAULT ISR", "IRN SUPPORT Hezbollah", "ISR ASSAULT Hezbollah"}},
		{"an agent that convenes a meeting is no party", "A UN meeting called by Washington ended without a statement.", nil},
		{"an urged infinitive's object is no target", "Mary Cole urged the generals to release Omar Haddad.", nil},
		{"blocking a statement rejects its author", "China blocked a UN statement on Monday.", []string{"CHN REJECT UN"}},
		{"a nation's parties are not the state", "Egypt called on all Syrian parties to work together.", nil},
		{"joint drills", "U.S. and Turkish jets staged joint drills on Monday.", []string{"TUR COOPERATE USA"}},
		{"deploying troops to a country is no mobilization against it", "Turkey is deploying troops to Syria to support its army.", nil},
		{"allies are no sides", "Turkey sent troops to support Syria. Hezbollah attacked Syria. Egypt urged both sides to stop.",
			[]string{"EGY REQUEST Hezbollah", "EGY REQUEST SYR", "Hezbollah ASSAULT SYR", "TUR AID SYR"}}, // sending troops in support is aid,
		{"ousted by an invasion", "Hezbollah, ousted by a U.S.-led invasion in 2001, signed a deal.", []string{"USA ASSAULT Hezbollah"}},
		{"mercenaries of a group fight for a leader", "Russian mercenaries from Hezbollah are fighting for Omar Haddad.",
			[]string{"Hezbollah AID Omar Haddad"}},
		{"an apposition with a complement inside a between list", "Talks were held between Ivan Petrov, the head of the council, and Mary Cole.",
			[]string{"Ivan Petrov CONSULT Mary Cole"}},
		{"separate agreements", "Russia and Ukraine signed separate agreements with Turkey on Friday.",
			[]string{"RUS AGREE TUR", "TUR AGREE UKR"}},
		{"a cue that only modifies a thing", "A joint coordination centre with officials from Russia and Turkey will monitor ships.", nil},
		{"a cue modifying an event noun", "Germany sent an aid package to Ukraine.", []string{"DEU AID UKR"}},
		{"a phone call to a leader", "Ivan Petrov called Mary Cole on Tuesday to express solidarity.", []string{"Ivan Petrov CONSULT Mary Cole"}},
		{"calling someone something names", "Ivan Petrov called Mary Cole a liar.", nil},
		{"summoning an envoy protests", "Egypt summoned Qatar's ambassador on Monday.", []string{"EGY ACCUSE QAT"}},
		{"a relative clause without that", "Egypt is angry about a maritime deal Turkey signed with Qatar in November.",
			[]string{"QAT AGREE TUR"}},
		{"a participle phrase holding a clause", "Egypt, locked in a dispute over a deal Turkey signed with Qatar, expelled the Iraqi ambassador.",
			[]string{"EGY SANCTION IRQ", "QAT AGREE TUR"}},
		{"designating sanctions", "The United States said it had designated ten officials, including Omar Haddad.",
			[]string{"USA SANCTION Omar Haddad"}},
		{"no loose target in a place", "Hezbollah held a rally in Syria.", nil},
		{"force used in a place targets no one named", "Turkish warplanes pounded more than 20 targets in Syria.", nil},
		{"force aimed at a country targets it", "Turkish warplanes fired missiles into Syria.", []string{"TUR ASSAULT SYR"}},
	})
}

// TestArgumentsEndToEnd runs the whole extractor, so that arguments the
// actor stage marks as a state's bodies ("Iranian officials") are read as
// the sentence means them.
func TestArgumentsEndToEnd(t *testing.T) {
	x := sharedExtractor(t)
	for _, tc := range []struct{ name, text, want string }{
		{"officials including named persons", "Body.\n\nSergey Lavrov met top Iranian officials, including Hassan Rouhani and Ali Khamenei.",
			"sergey lavrov CONSULT hassan rouhani"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := extractText(t, x, tc.text)
			var got []string
			for _, r := range doc.Relations {
				got = append(got, r.Source+" "+string(r.Type)+" "+r.Target)
			}
			if !slices.Contains(got, tc.want) {
				t.Errorf("%q: got %q, want %q among them", tc.text, got, tc.want)
			}
		})
	}
}
