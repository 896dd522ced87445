#!/usr/bin/env bash
# Warm-process rebuild benchmark (issue 7: one pose changed in a 10,000-pose site, as
# `yogaflow dev` rebuilds after an edit); see bench/README.md.
#   bench/warm.sh [RUNS] [N]      default: 120 edits of the N = 10000 synthetic site
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$bench/.." && pwd)
runs=${1:-120}
n=${2:-10000}
java="$("$root/scripts/java-home")/bin/java"
work="${BENCH_WORK:-$bench/work}/warm"
[ -f "$root/generator/target/yogaflow.jar" ] || "$root/scripts/mvn" -B -q -DskipTests package -pl generator
corpus="$bench/work/corpus-$n"
[ -d "$corpus" ] || "$java" "$bench/CorpusGenerator.java" "$n" "$((n / 10))" "$corpus" > /dev/null
rm -rf "$work" && mkdir -p "$work"
cp -r "$corpus" "$work/content"   # it gets edited
cp -r "$root/site-theme" "$work/theme"
cp "$root/generator/target/yogaflow.jar" "$work/yogaflow.jar"
echo "cores: $(nproc)   java: $("$java" -version 2>&1 | head -1)   load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# The JVM options of `yogaflow dev` (scripts/yogaflow): a long-running process gets the full JIT.
"$java" -Xmx1g -cp "$work/yogaflow.jar" "$bench/WarmRebuild.java" \
  "$work/content" "$work/public" "$work/theme" "$work/cache" "$runs"
