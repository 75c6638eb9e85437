#!/usr/bin/env bash
# Profile one Retort command of the benchmark with Java Flight Recorder and print its top frames.
#
#   bench/profile.sh [--shape linear|branchy] [--n N] [--db sqlite|postgres] COMMAND [ARGS...]
#   e.g. bench/profile.sh --n 5000 downgrade base
#
# Generates (or reuses) the same project as bench/run.sh (in bench/work/profile/projects), brings the database to the state the
# command needs (empty for `upgrade`, at head otherwise, by Retort's own untimed upgrade), runs
# the command once with
#   RETORT_JAVA_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -XX:StartFlightRecording=..."
# (the launcher's default options plus JFR's "profile" settings), and summarises the recording
# with lib/jfr_top.py. The recording stays in bench/work/profile/ for `jfr` or JDK Mission Control.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
PY=/usr/bin/python3
shape=linear n=5000 db=sqlite top=${TOP:-25}
while [[ $# -gt 0 ]]; do
  case $1 in
    --shape) shape=$2; shift 2 ;;
    --n) n=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
[[ $# -gt 0 ]] || { sed -n '2,12p' "$0" >&2; exit 64; }
[[ -f $ROOT/cli-adapter/target/retort-all.jar ]] || { echo "profile: build Retort first (mvn -q package -DskipTests)" >&2; exit 1; }

work=$BENCH/work/profile
mkdir -p "$work/dist/cli-adapter/target"
cp "$ROOT/retort" "$work/dist/retort"                     # a private copy: other builds may replace the jar
for try in $(seq 20); do       # another build may be rewriting the jar: take a whole copy
  cp "$ROOT/cli-adapter/target/retort-all.jar" "$work/dist/cli-adapter/target/retort-all.jar"
  $PY -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); sys.exit(z.testzip() is not None)' \
    "$work/dist/cli-adapter/target/retort-all.jar" 2>/dev/null && "$work/dist/retort" --help >/dev/null 2>&1 && break
  echo "profile: the jar is being rewritten; trying again in 5 s" >&2; sleep 5
done
retort=$work/dist/retort

project=$work/projects/$shape-$n      # its own copy: bench/run.sh may be using work/projects meanwhile
$PY "$BENCH/lib/gen.py" "$project" "$shape" "$n" retort

case $db in
  sqlite)
    rm -f "$work/profile.db"
    url="jdbc:sqlite:$work/profile.db" ;;
  postgres)
    dropdb -h 127.0.0.1 -U postgres --if-exists --force bench_profile
    createdb -h 127.0.0.1 -U postgres bench_profile
    url="jdbc:postgresql://127.0.0.1:5432/bench_profile?user=postgres" ;;
  *) echo "profile: --db sqlite or postgres" >&2; exit 64 ;;
esac
run() { "$retort" -c "$project/retort/retort.yaml" --url "$url" "$@"; }
if [[ $1 != upgrade && $1 != heads && $1 != history ]]; then
  echo "profile: bringing the database to head first (untimed)" >&2
  run -q upgrade head >/dev/null 2>&1
fi

name=$(echo "$shape-$n-$db-$*" | tr -c 'a-zA-Z0-9_-' '_')
jfr=$work/$name.jfr
rm -f "$jfr"
opts="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"
opts+=" -XX:FlightRecorderOptions=stackdepth=256"
opts+=" -XX:StartFlightRecording=filename=$jfr,settings=profile,dumponexit=true"
echo "profile: retort $* ($shape, N=$n, $db) with JFR" >&2
start=$EPOCHREALTIME
RETORT_JAVA_OPTS=$opts run "$@" >"$work/$name.out" 2>"$work/$name.err"
end=$EPOCHREALTIME
awk -v s="$start" -v e="$end" -v f="${jfr#"$ROOT"/}" 'BEGIN { printf "profile: %.2f s wall (JFR on); recording %s\n\n", e - s, f }' >&2
$PY "$BENCH/lib/jfr_top.py" "$jfr" "$top"
if [[ $db == postgres ]]; then dropdb -h 127.0.0.1 -U postgres --if-exists --force bench_profile; fi
