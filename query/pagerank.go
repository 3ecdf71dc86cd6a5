package query

import "sort"

// WeightedEdge is one weighted link between two actors.
type WeightedEdge struct {
	From, To string
	Weight   float64
}

// PageRank computes weighted PageRank on the undirected graph of the
// edges (each edge links both ways with its weight), by power iteration
// until the L1 change is below tol or after maxIter rounds. Ranks sum to
// 1. There are no dangling nodes in an undirected graph of edges, so the
// classic teleport term is the only correction.
func PageRank(edges []WeightedEdge, damping, tol float64, maxIter int) map[string]float64 {
	index := map[string]int{}
	var ids []string
	id := func(s string) int {
		i, ok := index[s]
		if !ok {
			i = len(ids)
			index[s] = i
			ids = append(ids, s)
		}
		return i
	}
	type link struct {
		to int
		w  float64
	}
	var adj [][]link
	var out []float64
	add := func(a, b int, w float64) {
		for len(adj) <= a || len(adj) <= b {
			adj = append(adj, nil)
			out = append(out, 0)
		}
		adj[a] = append(adj[a], link{b, w})
		out[a] += w
	}
	// Sorted input makes the sums, and so ties, deterministic.
	sorted := append([]WeightedEdge(nil), edges...)
	sort.Slice(sorted, func(i, j int) bool {
		if sorted[i].From != sorted[j].From {
			return sorted[i].From < sorted[j].From
		}
		return sorted[i].To < sorted[j].To
	})
	for _, e := range sorted {
		if e.Weight <= 0 || e.From == e.To {
			continue
		}
		a, b := id(e.From), id(e.To)
		add(a, b, e.Weight)
		add(b, a, e.Weight)
	}
	n := len(ids)
	ranks := map[string]float64{}
	if n == 0 {
		return ranks
	}
	pr := make([]float64, n)
	next := make([]float64, n)
	for i := range pr {
		pr[i] = 1 / float64(n)
	}
	base := (1 - damping) / float64(n)
	for range maxIter {
		for i := range next {
			next[i] = base
		}
		for i, links := range adj {
			if out[i] == 0 {
				continue
			}
			share := damping * pr[i] / out[i]
			for _, l := range links {
				next[l.to] += share * l.w
			}
		}
		var delta float64
		for i := range pr {
			d := next[i] - pr[i]
			if d < 0 {
				d = -d
			}
			delta += d
		}
		pr, next = next, pr
		if delta < tol {
			break
		}
	}
	for i, s := range ids {
		ranks[s] = pr[i]
	}
	return ranks
}
