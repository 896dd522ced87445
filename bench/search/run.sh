#!/usr/bin/env bash
# Search benchmark; see bench/README.md, "Search".
#   bench/search/run.sh [N ...]        default: N = 1000 and 10000 synthetic poses (N/10 sequences)
# For each N: builds the synthetic corpus with `yogaflow build`, indexes the same pages with
# Pagefind, serves the site on localhost and measures, in Debian's headless Chromium, the bytes
# a first query downloads and the query times of 50 queries (bench/search/queries.txt).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
bench=$(cd "$here/.." && pwd)
root=$(cd "$bench/.." && pwd)
work="$bench/work/search"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
java="$("$root/scripts/java-home")/bin/java"
jar="$root/generator/target/yogaflow.jar"
die() { echo "bench: $*" >&2; exit 1; }

[ -x /usr/bin/chromium ] || die "needs Debian's chromium (apt-get install chromium)"
command -v node >/dev/null || die "needs Node.js 20+"
[ -d "$here/node_modules/pagefind" ] || (cd "$here" && npm ci --no-audit --no-fund >&2)
if [ ! -f "$jar" ]; then
  echo "bench: $jar missing, building it" >&2
  "$root/scripts/mvn" -B -q -DskipTests package -pl generator
fi
mkdir -p "$work"
cp "$jar" "$work/yogaflow.jar"   # a snapshot: others may rebuild the jar meanwhile
export YOGAFLOW_JAR="$work/yogaflow.jar"

server=""
trap '[ -z "$server" ] || kill "$server" 2>/dev/null || true' EXIT

for n in "${sizes[@]}"; do
  corpus="$bench/work/corpus-$n"
  if [ ! "$corpus/.bench-corpus" -nt "$bench/CorpusGenerator.java" ]; then
    "$java" "$bench/CorpusGenerator.java" "$n" "$((n / 10))" "$corpus" >/dev/null
  fi
  site="$work/site-$n"
  rm -rf "$site" "$site.search"
  echo "N=$n: building $corpus" >&2
  "$root/scripts/yogaflow" build --content "$corpus" --out "$site" --theme "$root/site-theme" > "$work/build-$n.log" 2>&1 \
    || { cat "$work/build-$n.log" >&2; die "build of N=$n failed"; }
  grep -q 'data-index=' "$site/poses/index.html" || die "the built library page links no search index"
  echo "N=$n: indexing the same pages with Pagefind" >&2
  start=$(date +%s.%N)
  (cd "$here" && npx pagefind --site "$site" --output-path "$site/pagefind" --quiet) > "$work/pagefind-$n.log" 2>&1 \
    || { cat "$work/pagefind-$n.log" >&2; die "pagefind failed"; }
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" "BEGIN { print b - a }" > "$work/pagefind-$n.seconds"

  "$root/scripts/yogaflow" serve --out "$site" --port 0 > "$work/serve-$n.log" 2>&1 &
  server=$!
  for _ in $(seq 100); do grep -q 'serving' "$work/serve-$n.log" && break; sleep 0.1; done
  port=$(sed -n 's/.*localhost:\([0-9]*\).*/\1/p' "$work/serve-$n.log" | head -1)
  [ -n "$port" ] || die "the site server did not start: $(cat "$work/serve-$n.log")"
  echo "N=$n: measuring in Chromium (50 queries, each engine)" >&2
  (cd "$here" && node measure.mjs "$site" "http://127.0.0.1:$port/" queries.txt "$work/result-$n.json")
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
done

cd "$here" && node --input-type=module - "$work" "${sizes[@]}" <<'JS'
import fs from 'node:fs';
const [work, ...sizes] = process.argv.slice(2);
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const pad = (s, n) => String(s).padStart(n);
console.log(`${pad('N', 6)} ${pad('engine', 9)} ${pad('index raw', 11)} ${pad('index gzip', 11)} ${pad('files', 6)} ${pad('1st query gzip (med/max)', 25)} ${pad('1st query stored (med/max)', 27)} ${pad('query ms warm/cold', 19)}`);
for (const n of sizes) {
  const r = JSON.parse(fs.readFileSync(`${work}/result-${n}.json`, 'utf8'));
  for (const name of ['yogaflow', 'pagefind']) {
    const e = r[name];
    const index = e.index;
    console.log(`${pad(n, 6)} ${pad(name, 9)} ${pad(kb(index.raw), 11)} ${pad(kb(index.gzip), 11)} ${pad(index.files, 6)} ${pad(`${kb(e.firstQuery.medianGzip)} / ${kb(e.firstQuery.maxGzip)}`, 25)} ${pad(`${kb(e.firstQuery.medianRaw)} / ${kb(e.firstQuery.maxRaw)}`, 27)} ${pad(`${e.queryMs.warmMedian.toFixed(2)} / ${e.queryMs.coldMedian.toFixed(1)}`, 19)}`);
  }
  const y = r.yogaflow.firstQuery.maxGzip;
  const p = r.pagefind.firstQuery.medianGzip;
  console.log(`${pad('', 6)} search.js ${kb(r.yogaflow.script.raw)} (${kb(r.yogaflow.script.gzip)} gzip); worst YogaFlow first query / median Pagefind first query = ${(y / p).toFixed(2)}; Pagefind indexing ${Number(fs.readFileSync(`${work}/pagefind-${n}.seconds`, 'utf8')).toFixed(1)} s`);
}
JS
