#!/usr/bin/env python3
"""Generate predicates_cameo.tsv from the CAMEO verb dictionary.

Usage (from the repository root, with ../shared beside it):

    python3 nlp/lexicon/predicates_cameo.py ../shared/data/cameo/CAMEO.2.0.txt \
        > nlp/lexicon/predicates_cameo.tsv

Source: CAMEO.2.0.txt of openeventdata/petrarch2 (data/dictionaries), MIT
licence, (c) 2015 Open Event Data Alliance. The generated file keeps the
facts (verb lemmas, verb + object phrases and the event category their CAMEO
code falls in), not the file.

What it takes:
  * every verb of a verb block, with its own CAMEO code or else the block's;
  * multi-word verbs ("+SIDE_WITH") as phrase cues ("side with");
  * the simple "verb + object" patterns ("- * SANCTIONS [163]" under ADD
    gives "add sanctions"), which the extractor matches with modifiers in
    between ("added new sanctions").
CAMEO codes map to PLOVER categories by their root (the usual crosswalk;
CAMEO 08 "yield" splits into CONCEDE and RETREAT by sub-code, and 01/02
public statements and appeals are left out, as PLOVER does). Words that
WordNet-style synonym sets put into a block but that rarely carry the
block's meaning in news ("look", "face", "place") are dropped by DENY.
The hand-written predicates.tsv overrides anything here.
"""
import re
import sys

ROOT = {
    "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
    "07": "AID", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
    "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION",
    "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}

# CAMEO 08 (yield): easing restrictions and sanctions is a verbal
# concession; releases, returns, access and de-escalation are material.
YIELD = {"080": "CONCEDE", "081": "CONCEDE", "082": "CONCEDE", "083": "CONCEDE",
         "084": "RETREAT", "085": "CONCEDE", "086": "RETREAT", "087": "RETREAT"}

# Verbs whose block meaning is rare in news text, or too general to code
# without context.
DENY = set("""
look appear seem face place position post put set base stage pose format situate station arrange
see watch note notice observe view witness hear learn introduce go come leave depart travel tour
arrive approach journey embark egress think consider reason muse ponder weigh speculate mull
meditate ruminate contemplate excogitate deliberate reconsider conglomerate constellate flock
cluster amass huddle gather assemble join unite conjoin converge congregate reconvene convene
affect impact influence tempt persuade acknowledge admit confess confide disclose divulge expose
profess reveal unveil advertise advertize promote favor favour prefer exalt glorify bless
sanctify cheer embolden enliven galvanize inspire invigorate rouse spur reassert appreciate
respect honor honour toast clap greet salute reward celebrate commemorate admire acclaim
conform correlate harmonise harmonize integrate orchestrate organise organize synchronise
synchronize unionise unionize concert associate deal haggle barter bargain triumph exult
exuberate rejoice encounter contact interact brave run confront cable count take make get give
have hold keep do be say tell state call bring carry lead move turn show use try open close end
start begin stop run play work need want like feel find seek plan mean intend offer prepare
train groom ready expect hope desire suggest hint advise advocate counsel recommend propose
signal revive resurrect resuscitate strive endeavor endeavour assure certify ensure guarantee fail
vouch pledge promise subscribe volunteer proffer drive drag empty endure enjoy emerge fire hit
check cover charge mark press push pull raise lower cut break strike beat shoot kill fight
analyse ascertain audit comb compensate compete contrast counterbalance differ dig examine explore
express grieve mine monitor mourn rake research scan search skim study sweep unearth wail weep whine
claim argue aver avow swear cry despair reside inhabit match master best ring circle die pit
overshadow tarnish spoil vitiate mar contaminate corrupt dominate conflict surmount overtake
struggle blow tear rip bill moderate reinforce revolutionise revolutionize extract remove tax catch
pluck enforce force compel impel contain exclude aim determine decide vote comply tend ward
stabilise stabilize interfere evacuate guard defend invite reinvite elicit
""".split())

# Symmetric categories pair coordinated subjects even without a target
# ("Russia and China increased spending" would become a cooperation), so a
# bare verb of CAMEO 04 or 06 is kept only when it names a joint or
# reciprocal act by itself; the synonym sets of those blocks hold many
# verbs of change, management or giving ("increase", "manage", "supply")
# that carry no cooperation of their own.
SYMMETRIC_BARE_KEEP = set("""
coalesce combine merge fuse unify link extradite swap
acquaint apprise apprize attend broker communicate confer consult converse debate discuss host meet notify
phone summon telephone visit
""".split())

# Reviewed mis-typings (issue 12: a wrong entry is worse than a missing
# one). CAMEO 08's synonym sets put verbs of permission, law, mediation
# and leaving office under "yield"; as bare cues they are no concession.
CONCEDE_BARE_DENY = set("""
approve allow authorise authorize pass permit clear enable empower fill verify legislate tease satify
arbitrate mediate negotiate intermediate intercede resolve settle resign retire submit abide obey detach
disconnect bide countenance untie unloose undo vindicate absolve acquit exonerate exculpate declassify
decriminalize decriminalise legalize legalise resettle recede tolerate
""".split())

# Stopping a hostile act presupposes it (the extractor reads "halted its
# attacks on" as the attacks, modes.go); coded as a retreat or concession
# the cue hides the attacks and gives the wrong type.
STOPPING = set("stop halt cease end quit discontinue desist abort abolish close reclose suspend".split())
HOSTILE = set("""attack attacks strike strikes operation operations offensive fighting shelling bombing raid raids
fire hostilities war violence assault campaign""".split())

# Verbs of praise with a hostile object ("praise strike") are coded under
# the hostile act's disapproval in CAMEO; they are praise, not accusation.
PRAISE = set("""acclaim admire applaud celebrate clap commemorate commend compliment congratulate extol felicitate
greet hail honor honour praise recognise recognize laud salute cheer welcome""".split())

# Only easing verbs concede on sanctions; "hoist sanctions", "elevate
# sanctions" are synonym-set noise.
EASING = set("abate ameliorate ease lift mitigate relax loosen reduce remove waive suspend cancel drop end".split())


def reviewed(typ, verb, obj):
    """Whether a generated cue survives the review of mis-typed entries."""
    if not obj:
        return not (typ == "CONCEDE" and verb in CONCEDE_BARE_DENY)
    if verb in STOPPING and obj[-1] in HOSTILE:
        return False
    if typ == "ACCUSE" and verb in PRAISE:
        return False
    if typ == "CONCEDE" and obj[-1] in ("sanction", "sanctions") and verb not in EASING:
        return False
    return True


CODE = re.compile(r"\[\s*:?(\d{2,4})")


def plover(code):
    if code is None:
        return None
    if code.startswith("057"):
        return "AGREE"  # sign a formal agreement (GUIDELINES: sign → AGREE)
    if code.startswith("08"):
        return YIELD.get(code[:3], "CONCEDE")
    return ROOT.get(code[:2])


def words(token):
    """CAMEO writes phrases with underscores; '+' marks a phrase verb."""
    return [w for w in token.lstrip("+").lower().split("_") if w]


def main(path):
    out = {}
    block_code = None
    block_verbs = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            body = line.split("#", 1)[0].rstrip()
            if not body.strip():
                continue
            if body.startswith("---"):
                m = CODE.search(body)
                block_code = m.group(1) if m else None
                block_verbs = []
                continue
            if body.startswith("&") or (body.startswith("+") and block_code is None and not block_verbs and False):
                continue
            if body.startswith("-"):
                # "- * OBJECT [code]" with a plain object of one or two words.
                m = re.match(r"-\s*\*\s+(\{[A-Z ]+\}|[A-Z][A-Z-]+)\s*\[\s*:?(\d{2,4})", body)
                if not m:
                    continue
                obj = m.group(1).strip("{}").lower().split()
                typ = plover(m.group(2))
                if not typ or len(obj) > 2:
                    continue
                for verb in block_verbs:
                    if len(verb) != 1 or verb[0] in DENY and typ in ("AGREE", "SUPPORT"):
                        continue
                    if not reviewed(typ, verb[0], obj):
                        continue
                    cue = " ".join(verb + obj)
                    out.setdefault(("v", cue), typ)
                continue
            if block_code is None and not body[0].isalpha() and not body.startswith("+"):
                continue
            # A verb line: WORD [{FORMS}] [code]
            token = body.split()[0]
            if not re.match(r"^\+?[A-Z][A-Z_-]*$", token):
                continue
            verb = words(token)
            if not verb or len(verb) > 1 and re.search(r"(ed|ing)$", verb[0]):
                continue  # inflected phrases ("ATTACKED_AND_STABBED")
            block_verbs.append(verb)
            m = CODE.search(body.split("}")[-1])
            code = m.group(1) if m else block_code
            typ = plover(code)
            if not typ:
                continue
            if len(verb) == 1 and verb[0] in DENY:
                continue
            if len(verb) == 1 and not reviewed(typ, verb[0], []):
                continue
            if len(verb) == 1 and typ in ("CONSULT", "COOPERATE", "AGREE") and verb[0] not in SYMMETRIC_BARE_KEEP:
                continue
            out.setdefault(("v", " ".join(verb)), typ)
    print("# Generated by predicates_cameo.py from CAMEO.2.0.txt (openeventdata/petrarch2,")
    print("# MIT licence, (c) 2015 Open Event Data Alliance). Do not edit: change the")
    print("# script or override entries in predicates.tsv.")
    print("# TYPE\tPOS\tCUE")
    for (pos, cue), typ in sorted(out.items(), key=lambda kv: (kv[1], kv[0][1])):
        print(f"{typ}\t{pos}\t{cue}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
