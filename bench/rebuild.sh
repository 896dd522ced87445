#!/usr/bin/env bash
# Photo and rebuild benchmark (issue 4); see bench/README.md, "Photos and rebuilds".
#   bench/rebuild.sh [-r RUNS]      default: 5 runs (or $BENCH_RUNS) of each measurement
# 1. 20 camera-size JPEGs (4000x3000, 12 MP): WebP renditions 1200/600/200 by cwebp run directly
#    with 2 parallel jobs, then by a cold yogaflow build; photos per second, wall, peak RSS.
# 2. Warm rebuilds: 1,000 poses with 300 photos, and the 10,000-pose synthetic site: nothing
#    changed, and one pose's instructions changed.
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$bench/.." && pwd)
runs=${BENCH_RUNS:-5}
if [ "${1:-}" = "-r" ]; then runs=$2; fi
java="$("$root/scripts/java-home")/bin/java"
work="$bench/work/rebuild"
mkdir -p "$work"
die() { echo "bench: $*" >&2; exit 1; }
median() { sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
busy() { awk '/^cpu /{print ($2+$3+$4+$7+$8+$9)/100}' /proc/stat; }

command -v bc >/dev/null || apt-get install -y -q bc >/dev/null || die "needs bc"
command -v cwebp >/dev/null || { apt-get install -y -q webp >/dev/null || die "needs cwebp (Debian package webp)"; }
[ -f "$root/generator/target/yogaflow.jar" ] || "$root/scripts/mvn" -B -q -DskipTests package -pl generator
cp "$root/generator/target/yogaflow.jar" "$work/yogaflow.jar"
rm -rf "$work/theme" && cp -r "$root/site-theme" "$work/theme"
yogaflow=(env YOGAFLOW_JAR="$work/yogaflow.jar" YOGAFLOW_JAVA_OPTS=-Xmx512m "$root/scripts/yogaflow")
# The launcher's start-up cache is made on a jar's first use: once here, untimed (see run.sh).
prime=$(mktemp -d)
YOGAFLOW_AOT=wait "${yogaflow[@]}" build --content "$root/content" --out "$prime/out" --theme "$work/theme" \
  --cache "$prime/cache" >/dev/null 2>&1 || die "the priming build failed"
rm -rf "$prime"
# time_of CMD...: runs CMD, prints "wall_s rss_mib", fails loudly
time_of() {
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" > "$work/log" 2>&1 || { cat "$work/log" >&2; die "failed: $*"; }
  awk '{printf "%.2f %.0f\n", $1, $2 / 1024}' "$work/time"
}
echo "cores: $(nproc)   java: $("$java" -version 2>&1 | head -1)   cwebp: $(cwebp -version | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (should be near 0)"

# A content folder: the taxonomy and N poses, the first P of which show photo-NNN.jpg from PHOTOS.
site() { # site DIR N P PHOTOS
  local dir=$1 n=$2 p=$3 photos=$4
  [ -f "$dir/.ready-$n-$p" ] && return
  rm -rf "$dir" && mkdir -p "$dir/poses" "$dir/photos"
  cp "$root/content/taxonomy.yaml" "$dir/"
  cp "$photos"/photo-*.jpg "$dir/photos/"
  for ((i = 1; i <= n; i++)); do
    {
      printf -- '---\nname: Bench Pose %d\nsanskrit: Āsana %d\ndifficulty: beginner\ncategory: standing\n' "$i" "$i"
      printf 'body_areas: [spine, hips]\nbenefits: [Steadies the breath]\n'
      if ((i <= p)); then printf 'photo: photo-%03d.jpg\nphoto_alt: Bench photo %d\n' "$i" "$i"; fi
      printf -- '---\n1. Stand tall.\n2. Breathe slowly for five breaths.\n'
    } > "$dir/poses/pose-$i.md"
  done
  touch "$dir/.ready-$n-$p"
}

# --- 1. Cold photo throughput: 20 x 12 MP JPEGs ---------------------------------------------
"$java" "$bench/PhotoGenerator.java" 20 4000 3000 "$work/photos-12mp"
site "$work/site-20" 20 20 "$work/photos-12mp"
cw=() yf=() yfimg=() yfrss=()
for ((i = 1; i <= runs; i++)); do
  rm -rf "$work/cwebp-out" && mkdir "$work/cwebp-out"
  r=$(time_of sh -c "for f in '$work'/photos-12mp/*.jpg; do for w in 1200 600 200; do echo \"\$f \$w\"; done; done |
    xargs -P 2 -n 2 sh -c 'cwebp -quiet -q 80 -m 4 -metadata none -resize \$1 0 \"\$0\" -o \"$work/cwebp-out/\$(basename \"\$0\" .jpg)-\$1.webp\"'")
  cw+=("${r% *}")
  rm -rf "$work/out-20" "$work/.out-20.previous" "$work/out-20.search" "$work/cache-20"
  r=$(time_of "${yogaflow[@]}" build \
    --content "$work/site-20" --out "$work/out-20" --theme "$work/theme" --cache "$work/cache-20")
  yf+=("${r% *}") yfrss+=("${r#* }")
  yfimg+=("$(grep -o 'encoded, 0 cached) in [0-9.]*' "$work/log" | awk '{print $NF}')")
  echo "photos run $i/$runs: cwebp ${cw[-1]} s, yogaflow ${yf[-1]} s (images stage ${yfimg[-1]} s, ${yfrss[-1]} MiB)" >&2
done
cw_med=$(printf '%s\n' "${cw[@]}" | median)
yf_med=$(printf '%s\n' "${yf[@]}" | median)
img_med=$(printf '%s\n' "${yfimg[@]}" | median)
rss_med=$(printf '%s\n' "${yfrss[@]}" | median)
warm=()
for ((i = 1; i <= runs; i++)); do
  r=$(time_of "${yogaflow[@]}" build --content "$work/site-20" --out "$work/out-20" --theme "$work/theme" --cache "$work/cache-20")
  grep -q 'up to date' "$work/log" || die "photos: a build with no change was not a no-op"
  warm+=("${r% *}")
done
warm_med=$(printf '%s\n' "${warm[@]}" | median)

# --- 2. Warm rebuilds ---------------------------------------------------------------------
# touch_one SITE N I: appends a word to pose I's instructions (a different pose each run).
rebuilds() { # rebuilds LABEL CONTENT OUT CACHE N
  local label=$1 content=$2 out=$3 cache=$4 n=$5 noop=() one=() first
  "${yogaflow[@]}" build --content "$content" --out "$out" --theme "$work/theme" --cache "$cache" > /dev/null  # prepare
  for ((i = 1; i <= runs; i++)); do
    r=$(time_of "${yogaflow[@]}" build --content "$content" --out "$out" --theme "$work/theme" --cache "$cache")
    grep -q 'up to date' "$work/log" || die "$label: a build with no change was not a no-op"
    noop+=("${r% *}")
  done
  for ((i = 0; i <= runs; i++)); do
    local pose
    pose=$(ls "$content/poses" | sed -n "$((i * 7 % n + 1))p")
    printf 'Edited in run %d.\n' "$i" >> "$content/poses/$pose"
    r=$(time_of "${yogaflow[@]}" build --content "$content" --out "$out" --theme "$work/theme" --cache "$cache" -v)
    n_rendered=$(grep -o '([0-9]* rendered' "$work/log" | tr -dc '0-9')
    [ -n "$n_rendered" ] && [ "$n_rendered" -lt 50 ] || { cat "$work/log" >&2; die "$label: not an incremental build"; }
    if ((i == 0)); then first=${r% *}; else one+=("${r% *}"); fi
  done
  printf '%s %s %s\n' "$(printf '%s\n' "${noop[@]}" | median)" "$first" "$(printf '%s\n' "${one[@]}" | median)"
}
"$java" "$bench/PhotoGenerator.java" 300 2000 1500 "$work/photos-3mp"
site "$work/site-1000" 1000 300 "$work/photos-3mp"
r1000=$(rebuilds "1,000 poses, 300 photos" "$work/site-1000" "$work/out-1000" "$work/cache-1000" 1000)
corpus="$bench/work/corpus-10000"
[ -d "$corpus" ] || "$java" "$bench/CorpusGenerator.java" 10000 1000 "$corpus" > /dev/null
rm -rf "$work/corpus-10000" && cp -r "$corpus" "$work/corpus-10000"  # it gets edited
r10000=$(rebuilds "10,000 poses (synthetic)" "$work/corpus-10000" "$work/out-10000" "$work/cache-10000" 10000)

echo
echo "Cold WebP renditions of 20 photos of 12 MP (60 renditions), median of $runs:"
printf '  cwebp, 2 parallel jobs:     %6.2f s   %5.2f photos/s\n' "$cw_med" "$(echo "20 / $cw_med" | bc -l)"
printf '  yogaflow build, end to end: %6.2f s   %5.2f photos/s   (%.2fx cwebp)   peak RSS %s MiB\n' "$yf_med" \
  "$(echo "20 / $yf_med" | bc -l)" "$(echo "$cw_med / $yf_med" | bc -l)" "$rss_med"
printf '  yogaflow images stage:      %6.2f s   %5.2f photos/s   (%.2fx cwebp)\n' "$img_med" \
  "$(echo "20 / $img_med" | bc -l)" "$(echo "$cw_med / $img_med" | bc -l)"
printf '  warm rebuild, no change:    %6.2f s\n' "$warm_med"
echo
echo "Warm rebuilds (wall s, median of $runs): no change | first edit after a full build | one pose edited"
printf '  %-26s %6.2f   %6.2f   %6.2f\n' "1,000 poses, 300 photos" $r1000
printf '  %-26s %6.2f   %6.2f   %6.2f\n' "10,000 poses (synthetic)" $r10000
