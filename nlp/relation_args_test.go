package nlp

import "testing"

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
			[]string{"CHN ASSAULT UKR", "RUS ASSAULT UKR"}},
		{"in talks with two as a go-between", "Qatar has been in talks with Egyptian and Turkish officials for weeks.",
			[]string{"EGY CONSULT QAT", "QAT CONSULT TUR"}},
		{"talks with two are talks with each", "Qatar held talks with Egypt and Turkey in Doha.",
			[]string{"EGY CONSULT QAT", "QAT CONSULT TUR"}},
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
		{"no loose target in a place", "Hezbollah held a rally in Syria.", nil},
		{"force used in a country is used on it", "Turkish warplanes pounded more than 20 targets in Syria.", []string{"TUR ASSAULT SYR"}},
	})
}
