#!/usr/bin/env bash
# Retort vs Alembic vs Flyway, side by side on this machine. See bench/README.md.
#
#   bench/run.sh              full run: N=1,000 and 5,000 for every tool, 10,000 and 100,000 for Retort
#   bench/run.sh --quick      smoke run: N=100, 1-2 runs per cell (a minute or two)
#   bench/run.sh --help       every option (N, tools, databases, shapes, commands, runs, budget)
#
# Checks (and on Debian, as root, installs) the prerequisites, builds the Flyway runner when it is
# missing, then hands over to bench/lib/bench.py, which writes bench/results/latest.md.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
PY=/usr/bin/python3          # Debian's Python: python3-alembic and python3-psycopg2 live there

die() { echo "bench: $*" >&2; exit 1; }

# Which tools and databases are asked for (flags win over the environment), for the checks below.
tools=${BENCH_TOOLS:-retort,alembic,flyway}
dbs=${BENCH_DBS:-sqlite,postgres}
help=false
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case ${args[i]} in
    --tools) tools=${args[i + 1]:-} ;;
    --tools=*) tools=${args[i]#--tools=} ;;
    --dbs) dbs=${args[i + 1]:-} ;;
    --dbs=*) dbs=${args[i]#--dbs=} ;;
    -h | --help) help=true ;;
  esac
done
has() { [[ ",$1," == *",$2,"* ]]; }

apt_install() {    # apt_install PACKAGE...: only where apt-get exists and we are root
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "bench: installing $* from Debian's packages" >&2
    apt-get install -y -q "$@" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "$@" >/dev/null; }
  else
    die "missing $*; install it (Debian: apt-get install $*)"
  fi
}

[[ -x $PY ]] || apt_install python3
if ! $help; then
  command -v java >/dev/null || die "java is not on PATH (Java 17+ is needed)"
  if has "$tools" alembic; then
    $PY -c 'import alembic' 2>/dev/null || apt_install python3-alembic
    if has "$dbs" postgres; then
      $PY -c 'import psycopg2' 2>/dev/null || apt_install python3-psycopg2
    fi
  fi
  if has "$dbs" postgres; then
    command -v psql >/dev/null || apt_install postgresql-client
    psql -h 127.0.0.1 -U postgres -d postgres -Atc 'select 1' >/dev/null 2>&1 ||
      die "PostgreSQL is not answering at 127.0.0.1:5432 as user postgres (trust auth); start it or pass --dbs sqlite"
  fi
  if has "$tools" retort; then
    [[ -f $ROOT/cli-adapter/target/retort-all.jar ]] ||
      die "cli-adapter/target/retort-all.jar is missing; build it: (cd $ROOT && mvn -B -q package -DskipTests)"
  fi
  if has "$tools" flyway; then
    jar=$BENCH/flyway-runner/target/flyway-runner.jar
    newest_src=$(find "$BENCH/flyway-runner/pom.xml" "$BENCH/flyway-runner/src" -newer "$jar" -print -quit 2>/dev/null || true)
    if [[ ! -f $jar || -n $newest_src ]]; then
      command -v mvn >/dev/null || die "mvn is needed to build bench/flyway-runner"
      echo "bench: building bench/flyway-runner (Flyway Community through its Java API)" >&2
      mvn -B -q -f "$BENCH/flyway-runner/pom.xml" package -DskipTests >&2 ||
        mvn -B -q -o -f "$BENCH/flyway-runner/pom.xml" package -DskipTests >&2 ||
        die "building bench/flyway-runner failed"
    fi
  fi
fi

exec "$PY" "$BENCH/lib/bench.py" "$@"
