#!/usr/bin/env bash
# Cold-build benchmark of the yogaflow generator; see bench/README.md.
#   bench/run.sh [-r RUNS] [N ...]     default: 5 runs (or $BENCH_RUNS) of N = 1000 and 10000
# Each N gets a generated corpus of N poses and N/10 sequences; each run is a fresh JVM
# (-Xmx512m) building into a fresh output folder, timed by /usr/bin/time.
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$bench/.." && pwd)
runs=${BENCH_RUNS:-5}
if [ "${1:-}" = "-r" ]; then runs=$2; shift 2; fi
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

java_home=$("$(dirname "$0")/../scripts/java-home")
java="$java_home/bin/java"
jar="$root/generator/target/yogaflow.jar"
work="$bench/work"
# Old outputs and corpora are moved here and deleted only at the end: on ext4 without a
# journal, creating files shortly after deleting many others is several times slower, which
# would inflate the timed builds.
trash=$(mkdir -p "$work/trash" && mktemp -d "$work/trash/XXXXXX")

die() { echo "bench: $*" >&2; exit 1; }

if [ ! -f "$jar" ]; then
  echo "bench: $jar missing, building it" >&2
  "$root/scripts/mvn" -B -q -DskipTests package -pl generator
fi
# Run a snapshot of the jar and the theme, so that a rebuild or a template edit by someone
# else mid-benchmark cannot change them (or remove the jar) between runs.
cp "$jar" "$work/yogaflow.jar" || die "cannot copy $jar"
# Builds run through scripts/yogaflow, with the JVM options users get. Its start-up cache (an
# ahead-of-time cache on JDK 25+, else a class-data archive) is made on the first use of a jar,
# like an installed tool's: do that once, untimed, and wait for it.
[ ! -d "$work/theme" ] || mv "$work/theme" "$trash/theme"
cp -r "$root/site-theme" "$work/theme"
rm -f "$work"/yogaflow.jsa "$work"/yogaflow*.aot*
YOGAFLOW_AOT=wait YOGAFLOW_JAR="$work/yogaflow.jar" "$root/scripts/yogaflow" build --content "$root/content" \
  --out "$trash/prime" --theme "$work/theme" >/dev/null 2>&1 || die "the priming build failed"
echo "jar: $jar ($(date -r "$jar" '+%F %T'))   java: $("$java" -version 2>&1 | head -1)   cores: $(nproc)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (should be near 0)"

# CPU seconds the whole machine has spent busy so far (user nice system irq softirq steal)
busy() { awk '/^cpu /{print ($2+$3+$4+$7+$8+$9)/100}' /proc/stat; }
# median of the numbers on stdin, one per line
median() { sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

table=$(printf '%7s %6s %5s %12s %12s %12s %13s %13s %15s %14s' N seqs runs 'median wall' 'min wall' 'max wall' 'med. RSS MiB' 'med. CPU u+s' 'med. (u+s)/wall' 'others CPU s')
stages=""
for n in "${sizes[@]}"; do
  m=$((n / 10))
  corpus="$work/corpus-$n"
  # The corpus is deterministic: regenerate it only when the generator changed.
  if [ ! "$corpus/.bench-corpus" -nt "$bench/CorpusGenerator.java" ]; then
    [ ! -d "$corpus" ] || mv "$corpus" "$trash/corpus-$n"
    "$java" "$bench/CorpusGenerator.java" "$n" "$m" "$corpus" >/dev/null
  fi
  times="$work/times-$n" log="$work/build-$n.log" out="$work/out-$n"
  : > "$times"
  attempt=0
  for ((i = 1; i <= runs; i++)); do
    attempt=$((attempt + 1))  # unique names in the trash, retries included
    [ ! -d "$out" ] || mv "$out" "$trash/out-$n-$attempt"
    [ ! -d "$work/.out-$n.previous" ] || mv "$work/.out-$n.previous" "$trash/previous-$n-$attempt"
    busy_before=$(busy)
    if ! /usr/bin/time -f '%e %M %U %S' -o "$work/time" \
        env YOGAFLOW_JAR="$work/yogaflow.jar" YOGAFLOW_JAVA_OPTS=-Xmx512m "$root/scripts/yogaflow" \
        build --content "$corpus" --out "$out" --theme "$work/theme" --cache "$trash/cache-$n-$attempt" -v > "$log" 2>&1; then
      cat "$log" >&2
      die "build of N=$n failed (run $i); log above and in $log"
    fi
    grep -q 'errors: 0, warnings: 0' "$log" || { cat "$log" >&2; die "N=$n: corpus is not clean"; }
    # fields: wall s, peak RSS KiB, user s, sys s, CPU s used meanwhile by other processes
    run=$(echo "$(tail -1 "$work/time") $(busy)" | awk -v b="$busy_before" '{print $1, $2, $3, $4, $5-b-$3-$4}')
    echo "$run" | awk -v r="N=$n run $i/$runs" '{printf "%s: %.2f s wall, %.2f s CPU, %.0f MiB peak RSS, others used %.1f s CPU\n", r, $1, $3+$4, $2/1024, $5}' >&2
    # On a shared machine, BENCH_MAX_OTHERS=0.3 keeps only runs during which other processes
    # used at most that much CPU, waiting for a quiet moment and retrying the others.
    if [ -n "${BENCH_MAX_OTHERS:-}" ] && awk -v m="$BENCH_MAX_OTHERS" '{exit !($5 > m)}' <<< "$run"; then
      echo "  (discarded: the machine was busy; waiting for a quiet moment)" >&2
      i=$((i - 1))
      while b=$(busy); sleep 3; awk -v a="$b" -v b="$(busy)" 'BEGIN {exit !(b - a > 0.15)}'; do :; done
      continue
    fi
    echo "$run" >> "$times"
  done
  table+=$'\n'$(printf '%7d %6d %5d %10.2f s %10.2f s %10.2f s %13.0f %11.2f s %14.2fx %14.1f' "$n" "$m" "$runs" \
    "$(cut -d' ' -f1 "$times" | median)" "$(cut -d' ' -f1 "$times" | sort -g | head -1)" \
    "$(cut -d' ' -f1 "$times" | sort -g | tail -1)" "$(awk '{print $2/1024}' "$times" | median)" \
    "$(awk '{print $3+$4}' "$times" | median)" \
    "$(awk '{print ($3+$4)/($1>0?$1:0.01)}' "$times" | median)" "$(awk '{print $5}' "$times" | median)")
  stages+=$'\n'"stages of the last N=$n run:"$'\n'$(grep -E '^  [a-z]+ +[0-9]+ ms' "$log")$'\n'$(grep '^built' "$log")
done

echo
echo "$table"
echo "others CPU s: CPU time used by other processes during a run (median); more than a few"
echo "tenths of a second means the machine was not idle and the wall times are inflated."
echo "$stages"
rm -rf "$work/trash"
