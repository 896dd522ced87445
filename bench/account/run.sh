#!/usr/bin/env bash
# Account API benchmark: GET /health (the framework's ceiling), authenticated GET /me/progress
# and POST /me/sessions, each at 50 connections for 30 s with wrk, against 10,000 users and
# 1,000,000 practice sessions. Prints requests/s and p50/p99 latency, then checks that every
# acknowledged session survived a kill -9 of the server.
#
#   bench/account/run.sh                 # defaults below
#   BENCH_DURATION=10s BENCH_CONNECTIONS=50 bench/account/run.sh
#
# Writes only under bench/work/account/ (git-ignored). Installs wrk from Debian if missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work="$root/bench/work/account"
users=${BENCH_USERS:-10000}
sessions=${BENCH_SESSIONS:-1000000}
duration=${BENCH_DURATION:-30s}
connections=${BENCH_CONNECTIONS:-50}
threads=${BENCH_THREADS:-2}
logins=${BENCH_LOGINS:-50}
port=${BENCH_PORT:-18081}
password="bench passphrase 2026"
java="$("$root/scripts/java-home")/bin/java"
mkdir -p "$work"

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (Debian package)…" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
  else sudo apt-get update -qq >/dev/null && sudo apt-get install -y -qq wrk >/dev/null; fi
fi

jar="$root/account-api/target/account-api.jar"
if [ ! -f "$jar" ]; then
  "$root/scripts/mvn" -B -q -DskipTests package -pl account-api >&2
fi
# Run a copy, so a rebuild during the benchmark cannot change it.
cp "$jar" "$work/account-api.jar"
jar="$work/account-api.jar"

seed="$work/seed-$users-$sessions.db"
stamp="$work/seed-$users-$sessions.stamp"
want="$(sha256sum "$root/bench/account/Seed.java" | cut -c1-16)-$(ls "$root/content/sequences" | sha256sum | cut -c1-16)-$(unzip -p "$jar" 'db/migration/*' | sha256sum | cut -c1-16)"
if [ ! -f "$seed" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  "$java" --enable-native-access=ALL-UNNAMED -cp "$jar" "$root/bench/account/Seed.java" seed "$seed" "$root/content" \
    "$work/catalog.json" "$users" "$sessions" "$password"
  echo "$want" > "$stamp"
fi
db="$work/run.db"
rm -f "$db" "$db-wal" "$db-shm"
cp "$seed" "$db"

log="$work/server.log"
YOGAFLOW_PORT=$port YOGAFLOW_DATA_DIR="$work/data" YOGAFLOW_DATABASE_PATH="$db" YOGAFLOW_CATALOG="$work/catalog.json" \
YOGAFLOW_RATE_LOGIN=off YOGAFLOW_ALLOWED_ORIGINS=http://localhost:8080 \
  "$java" -jar "$jar" > "$log" 2>&1 &
server=$!
trap 'kill -9 $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null || { echo "server did not start; see $log" >&2; exit 1; }

# Sign in $logins different users through the API (bcrypt cost 12, on the bounded pool).
echo "signing in $logins users…" >&2
tokens="$work/tokens.lua"
{
  echo "tokens = {"
  for i in $(seq 1 "$logins"); do
    u=$(( (i * 7919) % users + 1 ))
    curl -fs -XPOST "http://127.0.0.1:$port/api/v1/auth/login" -H 'Content-Type: application/json' \
      -d "{\"email\":\"bench$u@example.org\",\"password\":\"$password\"}" \
      | sed -n 's/.*"access_token":"\([^"]*\)".*/  "\1",\n/p'
  done
  echo "}"
} > "$tokens"
[ "$(grep -o '"eyJ' "$tokens" | wc -l)" -eq "$logins" ] || { echo "sign-in failed; see $log" >&2; exit 1; }

sequences=$(sed -n 's/.*"sequences":\[\(.*\)\]}/\1/p' "$work/catalog.json" | grep -o '"slug":"[^"]*"' | cut -d'"' -f4 | sed 's/.*/"&",/' | tr -d '\n')
cat > "$work/progress.lua" <<LUA
dofile("$tokens")
request = function()
  local t = tokens[math.random(#tokens)]
  return wrk.format("GET", "/api/v1/me/progress?tz=Europe/Berlin", { ["Authorization"] = "Bearer " .. t })
end
LUA
cat > "$work/sessions.lua" <<LUA
dofile("$tokens")
sequences = { $sequences }
request = function()
  local t = tokens[math.random(#tokens)]
  local body = '{"sequence":"' .. sequences[math.random(#sequences)] .. '","duration_seconds":' .. math.random(60, 3600) .. ',"completed":true}'
  return wrk.format("POST", "/api/v1/me/sessions", { ["Authorization"] = "Bearer " .. t, ["Content-Type"] = "application/json" }, body)
end
LUA

run() { # name, wrk args…
  local name=$1; shift
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@" > "$work/$name.txt" 2>&1
}
figures() { # name → "req/s p50 p99 non2xx requests"
  local f="$work/$1.txt"
  local rps p50 p99 bad total
  rps=$(awk '/^Requests\/sec/ {print $2}' "$f")
  p50=$(awk '$1=="50%" {print $2}' "$f")
  p99=$(awk '$1=="99%" {print $2}' "$f")
  bad=$(awk '/Non-2xx/ {print $NF}' "$f"); bad=${bad:-0}
  total=$(awk '/requests in/ {print $1}' "$f")
  echo "$rps $p50 $p99 $bad $total"
}

echo "warming up…" >&2
wrk -t"$threads" -c"$connections" -d5s "http://127.0.0.1:$port/api/v1/health" >/dev/null
wrk -t"$threads" -c"$connections" -d5s -s "$work/progress.lua" "http://127.0.0.1:$port" >/dev/null

before=$(curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null; "$java" --enable-native-access=ALL-UNNAMED -cp "$jar" "$root/bench/account/Seed.java" count "$db")
echo "measuring $duration each at $connections connections…" >&2
run health "http://127.0.0.1:$port/api/v1/health"
run progress -s "$work/progress.lua" "http://127.0.0.1:$port"
run sessions -s "$work/sessions.lua" "http://127.0.0.1:$port"
# A crash right after the load: every acknowledged session must be in the database.
kill -9 $server
wait $server 2>/dev/null || true
after=$("$java" --enable-native-access=ALL-UNNAMED -cp "$jar" "$root/bench/account/Seed.java" count "$db")

read -r h_rps h_p50 h_p99 h_bad h_total <<<"$(figures health)"
read -r p_rps p_p50 p_p99 p_bad p_total <<<"$(figures progress)"
read -r s_rps s_p50 s_p99 s_bad s_total <<<"$(figures sessions)"
acked=$(( s_total - s_bad ))
stored=$(( after - before ))

echo
echo "account API, $users users, $sessions sessions, $connections connections, $duration each, wrk -t$threads"
printf '%-24s %12s %10s %10s %8s\n' route 'req/s' p50 p99 non-2xx
printf '%-24s %12s %10s %10s %8s\n' 'GET /health (ceiling)' "$h_rps" "$h_p50" "$h_p99" "$h_bad"
printf '%-24s %12s %10s %10s %8s\n' 'GET /me/progress' "$p_rps" "$p_p50" "$p_p99" "$p_bad"
printf '%-24s %12s %10s %10s %8s\n' 'POST /me/sessions' "$s_rps" "$s_p50" "$s_p99" "$s_bad"
awk -v p="$p_rps" -v h="$h_rps" 'BEGIN { printf "progress / health: %.0f%% (target >= 50%%)\n", 100 * p / h }'
echo "sessions acknowledged (2xx): $acked; stored after kill -9: $stored $( [ "$stored" -ge "$acked" ] && echo '(all durable)' || echo '(LOST WRITES)')"
[ "$stored" -ge "$acked" ]
