// geokg: the cooperation network (all cooperation edges)
MATCH (a:Actor)-[r:AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT]->(b:Actor)
RETURN a, r, b
LIMIT 300
