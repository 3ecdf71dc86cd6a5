// geokg: rivalries (most negative ALIGNMENT edges)
// Run `geokg alliances` first. Change the window ("all", "2016", …).
MATCH (a:Actor)-[r:ALIGNMENT {window: 'all'}]->(b:Actor)
WHERE r.score < 0
RETURN a, r, b
ORDER BY r.score ASC
LIMIT 50
