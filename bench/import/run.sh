#!/usr/bin/env bash
# bench/import/run.sh - end-to-end import benchmark (issue 6): N articles
# generated from the dev set (read in place from ../shared/eval/dev) as one
# JSON-lines file, imported with -j 2 into the output folder and into a
# private Neo4j server; prints articles/s and peak RSS per run, and the RSS
# growth from the smallest to the largest N (memory must not grow with the
# corpus: the bar is 20%). Each sink's run follows a --dry-run run
# (extraction alone) of the same file, the baseline to compare it with on
# a shared machine.
#
#   bench/import/run.sh [N...]        default: 5000 20000
#
# Environment:
#   GEOKG_BENCH_DIR     work folder (default: a new temporary folder)
#   GEOKG_BENCH_NEO4J   0 skips the Neo4j runs (default 1)
#   GEOKG_BENCH_JOBS    -j for the import (default 2)
#   GEOKG_BENCH_DEV     the dev articles (default ../shared/eval/dev)
# The Neo4j runs start their own server with scripts/neo4j on ports
# 7697/7484 in the work folder (a fresh database per N), so they never
# touch the test server.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
sizes=("$@")
((${#sizes[@]})) || sizes=(5000 20000)
work=${GEOKG_BENCH_DIR:-$(mktemp -d -t geokg-bench-import-XXXX)}
jobs=${GEOKG_BENCH_JOBS:-2}
mkdir -p "$work"
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }

go build -o "$work/geokg" ./cmd/geokg
echo "# geokg import benchmark, -j $jobs, $(nproc) cores, $(go version | cut -d' ' -f3), work folder $work"
printf '%-8s %7s %10s %12s %10s\n' sink articles wall_s articles/s peak_MiB

# run LABEL N ARGS...: one timed import; prints a row and records the RSS.
declare -A rss
run() {
	local label=$1 n=$2
	shift 2
	/usr/bin/time -f '%M %e' -o "$work/time.txt" \
		"$work/geokg" import -q -j "$jobs" "$@" "$work/articles-$n.jsonl" >"$work/summary-$label-$n.txt" 2>"$work/stderr-$label-$n.txt" || {
		echo "import failed, see $work/stderr-$label-$n.txt" >&2
		tail -5 "$work/stderr-$label-$n.txt" >&2
		return 1
	}
	local kib secs read
	read -r kib secs <"$work/time.txt"
	read=$(awk '/^articles read/{print $3}' "$work/summary-$label-$n.txt" | tr -d ,)
	rss[$label-$n]=$kib
	printf '%-8s %7s %10.1f %12.1f %10.1f\n' "$label" "$read" "$secs" "$(echo "$read / $secs" | bc -l)" "$(echo "$kib / 1024" | bc -l)"
}

for n in "${sizes[@]}"; do
	python3 bench/import/gen.py "$n" "$work/articles-$n.jsonl" "${GEOKG_BENCH_DEV:-$repo/../shared/eval/dev}"
done

# Extraction alone (--dry-run) is the baseline the sinks are compared with.
for n in "${sizes[@]}"; do
	run dry-run "$n" --dry-run
	rm -rf "$work/out-$n"
	run outdir "$n" --out "$work/out-$n"
done

if [[ ${GEOKG_BENCH_NEO4J:-1} != 0 ]]; then
	for n in "${sizes[@]}"; do
		export GEOKG_NEO4J_HOME=$work/neo4j-$n GEOKG_NEO4J_BOLT_PORT=7697 GEOKG_NEO4J_HTTP_PORT=7484
		export NEO4J_PASSWORD=geokg-bench-password
		uri=$(scripts/neo4j start)
		run dry-run "$n" --dry-run
		run neo4j "$n" --neo4j-uri "$uri" --neo4j-username neo4j || true
		scripts/neo4j stop >/dev/null
		rm -rf "$GEOKG_NEO4J_HOME"
	done
fi

first=${sizes[0]} last=${sizes[${#sizes[@]} - 1]}
for label in dry-run outdir neo4j; do
	if [[ -n ${rss[$label-$first]:-} && -n ${rss[$label-$last]:-} ]]; then
		printf '%s: peak RSS %s articles -> %s articles: %+.1f%%\n' "$label" "$first" "$last" \
			"$(echo "(${rss[$label-$last]} - ${rss[$label-$first]}) * 100 / ${rss[$label-$first]}" | bc -l)"
	fi
done
