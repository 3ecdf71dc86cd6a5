// geokg: the conflict network (material conflict edges)
MATCH (a:Actor)-[r:ASSAULT|COERCE|MOBILIZE|SANCTION|PROTEST]->(b:Actor)
RETURN a, r, b
LIMIT 300
