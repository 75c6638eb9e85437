#!/usr/bin/env python3
"""Helpers of bench/floor.sh (standard library only; run with /usr/bin/python3).

  floor.py run SAMPLES DB TOOL RUN LOG -- ARGV...
      runs ARGV once (stdin, working directory and environment inherited, except RETORT_URL and
      DATABASE_URL), its output to LOG.out / LOG.err, and appends one tab-separated sample to
      SAMPLES: db, tool, run, wall s, CPU s (user + system of the process and the children it
      waited for, from wait4), peak RSS in KB, exit code. Exits with the command's exit code.
  floor.py ini OUT URL
      writes an alembic.ini for URL, the way bench/lib/bench.py does (gen.alembic_ini).
  floor.py report --samples FILE --out FILE ...
      writes the Markdown report and prints its tables to stdout (see floor.sh for the options).
"""
import argparse
import datetime
import hashlib
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PY = "/usr/bin/python3"
PG = ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres"]

TOOLS = ["floor", "retort", "alembic"]
DB_NAMES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
CLIENTS = {"sqlite": "`sqlite3` client", "postgres": "`psql` client"}


# ---- run ------------------------------------------------------------------------------------

def cmd_run(argv):
    if len(argv) < 7 or argv[5] != "--":
        raise SystemExit("usage: floor.py run SAMPLES DB TOOL RUN LOG -- ARGV...")
    samples, db, tool, run, log = argv[:5]
    command = argv[6:]
    env = dict(os.environ)
    env.pop("RETORT_URL", None)
    env.pop("DATABASE_URL", None)
    sys.path.insert(0, HERE)
    import bench  # noqa: E402 - bench/lib/bench.py: the same timing as run.sh (wait4: wall, CPU, RSS)
    s = bench.run_once(command, None, env, log, stdin=None)    # the script arrives on stdin for sqlite3
    wall, cpu, rss = s.seconds, s.cpu, s.rss_kb
    code = s.code if isinstance(s.code, int) else 124
    with open(samples, "a") as f:
        f.write(f"{db}\t{tool}\t{run}\t{wall:.6f}\t{cpu:.6f}\t{rss}\t{code}\n")
    sys.exit(code if code >= 0 else 128 - code)


# ---- ini ------------------------------------------------------------------------------------

def cmd_ini(argv):
    if len(argv) != 2:
        raise SystemExit("usage: floor.py ini OUT URL")
    sys.path.insert(0, HERE)
    import gen  # noqa: E402 - bench/lib/gen.py, the generator of the projects
    with open(argv[0], "w") as f:
        f.write(gen.alembic_ini(argv[1]))


# ---- report ---------------------------------------------------------------------------------

def fmt_s(x):
    return f"{x:.3f}" if x < 10 else f"{x:.2f}" if x < 100 else f"{x:.1f}"


def first_line(argv, timeout=60):
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
        lines = (p.stdout + p.stderr).strip().splitlines()
        return lines[0] if lines else "?"
    except Exception as e:  # noqa: BLE001 - report what failed, carry on
        return f"? ({e})"


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


def jar_info(jar):
    sha = hashlib.sha256(open(jar, "rb").read()).hexdigest()[:12] if os.path.exists(jar) else "?"
    sqlite_jdbc = "?"
    try:
        with zipfile.ZipFile(jar) as z:
            props = z.read("META-INF/maven/org.xerial/sqlite-jdbc/pom.properties").decode()
            m = re.search(r"^version=(.*)$", props, re.M)
            sqlite_jdbc = m.group(1).strip() if m else "?"
    except (OSError, KeyError, zipfile.BadZipFile):
        pass
    return sha, sqlite_jdbc


def script_stats(path):
    begins = commits = statements = 0
    with open(path) as f:
        for line in f:
            s = line.strip()
            if s == "BEGIN;":
                begins += 1
            elif s == "COMMIT;":
                commits += 1
            elif s.endswith(";") and not s.startswith("--"):
                statements += 1
    return begins, commits, statements, os.path.getsize(path)


def load_samples(path):
    """The successful runs of a samples file written by `run`: (key, tool) -> [(wall s, CPU s, RSS KB)]."""
    samples = {}
    with open(path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 7 or parts[6] != "0":
                continue
            key, tool, _run, wall, cpu, rss, _code = parts
            samples.setdefault((key, tool), []).append((float(wall), float(cpu), int(rss)))
    return samples


def rel(path):
    """A path as the reports show it: relative to the repository when inside it."""
    return os.path.relpath(path, ROOT) if path.startswith(ROOT + os.sep) else path


def environment(o):
    load_end = " ".join(f"{x:.2f}" for x in os.getloadavg())
    sha, sqlite_jdbc = jar_info(o.jar)
    git = first_line(["git", "-C", ROOT, "log", "-1", "--format=%h %cs %s"])
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--", ".", ":!bench"],
                           capture_output=True, text=True).stdout.strip()
    built = datetime.datetime.fromtimestamp(os.path.getmtime(o.jar)).strftime("%Y-%m-%d %H:%M")
    lines = [
        f"- Machine: {platform.node()}, nproc {len(os.sched_getaffinity(0))} ({cpu_model()}), "
        f"{platform.system()} {platform.release()}; load average (1/5/15 min) at the start {o.load_start}, "
        f"at the end {load_end}",
        f"- Java: {first_line(['java', '-version'])}",
        f"- Retort: `{first_line([o.launcher, '--version'])}`, jar sha256 {sha} (built {built}), tree at "
        f"{git}{' + uncommitted changes' if dirty else ''}; JVM options "
        f"`{os.environ.get('RETORT_JAVA_OPTS', 'launcher default: -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto')}`; "
        f"sqlite-jdbc {sqlite_jdbc} (its own bundled SQLite)",
    ]
    if o.alembic:
        lines.append("- Alembic: " + first_line([PY, "-c", (
            "import alembic, sqlalchemy, sqlite3, sys; print('Alembic', alembic.__version__, "
            "'SQLAlchemy', sqlalchemy.__version__, 'Python', sys.version.split()[0], "
            "'with SQLite', sqlite3.sqlite_version)")]) + " (Debian packages)")
    else:
        lines.append("- Alembic: not measured (`/usr/bin/python3 -c 'import alembic'` fails)")
    if "sqlite" in o.dbs:
        probe = os.path.join(o.work, "db", "pragma-probe.db")
        pragmas = subprocess.run(["sqlite3", "-batch", probe, "PRAGMA synchronous;"],
                                 capture_output=True, text=True).stdout.strip()
        if os.path.exists(probe):
            os.remove(probe)
        lines.append(f"- SQLite client: `sqlite3` {' '.join(first_line(['sqlite3', '--version']).split()[:2])} "
                     f"(default synchronous={pragmas or '?'}, rollback journal); every tool runs with its "
                     f"driver's defaults, no pragmas; database files under `{o.work_display}/db`")
    if "postgres" in o.dbs:
        server = first_line(["psql", *PG, "-X", "-d", "postgres", "-At", "-c", "SHOW server_version"])
        lines.append(f"- PostgreSQL: server {server} at 127.0.0.1:5432 (TCP for every tool); "
                     f"client {first_line(['psql', '--version'])}")
    return lines


def cmd_report(argv):
    ap = argparse.ArgumentParser(prog="floor.py report")
    ap.add_argument("--samples", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--shape", required=True)
    ap.add_argument("--dbs", required=True)
    ap.add_argument("--runs", type=int, required=True)
    ap.add_argument("--load-start", required=True)
    ap.add_argument("--started", type=float, required=True)
    ap.add_argument("--jar", required=True)
    ap.add_argument("--launcher", required=True)
    ap.add_argument("--command", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--alembic", action="store_true", help="Alembic was importable")
    ap.add_argument("--what", choices=("upgrade", "downgrade"), default="upgrade")
    ap.add_argument("--script", action="append", default=[], metavar="DB=PATH")
    ap.add_argument("--note", action="append", default=[])
    o = ap.parse_args(argv)
    o.dbs = o.dbs.split(",")
    o.work_display = rel(o.work)
    scripts = dict(s.split("=", 1) for s in o.script)
    samples = load_samples(o.samples)
    started = datetime.datetime.fromtimestamp(o.started)
    took = time.time() - o.started
    took = f"{took:.0f} s" if took < 120 else f"{took / 60:.1f} min"

    up = o.what == "upgrade"
    work_name = "upgrade head" if up else "downgrade base"
    md = [f"# The floor of `{work_name}`: the database's own client", ""]
    md.append(f"Written by `{o.command}` on {started.strftime('%Y-%m-%d %H:%M')}, in {took}. "
              "See bench/README.md, \"The floor: the database's own client\".")
    md.append("")
    md += environment(o)
    md.append(f"- Project: N = {o.n:,} revisions, {o.shape} (bench/lib/gen.py; revision *i* creates `t_i`), "
              f"one transaction per revision in every row")
    md.append("")
    if up:
        script_text = ("(`retort upgrade head --sql --dialect …`: the version table, then per revision "
                       "`BEGIN; CREATE TABLE …; INSERT/UPDATE retort_version …; COMMIT;`) on a fresh database")
        start = "on a fresh database"
        checked = "N tables `t_*`, the version table at the head"
    else:
        script_text = ("(`retort downgrade head:base --sql --dialect …`: per revision "
                       "`BEGIN; DROP TABLE …; UPDATE/DELETE retort_version …; COMMIT;`) on its database at head")
        start = ("on a database at head (each tool's own, brought there once untimed by the tool itself and "
                 "restored from a copy before every run: a file copy on SQLite, `createdb -T` on PostgreSQL)")
        checked = "no table `t_*` left, no version row"
    md.append("**Rows.** *Floor client*: the database's own command-line client runs Retort's offline script "
              f"{script_text}: "
              "`sqlite3 -batch -bail FILE < script` and "
              "`psql -X -h 127.0.0.1 -U postgres -d DB -q -v ON_ERROR_STOP=1 -f script`. "
              f"*Retort online*: `retort -q {work_name}` {start}. *Alembic online*: "
              f"`python3 -m alembic -c <db>.ini {work_name}` (as bench/run.sh runs it), the same way. "
              f"The three run interleaved (floor, Retort, Alembic, floor, …), {o.runs} run{'s' if o.runs != 1 else ''} "
              "each; every run "
              f"is a new process timed from fork to exit and is checked afterwards ({checked}). "
              "**Median / min wall s** of the runs; **CPU s**: median user + system CPU "
              "seconds of the client process (for PostgreSQL not the server's work). **× floor**: the row's "
              "median ÷ the floor's median.")
    md.append("")

    stdout = []
    bounds = []
    for db in o.dbs:
        floor = samples.get((db, "floor"))
        title = f"## {DB_NAMES[db]} (N = {o.n:,}, {o.shape})"
        rows = ["| | median wall s | min wall s | median CPU s (client process) | × floor | runs (wall s) |",
                "|---|---|---|---|---|---|"]
        med = {}
        for tool in TOOLS:
            label = {"floor": f"floor: {CLIENTS[db]}", "retort": "Retort online",
                     "alembic": "Alembic online"}[tool]
            s = samples.get((db, tool))
            if not s:
                why = "not measured (Alembic missing)" if tool == "alembic" else "no successful run"
                rows.append(f"| {label} | {why} | | | | |")
                continue
            walls = [w for w, _, _ in s]
            med[tool] = statistics.median(walls)
            ratio = f"{med[tool] / med['floor']:.2f}×" if floor and "floor" in med else ""
            rows.append(f"| {label} | {fmt_s(med[tool])} | {fmt_s(min(walls))} | "
                        f"{fmt_s(statistics.median(c for _, c, _ in s))} | {ratio} | "
                        f"{', '.join(fmt_s(w) for w in walls)} |")
        md += [title, ""] + rows + [""]
        stdout += [title.lstrip("# "), ""] + rows + [""]
        if db in scripts and os.path.exists(scripts[db]):
            b, c, st, size = script_stats(scripts[db])
            md.append(f"Script: `{rel(scripts[db])}`, "
                      f"{b:,} `BEGIN` / {c:,} `COMMIT`, {st:,} other statements, {size / 1e6:.2f} MB.")
            md.append("")
        if "floor" in med and "alembic" in med:
            bound = med["alembic"] / med["floor"]
            text = (f"**Bound, {DB_NAMES[db]}:** with one commit per revision no tool can beat the floor, so the "
                    f"largest possible \"Retort vs Alembic\" ratio here is Alembic ÷ floor = "
                    f"{fmt_s(med['alembic'])} s ÷ {fmt_s(med['floor'])} s = **{bound:.2f}×**")
            if "retort" in med:
                text += (f"; measured now: Alembic ÷ Retort = {med['alembic'] / med['retort']:.2f}×, "
                         f"Retort ÷ floor = {med['retort'] / med['floor']:.2f}×")
            text += (". A 5× target is " + ("within" if bound >= 5 else "**beyond**")
                     + " this bound while every tool commits once per revision.")
            md += [text, ""]
            bounds.append(f"bound {DB_NAMES[db]}: Alembic / floor = {bound:.2f}x"
                          + (f" (now Alembic / Retort = {med['alembic'] / med['retort']:.2f}x)" if "retort" in med else ""))
        elif "floor" in med:
            md += [f"**Bound, {DB_NAMES[db]}:** not computed: Alembic was not measured.", ""]
    stdout += bounds

    md.append("## Notes")
    md.append("")
    md.append("- The offline script does not write Retort's history table. Retort's online run does a little "
              "more than the floor: " + ("it creates `retort_history` and, " if up else "")
              + "per revision, it does one extra `INSERT` into it (the script's statements plus that row).")
    if "sqlite" in o.dbs and o.alembic:
        md.append("- On SQLite Alembic says \"Will assume non-transactional DDL\": Python's `sqlite3` module "
                  "commits each DDL statement on its own and the version change separately, so Alembic pays "
                  "for about two commits per revision where the floor and Retort pay for one.")
    if "postgres" in o.dbs:
        md.append("- PostgreSQL: the CPU column is the client process only; the server's parsing, catalog "
                  "work and WAL flushes are in the wall time.")
    for note in o.note:
        md.append(f"- {note}")
    md.append(f"- Raw samples (db, tool, run, wall s, CPU s, peak RSS KB, exit code): "
              f"`{rel(o.samples)}`; "
              f"the last run's output of each tool in `{o.work_display}/logs/`.")
    md.append("")

    write_report(o.out, md, stdout)


def write_report(out, md, stdout):
    """Writes the Markdown lines to OUT (whole or not at all) and prints the stdout lines."""
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    tmp = out + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(md))
    os.replace(tmp, out)
    print("\n".join(stdout))


def dispatch(commands, usage):
    """Runs the subcommand named by argv[1] (commands: name -> function of the other arguments)."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        raise SystemExit(usage)
    commands[sys.argv[1]](sys.argv[2:])


def main():
    dispatch({"run": cmd_run, "ini": cmd_ini, "report": cmd_report}, __doc__)


if __name__ == "__main__":
    main()
