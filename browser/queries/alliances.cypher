// geokg: alliances (strongest ALIGNMENT edges)
// Run `geokg alliances` first. Change the window ("all", "2016", …).
// To see these edges alone, untick "Connect result nodes" in the settings (or run :config autoComplete: false).
MATCH (a:Actor)-[r:ALIGNMENT {window: 'all'}]->(b:Actor)
WHERE r.score > 0
RETURN a, r, b
ORDER BY r.score DESC
LIMIT 50
