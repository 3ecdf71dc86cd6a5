package nlp

import (
	"slices"

	"github.com/geokg/geokg/gazetteer"
	"github.com/geokg/geokg/schema"
)

// The place step of the relation stage: the place a sentence gives for
// its events ("in Aleppo", "near Kharkiv", "along the border with Syria",
// "in the Red Sea"), found once per sentence by the gazetteer's place
// finder and chosen for each relation by its cue (see docs/relations.md).

// sentencePlaces finds the places of sentence s. Person, organization and
// group mentions are excluded (in "Obama said", Obama is not the Japanese
// city). The countries the sentence names, and those its persons act for,
// are the countries an ambiguous name prefers unless another candidate is
// far more populous ("Kerry met Zarif in Vienna" is Vienna, Austria).
func (rs *relationStage) sentencePlaces(a *analysis, s sentence, mentions []int) []gazetteer.Place {
	if rs.gaz == nil {
		return nil
	}
	opt := gazetteer.FindOptions{RelatedComplete: true}
	for _, mi := range mentions {
		m := a.Mentions[mi]
		act := &a.Actors[m.Actor]
		if act.Type == schema.Country {
			opt.Related = addCountry(opt.Related, act.ID)
			continue
		}
		opt.Exclude = append(opt.Exclude, gazetteer.Span{
			Start: a.Tokens[m.First].Start - s.Start, End: a.Tokens[m.Last-1].End - s.Start})
		if act.Type == schema.Person {
			if i := a.actorWithID(act.Affiliation); i >= 0 && a.Actors[i].Type == schema.Country {
				opt.Related = addCountry(opt.Related, act.Affiliation)
			}
		}
	}
	return rs.gaz.FindPlaces(a.Text[s.Start:s.End], opt)
}

// meetingTypes are the events that happen where people meet: a venue
// ("talks in Geneva") and a dateline locate them wherever the sentence
// names them. Other events take a venue only in their own clause ("The
// talks in Malaysia come after Trump threatened tariffs": the threat was
// not made there), and no dateline, since strikes, sanctions and
// statements are reported from afar as often ("SALLOUM, Egypt — The allies
// attacked Libya").
var meetingTypes = map[schema.EventType]bool{schema.Consult: true, schema.Agree: true}

// dateline returns the place of the dateline that opens sentence si
// ("HANOI, Vietnam (AP) — Talks between ..."), when si is the article's
// first sentence below the headline: where the story was filed, which is
// where the meetings of that sentence happened when it gives no place of
// its own.
func (rs *relationStage) dateline(a *analysis, si int, evidence string) *schema.Place {
	if rs.gaz == nil || a.Sentences[si].Headline || si > 0 && !a.Sentences[si-1].Headline {
		return nil
	}
	p, ok := rs.gaz.FindDateline(evidence)
	if !ok {
		return nil
	}
	return schemaPlace(p)
}

// placeOf chooses among the places of sentence s the one of the relation
// with cue c and type typ: a venue, else a place in the cue's clause.
func placeOf(a *analysis, s sentence, places []gazetteer.Place, c cueHit, typ schema.EventType) *schema.Place {
	if !meetingTypes[typ] && slices.ContainsFunc(places, func(p gazetteer.Place) bool { return p.Venue }) {
		places = slices.Clone(places)
		for i := range places {
			places[i].Venue = false
		}
	}
	trigger := gazetteer.Span{Start: a.Tokens[c.First].Start - s.Start, End: a.Tokens[c.Last-1].End - s.Start}
	p, ok := gazetteer.ChoosePlace(a.Text[s.Start:s.End], places, trigger)
	if !ok {
		return nil
	}
	return schemaPlace(p)
}

// schemaPlace is the output form of a place found.
func schemaPlace(p gazetteer.Place) *schema.Place {
	return &schema.Place{
		Name: p.Entry.Name, Text: p.Text, Kind: p.Entry.Kind.String(), Country: p.Entry.Country,
		Lat: p.Entry.Lat, Lon: p.Entry.Lon,
	}
}

// addCountry adds a country code once.
func addCountry(cs []string, c string) []string {
	if slices.Contains(cs, c) {
		return cs
	}
	return append(cs, c)
}
