package nlp

import (
	"testing"

	"github.com/geokg/geokg/schema"
)

func TestEventDates(t *testing.T) {
	friday, _ := schema.ParseDate("2020-03-13") // a Friday
	january, _ := schema.ParseDate("2019-01-05")
	tests := []struct {
		name string
		pub  schema.Date
		text string
		want string // "" when no date expression resolves
	}{
		{"weekday same day", friday, "Russia attacked Ukraine on Friday.", "2020-03-13"},
		{"weekday earlier", friday, "Russia attacked Ukraine on Tuesday.", "2020-03-10"},
		{"bare weekday", friday, "Kerry met Lavrov Wednesday.", "2020-03-11"},
		{"last weekday", friday, "Russia attacked Ukraine last Friday.", "2020-03-06"},
		{"next weekday", friday, "France will meet Germany next Monday.", "2020-03-16"},
		{"yesterday", friday, "Iran condemned Qatar yesterday.", "2020-03-12"},
		{"last week", friday, "Egypt expelled Qatar's envoy last week.", "2020-03-06"},
		{"month day", friday, "Turkey signed the deal on April 1.", "2020-04-01"},
		{"abbreviated month", friday, "Turkey signed the deal on Nov. 27.", "2019-11-27"},
		{"day month year", friday, "Turkey signed the deal on 27 November 2015.", "2015-11-27"},
		{"month day year", friday, "Turkey signed the deal on March 3, 2014.", "2014-03-03"},
		{"last year's December", january, "Turkey signed the deal on Dec. 28.", "2018-12-28"},
		{"iso date", schema.Date{}, "Turkey signed the deal on 2015-10-30.", "2015-10-30"},
		{"last month name", friday, "Turkey signed the deal last November.", "2019-11-01"},
		{"last month name this year", friday, "Turkey signed the deal last February.", "2020-02-01"},
		{"next month name", friday, "Turkey will sign the deal next May.", "2020-05-01"},
		{"last month", friday, "Turkey signed the deal last month.", "2020-02-01"},
		{"in a month", friday, "Turkey signed the deal in January.", "2020-01-01"},
		{"in a later month is last year's", friday, "Turkey signed the deal in October.", "2019-10-01"},
		{"in a month and year", friday, "Turkey signed the deal in March 2014.", "2014-03-01"},
		{"in May the modal is no month", friday, "Turkey may sign the deal in may.", ""},
		{"weekday without article date", schema.Date{}, "Russia attacked Ukraine on Friday.", ""},
		{"May the modal", friday, "Russia may attack Ukraine.", ""},
		{"no date", friday, "Russia attacked Ukraine.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := relTestAnalysis(t, "Test\n\n"+tt.text)
			s := a.Sentences[len(a.Sentences)-1]
			ds := findDates(a.Tokens, s.First, s.Last, tt.pub)
			got := ""
			if d, ok := nearestDate(ds, s.First); ok {
				got = d.String()
			}
			if got != tt.want {
				t.Errorf("%s (published %s): got %q, want %q", tt.text, tt.pub, got, tt.want)
			}
		})
	}
}
