package nlp

import "github.com/geokg/geokg/schema"

// This file is the contract between the stages inside the package:
// tokenization → actor recognition → relation extraction. Each stage fills
// its part of an analysis and reads only what earlier stages filled.

// token is one word or punctuation mark of an article.
type token struct {
	// Text is the token as written; Lower is its lower-case form.
	Text, Lower string
	// Tag is the Penn Treebank part-of-speech tag from prose's tagger.
	Tag string
	// Lemma is the dictionary form of verbs and nouns ("backed" → "back");
	// filled by the relation stage's lemmatizer, else equal to Lower.
	Lemma string
	// Start and End are byte offsets into the article text (End
	// exclusive). They are converted to code points only on output.
	Start, End int
}

// sentence is one sentence (or headline line) of an article.
type sentence struct {
	// Index is the 0-based sentence number in the article.
	Index int
	// Start and End are byte offsets into the article text.
	Start, End int
	// First and Last delimit the sentence's tokens in analysis.Tokens:
	// Tokens[First:Last].
	First, Last int
	// Headline marks the headline and sub-headline lines, which are
	// telegraphic ("US, Russia agree to restart Syrian peace process").
	Headline bool
}

// mentionKind says how a mention names its actor; the relation stage uses
// it (a demonym modifies a noun, a capital may be a mere place).
type mentionKind uint8

const (
	// byName: a name or alias ("Russia", "Sergey Lavrov", "the U.N.").
	byName mentionKind = iota
	// byDemonym: an adjective or demonym ("Russian", "Iranian").
	byDemonym
	// byCapital: a capital or seat of government standing for the
	// government ("Moscow said", "the Kremlin").
	byCapital
	// byBody: a state body standing for the state ("the Pentagon",
	// "Russian forces").
	byBody
	// byReference: a pronoun or short reference resolved to the actor
	// ("he", "the minister").
	byReference
)

// mention is one span of tokens that names an actor.
type mention struct {
	// Actor indexes analysis.Actors.
	Actor int
	// Sentence indexes analysis.Sentences.
	Sentence int
	// First and Last delimit the tokens: Tokens[First:Last] (indexes into
	// analysis.Tokens, not into the sentence).
	First, Last int
	// Kind says how the span names the actor.
	Kind mentionKind
	// Possessive marks a span followed by "'s" or "’s" ("Russia's
	// intervention").
	Possessive bool
}

// analysis is one article as the stages see it.
type analysis struct {
	// Text is the article text; offsets are byte offsets into it.
	Text string
	// Tokens are all tokens in text order.
	Tokens []token
	// Sentences are in text order and cover Tokens.
	Sentences []sentence
	// Actors are the resolved actors, in order of first mention; their IDs
	// are final and unique.
	Actors []actorInfo
	// Mentions are in text order.
	Mentions []mention

	// tagScratch and scratch are the stages' working memory, kept with the
	// analysis so that a recycled analysis reuses it.
	tagScratch tagScratch
	scratch    actorScratch
}

// actorInfo is an actor being built for one article.
type actorInfo struct {
	ID          string
	Name        string
	Type        schema.ActorType
	Affiliation string // actor ID, for persons
	Role        string
	Sector      string // CAMEO-style sector code, see sectorPass
}

// actorWithID returns the index of the article's actor with this id, or
// -1 when the article names none.
func (a *analysis) actorWithID(id string) int {
	for i := range a.Actors {
		if a.Actors[i].ID == id {
			return i
		}
	}
	return -1
}
