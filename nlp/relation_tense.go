package nlp

// pastPerfect reports whether the verb at cue is in the past perfect
// ("had imposed", "had already been imposed", "they'd imposed"). The past
// perfect places an event before the time the sentence speaks of: "Putin
// said Russia would lift the sanctions it had imposed on Turkey" reports
// the lifting now and the sanctions as background. Such an event does not
// happen on the article's date, so it gets none unless the sentence dates
// it itself.
func (v *sentenceView) pastPerfect(cue int) bool {
	if tag := v.tag(cue); tag != "VBN" && tag != "VBD" {
		return false
	}
	for k := cue - 1; k >= v.first && k >= cue-4; k-- {
		switch w := v.word(k); {
		case w == "had" || w == "'d":
			return true
		case w == "been" || v.tag(k) == "RB":
			// "had been imposed", "had already imposed"
		default:
			return false
		}
	}
	return false
}
