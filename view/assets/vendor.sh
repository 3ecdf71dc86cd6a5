#!/usr/bin/env bash
# Re-vendors the force-directed graph library embedded in geokg's HTML view.
#
# force-graph (MIT, by Vasco Asturiano) is installed from the npm registry
# into a scratch folder; its UMD bundle (which includes its dependencies,
# d3 modules among them) is copied here with its licence and the licences of
# every bundled package. The copied files are committed; `go build` embeds
# them with go:embed, so building geokg needs neither npm nor the network.
#
# Usage: view/assets/vendor.sh [VERSION]     (default: the pinned version)
set -euo pipefail

version="${1:-1.52.0}"
here="$(cd "$(dirname "$0")" && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

cd "$scratch"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts --omit=dev "force-graph@${version}" >/dev/null

pkg="node_modules/force-graph"
cp "$pkg/dist/force-graph.min.js" "$here/force-graph.min.js"
# A source map comment would make browsers fetch a file that is not there.
sed -i '/^\/\/# sourceMappingURL=/d' "$here/force-graph.min.js"

{
	echo "force-graph ${version} — https://github.com/vasturiano/force-graph"
	echo "vendored by view/assets/vendor.sh from the npm registry"
	echo
	cat "$pkg/LICENSE"
	echo
	echo "force-graph.min.js bundles its dependencies; npm resolved them, with"
	echo "these licences, when the bundle was vendored:"
	node -e '
		const fs = require("fs"), path = require("path");
		const found = new Map();
		// Resolve each dependency as Node would: the nearest node_modules
		// folder up from the package that requires it.
		function walk(name, from) {
			for (let dir = from; ; dir = path.dirname(dir)) {
				const pkg = path.join(dir, "node_modules", name);
				if (fs.existsSync(path.join(pkg, "package.json"))) {
					const pj = JSON.parse(fs.readFileSync(path.join(pkg, "package.json")));
					const key = pj.name + "@" + pj.version;
					if (found.has(key)) return;
					found.set(key, pj.license || "see the package");
					for (const dep of Object.keys(pj.dependencies || {})) walk(dep, pkg);
					return;
				}
				if (dir === path.dirname(dir)) return;
			}
		}
		walk("force-graph", process.cwd());
		for (const key of [...found.keys()].sort()) {
			if (!key.startsWith("force-graph@")) console.log("  " + key + "  " + found.get(key));
		}
	'
} > "$here/force-graph.LICENSE.txt"

echo "vendored force-graph ${version} into ${here}"
