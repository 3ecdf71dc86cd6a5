// geokg: rivals of X (OPPOSED_TO edges)
// Set the actor first, e.g. :param name => 'Russia'   (a name, an alias or an id). Change the window ('all', '2016', …).
MATCH (x:Actor) WHERE x.name = $name OR x.id = $name OR $name IN x.aliases
MATCH (x)-[r:OPPOSED_TO {window: 'all'}]-(y:Actor)
RETURN x, r, y
ORDER BY r.score ASC
LIMIT 25
