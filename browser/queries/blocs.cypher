// geokg: blocs (allies green, rivals red, each bloc around its hub)
// Run `geokg alliances` first. Change the window ('all', '2016', …) in all three places.
// Each actor links to the hub of its bloc; green: alliances inside a bloc, red: rivalries between blocs.
// The alliances across blocs and rivalries inside one (what the blocs contradict) are in "alliances" and "rivalries".
MATCH (a:Actor)-[m:IN_BLOC {window: 'all'}]->(b:Bloc)
OPTIONAL MATCH (a)-[r:ALLIED_WITH|OPPOSED_TO {window: 'all'}]->(c:Actor)-[:IN_BLOC {window: 'all'}]->(cb:Bloc)
WHERE (type(r) = 'ALLIED_WITH') = (cb = b)
RETURN a, m, b, r, c
