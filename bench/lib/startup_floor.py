#!/usr/bin/env python3
"""Helpers of bench/startup-floor.sh (standard library only; run with /usr/bin/python3).

Timing is `floor.py run` (bench/lib/bench.py's run_once), with DB = the command key (heads,
history, current-sqlite, current-postgres) and TOOL = the row (jvm, floor, retort, alembic).

  startup_floor.py stamp-sqlite FILE HEAD N
      checks that the SQLite FILE that `retort upgrade head` left has N tables t_* and
      retort_version at HEAD, then gives it Alembic's version table at HEAD (the table Alembic
      creates: version_num VARCHAR(32) NOT NULL, primary key alembic_version_pkc).
  startup_floor.py report --samples FILE --out FILE ...
      writes the Markdown report and prints its tables and bounds to stdout (see startup-floor.sh).
"""
import argparse
import datetime
import os
import platform
import re
import sqlite3
import statistics
import subprocess
import sys
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import floor  # noqa: E402 - bench/lib/floor.py: formatting and environment helpers

ROOT = floor.ROOT
PY = floor.PY
PG = floor.PG
ROWS = ["jvm", "floor", "retort", "alembic"]
TARGETS = {"heads": 10, "history": 10, "current": 100}     # the targets at N = 5,000


# ---- stamp-sqlite ---------------------------------------------------------------------------

def cmd_stamp_sqlite(argv):
    if len(argv) != 3:
        raise SystemExit("usage: startup_floor.py stamp-sqlite FILE HEAD N")
    path, head, n = argv[0], argv[1], int(argv[2])
    if not os.path.exists(path):
        raise SystemExit(f"startup-floor: {path} does not exist")
    con = sqlite3.connect(path)
    try:
        tables = con.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                             "AND name LIKE 't\\_%' ESCAPE '\\'").fetchone()[0]
        if tables != n:
            raise SystemExit(f"startup-floor: {path} has {tables} tables t_*, expected {n}")
        rows = [r[0] for r in con.execute("SELECT version_num FROM retort_version")]
        if rows != [head]:
            raise SystemExit(f"startup-floor: retort_version in {path} reads {rows}, expected [{head!r}]")
        con.execute("DROP TABLE IF EXISTS alembic_version")
        con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                    "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))")
        con.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (head,))
        con.commit()
    finally:
        con.close()


# ---- report ---------------------------------------------------------------------------------

def picocli_classes_in(classlist):
    try:
        with open(classlist) as f:
            names = f.read().split("\n")
    except OSError:
        return None
    return {"picocli": sum(c.startswith("picocli/") for c in names),
            "postgresql": sum(c.startswith("org/postgresql/") for c in names),
            "sqlite": sum(c.startswith("org/sqlite/") for c in names),
            "pg-connection": "org/postgresql/jdbc/PgConnection" in names}


def environment(o):
    load_end = " ".join(f"{x:.2f}" for x in os.getloadavg())
    sha, sqlite_jdbc = floor.jar_info(o.jar)
    git = floor.first_line(["git", "-C", ROOT, "log", "-1", "--format=%h %cs %s"])
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--", ".", ":!bench"],
                           capture_output=True, text=True).stdout.strip()
    built = datetime.datetime.fromtimestamp(os.path.getmtime(o.jar)).strftime("%Y-%m-%d %H:%M")
    source = "RETORT_JAVA_OPTS" if os.environ.get("RETORT_JAVA_OPTS") else "the launcher's default"
    lines = [
        f"- Machine: {platform.node()}, nproc {len(os.sched_getaffinity(0))} ({floor.cpu_model()}), "
        f"{platform.system()} {platform.release()}; load average (1/5/15 min) at the start "
        f"{o.load_start}, at the end {load_end}",
        f"- Java: {floor.first_line(['java', '-version'])}; JVM options of every Java row: `{o.java_opts}` "
        f"({source})",
        f"- Retort: `{floor.first_line([o.launcher, '--version'])}`, jar sha256 {sha} (built {built}), tree at "
        f"{git}{' + uncommitted changes' if dirty else ''}; sqlite-jdbc {sqlite_jdbc}",
        f"- Floor program: `{o.floor_version}`, compiled from `bench/floor-java/Floor.java` with "
        f"`javac --release 17` against the same jar",
    ]
    if o.alembic:
        lines.append("- Alembic: " + floor.first_line([PY, "-c", (
            "import alembic, sqlalchemy, sqlite3, sys; print('Alembic', alembic.__version__, "
            "'SQLAlchemy', sqlalchemy.__version__, 'Python', sys.version.split()[0], "
            "'with SQLite', sqlite3.sqlite_version)")]) + " (Debian packages)")
    else:
        lines.append("- Alembic: not measured (`/usr/bin/python3 -c 'import alembic'` fails)")
    if "postgres" in o.dbs:
        server = floor.first_line(["psql", *PG, "-X", "-d", "postgres", "-At", "-c", "SHOW server_version"])
        lines.append(f"- PostgreSQL: server {server} at 127.0.0.1:5432 (TCP for every tool)")
    return lines


def label(row, cmd, n):
    if row == "jvm":
        return "JVM: `java … Hello`"
    if row == "floor":
        work = f"list + stat {n:,} files" if cmd in ("heads", "history") else "connect + `SELECT version_num`"
        return f"floor program (picocli; {work})"
    if row == "retort":
        return f"Retort `retort {cmd}`"
    return f"Alembic `alembic {cmd}`"


def cmd_report(argv):
    ap = argparse.ArgumentParser(prog="startup_floor.py report")
    for name in ("samples", "out", "shape", "load-start", "jar", "launcher", "command", "work",
                 "java-opts", "floor-version", "floor-argv", "head"):
        ap.add_argument("--" + name, required=True)
    ap.add_argument("--retort-archives", action="append", required=True, metavar="LABEL=DIR",
                    help="files=DIR for the copy of heads/history, DB=DIR for each database's copy")
    ap.add_argument("--dbs", required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--runs", type=int, required=True)
    ap.add_argument("--alembic-runs", type=int, required=True)
    ap.add_argument("--started", type=float, required=True)
    ap.add_argument("--native-lib")
    ap.add_argument("--alembic", action="store_true", help="Alembic was importable")
    ap.add_argument("--note", action="append", default=[])
    o = ap.parse_args(argv)
    o.dbs = [d for d in o.dbs.split(",") if d]
    samples = floor.load_samples(o.samples)
    started = datetime.datetime.fromtimestamp(o.started)
    took = time.time() - o.started
    took = f"{took:.0f} s" if took < 120 else f"{took / 60:.1f} min"
    work = floor.rel(o.work)
    floor_argv = o.floor_argv.replace(o.work + os.sep, "WORK/")

    md = ["# The start-up floor of `heads`, `history` and `current`", ""]
    md.append(f"Written by `{o.command}` on {started.strftime('%Y-%m-%d %H:%M')}, in {took}. "
              "See bench/README.md, \"The start-up floor: how far heads, history and current can go\".")
    md.append("")
    md += environment(o)
    md.append(f"- Project: N = {o.n:,} revisions, {o.shape} (bench/lib/gen.py), head `{o.head}`")
    md.append("")
    md.append(
        "**Rows**, each a new process timed from fork to exit, interleaved run by run (JVM, floor, Retort, "
        f"Alembic, JVM, …), {o.runs} runs each (Alembic's `current`: {o.alembic_runs}, spread over them), "
        "after one untimed, checked run of every row; every timed run's output is checked too.")
    md.append("")
    md.append("- *JVM*: `java <options> -cp floor.jar Hello`, a class that prints one line: the JVM alone, "
              "with the JDK's default CDS archive.")
    md.append("- *floor program*: `bench/floor-java/Floor.java`, a picocli command built as Retort's CLI is "
              "(root command with inherited `-c/--config`, `--url`, `-q`, `-v`, `mixinStandardHelpOptions`, "
              "only the named subcommand registered), on Retort's fat jar for picocli and the JDBC drivers, with "
              "its own static AppCDS archive recorded as the launcher records Retort's (one run with "
              "`-XX:DumpLoadedClassList`, then `-Xshare:dump`; one archive for heads/history, one for current). "
              "`heads`/`history`: list `migrations/versions` and read the attributes of each `*.yaml` entry, print "
              "the count (no file is read: Retort must also learn every revision's id and parents). `current`: "
              "`DriverManager.getConnection(url)`, `SELECT version_num FROM retort_version`, print the rows (the "
              "graph is not read: Retort and Alembic read it to mark the head). Both are lower bounds for the real "
              f"commands. Its command line (WORK = `{work}`): `{floor_argv}`.")
    md.append("- *Retort*: the launcher (private copies: `" + work + "/dist` for heads and history, `" + work + "/dist-<database>` for current) with its AppCDS archives, "
              "`retort -c retort.yaml heads|history|current` (as bench/run.sh; `current` with "
              "`BENCH_RETORT_URL` set to the database).")
    md.append("- *Alembic*: `python3 -m alembic -c <ini> heads|history|current` (as bench/run.sh), warm "
              "bytecode caches.")
    md.append("")
    md.append("`current` reads a database that `retort upgrade head` brought to head once, untimed (SQLite: "
              f"`{work}/db/head.db`; PostgreSQL: a database `bench_sfloor_<pid>` dropped on exit), with an "
              "`alembic_version` table holding the same head, so all rows read the same database. **Median / "
              "min wall s** of the runs; **CPU s**: median user + system seconds of the process (and of the "
              "children it waited for); **× JVM**: the row's median ÷ the JVM row's median.")
    md.append("")

    stdout, summary = [], []
    keys = ["heads", "history"] + [f"current-{db}" for db in o.dbs]
    for key in keys:
        cmd, _, db = key.partition("-")
        title = f"`{cmd}`" + (f", {floor.DB_NAMES[db]}" if db else ", no database") + f" (N = {o.n:,}, {o.shape})"
        rows = ["| row | median wall s | min wall s | median CPU s | × JVM | peak RSS MB | runs (wall s) |",
                "|---|---|---|---|---|---|---|"]
        med = {}
        for row in ROWS:
            s = samples.get((key, row))
            if not s:
                why = "not measured (Alembic missing)" if row == "alembic" else "no successful run"
                rows.append(f"| {label(row, cmd, o.n)} | {why} | | | | | |")
                continue
            walls = [w for w, _, _ in s]
            med[row] = statistics.median(walls)
            ratio = f"{med[row] / med['jvm']:.1f}×" if "jvm" in med else ""
            rows.append(f"| {label(row, cmd, o.n)} | {floor.fmt_s(med[row])} | {floor.fmt_s(min(walls))} | "
                        f"{floor.fmt_s(statistics.median(c for _, c, _ in s))} | {ratio} | "
                        f"{max(r for _, _, r in s) / 1024:.0f} | {', '.join(floor.fmt_s(w) for w in walls)} |")
        md += ["## " + title, ""] + rows + [""]
        stdout += [title, ""] + rows + [""]
        target = TARGETS[cmd]
        lines = []
        if "floor" in med and "alembic" in med:
            bound = med["alembic"] / med["floor"]
            text = (f"**Bound:** the largest ratio a picocli JVM tool can reach over Alembic here is Alembic ÷ floor "
                    f"program = {floor.fmt_s(med['alembic'])} s ÷ {floor.fmt_s(med['floor'])} s = **{bound:.1f}×**; "
                    f"the target is {target}× (the whole command in ≤ {floor.fmt_s(med['alembic'] / target)} s)")
            if "retort" in med:
                text += (f"; measured Alembic ÷ Retort = **{med['alembic'] / med['retort']:.1f}×**; "
                         f"Retort ÷ floor = {med['retort'] / med['floor']:.2f}×")
            text += ". " + (f"{target}× is within the bound." if bound >= target
                            else f"**{target}× is beyond the bound**: no JVM tool on this stack can reach it here.")
            lines.append(text)
            summary.append((title.split(" (")[0], target, bound,
                            med["alembic"] / med["retort"] if "retort" in med else None,
                            med["retort"] / med["floor"] if "retort" in med else None))
        elif "floor" in med:
            lines.append("**Bound:** not computed: Alembic was not measured.")
        if "jvm" in med and "floor" in med:
            lines.append(f"The JVM alone (`Hello`) takes {floor.fmt_s(med['jvm'])} s, "
                         f"{100 * med['jvm'] / med['floor']:.0f} % of the floor program's "
                         f"{floor.fmt_s(med['floor'])} s; picocli, the class path and the command's own work are "
                         f"the other {floor.fmt_s(med['floor'] - med['jvm'])} s.")
        md += [" ".join(lines), ""] if lines else []
        stdout += [re.sub(r"\*\*", "", line) for line in lines] + [""]

    if summary:
        table = ["| command | target | Alembic ÷ floor (the bound) | Alembic ÷ Retort | Retort ÷ floor | target within the bound? |",
                 "|---|---|---|---|---|---|"]
        for name, target, bound, a_r, r_f in summary:
            table.append(f"| {name} | {target}× | {bound:.1f}× | {'' if a_r is None else f'{a_r:.1f}×'} | "
                         f"{'' if r_f is None else f'{r_f:.2f}×'} | {'yes' if bound >= target else '**no**'} |")
        if o.n != 5000:
            table += ["", f"(The targets are the issue's at N = 5,000; this run has N = {o.n:,}, where start-up "
                          "is most of every row, so its bounds say little about them.)"]
        md += ["## Summary", ""] + table + [""]
        stdout += ["Summary", ""] + table + [""]

    md.append("## Notes")
    md.append("")
    md.append("- The floor program is a lower bound, not a design: `heads`/`history` open no revision file (Retort "
              "reads its header cache, `.retort_cache/revision-headers.bin`, and checks size, mtime and inode of "
              "every file; Alembic imports every revision module), and `current` does not read the graph. Its "
              "`heads` and `history` do the same work.")
    md.append("- `DriverManager` loads every driver the class path registers (Retort's fat jar: sqlite-jdbc, "
              "the PostgreSQL driver, MySQL Connector/J), in the floor program as in Retort.")
    if "sqlite" in o.dbs:
        if o.native_lib:
            md.append(f"- SQLite: Retort's launcher has the driver load its native library from a copy extracted "
                      f"once (`{o.native_lib.replace(o.work + os.sep, 'WORK/')}`, see dialect-sqlite's "
                      "SqliteNativeLibrary); the floor program is pointed at the same file with "
                      "`-Dorg.sqlite.lib.path`/`-Dorg.sqlite.lib.name`, so neither pays for extracting it.")
    archives = []
    for spec in o.retort_archives:
        copy, folder = spec.split("=", 1)
        kind = "files" if copy == "files" else "db"
        counts = picocli_classes_in(os.path.join(folder, f"retort-{kind}.jsa.classlist"))
        covered = os.path.join(folder, f"retort-{kind}.jsa.commands")
        cmds = open(covered).read().split() if os.path.exists(covered) else []
        where = "the copy for heads and history" if copy == "files" else f"the copy for {floor.DB_NAMES.get(copy, copy)}"
        if counts is None:
            archives.append(f"{where}: `retort-{kind}.jsa` none recorded")
        else:
            archives.append(f"{where}: `retort-{kind}.jsa` recorded by {', '.join(cmds) or '?'} "
                            f"({counts['picocli']} picocli, {counts['sqlite']} sqlite-jdbc, "
                            f"{counts['postgresql']} PostgreSQL driver classes listed)")
        if copy == "postgres" and counts is not None and not counts["pg-connection"]:
            archives[-1] += (": it lacks the driver's connection classes (`PgConnection` …), so Retort's "
                             "`current` on PostgreSQL loaded them from the jar")
    md.append("- Retort's archives (one copy of launcher and jar for the commands without a database and one per "
              "database, as a user with one database has): " + "; ".join(archives) + ".")
    for note in o.note:
        md.append(f"- {note}")
    md.append(f"- Raw samples (command, row, run, wall s, CPU s, peak RSS KB, exit code): `{floor.rel(o.samples)}`; "
              f"the last run's output of each row in `{work}/logs/`.")
    md.append("")

    floor.write_report(o.out, md, stdout)


def main():
    floor.dispatch({"stamp-sqlite": cmd_stamp_sqlite, "report": cmd_report}, __doc__)


if __name__ == "__main__":
    main()
