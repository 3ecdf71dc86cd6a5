// geokg: who moved from rival to ally (2015 → 2016)
// Run `geokg alliances --by-year` first.
MATCH (a:Actor)-[before:ALIGNMENT {window: '2015'}]->(b:Actor),
      (a)-[after:ALIGNMENT {window: '2016'}]->(b)
WHERE before.score < 0 AND after.score > 0
RETURN a.name AS actor, b.name AS partner, before.score AS score_2015, after.score AS score_2016
ORDER BY after.score - before.score DESC
