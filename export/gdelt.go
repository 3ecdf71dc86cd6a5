package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/geokg/geokg/graphdata"
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
// References lists, separated by "; ", the pronouns and descriptions
// through which Evidence names an actor. DateSource says whether the
// sentence ("text") or the article ("article") dates the event, and
// DatePrecision whether SQLDATE is a day, or the first day of the month
// or year the sentence names.
var GDELTColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
	"EventCode", "QuadClass", "GoldsteinScale", "NumArticles", "SOURCEURL",
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
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.Join(GDELTColumns, "\t") + "\n")
	row := make([]string, len(GDELTColumns))
	err = src.Events(ctx, f, func(e graphdata.Event) error {
		if !e.Type.Valid() || st.skipUndated(e, opts.KeepUndated) {
			return nil
		}
		for i := range row {
			row[i] = ""
		}
		row[0] = e.ID
		if !e.Date.IsZero() {
			t := e.Date.Time()
			row[1] = t.Format("20060102")
			row[2] = t.Format("200601")
			row[3] = t.Format("2006")
			row[4] = fmt.Sprintf("%.4f", float64(t.Year())+float64(t.YearDay()-1)/365)
		}
		s, tg := actors[e.Source], actors[e.Target]
		row[5], row[6], row[7], row[8] = e.Source, nameOr(s, e.Source), countryCode(s, actors), string(s.Type)
		row[9], row[10], row[11], row[12] = e.Target, nameOr(tg, e.Target), countryCode(tg, actors), string(tg.Type)
		row[13] = string(e.Type)
		row[14] = strconv.Itoa(quadCode(e.Type.Quad()))
		row[15] = strconv.FormatFloat(e.Score, 'f', -1, 64)
		row[16] = "1"
		row[17] = urls[e.Article]
		row[18] = e.Article
		row[19] = modesString(e.Modes)
		row[20] = strconv.FormatFloat(e.Confidence, 'f', -1, 64)
		row[21] = e.Claimant
		row[22] = e.Evidence
		row[23] = strings.Join(e.References, "; ")
		row[24], row[25] = e.DateSource, e.DatePrecision
		for i, v := range row {
			if i > 0 {
				bw.WriteByte('\t')
			}
			bw.WriteString(tsvField(v))
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

func nameOr(a graphdata.Actor, id string) string {
	if a.Name != "" {
		return a.Name
	}
	return id
}

// tsvField makes a value safe for a tab-separated field.
var tsvReplacer = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")

func tsvField(s string) string { return tsvReplacer.Replace(s) }
