#!/usr/bin/env bash
# The start-up floor of `heads`, `history` and `current`: how fast a JVM command-line tool on
# Retort's stack (Java 17, picocli, the same JDBC drivers, the launcher's JVM options, its own
# AppCDS archive) can possibly do the least work of each command, beside a bare JVM, Retort and
# Alembic, interleaved run by run. See bench/README.md, "The start-up floor".
#
#   bench/startup-floor.sh [--n N] [--shape linear|branchy] [--dbs sqlite,postgres] [--runs R]
#                          [--alembic-runs R] [--out FILE] [--work DIR]
#
#   --n N             revisions (default 5000)
#   --shape S         linear or branchy (default linear), as bench/lib/gen.py writes them
#   --dbs LIST        databases for `current`: sqlite, postgres, both (default sqlite,postgres), or
#                     none (heads and history only)
#   --runs R          runs per row and command (default 10), interleaved JVM, floor, Retort, Alembic, ...
#   --alembic-runs R  runs of Alembic's `current` (default 3, or R if smaller; spread over the R runs;
#                     4.5-7.5 s each at 5,000)
#   --out FILE        the Markdown report (default bench/results/startup-floor.md)
#   --work DIR        copy of jar and launcher, project, floor program, databases, logs, samples
#                     (default bench/work/startup-floor)
#   --help            this text
#
# Rows, each a whole process timed from fork to exit:
#   JVM      java <launcher options> -cp floor.jar Hello                 (prints one line)
#   floor    java <launcher options> -XX:SharedArchiveFile=<its archive> -cp retort-all.jar:floor.jar
#            Floor -c retort.yaml heads|history|current  (bench/floor-java/Floor.java: picocli as Retort
#            uses it; heads/history list and stat the revision files, current connects and reads
#            retort_version)
#   Retort   retort -c retort.yaml heads|history|current                  (the launcher, a private copy)
#   Alembic  python3 -m alembic -c <ini> heads|history|current
# `current` runs on a database brought to head once, untimed, by `retort upgrade head`, with an
# alembic_version table holding the same head. Needs the built jar (cli-adapter/target/retort-all.jar,
# copied to DIR/dist first), javac and jar (JDK 17+), PostgreSQL 15 at 127.0.0.1:5432 (user postgres,
# trust) for postgres; Alembic (Debian's python3-alembic) is measured when /usr/bin/python3 has it.
set -euo pipefail

NAME=startup-floor
BENCH=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib/common.sh
. "$BENCH/lib/common.sh"     # ROOT, PY, LIB, PG, die, say, usage, apt_install, require_postgres, ...

# ---- options
n=5000 shape=linear dbs=sqlite,postgres runs=10 alembic_runs=3
out=$BENCH/results/startup-floor.md work=$BENCH/work/startup-floor
cmdline="bench/startup-floor.sh${*:+ $*}"
started=$(date +%s.%N)
while [[ $# -gt 0 ]]; do
  case $1 in
    -h | --help) usage; exit 0 ;;
    --n | --shape | --dbs | --runs | --alembic-runs | --out | --work)
      [[ $# -ge 2 ]] || die "$1 needs a value (see --help)"
      opt=${1#--} val=$2; shift 2 ;;
    --n=* | --shape=* | --dbs=* | --runs=* | --alembic-runs=* | --out=* | --work=*)
      opt=${1%%=*} opt=${opt#--} val=${1#*=}; shift ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  case $opt in
    n) n=$val ;; shape) shape=$val ;; dbs) dbs=$val ;; runs) runs=$val ;; alembic-runs) alembic_runs=$val alembic_runs_given=1 ;;
    out) out=$val ;; work) work=$val ;;
  esac
done
[[ $n =~ ^[1-9][0-9]*$ ]] || die "--n wants a positive whole number, not '$n'"
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs wants a positive whole number, not '$runs'"
[[ $alembic_runs =~ ^[1-9][0-9]*$ ]] || die "--alembic-runs wants a positive whole number, not '$alembic_runs'"
if ((alembic_runs > runs)); then     # the default follows a smaller --runs; a given value must fit
  [[ -z ${alembic_runs_given:-} ]] || die "--alembic-runs ($alembic_runs) cannot be more than --runs ($runs)"
  alembic_runs=$runs
fi
[[ $shape == linear || $shape == branchy ]] || die "--shape is linear or branchy, not '$shape'"
[[ $dbs == none ]] && dbs=
db_list=()
for db in sqlite postgres; do [[ ",$dbs," == *",$db,"* ]] && db_list+=("$db"); done
for db in ${dbs//,/ }; do [[ $db == sqlite || $db == postgres ]] || die "--dbs: unknown database '$db' (sqlite, postgres, none)"; done
has_db() { [[ " ${db_list[*]-} " == *" $1 "* ]]; }
[[ $out == /* ]] || out=$PWD/$out
[[ $work == /* ]] || work=$PWD/$work

# ---- prerequisites
unset RETORT_URL DATABASE_URL     # Retort's RETORT_URL would override the project's url

[[ -x $PY ]] || apt_install python3
command -v java >/dev/null || die "java is not on PATH (Java 17+ is needed)"
for prog in javac jar; do
  command -v $prog >/dev/null || die "$prog is not on PATH (a JDK 17+ is needed to compile bench/floor-java)"
done
jar=$ROOT/cli-adapter/target/retort-all.jar
for _ in $(seq 12); do       # a running build removes the jar for a moment: wait up to a minute
  [[ -f $jar ]] && break
  say "$jar is missing (a build running?); trying again in 5 s"; sleep 5
done
[[ -f $jar ]] || die "$jar is missing; build it first: mvn -B -q package -DskipTests"
[[ -x $ROOT/retort ]] || die "the launcher $ROOT/retort is missing"
[[ -f $BENCH/floor-java/Floor.java && -f $BENCH/floor-java/Hello.java ]] || die "bench/floor-java/{Floor,Hello}.java are missing"
if has_db postgres; then
  require_postgres
fi
notes=()
has_db postgres && want_pg=true || want_pg=false
detect_alembic "Alembic's \`current\`" $want_pg

# ---- PostgreSQL database of this run, dropped on any exit
pgdb=bench_sfloor_$$
pg_drop() { dropdb "${PG[@]}" --if-exists --force "$pgdb" >/dev/null 2>&1; }
cleanup() {
  if [[ -n ${child:-} ]]; then kill -TERM "$child" 2>/dev/null || true; wait "$child" 2>/dev/null || true; fi
  if has_db postgres; then pg_drop || echo "startup-floor: could not drop database $pgdb; drop it by hand" >&2; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- a private copy of Retort (another build may replace the jar while this runs)
mkdir -p "$work/dist/cli-adapter/target" "$work/db" "$work/logs" "$work/floor-java" "$(dirname "$out")"
dist=$work/dist
djar=$dist/cli-adapter/target/retort-all.jar
private_copy "$jar" "$dist"
retort=$dist/retort
# One more copy per database for `current`: the launcher's archive of database commands holds the
# classes of each command's first run after a build, so in a shared copy PostgreSQL's runs would
# load its driver outside the archive after SQLite's recorded it. A user with one database gets
# what each copy gets here.
declare -A retort_of=()
for db in "${db_list[@]}"; do
  private_copy "$djar" "$work/dist-$db"
  retort_of[$db]=$work/dist-$db/retort
done

# ---- the launcher's JVM options, for the JVM and floor rows
# The launcher sets OPTS=${RETORT_JAVA_OPTS:-"<defaults>"} and adds QUIET="<-Xlog options>"; read both
# from it, so that the rows follow the launcher when it changes (the values below are the fallback).
launcher_default=$(sed -n 's/^OPTS=\${RETORT_JAVA_OPTS:-"\(.*\)"}$/\1/p' "$retort")
if [[ -z $launcher_default ]]; then
  launcher_default="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"
  say "could not read the launcher's default JVM options; using '$launcher_default'"
  notes+=("The launcher's default JVM options could not be read from it; the JVM and floor rows used \`$launcher_default\`.")
fi
launcher_quiet=$(sed -n 's/^QUIET="\(.*\)"$/\1/p' "$retort")
[[ -n $launcher_quiet ]] || launcher_quiet="-Xlog:cds=off -Xlog:cds+dynamic=off"
java_opts=${RETORT_JAVA_OPTS:-$launcher_default}     # what the launcher runs Retort with
read -r -a jopts <<<"$java_opts"
read -r -a jquiet <<<"$launcher_quiet"

# ---- the project
proj=$work/projects/$shape-$n
say "project: $shape, N=$n (bench/lib/gen.py)"
$PY "$LIB/gen.py" "$proj" "$shape" "$n" retort,alembic
head=$(tail -n 1 "$proj/graph.tsv" | cut -f2)
[[ $head =~ ^[0-9a-f]{12}$ ]] || die "cannot read the head revision from $proj/graph.tsv"
versions=$proj/retort/migrations/versions
yamls=$(find "$versions" -maxdepth 1 -name '*.yaml' -type f | wc -l)
[[ $yamls == "$n" ]] || die "$versions holds $yamls *.yaml files, expected $n (bench/lib/gen.py changed?)"
config=$proj/retort/retort.yaml

# ---- the floor program: compiled against the copied jar, packed as a jar (CDS takes no folders)
fj=$work/floor-java
say "compiling bench/floor-java (javac --release 17)"
rm -rf "$fj/classes" "$fj"/floor*.jsa "$fj"/*.classlist
mkdir -p "$fj/classes"
javac --release 17 -nowarn -cp "$djar" -d "$fj/classes" "$BENCH/floor-java/Floor.java" "$BENCH/floor-java/Hello.java" ||
  die "javac failed on bench/floor-java"
rm -f "$fj/floor.jar"
jar cf "$fj/floor.jar" -C "$fj/classes" . || die "jar failed to pack $fj/floor.jar"
fcp=$djar:$fj/floor.jar
floor_version=$(java -cp "$fcp" Floor --version) || die "the floor program does not run (java -cp $fcp Floor --version)"

# ---- databases at head for `current`
sqlite_db=$work/db/head.db
url_sqlite="jdbc:sqlite:$sqlite_db"
url_postgres="jdbc:postgresql://127.0.0.1:5432/$pgdb?user=postgres"
declare -A jdbc_url=([sqlite]=$url_sqlite [postgres]=$url_postgres)
if has_db sqlite; then
  say "SQLite: retort -q upgrade head into $sqlite_db (untimed)"
  rm -f "$sqlite_db" "$sqlite_db-journal" "$sqlite_db-wal" "$sqlite_db-shm" "$sqlite_db.retort-lock"
  (cd "$proj/retort" && BENCH_RETORT_URL=$url_sqlite "${retort_of[sqlite]}" -c "$config" -q upgrade head >"$work/logs/setup-sqlite.out" 2>&1) ||
    { tail -n 20 "$work/logs/setup-sqlite.out" >&2; die "retort upgrade head on SQLite failed (log: $work/logs/setup-sqlite.out)"; }
  $PY "$LIB/startup_floor.py" stamp-sqlite "$sqlite_db" "$head" "$n" || die "could not give $sqlite_db an alembic_version table at $head"
fi
if has_db postgres; then
  say "PostgreSQL: retort -q upgrade head into database $pgdb (untimed)"
  pg_drop || die "dropdb $pgdb failed"
  createdb "${PG[@]}" "$pgdb" || die "createdb $pgdb failed"
  (cd "$proj/retort" && BENCH_RETORT_URL=$url_postgres "${retort_of[postgres]}" -c "$config" -q upgrade head >"$work/logs/setup-postgres.out" 2>&1) ||
    { tail -n 20 "$work/logs/setup-postgres.out" >&2; die "retort upgrade head on PostgreSQL failed (log: $work/logs/setup-postgres.out)"; }
  tables=$(psql "${PG[@]}" -X -d "$pgdb" -Atq -v ON_ERROR_STOP=1 -c \
    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 't\\_%'") ||
    die "cannot count the tables of $pgdb"
  [[ $tables == "$n" ]] || die "retort upgrade head left $tables tables t_* in $pgdb, expected $n"
  psql "${PG[@]}" -X -d "$pgdb" -q -v ON_ERROR_STOP=1 -c \
    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)); INSERT INTO alembic_version VALUES ('$head')" >/dev/null ||
    die "could not give $pgdb an alembic_version table at $head"
fi
if $alembic_ok; then
  $PY "$LIB/floor.py" ini "$proj/alembic/sqlite.ini" "sqlite:///$sqlite_db"
  $PY "$LIB/floor.py" ini "$proj/alembic/postgres.ini" "postgresql://postgres@127.0.0.1:5432/$pgdb"
fi

# SQLite's native library: the launcher has Retort copy it once into dist/cli-adapter/target/native
# (dialect-sqlite's SqliteNativeLibrary: native/sqlite-jdbc-<version>-<os>-<arch>/<name>) and point
# the driver at it. The floor program is pointed at the same file with the driver's own properties.
sqlite_props=()
native_lib=
if has_db sqlite; then
  jdbc_version=$($PY -c 'import sys, zipfile, re; p = zipfile.ZipFile(sys.argv[1]).read("sqlite-jdbc.properties").decode(); print(re.search(r"^version=(.*)$", p, re.M).group(1).strip())' "$djar" 2>/dev/null) || jdbc_version=
  for f in "$work/dist-sqlite/cli-adapter/target/native/sqlite-jdbc-$jdbc_version-"*/*; do
    [[ -n $jdbc_version && -f $f && $f != *.tmp ]] && { native_lib=$f; break; }
  done
  if [[ -n $native_lib ]]; then
    sqlite_props=("-Dorg.sqlite.lib.path=$(dirname "$native_lib")" "-Dorg.sqlite.lib.name=$(basename "$native_lib")")
  else
    say "Retort's extracted SQLite library is not under $work/dist-sqlite/cli-adapter/target/native; the floor uses the driver's own extraction"
    notes+=("Retort's extracted SQLite native library was not found under \`dist-sqlite/cli-adapter/target/native\`; the floor program let sqlite-jdbc extract its library to the temp folder on every run (about 60 ms more than Retort's launcher pays).")
  fi
fi

# ---- argv of every row
floor_jsa() { [[ $1 == heads || $1 == history ]] && echo "$fj/floor-files.jsa" || echo "$fj/floor-db.jsa"; }
argv_of() {   # argv_of CMD DB ROW: sets argv and dir
  local cmd=$1 db=$2 row=$3
  case $row in
    jvm) dir=$work argv=(java "${jopts[@]}" -cp "$fj/floor.jar" Hello) ;;
    floor)   # the launcher's options first, so that argv[1..#jopts] are exactly them
      dir=$proj/retort
      argv=(java "${jopts[@]}")
      if [[ $db == sqlite ]]; then argv+=("${sqlite_props[@]+"${sqlite_props[@]}"}"); fi
      argv+=("-XX:SharedArchiveFile=$(floor_jsa "$cmd")" "${jquiet[@]}" -cp "$fcp" Floor -c "$config" "$cmd")
      if [[ -n $db ]]; then argv+=(--url "${jdbc_url[$db]}"); fi
      ;;
    retort)
      dir=$proj/retort argv=()
      if [[ -n $db ]]; then
        argv=(env "BENCH_RETORT_URL=${jdbc_url[$db]}" "${retort_of[$db]}" -c "$config" "$cmd")
      else
        argv=("$retort" -c "$config" "$cmd")
      fi ;;
    alembic)
      dir=$proj/alembic
      argv=("$PY" -m alembic -c "$proj/alembic/${db:-alembic}.ini" "$cmd") ;;
  esac
}

expect_ok() {   # expect_ok CMD ROW FILE: the output of one run shows the work was done
  local cmd=$1 row=$2 file=$3 lines
  case $row/$cmd in
    jvm/*) grep -qx hello "$file" ;;
    floor/heads | floor/history) [[ $(cat "$file") == "$n" ]] ;;
    floor/current) [[ $(cat "$file") == "$head" ]] ;;
    */history)
      grep -q "$head" "$file" || return 1
      lines=$(grep -c . "$file" || true)
      ((lines >= n)) ;;
    *) grep -q "$head" "$file" ;;
  esac
}

# ---- the floor program's AppCDS archives, recorded as the launcher records Retort's: one untimed
# run per command with -XX:DumpLoadedClassList, the lists merged, then a static -Xshare:dump. Two
# archives, as the launcher has: files (heads, history) and db (current on every database here).
record_floor() {   # record_floor JSA CMD:DB...
  local jsa=$1 list merged=$1.classlist item cmd db; shift
  : >"$merged.all"
  for item in "$@"; do
    cmd=${item%%:*} db=${item#*:}
    argv_of "$cmd" "$db" floor
    list=$jsa.$cmd-${db:-files}.classlist
    # the same command line without -XX:SharedArchiveFile (there is no archive yet)
    local rec=() a
    for a in "${argv[@]}"; do [[ $a == -XX:SharedArchiveFile=* ]] || rec+=("$a"); done
    (cd "$dir" && "${rec[0]}" "-XX:DumpLoadedClassList=$list" "${rec[@]:1}" >"$work/logs/record-floor-$cmd-${db:-files}.out" 2>&1) ||
      die "the floor program failed recording its class list for $cmd ${db:-} (log: $work/logs/record-floor-$cmd-${db:-files}.out)"
    [[ -s $list ]] || die "the floor program wrote no class list for $cmd ${db:-}"
    cat "$list" >>"$merged.all"
  done
  awk '!seen[$0]++' "$merged.all" >"$merged" && rm -f "$merged.all"
  java -XX:+UseSerialGC -Xshare:dump -XX:SharedClassListFile="$merged" -XX:SharedArchiveFile="$jsa" -cp "$fcp" \
    >"$work/logs/dump-$(basename "$jsa").out" 2>&1 </dev/null && [[ -s $jsa ]] ||
    die "java -Xshare:dump failed for $jsa (log: $work/logs/dump-$(basename "$jsa").out)"
}
say "recording the floor program's AppCDS archives"
record_floor "$fj/floor-files.jsa" heads: history:
db_items=()
for db in "${db_list[@]+"${db_list[@]}"}"; do db_items+=("current:$db"); done
[[ ${#db_items[@]} -gt 0 ]] && record_floor "$fj/floor-db.jsa" "${db_items[@]}"

# ---- the measured commands and their rows
cmds=(heads history)
for db in "${db_list[@]+"${db_list[@]}"}"; do cmds+=("current-$db"); done
rows_of() {   # rows_of CMD DB
  local r=(jvm floor retort)
  if [[ -z $2 ]]; then $alembic_ok && r+=(alembic)
  elif [[ $2 == sqlite ]]; then $alembic_ok && r+=(alembic)
  else $alembic_pg_ok && r+=(alembic)
  fi
  echo "${r[@]}"
}

# ---- untimed: one run of every row, checked (warms the file cache, lets the launcher record the
# archives of heads/history/current, writes Alembic's bytecode caches); the floor once more with
# -Xshare:on, which fails when its archive cannot be mapped (the timed runs' -Xshare:auto would
# silently run without it)
for key in "${cmds[@]}"; do
  cmd=${key%%-*} db=
  [[ $key == *-* ]] && db=${key#*-}
  for row in $(rows_of "$cmd" "$db"); do
    say "untimed check: $row $cmd${db:+ on $db}"
    argv_of "$cmd" "$db" "$row"
    log=$work/logs/check-$key-$row
    (cd "$dir" && "${argv[@]}" >"$log.out" 2>"$log.err" </dev/null) ||
      { tail -n 20 "$log.err" >&2; die "$row $cmd${db:+ on $db} failed before timing (log: $log.out, $log.err)"; }
    expect_ok "$cmd" "$row" "$log.out" ||
      die "$row $cmd${db:+ on $db} did not print what was expected (hello; the floor's heads/history: $n; otherwise the head $head): see $log.out"
    if [[ $row == floor ]]; then
      (cd "$dir" && java "${jopts[@]}" -Xshare:on "${argv[@]:$((1 + ${#jopts[@]}))}" >/dev/null 2>"$log.share.err" </dev/null) ||
        { tail -n 5 "$log.share.err" >&2; die "the floor program's archive $(floor_jsa "$cmd") does not map (-Xshare:on failed; see $log.share.err)"; }
    fi
  done
done

# ---- the timed runs, interleaved per command: JVM, floor, Retort, Alembic, JVM, floor, ...
child=
timed() {   # timed KEY ROW RUN: one run of argv in dir
  local key=$1 row=$2 r=$3 code=0
  local log=$work/logs/$key-$row
  # In the background and waited for, so that SIGTERM/SIGINT reach the trap (and the run) at once.
  (cd "$dir" && exec "$PY" "$LIB/floor.py" run "$samples" "$key" "$row" "$r" "$log" -- "${argv[@]}") </dev/null &
  child=$!
  wait "$child" || code=$?
  child=
  if [[ $code != 0 ]]; then
    tail -n 20 "$log.err" >&2 || true
    die "run $r of $row on $key failed (exit $code); its output is in $log.out and $log.err"
  fi
  expect_ok "${key%%-*}" "$row" "$log.out" || die "run $r of $row on $key printed something unexpected: see $log.out"
}
alembic_turn() {   # alembic_turn R: whether Alembic's current runs in run R (alembic_runs of runs, spread)
  (($1 * alembic_runs / runs > ($1 - 1) * alembic_runs / runs))
}

samples=$work/samples.tsv
: >"$samples"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for key in "${cmds[@]}"; do
  cmd=${key%%-*} db=
  [[ $key == *-* ]] && db=${key#*-}
  read -r -a rows <<<"$(rows_of "$cmd" "$db")"
  for ((r = 1; r <= runs; r++)); do
    for row in "${rows[@]}"; do
      if [[ $row == alembic && $cmd == current ]] && ! alembic_turn "$r"; then continue; fi
      argv_of "$cmd" "$db" "$row"
      timed "$key" "$row" "$r"
      tail -n 1 "$samples" | awk -F'\t' -v R="$r/$runs" '{ printf "startup-floor: %s run %s: %s %.3f s wall, %.3f s CPU\n", $1, R, $2, $4, $5 }' >&2
    done
  done
done

# ---- the report
argv_of heads "" floor; floor_files_argv="${argv[*]}"
report_args=(--samples "$samples" --out "$out" --n "$n" --shape "$shape" --dbs "$(IFS=,; echo "${db_list[*]-}")"
  --runs "$runs" --alembic-runs "$alembic_runs" --load-start "$load_start" --started "$started"
  --jar "$djar" --launcher "$retort" --command "$cmdline" --work "$work" --java-opts "$java_opts"
  --floor-version "$floor_version" --floor-argv "$floor_files_argv" --head "$head"
  --retort-archives "files=$dist/cli-adapter/target")
for db in "${db_list[@]}"; do report_args+=(--retort-archives "$db=$work/dist-$db/cli-adapter/target"); done
[[ -n $native_lib ]] && report_args+=(--native-lib "$native_lib")
$alembic_ok && report_args+=(--alembic)
for note in "${notes[@]+"${notes[@]}"}"; do report_args+=(--note "$note"); done
echo
$PY "$LIB/startup_floor.py" report "${report_args[@]}"
echo
say "report: ${out#"$ROOT"/}"
