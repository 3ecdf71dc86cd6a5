// geokg: allies of X (ALLIED_WITH edges)
// Set the actor first, e.g. :param name => 'Russia'   (a name, an alias or an id). Change the window ('all', '2016', …).
MATCH (x:Actor) WHERE x.name = $name OR x.id = $name OR $name IN x.aliases
MATCH (x)-[r:ALLIED_WITH {window: 'all'}]-(y:Actor)
RETURN x, r, y
ORDER BY r.score DESC
LIMIT 25
