#!/usr/bin/env bash
# `retort check` against a database of many tables (issue 3's benchmark). See bench/README.md.
#
#   bench/check-tables.sh                       1,000 tables, SQLite and PostgreSQL, 5 timed runs each
#   bench/check-tables.sh --tables 200 --runs 3 --dbs sqlite
#
# Each table has 10 columns (integer, bigint, varchar, text, decimal, boolean, date, timestamp,
# a nullable integer with a default, a foreign key column), 2 indexes (one unique, one on two
# columns) and 1 foreign key to the table before it. The database is built once with Retort itself
# (`revision --autogenerate` + `upgrade head`, so the tables are what a user would have), then
# `retort -v check` runs as a whole process several times; `-v` prints how long reading the
# catalog took (inspection) and how long the comparison took. Prints and writes
# bench/results/check-tables.md.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
tables=1000
runs=5
dbs=sqlite,postgres
pg_admin_url='jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres'
out=$BENCH/results/check-tables.md
while (($#)); do
  case $1 in
    --tables) tables=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --dbs) dbs=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "check-tables: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -f $ROOT/cli-adapter/target/retort-all.jar ]] ||
  { echo "check-tables: cli-adapter/target/retort-all.jar is missing; build it: (cd $ROOT && mvn -B -q package -DskipTests)" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { [[ $(id -u) == 0 ]] && apt-get install -y -q time >/dev/null; }

work=$BENCH/work/check-tables
rm -rf "$work" && mkdir -p "$work"
python3 - "$work/schema.yaml" "$tables" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, "w") as f:
    f.write("tables:\n")
    for i in range(1, n + 1):
        f.write(f"""  - name: t_{i}
    columns:
      - {{name: id, type: bigint, primary_key: true, autoincrement: true}}
      - {{name: code, type: "varchar(40)", nullable: false}}
      - {{name: title, type: "varchar(200)"}}
      - {{name: body, type: text}}
      - {{name: amount, type: "decimal(12,2)", nullable: false, default: "0"}}
      - {{name: active, type: boolean, nullable: false, default: "true"}}
      - {{name: born, type: date}}
      - {{name: changed_at, type: timestamp}}
      - {{name: rank, type: integer, default: "1"}}
      - {{name: parent_id, type: bigint}}
""")
        f.write(f"""    indexes:
      - {{name: ux_t_{i}_code, columns: [code], unique: true}}
      - {{name: ix_t_{i}_rank_born, columns: [rank, born]}}
""")
        if i > 1:
            f.write(f"""    foreign_keys:
      - {{name: fk_t_{i}_parent, columns: [parent_id], references: "t_{i-1}(id)", on_delete: set_null}}
""")
PY

retort() { "$ROOT/retort" "$@"; }
report=()
for db in ${dbs//,/ }; do
  project=$work/$db
  mkdir -p "$project/migrations/versions"
  cp "$work/schema.yaml" "$project/schema.yaml"
  case $db in
    sqlite) url="jdbc:sqlite:$project/check.db" ;;
    postgres)
      psql -h 127.0.0.1 -U postgres -d postgres -qAtc 'DROP DATABASE IF EXISTS retort_bench_check' -c 'CREATE DATABASE retort_bench_check' >/dev/null
      url='jdbc:postgresql://127.0.0.1:5432/retort_bench_check?user=postgres' ;;
    *) echo "check-tables: unknown database $db (sqlite or postgres)" >&2; exit 2 ;;
  esac
  printf 'script_location: migrations\nurl: %s\ntarget_metadata: schema.yaml\n' "$url" > "$project/retort.yaml"
  echo "check-tables: $db: creating $tables tables with retort revision --autogenerate + upgrade head" >&2
  (cd "$project" && retort -q revision --autogenerate -m "$tables tables" >/dev/null && retort -q upgrade head >/dev/null)
  (cd "$project" && retort -v check >/dev/null 2>&1) || { echo "check-tables: $db: check found drift after upgrade" >&2; (cd "$project" && retort check | head); exit 1; }
  walls=() inspections=() diffs=() rss=()
  for ((r = 1; r <= runs; r++)); do
    (cd "$project" && /usr/bin/time -f '%e %M' -o "$work/time" "$ROOT/retort" -v check >/dev/null 2>"$work/err") || { cat "$work/err" >&2; exit 1; }
    read -r wall kb < "$work/time"
    line=$(grep '^Inspected' "$work/err")
    walls+=("$wall"); rss+=("$kb")
    inspections+=("$(sed -E 's/.* in ([0-9.]+) s;.*/\1/' <<<"$line")")
    diffs+=("$(sed -E 's/.*model in ([0-9.]+) s.*/\1/' <<<"$line")")
    echo "check-tables: $db run $r: $line; whole process $wall s, max RSS $((kb / 1024)) MB" >&2
  done
  report+=("$(python3 - "$db" "${walls[*]}" "${inspections[*]}" "${diffs[*]}" "${rss[*]}" <<'PY'
import statistics, sys
db, walls, ins, diffs, rss = sys.argv[1], *[list(map(float, a.split())) for a in sys.argv[2:]]
f = lambda xs: f"{statistics.median(xs):.3f} ({min(xs):.3f})"
print(f"| {db} | {f(ins)} | {f(diffs)} | {f(walls)} | {max(rss) / 1024:.0f} | {len(walls)} |")
PY
)")
done

{
  echo "# \`retort check\` against $tables tables"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); $("$ROOT/retort" --version); jar sha256 $(sha256sum "$ROOT/cli-adapter/target/retort-all.jar" | cut -c1-12)."
  echo "Each table: 10 columns, 2 indexes (one unique), 1 foreign key to the table before it; created by Retort (autogenerate + upgrade)."
  echo "Seconds as **median (min)** over the runs; inspection and comparison as printed by \`retort -v check\`, whole process by \`/usr/bin/time\`."
  echo
  echo "| database | inspection s | comparison s | whole \`check\` process s | max RSS MB | runs |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${report[@]}"
} | tee "$out"
