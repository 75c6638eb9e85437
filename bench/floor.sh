#!/usr/bin/env bash
# The floor of an online `upgrade head` (or `downgrade base`) with one transaction per revision: how
# long the database's own command-line client (sqlite3, psql) takes to run exactly the statements
# Retort runs, beside Retort's and Alembic's online command on the same project. See bench/README.md.
#
#   bench/floor.sh [--command upgrade|downgrade] [--n N] [--shape linear|branchy]
#                  [--dbs sqlite,postgres] [--runs R] [--out FILE] [--work DIR]
#
#   --command C  upgrade (`upgrade head` from an empty database, the default) or downgrade
#                (`downgrade base` from a database at head, restored from a copy before each run)
#   --n N        revisions (default 5000)
#   --shape S    linear or branchy (default linear), as bench/lib/gen.py writes them
#   --dbs LIST   sqlite, postgres or both (default sqlite,postgres; SQLite first)
#   --runs R     runs per tool and database (default 3), interleaved floor, Retort, Alembic, ...
#   --out FILE   the Markdown report (default bench/results/floor.md, floor-downgrade.md)
#   --work DIR   project, scripts, SQLite files, logs, samples (default bench/work/floor)
#   --help       this text
#
# The floor runs Retort's offline script (`retort upgrade head --sql --dialect sqlite|postgres`, or
# `retort downgrade head:base --sql …`) with `sqlite3 FILE < script` / `psql -f script`. Every run
# is checked (upgrade: N tables t_*, version table at the head; downgrade: no t_*, no version). Needs the built jar (cli-adapter/target/retort-all.jar,
# copied to DIR/dist first), sqlite3 and/or psql, PostgreSQL 15 at 127.0.0.1:5432 (user postgres,
# trust) for postgres; Alembic (Debian's python3-alembic) is measured when /usr/bin/python3 has it.
set -euo pipefail

NAME=floor
BENCH=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib/common.sh
. "$BENCH/lib/common.sh"     # ROOT, PY, LIB, PG, die, say, usage, apt_install, require_postgres, ...

# ---- options
n=5000 shape=linear dbs=sqlite,postgres runs=3 what=upgrade
out= work=$BENCH/work/floor
cmdline="bench/floor.sh${*:+ $*}"
started=$(date +%s.%N)
while [[ $# -gt 0 ]]; do
  case $1 in
    -h | --help) usage; exit 0 ;;
    --command | --n | --shape | --dbs | --runs | --out | --work)
      [[ $# -ge 2 ]] || die "$1 needs a value (see --help)"
      opt=${1#--} val=$2; shift 2 ;;
    --command=* | --n=* | --shape=* | --dbs=* | --runs=* | --out=* | --work=*)
      opt=${1%%=*} opt=${opt#--} val=${1#*=}; shift ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  case $opt in
    command) what=$val ;; n) n=$val ;; shape) shape=$val ;; dbs) dbs=$val ;; runs) runs=$val ;; out) out=$val ;; work) work=$val ;;
  esac
done
[[ $what == upgrade || $what == downgrade ]] || die "--command is upgrade or downgrade, not '$what'"
[[ -n $out ]] || out=$BENCH/results/$([[ $what == upgrade ]] && echo floor.md || echo floor-downgrade.md)
[[ $n =~ ^[1-9][0-9]*$ ]] || die "--n wants a positive whole number, not '$n'"
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs wants a positive whole number, not '$runs'"
[[ $shape == linear || $shape == branchy ]] || die "--shape is linear or branchy, not '$shape'"
db_list=()
for db in sqlite postgres; do [[ ",$dbs," == *",$db,"* ]] && db_list+=("$db"); done
for db in ${dbs//,/ }; do [[ $db == sqlite || $db == postgres ]] || die "--dbs: unknown database '$db' (sqlite, postgres)"; done
[[ ${#db_list[@]} -gt 0 ]] || die "--dbs names no database (sqlite, postgres)"
has_db() { [[ " ${db_list[*]} " == *" $1 "* ]]; }
[[ $out == /* ]] || out=$PWD/$out
[[ $work == /* ]] || work=$PWD/$work

# ---- prerequisites
unset RETORT_URL DATABASE_URL     # Retort's RETORT_URL would override the project's url

[[ -x $PY ]] || apt_install python3
command -v java >/dev/null || die "java is not on PATH (Java 17+ is needed)"
jar=$ROOT/cli-adapter/target/retort-all.jar
[[ -f $jar ]] || die "$jar is missing; build it first: mvn -B -q package -DskipTests"
[[ -x $ROOT/retort ]] || die "the launcher $ROOT/retort is missing"
if has_db sqlite; then
  command -v sqlite3 >/dev/null || apt_install sqlite3
  command -v sqlite3 >/dev/null || die "sqlite3 is still missing after installing it"
fi
if has_db postgres; then
  require_postgres
fi
notes=()
has_db postgres && want_pg=true || want_pg=false
detect_alembic "Alembic" $want_pg

# ---- PostgreSQL database of this run, dropped on any exit
pgdb=bench_floor_$$
pg_drop() { dropdb "${PG[@]}" --if-exists --force "$pgdb" >/dev/null 2>&1; }
cleanup() {
  if [[ -n ${child:-} ]]; then kill -TERM "$child" 2>/dev/null || true; wait "$child" 2>/dev/null || true; fi
  if has_db postgres; then
    pg_drop || echo "floor: could not drop database $pgdb; drop it by hand" >&2
    for t in floor retort alembic; do dropdb "${PG[@]}" --if-exists --force "${pgdb}_h_$t" >/dev/null 2>&1 || true; done
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- a private copy of Retort (another build may replace the jar while this runs)
mkdir -p "$work/dist/cli-adapter/target" "$work/db" "$work/logs" "$work/scripts" "$(dirname "$out")"
dist=$work/dist
private_copy "$jar" "$dist"
retort=$dist/retort

# ---- the project, the warm-ups and the scripts
proj=$work/projects/$shape-$n
say "project: $shape, N=$n (bench/lib/gen.py)"
$PY "$LIB/gen.py" "$proj" "$shape" "$n" retort,alembic
head=$(tail -n 1 "$proj/graph.tsv" | cut -f2)
[[ $head =~ ^[0-9a-f]{12}$ ]] || die "cannot read the head revision from $proj/graph.tsv"

# Untimed: the first Retort command records the launcher's AppCDS archive (as run.sh's warm-up
# does), the first Alembic command writes the revisions' bytecode caches.
(cd "$proj/retort" && "$retort" -q heads >/dev/null) || die "retort heads failed in $proj/retort"
if $alembic_ok; then
  (cd "$proj/alembic" && $PY -m alembic -c alembic.ini heads >/dev/null 2>&1) || die "alembic heads failed in $proj/alembic"
  $PY "$LIB/floor.py" ini "$proj/alembic/sqlite.ini" "sqlite:///$work/db/alembic.db"
  $PY "$LIB/floor.py" ini "$proj/alembic/postgres.ini" "postgresql://postgres@127.0.0.1:5432/$pgdb"
fi

offline_script() {   # offline_script DB OUT RETORT-ARGS...: Retort's offline script, one transaction per revision
  local db=$1 out=$2 begins commits; shift 2
  say "offline script: retort $* --sql --dialect $db"
  (cd "$proj/retort" && "$retort" "$@" --sql --dialect "$db") >"$out.tmp" || die "retort $* --sql --dialect $db failed"
  mv "$out.tmp" "$out"
  begins=$(grep -c '^BEGIN;$' "$out" || true)
  commits=$(grep -c '^COMMIT;$' "$out" || true)
  [[ $begins == "$n" && $commits == "$n" ]] ||
    die "$out has $begins BEGIN; and $commits COMMIT; lines, expected $n of each (one transaction per revision)"
}
declare -A script up_script
script_args=()
for db in "${db_list[@]}"; do
  up_script[$db]=$work/scripts/$shape-$n-$db.sql
  offline_script "$db" "${up_script[$db]}" upgrade head
  script[$db]=${up_script[$db]}
  if [[ $what == downgrade ]]; then
    script[$db]=$work/scripts/$shape-$n-$db-downgrade.sql
    offline_script "$db" "${script[$db]}" downgrade head:base
  fi
  script_args+=(--script "$db=${script[$db]}")
done

# ---- one run
sqlite_file() { echo "$work/db/$1.db"; }
fresh() {   # fresh DB TOOL: an empty database for the tool's next run
  if [[ $1 == sqlite ]]; then
    local f; f=$(sqlite_file "$2")
    rm -f "$f" "$f-journal" "$f-wal" "$f-shm" "$f.retort-lock"
  else
    pg_drop || die "dropdb $pgdb failed"
    createdb "${PG[@]}" "$pgdb" || die "createdb $pgdb failed"
  fi
}
query() {   # query DB TOOL SQL
  if [[ $1 == sqlite ]]; then
    sqlite3 -batch "$(sqlite_file "$2")" "$3"
  else
    psql "${PG[@]}" -X -d "$pgdb" -Atq -v ON_ERROR_STOP=1 -c "$3"
  fi
}
count_sql_sqlite="SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 't\\_%' ESCAPE '\\'"
count_sql_postgres="SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name LIKE 't\\_%'"
check() {   # check DB TOOL RUN: N tables t_*, the version table at the head
  local db=$1 tool=$2 r=$3 sql vt=retort_version tables version
  [[ $tool == alembic ]] && vt=alembic_version
  sql=count_sql_$db
  tables=$(query "$db" "$tool" "${!sql}") || die "run $r of $tool on $db: cannot count its tables"
  [[ $tables == "$n" ]] ||
    die "run $r of $tool on $db left $tables tables t_*, expected $n (output: $work/logs/$db-$tool.{out,err})"
  version=$(query "$db" "$tool" "SELECT version_num FROM $vt") || die "run $r of $tool on $db: no $vt table"
  [[ $version == "$head" ]] ||
    die "run $r of $tool on $db: $vt reads '${version//$'\n'/,}', expected $head"
}
check_down() {   # check_down DB TOOL RUN: no table t_*, no version row
  local db=$1 tool=$2 r=$3 sql vt=retort_version tables version
  [[ $tool == alembic ]] && vt=alembic_version
  sql=count_sql_$db
  tables=$(query "$db" "$tool" "${!sql}") || die "run $r of $tool on $db: cannot count its tables"
  [[ $tables == 0 ]] ||
    die "run $r of $tool on $db left $tables tables t_*, expected none (output: $work/logs/$db-$tool.{out,err})"
  version=$(query "$db" "$tool" "SELECT count(*) FROM $vt") || die "run $r of $tool on $db: no $vt table"
  [[ $version == 0 ]] || die "run $r of $tool on $db: $vt still has $version row(s), expected none"
}
snapshot() {   # snapshot DB TOOL: keep the database at head for restore
  if [[ $1 == sqlite ]]; then
    cp "$(sqlite_file "$2")" "$(sqlite_file "$2").head"
  else
    dropdb "${PG[@]}" --if-exists "${pgdb}_h_$2" >/dev/null 2>&1 || true
    createdb "${PG[@]}" -T "$pgdb" "${pgdb}_h_$2" || die "createdb ${pgdb}_h_$2 failed"
  fi
}
restore() {   # restore DB TOOL: the database at head again, for the next downgrade
  if [[ $1 == sqlite ]]; then
    fresh sqlite "$2"
    cp "$(sqlite_file "$2").head" "$(sqlite_file "$2")"
  else
    pg_drop || die "dropdb $pgdb failed"
    createdb "${PG[@]}" -T "${pgdb}_h_$2" "$pgdb" || die "createdb $pgdb from ${pgdb}_h_$2 failed"
  fi
}
upgrade_untimed() {   # upgrade_untimed DB TOOL: bring a fresh database to head, the tool's own way
  local db=$1 tool=$2 log=$work/logs/$1-$2-setup
  fresh "$db" "$tool"
  case $db/$tool in
    sqlite/floor) sqlite3 -batch -bail "$(sqlite_file floor)" <"${up_script[$db]}" >"$log.out" 2>&1 ;;
    postgres/floor) psql "${PG[@]}" -X -d "$pgdb" -q -v ON_ERROR_STOP=1 -f "${up_script[$db]}" >"$log.out" 2>&1 ;;
    */retort) (cd "$proj/retort" && BENCH_RETORT_URL=$url_retort "$retort" -c "$proj/retort/retort.yaml" -q upgrade head) >"$log.out" 2>&1 ;;
    */alembic) (cd "$proj/alembic" && "$PY" -m alembic -c "$proj/alembic/$db.ini" upgrade head) >"$log.out" 2>&1 ;;
  esac || { tail -n 20 "$log.out" >&2; die "bringing $tool's $db database to head failed (log: $log.out)"; }
  check "$db" "$tool" setup
  snapshot "$db" "$tool"
}
child=
timed() {   # timed DB TOOL RUN DIR STDIN ARGV...
  local db=$1 tool=$2 r=$3 dir=$4 input=$5 code=0; shift 5
  local log=$work/logs/$db-$tool
  # In the background and waited for, so that SIGTERM/SIGINT reach the trap (and the run) at once.
  (cd "$dir" && exec "$PY" "$LIB/floor.py" run "$samples" "$db" "$tool" "$r" "$log" -- "$@") <"$input" &
  child=$!
  wait "$child" || code=$?
  child=
  if [[ $code != 0 ]]; then
    tail -n 20 "$log.err" >&2 || true
    die "run $r of $tool on $db failed (exit $code); its output is in $log.out and $log.err"
  fi
}

samples=$work/samples.tsv
: >"$samples"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for db in "${db_list[@]}"; do
  tools=(floor retort)
  if { [[ $db == sqlite ]] && $alembic_ok; } || { [[ $db == postgres ]] && $alembic_pg_ok; }; then
    tools+=(alembic)
  fi
  if [[ $db == sqlite ]]; then
    url_retort="jdbc:sqlite:$(sqlite_file retort)"
  else
    url_retort="jdbc:postgresql://127.0.0.1:5432/$pgdb?user=postgres"
  fi
  # Each database gets its own copy of launcher and jar, whose archive of database commands is
  # recorded here, untimed, on a 10-revision project (as run.sh does): the launcher records a
  # command's classes on its first run after a build, which must not be a timed one, and in a
  # shared copy PostgreSQL's runs would load its driver outside an archive SQLite's runs recorded.
  private_copy "$jar" "$work/dist-$db"
  retort=$work/dist-$db/retort
  warm=$work/projects/warm-10
  $PY "$LIB/gen.py" "$warm" linear 10 retort
  fresh "$db" retort
  for args in "upgrade head" "downgrade base"; do
    # shellcheck disable=SC2086 # two words each
    (cd "$warm/retort" && BENCH_RETORT_URL=$url_retort "$retort" -c "$warm/retort/retort.yaml" -q $args) >/dev/null 2>&1 ||
      die "warming $retort up on $db failed: retort $args on $warm/retort"
  done
  fresh "$db" retort
  [[ $db == postgres ]] && { pg_drop || die "dropdb $pgdb failed"; }
  if [[ $what == downgrade ]]; then
    for tool in "${tools[@]}"; do
      say "$db: $tool brings a database to head once (untimed), kept for every run"
      upgrade_untimed "$db" "$tool"
    done
  fi
  for ((r = 1; r <= runs; r++)); do
    for tool in "${tools[@]}"; do
      if [[ $what == downgrade ]]; then
        restore "$db" "$tool"
        work_args=(downgrade base)
      else
        fresh "$db" "$tool"
        work_args=(upgrade head)
      fi
      case $db/$tool in
        sqlite/floor) timed "$db" floor "$r" "$work" "${script[$db]}" sqlite3 -batch -bail "$(sqlite_file floor)" ;;
        postgres/floor) timed "$db" floor "$r" "$work" /dev/null \
          psql "${PG[@]}" -X -d "$pgdb" -q -v ON_ERROR_STOP=1 -f "${script[$db]}" ;;
        */retort) timed "$db" retort "$r" "$proj/retort" /dev/null env "BENCH_RETORT_URL=$url_retort" \
          "$retort" -c "$proj/retort/retort.yaml" -q "${work_args[@]}" ;;
        */alembic) timed "$db" alembic "$r" "$proj/alembic" /dev/null \
          "$PY" -m alembic -c "$proj/alembic/$db.ini" "${work_args[@]}" ;;
      esac
      if [[ $what == downgrade ]]; then check_down "$db" "$tool" "$r"; else check "$db" "$tool" "$r"; fi
      if [[ $db == postgres ]]; then pg_drop || die "dropdb $pgdb failed"; fi
      tail -n 1 "$samples" | awk -F'\t' -v R="$r/$runs" '{ printf "floor: %s run %s: %s %.3f s wall, %.3f s CPU\n", $1, R, $2, $4, $5 }' >&2
    done
  done
done

report_args=(--samples "$samples" --out "$out" --n "$n" --shape "$shape" --dbs "$(IFS=,; echo "${db_list[*]}")"
  --runs "$runs" --load-start "$load_start" --started "$started" --jar "$dist/cli-adapter/target/retort-all.jar"
  --launcher "$retort" --command "$cmdline" --work "$work" --what "$what" "${script_args[@]}")
$alembic_ok && report_args+=(--alembic)
for note in "${notes[@]+"${notes[@]}"}"; do report_args+=(--note "$note"); done
echo
$PY "$LIB/floor.py" report "${report_args[@]}"
echo
say "report: ${out#"$ROOT"/}"
