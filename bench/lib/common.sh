# Shared by bench/floor.sh and bench/startup-floor.sh (sourced, not run). The sourcing script sets
# NAME (its name in messages) and BENCH (the bench folder) first.
ROOT=$(dirname "$BENCH")
PY=/usr/bin/python3           # Debian's Python: python3-alembic and python3-psycopg2 live there
LIB=$BENCH/lib
PG=(-h 127.0.0.1 -p 5432 -U postgres)

die() { echo "$NAME: $*" >&2; exit 1; }
say() { echo "$NAME: $*" >&2; }
usage() { sed -n '2,/^set -euo/{/^set -euo/d; s/^# \{0,1\}//; p;}' "$0"; }

apt_install() {    # apt_install PACKAGE...: only where apt-get exists and we are root (as run.sh)
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "$NAME: installing $* from Debian's packages" >&2
    apt-get install -y -q "$@" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "$@" >/dev/null; }
  else
    die "missing $*; install it (Debian: apt-get install $*)"
  fi
}

require_postgres() {   # the client programs, and the server answering as user postgres
  local prog
  for prog in psql createdb dropdb; do
    command -v $prog >/dev/null || apt_install postgresql-client
  done
  psql "${PG[@]}" -X -d postgres -Atqc 'select 1' >/dev/null 2>&1 ||
    die "PostgreSQL is not answering at 127.0.0.1:5432 as user postgres (trust auth); start it" \
      "(pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start) or pass --dbs sqlite"
}

detect_alembic() {   # detect_alembic WHAT WANT_PG: sets alembic_ok and alembic_pg_ok, adds to notes
  local what=$1 want_pg=$2
  alembic_ok=false alembic_pg_ok=false
  if $PY -c 'import alembic' 2>/dev/null; then
    alembic_ok=true
    if $want_pg; then
      if $PY -c 'import psycopg2' 2>/dev/null; then
        alembic_pg_ok=true
      else
        notes+=("$what on PostgreSQL was not measured: /usr/bin/python3 has no psycopg2 (Debian: python3-psycopg2); $NAME.sh installs nothing for Alembic.")
      fi
    fi
  else
    say "Alembic is not importable by $PY; its rows are skipped (Debian: apt-get install python3-alembic)"
    notes+=("Alembic was not measured: \`/usr/bin/python3 -c 'import alembic'\` fails (Debian: python3-alembic); $NAME.sh installs nothing for Alembic.")
  fi
}

private_copy() {   # private_copy JAR DIST: launcher and jar into DIST (another build may replace the jar meanwhile)
  local src=$1 dist=$2 ok=false
  local copy=$dist/cli-adapter/target/retort-all.jar
  mkdir -p "$dist/cli-adapter/target"
  cp "$ROOT/retort" "$dist/retort"
  cmp -s "$src" "$copy" && return 0   # the same jar: keep its AppCDS archives
  for _ in $(seq 20); do       # another build may be rewriting the jar: take a whole copy
    rm -f "$dist"/cli-adapter/target/retort*.jsa*
    # -p: reports give the build's time, not the copy's
    cp -p "$src" "$copy" 2>/dev/null || { say "the jar is being rewritten; trying again in 5 s"; sleep 5; continue; }
    if $PY -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); sys.exit(z.testzip() is not None)' "$copy" 2>/dev/null; then
      ok=true; break
    fi
    say "the jar is being rewritten; trying again in 5 s"; sleep 5
  done
  $ok || die "could not take a whole copy of $src; build it first: mvn -B -q package -DskipTests"
  env -u RETORT_JAVA_OPTS "$dist/retort" --version >/dev/null ||
    die "the copied jar does not run ($dist/retort --version); build it first: mvn -B -q package -DskipTests"
}
