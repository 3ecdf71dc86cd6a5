// geokg: rivalries (strongest OPPOSED_TO edges)
// Run `geokg alliances` first. Change the window ("all", "2016", …).
// To see these edges alone, untick "Connect result nodes" in the settings (or run :config autoComplete: false).
MATCH (a:Actor)-[r:OPPOSED_TO {window: 'all'}]->(b:Actor)
RETURN a, r, b
ORDER BY r.score ASC
LIMIT 50
