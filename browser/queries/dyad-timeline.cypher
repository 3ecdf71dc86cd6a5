// geokg: dyad timeline by month and quad class
// Set the two actors first, e.g. :param x => 'RUS'  and  :param y => 'TUR'
MATCH (x:Actor {id: $x})-[:ACTOR|RECIPIENT]-(e:Event)-[:ACTOR|RECIPIENT]-(y:Actor {id: $y})
WHERE e.asserted
RETURN coalesce(left(toString(e.date), 7), 'undated') AS month, e.quad AS quad, count(e) AS events,
       round(sum(e.score), 1) AS score, collect(e.evidence)[0..3] AS evidence
ORDER BY month, quad
