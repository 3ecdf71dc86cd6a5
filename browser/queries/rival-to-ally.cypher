// geokg: who moved from rival to ally between two windows
// Run `geokg alliances --by-year` first, then set the windows, e.g. :param from => '2015'  and  :param to => '2016'
// Each pair shows its red edge of the first window and its green edge of the second.
MATCH (a:Actor)-[before:OPPOSED_TO {window: $from}]->(b:Actor),
      (a)-[after:ALLIED_WITH {window: $to}]->(b)
RETURN a, before, after, b
ORDER BY after.score - before.score DESC
