#!/usr/bin/env python3
"""Retort vs Alembic vs Flyway: whole-process timings of the same work on the same machine.

Run through bench/run.sh (which checks the prerequisites and builds the Flyway runner); see
bench/README.md. Standard library only, so it runs on Debian's /usr/bin/python3 beside Alembic.

Every measured run is one fresh process (fork + exec, no shell), timed with a monotonic clock
around the whole process; its peak RSS comes from wait4()'s rusage (ru_maxrss of that child).
"""
import argparse
import datetime
import filecmp
import glob
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import zipfile

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(BENCH)
sys.path.insert(0, os.path.join(BENCH, "lib"))
import gen  # noqa: E402

TOOLS = ["retort", "alembic", "flyway"]
TOOL_NAMES = {"retort": "Retort", "alembic": "Alembic", "flyway": "Flyway"}
DBS = ["sqlite", "postgres"]
SHAPES = ["linear", "branchy"]
COMMANDS = ["version", "heads", "history", "current", "upgrade", "downgrade", "upgrade-sql", "check"]
COMMAND_LABELS = {
    "version": "start-up (`--version`)",
    "heads": "`heads`",
    "history": "`history`",
    "current": "`current` at head",
    "upgrade": "`upgrade head` from empty",
    "downgrade": "`downgrade base`",
    "upgrade-sql": "`upgrade head --sql` (offline)",
    "check": "`check`",
    "heads-512m": "`heads`, `-Xmx512m`",
}
PG_HOST, PG_PORT, PG_USER = "127.0.0.1", "5432", "postgres"
PY = "/usr/bin/python3"   # Debian's python, where python3-alembic lives


def log(msg):
    print(msg, flush=True)


def csv(text):
    return [x.strip() for x in text.split(",") if x.strip()]


def ints(text):
    return [int(x.replace("_", "")) for x in csv(text)]


# --------------------------------------------------------------------------------------------
# Measuring


class Sample:
    def __init__(self, seconds, rss_kb, code, cpu=None):
        self.seconds, self.rss_kb, self.code = seconds, rss_kb, code
        self.cpu = seconds if cpu is None else cpu      # user + system seconds of the process


TIMEOUT = 900.0   # seconds; set from --timeout


def run_once(argv, cwd, env, log_base, stdin=subprocess.DEVNULL):
    """Runs argv as one process; returns a Sample. Output goes to log_base.out/.err.
    A process still running after TIMEOUT seconds is killed; its Sample has code 'timeout'."""
    with open(log_base + ".out", "wb") as out, open(log_base + ".err", "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=stdin, stdout=out, stderr=err)
        timer = threading.Timer(TIMEOUT, proc.kill)
        timer.start()
        try:
            _pid, status, rusage = os.wait4(proc.pid, 0)
        except BaseException:          # interrupted (Ctrl-C, SIGTERM): take the child along
            proc.kill()
            proc.wait()
            raise
        finally:
            timer.cancel()
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    code = "timeout" if elapsed >= TIMEOUT and proc.returncode < 0 else proc.returncode
    return Sample(elapsed, rusage.ru_maxrss, code, rusage.ru_utime + rusage.ru_stime)


def first_error_line(log_base):
    try:
        with open(log_base + ".err", errors="replace") as f:
            lines = [l.strip() for l in f if l.strip()]
    except OSError:
        return ""
    for l in lines:
        if re.search(r"error|exception|failed|traceback", l, re.I):
            return l[:200]
    return lines[-1][:200] if lines else ""


class Contender:
    """One tool's command in a group timed together."""

    def __init__(self, tool, argv, cwd, env, name, prepare=None, heavy=False, min_runs=None):
        self.tool, self.argv, self.cwd, self.env, self.name = tool, argv, cwd, env, name
        self.prepare, self.heavy, self.min_runs = prepare, heavy, min_runs


class Result:
    """One cell: a tool doing one command in one setting."""

    def __init__(self, status, samples=(), note=""):
        self.status = status          # ok | na | failed | skipped
        self.samples = list(samples)
        self.note = note

    @property
    def median(self):
        return statistics.median(s.seconds for s in self.samples)

    @property
    def min(self):
        return min(s.seconds for s in self.samples)

    @property
    def cpu(self):
        return statistics.median(s.cpu for s in self.samples)

    @property
    def rss_mb(self):
        return max(s.rss_kb for s in self.samples) / 1024.0


class Bench:
    def __init__(self, opts):
        self.o = opts
        self.work = opts.work
        self.results = {}      # (section, db, shape, n, command) -> {tool: Result}
        self.started = time.time()
        self.retort_launcher = None
        self.retort_launchers = {}      # per database: a copy whose AppCDS archive that database's runs record
        self.retort_features = {}
        self.load_start = os.getloadavg()
        self.elapsed = 0.0
        self.env_lines = None

    # ---- cells
    def put(self, key, tool, result):
        self.results.setdefault(key, {})[tool] = result
        label = " ".join(str(k) for k in key[1:] if k not in (None, "-"))
        if result.status == "ok":
            log(f"  {TOOL_NAMES[tool]:8} {label:40} median {result.median:8.3f} s  min {result.min:8.3f} s  "
                f"CPU {result.cpu:8.3f} s  RSS {result.rss_mb:6.0f} MB  ({len(result.samples)} runs)")
        else:
            log(f"  {TOOL_NAMES[tool]:8} {label:40} {result.status}: {result.note}")

    def measure(self, argv, cwd, env, name, prepare=None, heavy=False, min_runs=None):
        """Times one command alone; see measure_group."""
        c = Contender("x", argv, cwd, env, name, prepare, heavy, min_runs)
        return self.measure_group([c])["x"]

    def measure_group(self, contenders):
        """Times several tools' versions of one piece of work, interleaved round-robin (A B C A B C
        ...), so that load from elsewhere on the machine falls on all of them alike. Per contender:
        an untimed warm-up when its first run is quick, then runs until its budget is spent."""
        os.makedirs(os.path.join(self.work, "logs"), exist_ok=True)
        results = {}
        state = {c.tool: {"samples": [], "first": True} for c in contenders}
        active = list(contenders)
        while active:
            for c in list(active):
                st = state[c.tool]
                min_runs = self.o.min_runs if c.min_runs is None else min(c.min_runs, self.o.min_runs)
                log_base = os.path.join(self.work, "logs", c.name)
                if c.prepare:
                    c.prepare()
                s = run_once(c.argv, c.cwd, c.env, log_base)
                if s.code == "timeout":
                    results[c.tool] = Result("failed", note=f"still running after {TIMEOUT:g} s (--timeout); killed")
                    active.remove(c)
                    continue
                if s.code != 0:
                    results[c.tool] = Result("failed", note=f"exit {s.code}: {first_error_line(log_base)} "
                                                            f"(log: {os.path.relpath(log_base, BENCH)}.err)")
                    active.remove(c)
                    continue
                if st["first"] and s.seconds < self.o.warmup_below and not c.heavy:
                    st["first"] = False    # warm-up: file cache, Python bytecode cache, CDS archive
                    continue
                st["first"] = False
                samples = st["samples"]
                samples.append(s)
                spent = sum(x.seconds for x in samples)
                if (len(samples) >= self.o.max_runs
                        or (len(samples) >= min_runs and spent + samples[-1].seconds > self.o.budget)
                        or samples[0].seconds > self.o.slow):   # one run is enough when a run takes minutes
                    results[c.tool] = Result("ok", samples)
                    active.remove(c)
        return results

    # ---- tools
    def tool_env(self, extra=None):
        env = dict(os.environ)
        env.pop("RETORT_URL", None)
        env.pop("DATABASE_URL", None)
        if extra:
            env.update(extra)
        return env

    def retort_argv(self, project, *args, url=None, config="retort.yaml", db=None):
        launcher = self.retort_launchers.get(db, self.retort_launcher)
        argv = [launcher, "-c", os.path.join(project, config)]
        if url:
            argv += ["--url", url]
        return argv + list(args)

    def alembic_argv(self, project, db, *args):
        ini = os.path.join(project, f"{db}.ini") if db else os.path.join(project, "alembic.ini")
        return [PY, "-m", "alembic", "-c", ini] + list(args)

    def flyway_argv(self, *args):
        return ["java"] + shlex.split(self.o.flyway_java_opts) + ["-jar", self.o.flyway_jar] + list(args)

    # ---- databases
    def db_name(self, tool, shape, n):
        return f"bench_{tool}_{shape}_{n}"

    def sqlite_path(self, tool, shape, n):
        return os.path.join(self.work, "db", f"{tool}-{shape}-{n}.db")

    def urls(self, tool, db, shape, n):
        """(url for the tool, how to reach it for checks)."""
        if db == "sqlite":
            path = self.sqlite_path(tool, shape, n)
            return {"retort": f"jdbc:sqlite:{path}", "flyway": f"jdbc:sqlite:{path}",
                    "alembic": f"sqlite:///{path}"}[tool]
        name = self.db_name(tool, shape, n)
        return {"retort": f"jdbc:postgresql://{PG_HOST}:{PG_PORT}/{name}?user={PG_USER}",
                "flyway": f"jdbc:postgresql://{PG_HOST}:{PG_PORT}/{name}?user={PG_USER}",
                "alembic": f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"}[tool]

    def pg(self, prog, *args):
        subprocess.run([prog, "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, *args], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def pg_query(self, dbname, sql):
        out = subprocess.run(["psql", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-d", dbname, "-At",
                              "-c", sql], check=True, capture_output=True, text=True)
        return out.stdout.strip()

    def fresh(self, tool, db, shape, n):
        if db == "sqlite":
            path = self.sqlite_path(tool, shape, n)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            for suffix in ("", "-journal", "-wal", "-shm"):
                if os.path.exists(path + suffix):
                    os.remove(path + suffix)
        else:
            name = self.db_name(tool, shape, n)
            self.pg("dropdb", "--if-exists", "--force", name)
            self.pg("createdb", name)

    def snapshot(self, tool, db, shape, n):
        if db == "sqlite":
            path = self.sqlite_path(tool, shape, n)
            shutil.copyfile(path, path + ".head")
        else:
            name = self.db_name(tool, shape, n)
            self.pg("dropdb", "--if-exists", "--force", name + "_head")
            self.pg("createdb", "-T", name, name + "_head")

    def has_snapshot(self, tool, db, shape, n):
        if db == "sqlite":
            return os.path.exists(self.sqlite_path(tool, shape, n) + ".head")
        name = self.db_name(tool, shape, n) + "_head"
        return self.pg_query("postgres", f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1"

    def restore(self, tool, db, shape, n):
        if db == "sqlite":
            self.fresh(tool, db, shape, n)
            path = self.sqlite_path(tool, shape, n)
            shutil.copyfile(path + ".head", path)
        else:
            name = self.db_name(tool, shape, n)
            self.pg("dropdb", "--if-exists", "--force", name)
            self.pg("createdb", "-T", name + "_head", name)

    def drop_all(self, tool, db, shape, n):
        if db == "sqlite":
            path = self.sqlite_path(tool, shape, n)
            for p in (path, path + ".head", path + "-journal"):
                if os.path.exists(p):
                    os.remove(p)
        else:
            name = self.db_name(tool, shape, n)
            self.pg("dropdb", "--if-exists", "--force", name)
            self.pg("dropdb", "--if-exists", "--force", name + "_head")

    def count_tables(self, tool, db, shape, n):
        if db == "sqlite":
            con = sqlite3.connect(self.sqlite_path(tool, shape, n))
            try:
                return con.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                   "AND name GLOB 't_[0-9]*'").fetchone()[0]
            finally:
                con.close()
        return int(self.pg_query(self.db_name(tool, shape, n),
                                 "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' "
                                 "AND tablename ~ '^t_[0-9]+$'"))

    # ---- Retort features (so the slots fill in once Retort has them)
    def probe_retort(self):
        env = self.tool_env()
        top = subprocess.run([self.retort_launcher, "--help"], capture_output=True, text=True, env=env).stdout
        up = subprocess.run([self.retort_launcher, "upgrade", "--help"], capture_output=True, text=True,
                            env=env).stdout
        self.retort_features = {
            "check": bool(re.search(r"^\s+check\s", top, re.M)),
            "upgrade-sql": "--sql" in up,
        }

    def warm_retort_archives(self):
        """Untimed: each database's copy of the launcher records its AppCDS archive of database
        commands on a 10-revision project, so that no timed run (upgrade and downgrade get no
        warm-up run) pays for recording it."""
        for db, launcher in self.retort_launchers.items():
            project = os.path.join(self.project("linear", 10, ["retort"]), "retort")
            self.fresh("retort", db, "warm", 10)
            url = self.urls("retort", db, "warm", 10)
            env = self.tool_env()
            for args, config in ((["-q", "upgrade", "head"], "retort.yaml"), (["current"], "retort.yaml"),
                                 (["check"], "retort-check.yaml"), (["-q", "downgrade", "base"], "retort.yaml")):
                argv = [launcher, "-c", os.path.join(project, config), "--url", url, *args]
                subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.drop_all("retort", db, "warm", 10)

    # ---- the work
    def project(self, shape, n, tools):
        out = os.path.join(self.work, "projects", f"{shape}-{n}")
        t0 = time.time()
        gen.generate(out, shape, n, tools)
        if time.time() - t0 > 1:
            log(f"  generated {shape} N={n} for {', '.join(tools)} in {time.time() - t0:.1f} s")
        alembic = os.path.join(out, "alembic")
        if os.path.isdir(alembic):
            for db in DBS:
                with open(os.path.join(alembic, f"{db}.ini"), "w") as f:
                    f.write(gen.alembic_ini(self.urls("alembic", db, shape, n)))
        return out

    def run_version(self, tools):
        key = ("startup", "-", "-", None, "version")
        env = self.tool_env()
        group = []
        for tool in tools:
            if tool == "retort":
                argv = [self.retort_launcher, "--version"]
            elif tool == "alembic":
                argv = [PY, "-m", "alembic", "--version"]
            else:
                argv = self.flyway_argv("version")
            group.append(Contender(tool, argv, self.work, env, f"{tool}-version"))
        for tool, r in self.measure_group(group).items():
            self.put(key, tool, r)

    def run_graph_commands(self, section, shape, n, tools, project, commands):
        env = self.tool_env()
        for command in ("heads", "history"):
            if command not in commands:
                continue
            key = (section, "-", shape, n, command)
            group = []
            for tool in tools:
                if tool == "flyway":
                    self.put(key, tool, Result("na", note="Flyway has no revision graph; its `info` "
                                                          "needs a database and is timed as `current`"))
                    continue
                if tool == "retort":
                    argv = self.retort_argv(os.path.join(project, "retort"), command)
                else:
                    argv = self.alembic_argv(os.path.join(project, "alembic"), None, command)
                group.append(Contender(tool, argv, os.path.join(project, tool), env,
                                       f"{tool}-{command}-{shape}-{n}"))
            for tool, r in self.measure_group(group).items():
                self.put(key, tool, r)
        if "heads" in commands and "retort" in tools and n >= self.o.heap_check_n:
            key = (section, "-", shape, n, "heads-512m")
            renv = self.tool_env({"RETORT_JAVA_OPTS": self.retort_opts() + " -Xmx512m"})
            argv = self.retort_argv(os.path.join(project, "retort"), "heads")
            self.put(key, "retort", self.measure(argv, os.path.join(project, "retort"), renv,
                                                 f"retort-heads512-{shape}-{n}"))

    def retort_opts(self):
        return os.environ.get("RETORT_JAVA_OPTS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto")

    def run_db_commands(self, section, db, shape, n, tools, project, commands, upgrade_ok):
        """upgrade (from empty), then current / upgrade --sql / check at head, then downgrade; each
        stage runs the tools interleaved."""
        env = self.tool_env()
        heavy_min = self.o.large_min_runs if section == "retort" else self.o.heavy_min_runs
        rev_head = gen.rev_id(shape, n)
        above = f"N above --upgrade-max ({self.o.upgrade_max})"
        verbs = {
            "retort": {"upgrade": ["upgrade", "head"], "downgrade": ["downgrade", "base"],
                       "current": ["current"], "upgrade-sql": ["upgrade", "head", "--sql"],
                       "check": ["check"], "stamp": ["stamp", "head"]},
            "alembic": {"upgrade": ["upgrade", "head"], "downgrade": ["downgrade", "base"],
                        "current": ["current"], "upgrade-sql": ["upgrade", "head", "--sql"],
                        "stamp": ["stamp", "head"]},
            "flyway": {"upgrade": ["migrate"], "current": ["info"]},
        }
        na = {
            ("retort", "upgrade-sql"): None if self.retort_features.get("upgrade-sql")
            else "not implemented in Retort yet (`upgrade --help` has no `--sql`); the slot fills in when it is",
            ("retort", "check"): None if self.retort_features.get("check")
            else "not implemented in Retort yet (no `check` command); the slot fills in when it is",
            ("alembic", "check"): "Debian's Alembic 1.8.1 predates `alembic check` (1.9)",
            ("flyway", "downgrade"): "`undo` is not in Flyway Community (Teams/Enterprise only)",
            ("flyway", "upgrade-sql"): "dry runs (`-dryRunOutput`) are not in Flyway Community",
            ("flyway", "check"): "`check` is not in Flyway Community",
        }

        def argv(tool, cmd):
            pdir = os.path.join(project, tool)
            url = self.urls(tool, db, shape, n)
            if tool == "retort":
                config = "retort-check.yaml" if cmd == ["check"] else "retort.yaml"
                return self.retort_argv(pdir, *cmd, url=url, config=config, db=db)
            if tool == "alembic":
                return self.alembic_argv(pdir, db, *cmd)
            return self.flyway_argv(cmd[0], url, os.path.join(pdir, "sql"))

        def tag(tool):
            return f"{tool}-{db}-{shape}-{n}"

        def tables_note(tool, expect, what):
            got = self.count_tables(tool, db, shape, n)
            return None if got == expect else f"after {what}: {got} benchmark tables, expected {expect}"

        head_ready = {t: False for t in tools}

        # upgrade head from an empty database; the last run leaves it at head for the rest.
        if "upgrade" in commands:
            key = (section, db, shape, n, "upgrade")
            group = []
            for tool in tools:
                if not upgrade_ok:
                    self.put(key, tool, Result("skipped", note=above))
                    continue
                group.append(Contender(tool, argv(tool, verbs[tool]["upgrade"]), os.path.join(project, tool), env,
                                       f"{tag(tool)}-upgrade", prepare=self.preparer("fresh", tool, db, shape, n),
                                       heavy=True, min_runs=heavy_min))
            for tool, r in self.measure_group(group).items():
                if r.status == "ok":
                    bad = tables_note(tool, n, "upgrade head")
                    if bad:
                        r = Result("failed", note=bad)
                    else:
                        self.snapshot(tool, db, shape, n)
                        head_ready[tool] = True
                self.put(key, tool, r)

        if any(c in commands for c in ("current", "downgrade", "check")):
            for tool in tools:
                if head_ready[tool]:
                    continue
                pdir = os.path.join(project, tool)
                if upgrade_ok and "upgrade" in commands:
                    continue                         # its upgrade failed: nothing to build on
                if upgrade_ok and self.has_snapshot(tool, db, shape, n):
                    head_ready[tool] = True          # from an earlier run of this script (--keep-dbs)
                elif upgrade_ok:
                    self.fresh(tool, db, shape, n)
                    s = run_once(argv(tool, verbs[tool]["upgrade"]), pdir, env,
                                 os.path.join(self.work, "logs", f"{tag(tool)}-setup"))
                    if s.code == 0 and not tables_note(tool, n, "upgrade head"):
                        self.snapshot(tool, db, shape, n)
                        head_ready[tool] = True
                elif "stamp" in verbs[tool]:
                    # Too many revisions to upgrade: `stamp head` gives the version table `current` reads.
                    self.fresh(tool, db, shape, n)
                    s = run_once(argv(tool, verbs[tool]["stamp"]), pdir, env,
                                 os.path.join(self.work, "logs", f"{tag(tool)}-stamp"))
                    if s.code == 0:
                        self.snapshot(tool, db, shape, n)
                        head_ready[tool] = True

        for command in ("current", "upgrade-sql", "check", "downgrade"):
            if command not in commands:
                continue
            key = (section, db, shape, n, command)
            group = []
            for tool in tools:
                pdir = os.path.join(project, tool)
                if na.get((tool, command)):
                    self.put(key, tool, Result("na", note=na[(tool, command)]))
                    continue
                if command == "upgrade-sql":      # offline: no database
                    group.append(Contender(tool, argv(tool, verbs[tool][command]), pdir, env,
                                           f"{tag(tool)}-{command}", heavy=n >= 5000))
                    continue
                if command in ("downgrade", "check") and not upgrade_ok:
                    self.put(key, tool, Result("skipped", note=above))
                    continue
                if not head_ready[tool]:
                    self.put(key, tool, Result("skipped", note="could not bring the database to head"))
                    continue
                self.restore(tool, db, shape, n)
                if command == "downgrade":
                    group.append(Contender(tool, argv(tool, verbs[tool][command]), pdir, env,
                                           f"{tag(tool)}-{command}",
                                           prepare=self.preparer("restore", tool, db, shape, n),
                                           heavy=True, min_runs=heavy_min))
                else:
                    group.append(Contender(tool, argv(tool, verbs[tool][command]), pdir, env,
                                           f"{tag(tool)}-{command}"))
            for tool, r in self.measure_group(group).items():
                if r.status == "ok" and command == "current":
                    out = open(os.path.join(self.work, "logs", f"{tag(tool)}-{command}.out")).read()
                    want = rev_head if tool != "flyway" else f"current: {n},"
                    if want not in out:
                        r = Result("failed", note=f"`current` printed no head ({want})")
                if r.status == "ok" and command == "downgrade":
                    bad = tables_note(tool, 0, "downgrade base")
                    if bad:
                        r = Result("failed", note=bad)
                self.put(key, tool, r)
        if not self.o.keep_dbs:
            for tool in tools:
                self.drop_all(tool, db, shape, n)

    def preparer(self, what, tool, db, shape, n):
        f = {"fresh": self.fresh, "restore": self.restore}[what]
        return lambda: f(tool, db, shape, n)

    def checkpoint(self):
        """Rewrites the report with what is measured so far, so a long run leaves results behind."""
        self.elapsed = time.time() - self.started
        report(self, partial=True)

    def run(self):
        o = self.o
        self.load_start = os.getloadavg()
        log(f"Retort vs Alembic vs Flyway — N={o.n} (all tools), N={o.retort_n} (Retort alone); "
            f"tools {','.join(o.tools)}; databases {','.join(o.dbs)}; shapes {','.join(o.shapes)}")
        if "retort" in o.tools:
            self.probe_retort()
            self.warm_retort_archives()
        if "version" in o.commands:
            log("\n== start-up")
            self.run_version(o.tools)
        plan = [(n, o.tools, "all") for n in o.n] + \
               [(n, ["retort"], "retort") for n in o.retort_n if "retort" in o.tools]
        db_commands = [c for c in o.commands if c not in ("version", "heads", "history")]
        # Database by database (SQLite first), so that a run cut short has whole sets for one database;
        # the commands that need no database run with the first.
        passes = o.dbs if db_commands else [None]
        for i, db in enumerate(passes):
            for n, tools, section in plan:
                for shape in o.shapes:
                    log(f"\n== {shape} N={n}{', ' + db if db else ''} ({', '.join(TOOL_NAMES[t] for t in tools)})  "
                        f"[{(time.time() - self.started) / 60:.1f} min so far]")
                    project = self.project(shape, n, tools)
                    if i == 0:
                        self.run_graph_commands(section, shape, n, tools, project, o.commands)
                    if db:
                        self.run_db_commands(section, db, shape, n, tools, project, db_commands,
                                             upgrade_ok=n <= o.upgrade_max)
                    self.checkpoint()
        self.elapsed = time.time() - self.started


# --------------------------------------------------------------------------------------------
# Report


def fmt_s(x):
    return f"{x:.3f}" if x < 10 else f"{x:.2f}" if x < 100 else f"{x:.1f}"


class Notes:
    """Footnotes for the report: each distinct note once, numbered in order of first use."""

    def __init__(self):
        self.items = []

    def ref(self, text):
        if text not in self.items:
            self.items.append(text)
        return f"[{self.items.index(text) + 1}]"

    def lines(self):
        return [f"[{i}] {t}  " for i, t in enumerate(self.items, start=1)]


def cell(r, notes):
    if r is None:
        return "—"
    if r.status == "ok":
        return f"{fmt_s(r.median)} ({fmt_s(r.min)}) ×{len(r.samples)}"
    if r.status == "na":
        return f"n/a {notes.ref(r.note)}"
    if r.status == "skipped":
        return f"skipped {notes.ref(r.note)}"
    return f"**failed** {notes.ref(r.note)}"


def rss(r):
    return f"{r.rss_mb:.0f}" if r is not None and r.status == "ok" else ""


def cpu(r):
    return fmt_s(r.cpu) if r is not None and r.status == "ok" else ""


def ratio(retort, peer):
    if retort is None or peer is None or retort.status != "ok" or peer.status != "ok":
        return ""
    return (f"{peer.median / retort.median:.1f}× ({peer.min / retort.min:.1f}×) · "
            f"CPU {peer.cpu / retort.cpu:.1f}×")


ALEMBIC_VERSIONS = ("import alembic, sqlalchemy, sys; print('Alembic', alembic.__version__, "
                    "'SQLAlchemy', sqlalchemy.__version__, 'Python', sys.version.split()[0])")


def environment_lines(opts, load_start):
    def out(argv):
        try:
            p = subprocess.run(argv, capture_output=True, text=True, timeout=60)
            return (p.stdout + p.stderr).strip().splitlines()[0]
        except Exception as e:   # noqa: BLE001 - report what failed, carry on
            return f"? ({e})"
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    jar = opts.retort_jar
    sha = hashlib.sha256(open(jar, "rb").read()).hexdigest()[:12] if os.path.exists(jar) else "?"
    git = out(["git", "-C", ROOT, "log", "-1", "--format=%h %cs %s"])
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--", ".", ":!bench"],
                           capture_output=True, text=True).stdout.strip()
    lines = [
        f"- Machine: {platform.node()}, {os.cpu_count()} CPUs ({cpu}), {platform.system()} {platform.release()}; "
        f"load average (1/5/15 min) at the start {' '.join(f'{x:.2f}' for x in load_start)}, "
        f"at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
        f"- Java: {out(['java', '-version'])}",
        f"- Retort: `{out([opts.retort_launcher, '--version'])}`, jar sha256 {sha} "
        f"(built {datetime.datetime.fromtimestamp(os.path.getmtime(jar)).strftime('%Y-%m-%d %H:%M')}), "
        f"tree at {git}{' + uncommitted changes' if dirty else ''}; "
        f"JVM options `{os.environ.get('RETORT_JAVA_OPTS', 'launcher default: -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto')}`",
        f"- Alembic: {out([PY, '-c', ALEMBIC_VERSIONS])} (Debian packages)",
    ]
    if "flyway" in opts.tools:
        lines.append(f"- Flyway: {out(['java', '-jar', opts.flyway_jar, 'version'])} through its Java API "
                     f"(bench/flyway-runner), JVM options `{opts.flyway_java_opts or '(JVM defaults)'}`")
    if "postgres" in opts.dbs:
        lines.append(f"- PostgreSQL: {out(['psql', '-h', PG_HOST, '-U', PG_USER, '-At', '-c', 'SHOW server_version'])} "
                     f"at {PG_HOST}:{PG_PORT}; SQLite: files under bench/work/db")
    return lines


def report(b, partial=False):
    o = b.o
    R = b.results
    tools = o.tools
    md = []
    md.append("# Retort vs Alembic vs Flyway")
    md.append("")
    runs = getattr(o, "runs", None)
    def cmd(argv):
        return "`" + " ".join(["bench/run.sh"] + [shlex.quote(a) for a in argv]) + "`"
    by = (f"Merged from {len(runs)} runs (" + "; ".join(cmd(a) for a in runs) + "; the run counts per cell "
          "follow each run's flags)") if runs else f"Written by {cmd(o.argv)}"
    md.append(by + f" on "
              f"{datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}, in {b.elapsed / 60:.1f} min. "
              "See bench/README.md for what is measured and how."
              + (" **Partial: the run is still going or was stopped.**" if partial else ""))
    md.append("")
    if not getattr(b, "env_lines", None):
        b.env_lines = environment_lines(o, b.load_start)
    md.extend(b.env_lines)
    md.append("")
    md.append("Each cell: **median (min) seconds ×runs** of whole-process runs, one fresh process each, "
              "the tools of a row interleaved run by run (A B C A B C …); "
              f"{o.min_runs}–{o.max_runs} runs per cell within a {o.budget:.0f} s budget (only one when a "
              f"run takes over {o.slow:.0f} s; at least {o.heavy_min_runs} for upgrade and downgrade, "
              f"{o.large_min_runs} at the Retort-alone sizes), after one "
              f"untimed warm-up run when a run takes under {o.warmup_below:.0f} s (never for upgrade and "
              "downgrade, which start from a freshly prepared database each run). RSS: the largest peak "
              "resident set of the runs, in MB. CPU s: median user+system CPU seconds of the tool's process "
              "(not the database server's), which load from other processes barely changes. Speed-up "
              "(`vs` columns): the peer's median ÷ Retort's median, in brackets min ÷ min, then the same for "
              "CPU seconds (above 1× means Retort is faster). Flyway: `current` is `info`, "
              "`upgrade head` is `migrate` (of the linearised revisions).")
    md.append("")

    notes = Notes()

    def table(keys, with_db, tools):
        peers = [t for t in tools if t != "retort"]
        head = ["work"] + (["database"] if with_db else [])
        for t in tools:
            head += [f"{TOOL_NAMES[t]} s", f"{TOOL_NAMES[t]} CPU s", f"{TOOL_NAMES[t]} RSS"]
        if "retort" in tools:
            head += [f"vs {TOOL_NAMES[p]}" for p in peers]
        rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for key in keys:
            cells = R.get(key, {})
            row = [COMMAND_LABELS.get(key[4], key[4])]
            if with_db:
                row.append(key[1] if key[1] != "-" else "none")
            for t in tools:
                row += [cell(cells.get(t), notes), cpu(cells.get(t)), rss(cells.get(t))]
            if "retort" in tools:
                row += [ratio(cells.get("retort"), cells.get(p)) for p in peers]
            rows.append("| " + " | ".join(row) + " |")
        return rows

    order = {c: i for i, c in enumerate(["version", "heads", "heads-512m", "history", "current",
                                         "upgrade", "downgrade", "upgrade-sql", "check"])}
    dbo = {"-": 0, "sqlite": 1, "postgres": 2}

    if ("startup", "-", "-", None, "version") in R:
        md.append("## Start-up")
        md.append("")
        md.extend(table([("startup", "-", "-", None, "version")], False, tools))
        md.append("")
    groups = sorted({(k[0], k[3], k[2]) for k in R if k[0] != "startup"},
                    key=lambda g: (g[0] != "all", g[1], SHAPES.index(g[2])))
    for section, n, shape in groups:
        keys = sorted([k for k in R if (k[0], k[3], k[2]) == (section, n, shape)],
                      key=lambda k: (order.get(k[4], 99), dbo.get(k[1], 9)))
        if section == "all":
            md.append(f"## N = {n:,}, {shape}")
            sub_tools = tools
        else:
            md.append(f"## N = {n:,}, {shape} (Retort alone)")
            sub_tools = ["retort"]
        md.append("")
        md.extend(table(keys, True, sub_tools))
        md.append("")

    if notes.items:
        md.append("Notes:  ")
        md.extend(notes.lines())
        md.append("")
    md.extend(targets(b))
    text = "\n".join(md) + "\n"
    os.makedirs(os.path.dirname(o.out), exist_ok=True)
    with open(o.out, "w") as f:
        f.write(text)
    save_json(b, partial)
    return text


def json_path(out):
    return (out[:-3] if out.endswith(".md") else out) + ".json"


def save_json(b, partial):
    """The raw samples beside the report, so that it can be re-rendered (--render)."""
    data = {
        "partial": partial,
        "elapsed": b.elapsed,
        "load_start": list(b.load_start),
        "env_lines": b.env_lines,
        "options": {k: v for k, v in vars(b.o).items()},
        "results": [
            {"key": list(key), "tool": tool, "status": r.status, "note": r.note,
             "samples": [[x.seconds, x.rss_kb, x.cpu] for x in r.samples]}
            for key, cells in b.results.items() for tool, r in cells.items()
        ],
    }
    with open(json_path(b.o.out), "w") as f:
        json.dump(data, f, indent=1)


def render(paths, out):
    """Re-renders a report from the JSON one run wrote, or merges several runs' JSON into one
    report (a later file's cell replaces an earlier one's)."""
    datas = [json.load(open(p)) for p in paths]
    first = datas[0]
    o = argparse.Namespace(**first["options"])
    if len(datas) > 1:
        def union(name, order=None):
            seen = []
            for d in datas:
                for x in d["options"][name]:
                    if x not in seen:
                        seen.append(x)
            return [x for x in order if x in seen] if order else sorted(seen)
        o.tools, o.dbs, o.shapes = union("tools", TOOLS), union("dbs", DBS), union("shapes", SHAPES)
        o.commands, o.n, o.retort_n = union("commands", COMMANDS), union("n"), union("retort_n")
        o.runs = [d["options"]["argv"] for d in datas]
    o.out = out or o.out
    b = Bench(o)
    b.rendering = True
    b.elapsed = sum(d["elapsed"] for d in datas)
    b.load_start, b.env_lines = first["load_start"], list(first["env_lines"])
    if len(datas) > 1:
        # Per run: the machine's load and the Retort jar (other builds may have replaced it between runs).
        b.env_lines = [l for l in b.env_lines if not l.startswith(("- Machine:", "- Retort:"))]
        per_run = []
        for i, d in enumerate(datas, start=1):
            machine = next((l for l in d["env_lines"] if l.startswith("- Machine:")), "- Machine: ?")
            retort = next((l[len("- Retort: "):] for l in d["env_lines"] if l.startswith("- Retort:")), "")
            per_run.append(f"- Run {i} (`{' '.join(shlex.quote(a) for a in d['options']['argv'])}`): "
                           f"{machine[len('- Machine: '):]}" + (f"; Retort {retort}" if retort else ""))
        b.env_lines = per_run + b.env_lines
    for d in datas:
        for item in d["results"]:
            key = tuple(item["key"])
            b.results.setdefault(key, {})[item["tool"]] = Result(
                item["status"], [Sample(x[0], x[1], 0, x[2] if len(x) > 2 else None) for x in item["samples"]],
                item["note"])
    report(b, partial=any(d["partial"] for d in datas))
    return o.out


def targets(b):
    """Issue 7's targets, checked against the largest N both Retort and the peer ran."""
    R = b.results
    o = b.o
    md = ["## Targets (issue 7)", "",
          "Met when the ratio of medians reaches the target for every shape; min and CPU ratios beside it.", ""]
    rows = ["| target | measured | met? |", "|---|---|---|"]

    def get(section, db, shape, n, cmd, tool):
        return R.get((section, db, shape, n, cmd), {}).get(tool)

    def speedups(cmd, db, peer, n):
        found = []
        for shape in o.shapes:
            r, p = get("all", db, shape, n, cmd, "retort"), get("all", db, shape, n, cmd, peer)
            if r and p and r.status == "ok" and p.status == "ok":
                found.append((shape, p.median / r.median, p.min / r.min, p.cpu / r.cpu))
        return found

    n5 = 5000 if 5000 in o.n else (max(o.n) if o.n else None)
    checks = [("heads", "-", "alembic", 10, "`heads` ≥10× faster than Alembic"),
              ("history", "-", "alembic", 10, "`history` ≥10× faster than Alembic"),
              ("current", None, "alembic", 100, "`current` ≥100× faster than Alembic"),
              ("upgrade", None, "alembic", 5, "`upgrade head` ≥5× faster than Alembic"),
              ("upgrade", None, "flyway", 1, "`upgrade head` no slower than Flyway"),
              ("downgrade", None, "alembic", 5, "`downgrade base` ≥5× faster than Alembic")]
    if n5:
        for cmd, db, peer, want, text in checks:
            if peer not in o.tools or "retort" not in o.tools:
                continue
            for d in ([db] if db else o.dbs):
                found = speedups(cmd, d, peer, n5)
                if not found:
                    continue
                where = f"N={n5:,}" + (f", {d}" if d != "-" else "")
                meas = ", ".join(f"{s} {x:.1f}× (min {m:.1f}×, CPU {c:.1f}×)" for s, x, m, c in found)
                ok = all(x >= want for _, x, _m, _c in found)
                rows.append(f"| {text} ({where}) | {meas} | {'yes' if ok else '**no**'} |")
    r = R.get(("startup", "-", "-", None, "version"), {})
    if "retort" in r and "alembic" in r and r["retort"].status == r["alembic"].status == "ok":
        x = r["alembic"].median / r["retort"].median
        rows.append(f"| start-up no slower than `alembic --version` | Retort {fmt_s(r['retort'].median)} s, "
                    f"Alembic {fmt_s(r['alembic'].median)} s ({x:.2f}×; min {r['alembic'].min / r['retort'].min:.2f}×, "
                    f"CPU {r['alembic'].cpu / r['retort'].cpu:.2f}×) | {'yes' if x >= 1 else '**no**'} |")
    for shape in o.shapes:
        for n in sorted(set(o.retort_n + o.n)):
            h = get("retort" if n in o.retort_n else "all", "-", shape, n, "heads-512m", "retort")
            if h and n >= 100000:
                if h.status == "ok":
                    ok = h.median < 2
                    rows.append(f"| {n:,} revisions ({shape}): `heads` < 2 s with < 512 MB heap | "
                                f"{fmt_s(h.median)} s with `-Xmx512m` (RSS {h.rss_mb:.0f} MB) | "
                                f"{'yes' if ok else '**no**'} |")
                else:
                    rows.append(f"| {n:,} revisions ({shape}): `heads` < 2 s with < 512 MB heap | "
                                f"{h.status}: {h.note} | **no** |")
    md.extend(rows if len(rows) > 2 else ["(no pair of results to check)"])
    md.append("")
    return md


def copy_jar(src, dst, launcher, tries=20):
    """Copies a jar that another build may be rewriting: retries until the copy is a whole zip
    and `retort --help` (which loads every command class) runs."""
    for attempt in range(tries):
        shutil.copy2(src, dst)
        try:
            with zipfile.ZipFile(dst) as z:
                if z.testzip() is None and "META-INF/MANIFEST.MF" in z.namelist():
                    if subprocess.run([launcher, "--help"], capture_output=True).returncode == 0:
                        return
        except (zipfile.BadZipFile, OSError):
            pass
        log(f"  {src} is being rewritten; trying again in 5 s")
        time.sleep(5)
    raise SystemExit(f"bench: could not take a whole copy of {src}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    env = os.environ.get
    p.add_argument("--quick", action="store_true",
                   help="smoke run: N=100, no Retort-alone sizes, 1-2 runs per cell")
    p.add_argument("--n", default=env("BENCH_N", "1000,5000"), help="revision counts for every tool")
    p.add_argument("--retort-n", default=env("BENCH_RETORT_N", "10000,100000"),
                   help="extra revision counts for Retort alone ('' for none)")
    p.add_argument("--upgrade-max", type=int, default=int(env("BENCH_UPGRADE_MAX", "10000")),
                   help="largest N at which upgrade/downgrade run (above: heads, history, current on a stamped database)")
    p.add_argument("--heap-check-n", type=int, default=int(env("BENCH_HEAP_CHECK_N", "100000")),
                   help="from this N on, also time `heads` with -Xmx512m")
    p.add_argument("--tools", default=env("BENCH_TOOLS", ",".join(TOOLS)), help=f"of {','.join(TOOLS)}")
    p.add_argument("--dbs", default=env("BENCH_DBS", ",".join(DBS)), help=f"of {','.join(DBS)} (done in turn)")
    p.add_argument("--shapes", default=env("BENCH_SHAPES", ",".join(SHAPES)), help=f"of {','.join(SHAPES)}")
    p.add_argument("--commands", default=env("BENCH_COMMANDS", ",".join(COMMANDS)), help=f"of {','.join(COMMANDS)}")
    p.add_argument("--min-runs", type=int, default=int(env("BENCH_MIN_RUNS", "3")), help="measured runs per cell, at least")
    p.add_argument("--max-runs", type=int, default=int(env("BENCH_MAX_RUNS", "10")), help="measured runs per cell, at most")
    p.add_argument("--heavy-min-runs", type=int, default=int(env("BENCH_HEAVY_MIN_RUNS", "2")),
                   help="--min-runs for upgrade/downgrade (each run rebuilds its database)")
    p.add_argument("--large-min-runs", type=int, default=int(env("BENCH_LARGE_MIN_RUNS", "2")),
                   help="--min-runs for upgrade/downgrade at the Retort-alone sizes")
    p.add_argument("--budget", type=float, default=float(env("BENCH_BUDGET", "20")),
                   help="seconds of measured runs per cell before stopping at --min-runs")
    p.add_argument("--slow", type=float, default=float(env("BENCH_SLOW", "60")),
                   help="a cell whose first measured run takes longer than this many seconds gets only that run")
    p.add_argument("--warmup-below", type=float, default=float(env("BENCH_WARMUP_BELOW", "5")),
                   help="a first run quicker than this many seconds is an untimed warm-up")
    p.add_argument("--timeout", type=float, default=float(env("BENCH_TIMEOUT", "900")),
                   help="kill a run after this many seconds and record the cell as failed")
    p.add_argument("--render", metavar="JSON[,JSON...]",
                   help="only re-render the report from the .json a run wrote beside it, or merge several runs' "
                        ".json into one report (to --out, or where the first was)")
    p.add_argument("--keep-dbs", action="store_true", help="leave the benchmark databases behind")
    p.add_argument("--out", default=env("BENCH_OUT", os.path.join(BENCH, "results", "latest.md")),
                   help="the report; the raw samples go beside it as .json")
    p.add_argument("--work", default=env("BENCH_WORK", os.path.join(BENCH, "work")),
                   help="generated projects, SQLite files, logs")
    p.add_argument("--retort-jar", default=os.path.join(ROOT, "cli-adapter", "target", "retort-all.jar"))
    p.add_argument("--flyway-jar", default=os.path.join(BENCH, "flyway-runner", "target", "flyway-runner.jar"))
    p.add_argument("--flyway-java-opts", default=env("FLYWAY_JAVA_OPTS", ""))
    o = p.parse_args()
    if o.render:
        out = render(csv(o.render), os.path.abspath(o.out) if "--out" in " ".join(sys.argv) else None)
        log(f"written: {os.path.relpath(out, os.getcwd())}")
        return
    o.argv = sys.argv[1:]
    global TIMEOUT
    TIMEOUT = o.timeout
    if o.quick:
        o.n, o.retort_n = "100", ""
        o.min_runs, o.max_runs, o.budget = 1, 2, 5
    o.n, o.retort_n = ints(o.n), ints(o.retort_n)
    o.tools, o.dbs, o.shapes, o.commands = csv(o.tools), csv(o.dbs), csv(o.shapes), csv(o.commands)
    for name, given, allowed in (("tool", o.tools, TOOLS), ("database", o.dbs, DBS),
                                 ("shape", o.shapes, SHAPES), ("command", o.commands, COMMANDS)):
        bad = [x for x in given if x not in allowed]
        if bad:
            p.error(f"unknown {name} {', '.join(bad)}; choose from {', '.join(allowed)}")
    o.tools = [t for t in TOOLS if t in o.tools]      # fixed column order
    o.min_runs = max(1, o.min_runs)
    o.max_runs = max(o.min_runs, o.max_runs)
    o.work = os.path.abspath(o.work)
    o.out = os.path.abspath(o.out)

    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    b = Bench(o)
    if "retort" in o.tools:
        # A private copy of the launcher and jar: other builds may replace the jar mid-run.
        dist = os.path.join(o.work, "retort-dist")
        os.makedirs(os.path.join(dist, "cli-adapter", "target"), exist_ok=True)
        shutil.copy2(os.path.join(ROOT, "retort"), os.path.join(dist, "retort"))
        copy_jar(o.retort_jar, os.path.join(dist, "cli-adapter", "target", "retort-all.jar"),
                 os.path.join(dist, "retort"))
        b.retort_launcher = os.path.join(dist, "retort")
        o.retort_jar = os.path.join(dist, "cli-adapter", "target", "retort-all.jar")
        o.retort_launcher = b.retort_launcher
        # One more copy per database for the commands that open one: the launcher's archive of
        # database commands holds the classes of the first run of each command after a build, so
        # in a shared copy PostgreSQL's runs would load its driver outside the archive after
        # SQLite's runs recorded it. A user with one database gets what each copy gets here.
        for db in o.dbs:
            db_dist = os.path.join(o.work, f"retort-dist-{db}")
            os.makedirs(os.path.join(db_dist, "cli-adapter", "target"), exist_ok=True)
            shutil.copy2(os.path.join(dist, "retort"), os.path.join(db_dist, "retort"))
            db_jar = os.path.join(db_dist, "cli-adapter", "target", "retort-all.jar")
            if not (os.path.exists(db_jar) and filecmp.cmp(o.retort_jar, db_jar, shallow=False)):
                for old_archive in glob.glob(os.path.join(db_dist, "cli-adapter", "target", "retort-*.jsa*")):
                    os.remove(old_archive)
                shutil.copy2(o.retort_jar, db_jar)
            b.retort_launchers[db] = os.path.join(db_dist, "retort")
    else:
        o.retort_launcher = os.path.join(ROOT, "retort")
    try:
        b.run()
    except KeyboardInterrupt:
        b.elapsed = time.time() - b.started
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        log("\ninterrupted: writing what was measured so far")
        report(b, partial=True)
        log(f"written (partial): {os.path.relpath(o.out, os.getcwd())}")
        sys.exit(130)
    b.env_lines = environment_lines(o, b.load_start)     # again: the load average at the end
    text = report(b)
    log("\n" + text)
    log(f"written: {os.path.relpath(o.out, os.getcwd())}")


if __name__ == "__main__":
    main()
