package nlp

import (
	"strconv"
	"strings"
	"time"

	"github.com/geokg/geokg/schema"
)

// Event dates. News reports date events relative to the day of
// publication ("on Friday", "last week", "yesterday") or by month and day
// without a year ("April 1"). dateExpr finds such an expression among a
// sentence's tokens and resolves it against the article's date; an
// expression with its own year ("April 1, 2015", "2015-04-01") needs no
// article date.

// dateMention is one date expression in a sentence.
type dateMention struct {
	// First and Last delimit its tokens (indexes into analysis.Tokens).
	First, Last int
	Date        schema.Date
	// Precision is schema.DayPrecision, MonthPrecision or YearPrecision.
	Precision string
}

var weekdayNames = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

var monthNames = map[string]time.Month{
	"january": 1, "jan": 1, "jan.": 1, "february": 2, "feb": 2, "feb.": 2, "march": 3, "mar.": 3,
	"april": 4, "apr": 4, "apr.": 4, "may": 5, "june": 6, "jun.": 6, "july": 7, "jul.": 7,
	"august": 8, "aug": 8, "aug.": 8, "september": 9, "sept": 9, "sept.": 9, "sep.": 9,
	"october": 10, "oct": 10, "oct.": 10, "november": 11, "nov": 11, "nov.": 11, "december": 12, "dec": 12, "dec.": 12,
}

// findDates returns the date expressions in toks[first:last] that can be
// resolved against the article date pub (zero when unknown).
func findDates(toks []token, first, last int, pub schema.Date) []dateMention {
	var out []dateMention
	for i := first; i < last; i++ {
		if d, prec, end, ok := dateAt(toks, i, last, pub); ok {
			out = append(out, dateMention{First: i, Last: end, Date: d, Precision: prec})
			i = end - 1
		}
	}
	return out
}

// dateAt tries to read a date expression starting at token i; end is the
// index after it.
func dateAt(toks []token, i, last int, pub schema.Date) (d schema.Date, prec string, end int, ok bool) {
	w := toks[i].Lower
	next := func(k int) string {
		if i+k < last {
			return toks[i+k].Lower
		}
		return ""
	}
	capitalized := toks[i].Text != "" && toks[i].Text[0] >= 'A' && toks[i].Text[0] <= 'Z'
	// ISO dates: 2015-10-30.
	if len(w) == 10 && w[4] == '-' && w[7] == '-' {
		if t, err := time.Parse("2006-01-02", w); err == nil {
			return schema.NewDate(t), schema.DayPrecision, i + 1, true
		}
	}
	// Month-day expressions: "April 1", "Nov. 27, 2019", and "1 April 2015".
	if m, isMonth := monthNames[w]; isMonth && capitalized {
		if day, okd := dayNumber(next(1)); okd {
			end = i + 2
			year, hasYear := 0, false
			k := 2
			if next(k) == "," {
				k++
			}
			if y, oky := yearNumber(next(k)); oky {
				year, hasYear, end = y, true, i+k+1
			}
			if d, ok := monthDay(m, day, year, hasYear, pub); ok {
				return d, schema.DayPrecision, end, true
			}
		}
		// "March 2014", "in March 2014": a month of a year.
		if y, oky := yearNumber(next(1)); oky {
			return schema.NewDate(time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)), schema.MonthPrecision, i + 2, true
		}
		return d, "", 0, false
	}
	if day, okd := dayNumber(w); okd {
		if m, isMonth := monthNames[next(1)]; isMonth && i+1 < last && toks[i+1].Text[0] >= 'A' && toks[i+1].Text[0] <= 'Z' {
			end = i + 2
			year, hasYear := 0, false
			if y, oky := yearNumber(next(2)); oky {
				year, hasYear, end = y, true, i+3
			}
			if d, ok := monthDay(m, day, year, hasYear, pub); ok {
				return d, schema.DayPrecision, end, true
			}
		}
	}
	// "in 2016", "during 2014", "since 2011": a year. A number alone is
	// no year ("2016 soldiers"), nor is a year that modifies a noun ("the
	// 2016 coup" names an event, not the date of the sentence's).
	if w == "in" || w == "since" || w == "during" {
		if y, oky := yearNumber(next(1)); oky && !yearModifies(toks, i+1, last) {
			return yearDate(y), schema.YearPrecision, i + 2, true
		}
	}
	if pub.IsZero() {
		return d, "", 0, false
	}
	p := pub.Time()
	switch w {
	case "today", "tonight":
		return pub, schema.DayPrecision, i + 1, true
	case "yesterday":
		return schema.NewDate(p.AddDate(0, 0, -1)), schema.DayPrecision, i + 1, true
	case "tomorrow":
		return schema.NewDate(p.AddDate(0, 0, 1)), schema.DayPrecision, i + 1, true
	case "last", "next", "this":
		n := next(1)
		if wd, isDay := weekdayNames[n]; isDay {
			return weekdayDate(p, wd, w), schema.DayPrecision, i + 2, true
		}
		if m, isMonth := monthNames[n]; isMonth && i+1 < last && startsUpper(toks[i+1].Text) {
			// "last November": a month, dated by its first day.
			return monthDate(p, m, w), schema.MonthPrecision, i + 2, true
		}
		switch {
		case n == "month" && w == "last":
			return schema.NewDate(time.Date(p.Year(), p.Month()-1, 1, 0, 0, 0, 0, time.UTC)), schema.MonthPrecision, i + 2, true
		case n == "month" && w == "next":
			return schema.NewDate(time.Date(p.Year(), p.Month()+1, 1, 0, 0, 0, 0, time.UTC)), schema.MonthPrecision, i + 2, true
		case n == "year" && w == "last":
			return yearDate(p.Year() - 1), schema.YearPrecision, i + 2, true
		case n == "year" && w == "this":
			return yearDate(p.Year()), schema.YearPrecision, i + 2, true
		case n == "year" && w == "next":
			return yearDate(p.Year() + 1), schema.YearPrecision, i + 2, true
		}
		switch {
		case n == "week" && w == "last":
			return schema.NewDate(p.AddDate(0, 0, -7)), schema.DayPrecision, i + 2, true
		case n == "week" && w == "next":
			return schema.NewDate(p.AddDate(0, 0, 7)), schema.DayPrecision, i + 2, true
		case n == "week" && w == "this":
			return pub, schema.DayPrecision, i + 2, true
		}
	}
	if wd, isDay := weekdayNames[w]; isDay && capitalized {
		return weekdayDate(p, wd, ""), schema.DayPrecision, i + 1, true
	}
	// "in November": a month without a day or year.
	if (w == "in" || w == "since" || w == "during") && i+1 < last && startsUpper(toks[i+1].Text) {
		if m, isMonth := monthNames[next(1)]; isMonth {
			_, isDay := dayNumber(next(2))
			if _, isYear := yearNumber(next(2)); !isDay && !isYear {
				return monthDate(p, m, ""), schema.MonthPrecision, i + 2, true
			}
		}
	}
	return d, "", 0, false
}

// yearDate is the Date of a year: its first day.
func yearDate(y int) schema.Date {
	return schema.NewDate(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
}

// monthDate resolves a month name against the publication day: "last
// November" is the latest November before the publication month, "next"
// the first after it, "this" the one of the same year, and a bare month
// ("in March") the latest such month not after the publication month, as
// news tells past events. The date is the month's first day.
func monthDate(pub time.Time, m time.Month, rel string) schema.Date {
	y := pub.Year()
	switch rel {
	case "last":
		if m >= pub.Month() {
			y--
		}
	case "next":
		if m <= pub.Month() {
			y++
		}
	case "this":
	default:
		if m > pub.Month() {
			y--
		}
	}
	return schema.NewDate(time.Date(y, m, 1, 0, 0, 0, 0, time.UTC))
}

// weekdayDate resolves a weekday name against the publication day: a
// bare name or "last" is the latest such day not after it ("last" not on
// it), "next" the first after it, "this" the one in the same week.
func weekdayDate(pub time.Time, wd time.Weekday, rel string) schema.Date {
	back := (int(pub.Weekday()) - int(wd) + 7) % 7
	switch rel {
	case "last":
		if back == 0 {
			back = 7
		}
	case "next":
		fwd := (int(wd) - int(pub.Weekday()) + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		return schema.NewDate(pub.AddDate(0, 0, fwd))
	case "this":
		fwd := (int(wd) - int(pub.Weekday()) + 7) % 7
		if fwd < back {
			return schema.NewDate(pub.AddDate(0, 0, fwd))
		}
	}
	return schema.NewDate(pub.AddDate(0, 0, -back))
}

// monthDay builds a date from a month and day, taking the year from the
// text or else from the article: a day more than two monthNames after
// publication is read as last year's ("Dec. 28" in a January article).
func monthDay(m time.Month, day, year int, hasYear bool, pub schema.Date) (schema.Date, bool) {
	if !hasYear {
		if pub.IsZero() {
			return schema.Date{}, false
		}
		year = pub.Time().Year()
	}
	t := time.Date(year, m, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day { // 31 April
		return schema.Date{}, false
	}
	if !hasYear && t.After(pub.Time().AddDate(0, 2, 0)) {
		t = t.AddDate(-1, 0, 0)
	}
	return schema.NewDate(t), true
}

// dayNumber reads "1" to "31", also "1st", "2nd", "27th".
func dayNumber(w string) (int, bool) {
	w = strings.TrimRight(w, ",")
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	n, err := strconv.Atoi(w)
	if err != nil || n < 1 || n > 31 || len(w) > 2 {
		return 0, false
	}
	return n, true
}

// yearNumber reads a four-digit year.
func yearNumber(w string) (int, bool) {
	if len(w) != 4 {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	if err != nil || n < 1900 || n > 2100 {
		return 0, false
	}
	return n, true
}

// otherEventWords open a phrase about another happening, which a date
// inside it belongs to: "thanked Putin after the coup in July" dates the
// coup, not the thanks.
var otherEventWords = map[string]bool{"after": true, "before": true, "following": true, "since": true, "until": true, "amid": true}

// datesOf returns the date expressions of a sentence (starting at token
// first) that may date the event of the cue at token cue: not one inside
// a phrase about another happening, opened by an otherEventWords word
// between the cue and a later date, or before an earlier date with no
// comma closing the phrase in between ("After the coup in July, …"), nor
// an earlier date when the cue is inside such a phrase; nor
// a later date in a clause of its own, a verb after a comma ("… recognised
// by the UN, and the rival government, led by Haftar since 2014").
func datesOf(toks []token, ds []dateMention, first, cue int) []dateMention {
	var out []dateMention
	for _, d := range ds {
		later := d.First > cue
		from, to := cue+1, d.First // a later date: the words between
		if !later {
			from, to = first, d.First // an earlier date: the words before
		}
		other, comma := false, false
		for k := from; k < to; k++ {
			switch {
			case otherEventWords[toks[k].Lower]:
				other = true
			case toks[k].Lower == ",":
				comma = true
				if !later {
					other = false
				}
			case later && comma && strings.HasPrefix(toks[k].Tag, "VB"):
				other = true
			}
		}
		if !later {
			// The cue inside such a phrase after the date: "took office
			// in January after rebels seized the capital".
			inPhrase := false
			for k := d.Last; k < cue; k++ {
				switch {
				case otherEventWords[toks[k].Lower]:
					inPhrase = true
				case toks[k].Lower == ",":
					inPhrase = false
				}
			}
			other = other || inPhrase
		}
		if !other {
			out = append(out, d)
		}
	}
	return out
}

// datesAfter returns the date expressions that start after token cue.
func datesAfter(ds []dateMention, cue int) []dateMention {
	var after []dateMention
	for _, d := range ds {
		if d.First > cue {
			after = append(after, d)
		}
	}
	return after
}

// yearModifies reports whether the year at token y modifies a noun after
// it ("in 2016 elections", "in the 2016 coup"): a noun follows.
func yearModifies(toks []token, y, last int) bool {
	return y+1 < last && strings.HasPrefix(toks[y+1].Tag, "NN")
}

// nearestDate returns the date expression closest to token cue, if any.
func nearestDate(ds []dateMention, cue int) (dateMention, bool) {
	best, bestDist := -1, 1<<30
	for i, d := range ds {
		dist := d.First - cue
		if cue >= d.Last {
			dist = cue - d.Last + 1
		} else if cue >= d.First {
			dist = 0
		}
		if dist < bestDist {
			best, bestDist = i, dist
		}
	}
	if best < 0 {
		return dateMention{}, false
	}
	return ds[best], true
}
