package nlp

import "testing"

// Modes on unseen text: a reported "would" announces, a condition after
// the verb bounds it, a relative clause describes a plan. Each row is a
// sentence written for this test and the relations (with modes) it must
// give, exactly.
func TestRelationReportedModes(t *testing.T) {
	checkRelationCases(t, []relationCase{
		{"reported would announces", "Germany said it would impose sanctions on Iran.",
			[]string{"DEU SANCTION IRN [future]"}},
		{"reported would with a verb cue", "Anna Berg said Germany would work with France on the plan.",
			[]string{"DEU COOPERATE FRA [future,attributed] by Anna Berg"}},
		{"bare would stays hypothetical", "Germany would impose sanctions on Iran.",
			[]string{"DEU SANCTION IRN [hypothetical]"}},
		{"reported would consider stays hypothetical", "Germany said it would consider sanctions on Iran.",
			[]string{"DEU SANCTION IRN [hypothetical,future]"}},
		{"reported would in a quotation stays hypothetical", "\"We would impose sanctions on Iran,\" Anna Berg said.",
			[]string{"Anna Berg SANCTION IRN [hypothetical]"}},
		{"reported would under a condition", "Germany said it would impose sanctions on Iran if talks failed.",
			[]string{"DEU SANCTION IRN [hypothetical]"}},
		{"reported would in a relative clause", "Anna Berg said Germany had a plan under which it would impose sanctions on Iran.",
			[]string{"DEU SANCTION IRN [hypothetical,attributed] by Anna Berg"}},
		{"will ... unless", "France and Germany have said they will recognize Omar Haddad unless Syria holds elections.",
			[]string{"DEU COOPERATE Omar Haddad [hypothetical,future]", "FRA COOPERATE Omar Haddad [hypothetical,future]"}},
		{"would ... only after", "Anna Berg said the EU would lift its sanctions against Iran only after inspections.",
			[]string{"EU CONCEDE IRN [hypothetical,attributed] by Anna Berg", "EU SANCTION IRN [attributed] by Anna Berg"}},
		{"lifting sanctions presupposes them and concedes", "The United States lifted its sanctions on Iran on Monday.",
			[]string{"USA CONCEDE IRN", "USA SANCTION IRN"}},
		{"plans to is an intention", "Germany plans to impose sanctions on Iran later this month.",
			[]string{"DEU SANCTION IRN [hypothetical]"}},
		{"is due to is scheduled", "Germany is due to impose sanctions on Iran on Monday.",
			[]string{"DEU SANCTION IRN [future]"}},
		{"prepared to use force threatens", "Germany is prepared to impose sanctions on Iran.",
			[]string{"DEU THREATEN IRN"}},
		{"ready to talk is possible", "Germany is ready to hold talks with Iran.",
			[]string{"DEU CONSULT IRN [hypothetical]"}},
		{"a question asks", "Will Russia attack Ukraine again?", []string{"RUS ASSAULT UKR [hypothetical]"}},
		{"a question in a later clause", "Russia attacked Ukraine, but will it attack Turkey?",
			[]string{"RUS ASSAULT TUR [hypothetical]", "RUS ASSAULT UKR"}},
		{"even if is no condition", "Russia attacked Ukraine even if talks were planned.",
			[]string{"RUS ASSAULT UKR"}},
	})
}
