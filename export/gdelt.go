package export

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/geokg/geokg/gazetteer"
	"github.com/geokg/geokg/graphdata"
	"github.com/geokg/geokg/schema"
)

// GDELTOptions tune the GDELT export.
type GDELTOptions struct {
	// KeepUndated writes events without a date with empty date columns;
	// they are left out by default, as in WritePLOVER.
	KeepUndated bool
}

// GDELTColumns are the columns of the GDELT-like event table. The names
// and meanings follow the GDELT 2.0 event codebook where one applies
// (EventCode holds the PLOVER category instead of a CAMEO code, and
// GoldsteinScale the PLOVER intensity); the last eight are geokg's own.
//
// Actor*CountryCode is the ISO 3166 alpha-3 code of the country the actor
// acts for (a person's is their state's), Actor*Type1Code the CAMEO-style
// sector (GOV, MIL, REB …; empty for a country itself). NumMentions counts
// the sentences reporting the event over all articles, NumArticles the
// articles and NumSources the distinct outlets among them, as GDELT counts
// them. ActionGeo_* is where the event happened: Type 1 country, 4 city or
// other point, 5 first-level region (2 and 3 for a US state or city, as in
// GDELT); CountryCode and ADM1Code are FIPS 10-4 codes, as in GDELT, from
// the gazetteer's GeoNames country table (the ISO alpha-3 code is in the
// Actor columns and the PLOVER export).
//
// References lists, separated by "; ", the pronouns and descriptions
// through which Evidence names an actor. DateSource says whether the
// sentence ("text") or the article ("article") dates the event, and
// DatePrecision whether SQLDATE is a day, or the first day of the month
// or year the sentence names.
var GDELTColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
	"EventCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_Lat", "ActionGeo_Long",
	"SOURCEURL",
	"ArticleID", "Modes", "Confidence", "Claimant", "Evidence", "References",
	"DateSource", "DatePrecision",
}

// WriteGDELT writes one tab-separated row per event with a header line.
// Tabs and line breaks inside values become spaces, so every row has
// exactly len(GDELTColumns) fields. Undated events are left out, as in
// the PLOVER export, unless opts.KeepUndated (then their date columns are
// empty); Stats counts them.
func WriteGDELT(ctx context.Context, w io.Writer, src graphdata.Source, f graphdata.Filter, opts GDELTOptions) (Stats, error) {
	var st Stats
	actors, _, err := actorsByID(ctx, src)
	if err != nil {
		return st, err
	}
	urls := map[string]string{}
	if err := src.Articles(ctx, func(a graphdata.Article) error {
		if a.URL != "" {
			urls[a.ID] = a.URL
		}
		return nil
	}); err != nil {
		return st, err
	}
	geo := actionGeo{gazetteer.New()}
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.Join(GDELTColumns, "\t") + "\n")
	row := map[string]string{}
	err = src.Events(ctx, f, func(e graphdata.Event) error {
		if !e.Type.Valid() || st.skipUndated(e, opts.KeepUndated) {
			return nil
		}
		clear(row)
		row["GLOBALEVENTID"] = e.ID
		if !e.Date.IsZero() {
			t := e.Date.Time()
			row["SQLDATE"] = t.Format("20060102")
			row["MonthYear"] = t.Format("200601")
			row["Year"] = t.Format("2006")
			row["FractionDate"] = fmt.Sprintf("%.4f", float64(t.Year())+float64(t.YearDay()-1)/365)
		}
		s, tg := actors[e.Source], actors[e.Target]
		row["Actor1Code"], row["Actor1Name"], row["Actor1Type1Code"] = e.Source, nameOr(s, e.Source), e.SourceSector
		row["Actor1CountryCode"] = cmp.Or(e.SourceCountry, countryCode(s, actors))
		row["Actor2Code"], row["Actor2Name"], row["Actor2Type1Code"] = e.Target, nameOr(tg, e.Target), e.TargetSector
		row["Actor2CountryCode"] = cmp.Or(e.TargetCountry, countryCode(tg, actors))
		row["EventCode"] = string(e.Type)
		row["QuadClass"] = strconv.Itoa(quadCode(e.Type.Quad()))
		row["GoldsteinScale"] = strconv.FormatFloat(e.Score, 'f', -1, 64)
		mentions, sources, articles := eventCounts(e)
		row["NumMentions"], row["NumSources"], row["NumArticles"] = strconv.Itoa(mentions), strconv.Itoa(sources), strconv.Itoa(articles)
		geo.fill(row, e.Place)
		row["SOURCEURL"] = urls[e.Article]
		row["ArticleID"] = e.Article
		row["Modes"] = modesString(e.Modes)
		row["Confidence"] = strconv.FormatFloat(e.Confidence, 'f', -1, 64)
		row["Claimant"] = e.Claimant
		row["Evidence"] = e.Evidence
		row["References"] = strings.Join(e.References, "; ")
		row["DateSource"], row["DatePrecision"] = e.DateSource, e.DatePrecision
		for i, c := range GDELTColumns {
			if i > 0 {
				bw.WriteByte('\t')
			}
			bw.WriteString(tsvField(row[c]))
		}
		bw.WriteByte('\n')
		st.Events++
		return nil
	})
	if err != nil {
		return st, err
	}
	return st, bw.Flush()
}

// eventCounts are the event's NumMentions, NumSources and NumArticles. An
// event read from a graph or folder written before events kept their
// counts was reported once: its own article and sentence.
func eventCounts(e graphdata.Event) (mentions, sources, articles int) {
	mentions, sources, articles = e.Mentions, e.Sources, e.Articles
	if articles == 0 {
		articles = max(len(e.Reports), 1)
	}
	if mentions == 0 {
		for _, r := range e.Reports {
			mentions += len(r.Sentences)
		}
		mentions = max(mentions, articles)
	}
	if sources == 0 {
		outlets := map[string]bool{}
		for _, r := range e.Reports {
			if r.Source != "" {
				outlets[r.Source] = true
			}
		}
		// Every article has an outlet, named or not.
		sources = max(len(outlets), 1)
	}
	return mentions, sources, articles
}

// actionGeo fills the ActionGeo columns from the gazetteer, loaded on the
// first event with a place.
type actionGeo struct{ g *gazetteer.Gazetteer }

// usa is the country whose states and cities GDELT types apart.
const usa = "USA"

func (a actionGeo) fill(row map[string]string, p *schema.Place) {
	if p == nil {
		return
	}
	var typ int
	switch p.Kind {
	case "country":
		typ = 1
	case "region":
		typ = 5
		if p.Country == usa {
			typ = 2
		}
	default: // city, water, area: a point below a region, GDELT's city or landmark
		typ = 4
		if p.Country == usa {
			typ = 3
		}
	}
	row["ActionGeo_Type"] = strconv.Itoa(typ)
	// FullName as GDELT writes it: the place, its region, its country.
	full := []string{p.Name}
	if p.Kind != "country" {
		for _, e := range a.g.Lookup(p.Name) {
			if e.Kind.String() == p.Kind && e.Country == p.Country {
				if e.Admin1 != "" {
					full = append(full, e.Admin1)
				}
				row["ActionGeo_ADM1Code"] = e.ADM1Code
				break
			}
		}
	}
	if c, ok := a.g.Country(p.Country); ok {
		row["ActionGeo_CountryCode"] = c.FIPS
		row["ActionGeo_ADM1Code"] = cmp.Or(row["ActionGeo_ADM1Code"], c.FIPS)
		if p.Kind != "country" {
			full = append(full, c.Name)
		}
	}
	row["ActionGeo_FullName"] = strings.Join(full, ", ")
	row["ActionGeo_Lat"] = strconv.FormatFloat(p.Lat, 'f', -1, 64)
	row["ActionGeo_Long"] = strconv.FormatFloat(p.Lon, 'f', -1, 64)
}

func nameOr(a graphdata.Actor, id string) string {
	if a.Name != "" {
		return a.Name
	}
	return id
}

// tsvField makes a value safe for a tab-separated field.
var tsvReplacer = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")

func tsvField(s string) string { return tsvReplacer.Replace(s) }
