package outdir

import (
	"errors"

	"github.com/geokg/geokg/export/admincsv"
	"github.com/geokg/geokg/graphmodel"
)

// writeCSVRows writes to csv/ the rows that are final when their batch is
// built (articles, mentions) and flushes them to the files.
func (w *Writer) writeCSVRows(b *graphmodel.GraphBatch) error {
	for _, a := range b.Articles {
		if err := w.csv.Article(a); err != nil {
			return err
		}
	}
	for _, m := range b.Mentions {
		if err := w.csv.Mention(m); err != nil {
			return err
		}
	}
	return w.csv.Flush()
}

// closeCSV writes the rows known only at the end (actors, aggregated
// edges, affiliations) and closes csv/.
func (w *Writer) closeCSV(actors []graphmodel.ActorRow, events []graphmodel.EventRow, relations []graphmodel.Relation, affs []graphmodel.Affiliation) error {
	return errors.Join(writeCSVTotals(w.csv, actors, events, relations, affs), w.csv.Close())
}

func writeCSVTotals(c *admincsv.Writer, actors []graphmodel.ActorRow, events []graphmodel.EventRow, relations []graphmodel.Relation, affs []graphmodel.Affiliation) error {
	for _, a := range actors {
		if err := c.Actor(a); err != nil {
			return err
		}
	}
	for _, e := range events {
		if err := c.Event(e); err != nil {
			return err
		}
	}
	for _, r := range relations {
		if err := c.Relation(r); err != nil {
			return err
		}
	}
	for _, a := range affs {
		if err := c.Affiliation(a); err != nil {
			return err
		}
	}
	return nil
}
