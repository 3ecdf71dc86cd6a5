// geokg: who supports an actor (cooperation edges into it)
// Set the actor first, e.g. :param name => 'Bashar al-Assad'
MATCH (x:Actor) WHERE x.name = $name OR $name IN x.aliases OR x.id = $name
MATCH (y:Actor)-[r:SUPPORT|AID|COOPERATE|AGREE|CONSULT|CONCEDE|RETREAT]-(x)
RETURN y, r, x
