package alliance

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Bloc is one group of actors that the signed alignment graph puts
// together: mostly allied with each other, mostly opposed to the others.
type Bloc struct {
	// Number is the bloc's rank in its window, 1 for the largest.
	Number int `json:"number"`
	// Members are actor IDs, the most strongly tied first.
	Members []string `json:"members"`
	// Cohesion is the summed score of the alignments inside the bloc
	// (negative ones lower it).
	Cohesion float64 `json:"cohesion"`
	// Opposition is the summed score of the alignments between the bloc
	// and the rest: negative for a bloc set against the others.
	Opposition float64 `json:"opposition"`
}

// Partition is a division of a window's actors into blocs.
type Partition struct {
	// Blocs are ordered by size, largest first; actors with no alignment
	// that ties them to anyone form blocs of one.
	Blocs []Bloc `json:"blocs"`
	// Of maps an actor ID to its bloc's Number.
	Of map[string]int `json:"-"`
	// Frustration is the share of the absolute alignment weight that the
	// partition contradicts (alliances across blocs, rivalries inside a
	// bloc): 0 for a perfectly balanced graph.
	Frustration float64 `json:"frustration"`
	// Modularity is the signed modularity the partition reaches.
	Modularity float64 `json:"modularity"`
}

// BlocOptions tune the partitioning.
type BlocOptions struct {
	// Resolution scales the null model: above 1 splits into more, smaller
	// blocs; below 1 merges. 0 means 1.
	Resolution float64
	// MinScore leaves out alignments weaker than this in absolute value.
	MinScore float64
}

// signedGraph is the alignments as a weighted adjacency, positive and
// negative parts kept apart for the null model.
type signedGraph struct {
	ids       []string
	adj       []map[int]float64 // net weight, both directions
	kPos      []float64         // positive strength of each node
	kNeg      []float64         // negative strength (absolute)
	mPos      float64           // total positive strength (2 × positive weight)
	mNeg      float64
	gamma     float64
	totalAbs  float64
	community []int
}

// Blocs partitions the actors of the alignments into blocs by maximising
// signed modularity (Gómez, Jensen and Arenas 2009; Traag and Bruggeman
// 2009): an alliance inside a bloc counts for it, a rivalry inside counts
// against it, each measured against what the actors' numbers of allies
// and rivals would give by chance. It moves single actors Louvain-style
// and merges blocs while that gains, in a fixed order, so the same
// alignments always give the same blocs. Alignments of score 0 (or below
// MinScore) are ignored; every actor of the input is placed.
func Blocs(als []Alignment, opts BlocOptions) Partition {
	g := newSignedGraph(als, opts)
	n := len(g.ids)
	if n == 0 {
		return Partition{Of: map[string]int{}}
	}
	for range 50 {
		moved := g.moveNodes()
		merged := g.mergeCommunities()
		if !moved && !merged {
			break
		}
	}
	return g.partition()
}

func newSignedGraph(als []Alignment, opts BlocOptions) *signedGraph {
	g := &signedGraph{gamma: opts.Resolution}
	if g.gamma <= 0 {
		g.gamma = 1
	}
	index := map[string]int{}
	node := func(id string) int {
		if i, ok := index[id]; ok {
			return i
		}
		index[id] = len(g.ids)
		g.ids = append(g.ids, id)
		g.adj = append(g.adj, map[int]float64{})
		return len(g.ids) - 1
	}
	ids := make([]string, 0, 2*len(als))
	for _, a := range als {
		ids = append(ids, a.A, a.B)
	}
	slices.Sort(ids)
	for _, id := range slices.Compact(ids) {
		node(id)
	}
	g.kPos, g.kNeg = make([]float64, len(g.ids)), make([]float64, len(g.ids))
	for _, a := range als {
		if a.A == a.B || a.Score == 0 || math.Abs(a.Score) < opts.MinScore {
			continue
		}
		i, j := index[a.A], index[a.B]
		g.adj[i][j] += a.Score
		g.adj[j][i] += a.Score
	}
	for i, row := range g.adj {
		for _, w := range row {
			if w > 0 {
				g.kPos[i] += w
			} else {
				g.kNeg[i] -= w
			}
			g.totalAbs += math.Abs(w)
		}
	}
	for i := range g.ids {
		g.mPos += g.kPos[i]
		g.mNeg += g.kNeg[i]
	}
	g.totalAbs /= 2
	g.community = make([]int, len(g.ids))
	for i := range g.community {
		g.community[i] = i
	}
	return g
}

// nullPos and nullNeg are the null model's expected positive and negative
// weight between strengths (0 when the graph has no edges of that sign).
func (g *signedGraph) nullPos(a, b float64) float64 {
	if g.mPos == 0 {
		return 0
	}
	return g.gamma * a * b / g.mPos
}

func (g *signedGraph) nullNeg(a, b float64) float64 {
	if g.mNeg == 0 {
		return 0
	}
	return g.gamma * a * b / g.mNeg
}

// totals returns each community's positive and negative strength.
func (g *signedGraph) totals() (pos, neg map[int]float64) {
	pos, neg = map[int]float64{}, map[int]float64{}
	for i, c := range g.community {
		pos[c] += g.kPos[i]
		neg[c] += g.kNeg[i]
	}
	return pos, neg
}

// moveNodes moves each node to the neighbouring community (or a
// community of its own) where it adds most modularity, until no move
// gains; it reports whether any node moved.
func (g *signedGraph) moveNodes() bool {
	pos, neg := g.totals()
	changedAny := false
	for changed := true; changed; {
		changed = false
		for i := range g.ids {
			own := g.community[i]
			links := map[int]float64{}
			for j, w := range g.adj[i] {
				links[g.community[j]] += w
			}
			pos[own] -= g.kPos[i]
			neg[own] -= g.kNeg[i]
			gain := func(c int) float64 {
				return links[c] - g.nullPos(g.kPos[i], pos[c]) + g.nullNeg(g.kNeg[i], neg[c])
			}
			// A bloc is held together by alliances: a node joins (or stays
			// in) one only while its net alignment with it is positive.
			// Without this rule signed modularity puts an actor everyone
			// fights (an armed group at war with two camps) into the camp
			// it fights less, as the enemy of its enemy.
			alone := g.freeCommunity(i)
			best := alone
			if alone < 0 {
				best = own
			}
			bestGain := gain(best)
			if alone >= 0 && links[own] > 0 && gain(own) > bestGain {
				best, bestGain = own, gain(own)
			}
			candidates := make([]int, 0, len(links))
			for c, w := range links {
				if w > 0 && c != own {
					candidates = append(candidates, c)
				}
			}
			slices.Sort(candidates)
			for _, c := range candidates {
				if gc := gain(c); gc > bestGain+1e-12 {
					best, bestGain = c, gc
				}
			}
			pos[best] += g.kPos[i]
			neg[best] += g.kNeg[i]
			if best != own {
				g.community[i] = best
				changed, changedAny = true, true
			}
		}
	}
	return changedAny
}

// freeCommunity returns a community number no node but i uses, or -1
// when i is alone already.
func (g *signedGraph) freeCommunity(i int) int {
	used := make([]bool, len(g.ids))
	others := false
	for j, c := range g.community {
		if j != i {
			used[c] = true
			if c == g.community[i] {
				others = true
			}
		}
	}
	if !others {
		return -1
	}
	for c, u := range used {
		if !u {
			return c
		}
	}
	return -1
}

// mergeCommunities merges the pair of communities whose union gains most
// modularity, while any pair gains; it reports whether it merged any.
func (g *signedGraph) mergeCommunities() bool {
	changedAny := false
	for {
		pos, neg := g.totals()
		between := map[[2]int]float64{}
		for i, row := range g.adj {
			for j, w := range row {
				a, b := g.community[i], g.community[j]
				if a < b {
					between[[2]int{a, b}] += w
				}
			}
		}
		pairs := make([][2]int, 0, len(between))
		for p := range between {
			pairs = append(pairs, p)
		}
		slices.SortFunc(pairs, func(x, y [2]int) int { return cmp.Or(cmp.Compare(x[0], y[0]), cmp.Compare(x[1], y[1])) })
		var best [2]int
		bestGain := 1e-12
		for _, p := range pairs {
			gain := between[p] - g.nullPos(pos[p[0]], pos[p[1]]) + g.nullNeg(neg[p[0]], neg[p[1]])
			if between[p] > 0 && gain > bestGain {
				best, bestGain = p, gain
			}
		}
		if bestGain <= 1e-12 {
			return changedAny
		}
		for i, c := range g.community {
			if c == best[1] {
				g.community[i] = best[0]
			}
		}
		changedAny = true
	}
}

// partition numbers the communities, largest first, and measures them.
func (g *signedGraph) partition() Partition {
	strength := make([]float64, len(g.ids))
	for i := range g.ids {
		strength[i] = g.kPos[i] + g.kNeg[i]
	}
	members := map[int][]int{}
	for i, c := range g.community {
		members[c] = append(members[c], i)
	}
	groups := make([][]int, 0, len(members))
	for _, m := range members {
		slices.SortFunc(m, func(a, b int) int {
			return cmp.Or(cmp.Compare(strength[b], strength[a]), strings.Compare(g.ids[a], g.ids[b]))
		})
		groups = append(groups, m)
	}
	total := func(m []int) float64 {
		s := 0.0
		for _, i := range m {
			s += strength[i]
		}
		return s
	}
	slices.SortFunc(groups, func(a, b []int) int {
		return cmp.Or(cmp.Compare(len(b), len(a)), cmp.Compare(total(b), total(a)), strings.Compare(g.ids[a[0]], g.ids[b[0]]))
	})
	p := Partition{Of: map[string]int{}}
	number := make([]int, len(g.ids))
	for k, m := range groups {
		b := Bloc{Number: k + 1}
		for _, i := range m {
			b.Members = append(b.Members, g.ids[i])
			number[i] = k + 1
			p.Of[g.ids[i]] = k + 1
		}
		p.Blocs = append(p.Blocs, b)
	}
	var wrong, q float64
	for i, row := range g.adj {
		for j, w := range row {
			if i > j {
				continue
			}
			same := number[i] == number[j]
			if same {
				p.Blocs[number[i]-1].Cohesion += w
			} else {
				p.Blocs[number[i]-1].Opposition += w
				p.Blocs[number[j]-1].Opposition += w
			}
			if (same && w < 0) || (!same && w > 0) {
				wrong += math.Abs(w)
			}
		}
	}
	if g.totalAbs > 0 {
		p.Frustration = round6(wrong / g.totalAbs)
	}
	// Signed modularity, normalised by the total strength.
	if m := g.mPos + g.mNeg; m > 0 {
		pos, neg := g.totals()
		for i, row := range g.adj {
			for j, w := range row {
				if g.community[i] == g.community[j] {
					q += w
				}
			}
		}
		for c := range pos {
			q -= g.nullPos(pos[c], pos[c]) - g.nullNeg(neg[c], neg[c])
		}
		p.Modularity = round6(q / m)
	}
	for i := range p.Blocs {
		p.Blocs[i].Cohesion = round6(p.Blocs[i].Cohesion)
		p.Blocs[i].Opposition = round6(p.Blocs[i].Opposition)
	}
	return p
}

func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }
