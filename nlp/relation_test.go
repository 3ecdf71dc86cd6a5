package nlp

import "testing"

// Each row is a sentence written for this test and the relations (with
// modes) it must give: exactly those, no more.
func TestRelationConstructions(t *testing.T) {
	tests := []relationCase{
		// Active voice.
		{"active", "Russia backs Hezbollah in the conflict.", []string{"RUS SUPPORT Hezbollah"}},
		{"active past irregular", "Turkey struck Islamic State positions near the border.", []string{"TUR ASSAULT ISIL"}},
		{"active object coordination", "France condemned Russia and Iran on Tuesday.", []string{"FRA ACCUSE IRN", "FRA ACCUSE RUS"}},
		{"subject coordination", "The United States, France and more than a dozen other nations have urged the United Nations to act.",
			[]string{"FRA REQUEST UN", "USA REQUEST UN"}},
		{"phrasal verb", "Egypt sided with Qatar in the dispute.", []string{"EGY SUPPORT QAT"}},
		{"multiword cue with modifiers", "Egypt severed diplomatic relations with Qatar.", []string{"EGY SANCTION QAT"}},
		// Passive voice.
		{"passive with agent", "Hezbollah was attacked by Turkish forces on Monday.", []string{"TUR ASSAULT Hezbollah"}},
		{"passive agentless", "Qatar was sanctioned last year.", nil},
		// Symmetric types and coordination.
		{"symmetric subjects", "Germany, France and Ukraine signed a memorandum in Minsk.",
			[]string{"DEU AGREE FRA", "DEU AGREE UKR", "FRA AGREE UKR"}},
		{"headline comma list", "US, Russia agree to resume Syrian ceasefire talks\n\nThe body follows.", []string{"RUS AGREE USA"}},
		{"talks between", "Talks between Russia, Ukraine, France and Germany ended late.",
			[]string{"DEU CONSULT FRA", "DEU CONSULT RUS", "DEU CONSULT UKR", "FRA CONSULT RUS", "FRA CONSULT UKR", "RUS CONSULT UKR"}},
		{"meet with two", "Mary Cole met Ivan Petrov and Anna Berg in Geneva.",
			[]string{"Anna Berg CONSULT Mary Cole", "Ivan Petrov CONSULT Mary Cole"}},
		{"titles are modifiers", "U.S. Secretary of State Mary Cole met Russian Foreign Minister Ivan Petrov.",
			[]string{"Ivan Petrov CONSULT Mary Cole"}},
		// Nominal forms.
		{"possessive nominal", "Russia's military intervention on behalf of Syria changed the war.", []string{"RUS AID SYR"}},
		{"demonym nominal", "Turkish airstrikes on Hezbollah continued.", []string{"TUR ASSAULT Hezbollah"}},
		{"anti prefix", "Washington's anti-ISIL campaign widened.", []string{"USA ASSAULT ISIL"}},
		{"light verb nominal", "Turkey reiterated its support for Qatar.", []string{"TUR SUPPORT QAT"}},
		{"noun with governor", "Mary Cole spoke at a joint news conference with Ivan Petrov and Anna Berg.",
			[]string{"Anna Berg CONSULT Ivan Petrov", "Anna Berg CONSULT Mary Cole", "Ivan Petrov CONSULT Mary Cole"}},
		{"have the backing of", "Hezbollah has the backing of Iran.", []string{"IRN SUPPORT Hezbollah"}},
		// Relative clauses and appositions.
		{"object relative", "Omar Haddad, whom Russia and Iran firmly back, spoke.", []string{"IRN SUPPORT Omar Haddad", "RUS SUPPORT Omar Haddad"}},
		{"subject relative", "The U.S., which backs Qatar, stayed silent.", []string{"USA SUPPORT QAT"}},
		{"parenthetical subject", "Turkey, after weeks of debate, recognized Qatar.", []string{"QAT COOPERATE TUR"}},
		{"inverse cue in relative", "Syria, which had been losing ground to Hezbollah for months, asked for help.", []string{"Hezbollah ASSAULT SYR"}},
		// Discontinuous and control.
		{"want ousted", "Washington still wants Omar Haddad ousted.", []string{"USA REJECT Omar Haddad"}},
		{"vow to defeat", "France vowed to defeat Islamic State.", []string{"FRA THREATEN ISIL"}},
		{"object control", "Germany urged Russia to stop attacking Ukraine.",
			[]string{"DEU REQUEST RUS", "RUS ASSAULT UKR"}}, // stopping presupposes the attacks
		// Modes.
		{"negated", "Russia did not attack Ukraine.", []string{"RUS ASSAULT UKR [negated]"}},
		{"negated report", "\"I did not say that Russia attacked Ukraine,\" Anna Berg said.",
			[]string{"RUS ASSAULT UKR [negated,attributed] by Anna Berg"}},
		{"hypothetical modal", "Iran would consider talks with France.", []string{"FRA CONSULT IRN [hypothetical]"}},
		{"conditional", "If Turkey attacks Syria, France will respond.", []string{"TUR ASSAULT SYR [hypothetical]"}},
		{"future", "Germany will send aid to Ukraine next week.", []string{"DEU AID UKR [future]"}},
		{"attributed", "Anna Berg said Russia attacked Ukraine.", []string{"RUS ASSAULT UKR [attributed] by Anna Berg"}},
		{"attributed after quote", "\"Russia attacked Ukraine,\" Anna Berg said.", []string{"RUS ASSAULT UKR [attributed] by Anna Berg"}},
		{"negated acceptance rejects", "\"We do not accept Iran's role,\" an official of Qatar said.", nil},
		{"affiliation is no relation", "Ivan Petrov praised Russia.", nil},
	}
	checkRelationCases(t, tests)
}
