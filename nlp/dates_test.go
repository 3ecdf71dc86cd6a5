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
		want string // date/precision; "" when no date expression resolves
	}{
		{"weekday same day", friday, "Russia attacked Ukraine on Friday.", "2020-03-13/day"},
		{"weekday earlier", friday, "Russia attacked Ukraine on Tuesday.", "2020-03-10/day"},
		{"bare weekday", friday, "Kerry met Lavrov Wednesday.", "2020-03-11/day"},
		{"last weekday", friday, "Russia attacked Ukraine last Friday.", "2020-03-06/day"},
		{"next weekday", friday, "France will meet Germany next Monday.", "2020-03-16/day"},
		{"yesterday", friday, "Iran condemned Qatar yesterday.", "2020-03-12/day"},
		{"last week", friday, "Egypt expelled Qatar's envoy last week.", "2020-03-06/day"},
		{"month day", friday, "Turkey signed the deal on April 1.", "2020-04-01/day"},
		{"abbreviated month", friday, "Turkey signed the deal on Nov. 27.", "2019-11-27/day"},
		{"day month year", friday, "Turkey signed the deal on 27 November 2015.", "2015-11-27/day"},
		{"month day year", friday, "Turkey signed the deal on March 3, 2014.", "2014-03-03/day"},
		{"last year's December", january, "Turkey signed the deal on Dec. 28.", "2018-12-28/day"},
		{"iso date", schema.Date{}, "Turkey signed the deal on 2015-10-30.", "2015-10-30/day"},
		{"last month name", friday, "Turkey signed the deal last November.", "2019-11-01/month"},
		{"last month name this year", friday, "Turkey signed the deal last February.", "2020-02-01/month"},
		{"next month name", friday, "Turkey will sign the deal next May.", "2020-05-01/month"},
		{"last month", friday, "Turkey signed the deal last month.", "2020-02-01/month"},
		{"in a month", friday, "Turkey signed the deal in January.", "2020-01-01/month"},
		{"in a later month is last year's", friday, "Turkey signed the deal in October.", "2019-10-01/month"},
		{"in the next month is last year's", friday, "Turkey signed the deal in April.", "2019-04-01/month"},
		{"in the publication month", friday, "Turkey signed the deal in March.", "2020-03-01/month"},
		{"month and year without in", friday, "Turkey signed the deal March 2014 in Ankara.", "2014-03-01/month"},
		{"month and year without article date", schema.Date{}, "Turkey signed the deal in March 2014.", "2014-03-01/month"},
		{"since a month and year", friday, "Turkey has cooperated with Iran since May 2011.", "2011-05-01/month"},
		{"in a year", friday, "Turkey cut ties with Israel in 2016.", "2016-01-01/year"},
		{"during a year", friday, "Russia attacked Georgia during 2008.", "2008-01-01/year"},
		{"year without article date", schema.Date{}, "Turkey cut ties with Israel in 2016.", "2016-01-01/year"},
		{"a year that modifies a noun", friday, "Turkey won in 2016 elections.", ""},
		{"a number is no year", friday, "Russia sent 2016 soldiers.", ""},
		{"a count after in is no year", friday, "Russia sent troops in 2016 trucks.", ""},
		{"last year", friday, "Turkey cut ties with Israel last year.", "2019-01-01/year"},
		{"this year", friday, "Turkey cut ties with Israel this year.", "2020-01-01/year"},
		{"next year", friday, "Turkey will cut ties with Israel next year.", "2021-01-01/year"},
		{"last year without article date", schema.Date{}, "Turkey cut ties with Israel last year.", ""},
		{"full date wins over its year", friday, "Turkey signed the deal on March 3, 2014.", "2014-03-03/day"},
		{"in a month and year", friday, "Turkey signed the deal in March 2014.", "2014-03-01/month"},
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
				got = d.Date.String() + "/" + d.Precision
			}
			if got != tt.want {
				t.Errorf("%s (published %s): got %q, want %q", tt.text, tt.pub, got, tt.want)
			}
		})
	}
}

// An event dated by its sentence says so; one the sentence does not date
// keeps the article's date (2020-03-13 in relExtract) and says that.
func TestRelationDateSource(t *testing.T) {
	tests := []struct {
		text                    string
		date, source, precision string
	}{
		{"Turkey cut ties with Israel in 2016.", "2016-01-01", schema.DateFromText, schema.YearPrecision},
		{"Russia attacked Ukraine in March.", "2020-03-01", schema.DateFromText, schema.MonthPrecision},
		{"Russia attacked Ukraine last year.", "2019-01-01", schema.DateFromText, schema.YearPrecision},
		{"Russia attacked Ukraine on Tuesday.", "2020-03-10", schema.DateFromText, schema.DayPrecision},
		{"Russia attacked Ukraine.", "2020-03-13", schema.DateFromArticle, schema.DayPrecision},
		{"Russia had attacked Ukraine.", "", "", ""},
		{"Russia had attacked Ukraine in 2014.", "2014-01-01", schema.DateFromText, schema.YearPrecision},
		// A date in a phrase about another happening is that one's.
		{"Turkey thanked Russia after the coup in July.", "2020-03-13", schema.DateFromArticle, schema.DayPrecision},
		{"After the coup in July, Turkey thanked Russia.", "2020-03-13", schema.DateFromArticle, schema.DayPrecision},
		{"Russia attacked Ukraine for the first time since the truce in 2015.", "2020-03-13", schema.DateFromArticle, schema.DayPrecision},
		{"In July, after the coup, Turkey thanked Russia.", "2019-07-01", schema.DateFromText, schema.MonthPrecision},
		{"Russia attacked Ukraine on Friday after the talks failed.", "2020-03-13", schema.DateFromText, schema.DayPrecision},
		{"Erdogan took office in January after Turkey attacked Syria.", "2020-03-13", schema.DateFromArticle, schema.DayPrecision},
		{"Turkey backed Qatar, which Egypt has boycotted since 2017.", "2020-03-13", schema.DateFromArticle, schema.DayPrecision},
		{"Turkey shot down a Russian jet near the border last November.", "2019-11-01", schema.DateFromText, schema.MonthPrecision},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			rels := relExtract(t, tt.text)
			if len(rels) == 0 {
				t.Fatalf("no relation")
			}
			r := rels[0]
			if r.Date.String() != tt.date || r.DateSource != tt.source || r.DatePrecision != tt.precision {
				t.Errorf("date %q source %q precision %q, want %q %q %q", r.Date, r.DateSource, r.DatePrecision, tt.date, tt.source, tt.precision)
			}
		})
	}
}
