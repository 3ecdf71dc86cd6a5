// geokg: blocs (allies green, rivals red, each bloc around its hub)
// Run `geokg alliances` first. Change the window ('all', '2016', …) in both places.
// Each actor links to the hub of its bloc; the green ALLIED_WITH and red OPPOSED_TO edges run between them.
MATCH (a:Actor)-[m:IN_BLOC {window: 'all'}]->(b:Bloc)
OPTIONAL MATCH (a)-[r:ALLIED_WITH|OPPOSED_TO {window: 'all'}]->(c:Actor)-[:IN_BLOC {window: 'all'}]->(:Bloc)
RETURN a, m, b, r, c
