#!/usr/bin/env python3
"""Generate one revision graph and write it as equivalent Retort, Alembic and Flyway projects.

Every revision creates one small table ``t_<i>`` (id integer primary key, name varchar(50));
its downgrade drops it.

Shapes:
  linear   r1 <- r2 <- ... <- rN
  branchy  blocks of BRANCHES parallel branches of BRANCH_LEN revisions each, forking off the
           previous merge point (like `revision --head <fork>` for each branch) and joined by one
           merge revision whose down_revision lists every branch head. The last block shrinks so
           that the total is exactly N and the graph ends in one head.

Flyway has no graph: it gets the revisions in a topological order (block by block, branch by
branch), as V1..VN.

Usage: gen.py OUT_DIR SHAPE N [TOOLS]
  writes OUT_DIR/<tool>/ for each of TOOLS (comma-separated, default retort,alembic,flyway) and
  OUT_DIR/graph.tsv (index, id, parent ids); an up-to-date OUT_DIR is left as it is.
"""
import hashlib
import os
import shutil
import sys

GEN_VERSION = "4"          # bump when the output changes, so cached projects are regenerated
BRANCHES = 4
BRANCH_LEN = 10


def rev_id(shape, i):
    return hashlib.sha1(f"{shape}-{i}".encode()).hexdigest()[:12]


def build_graph(shape, n):
    """Returns [(index, parents)] in topological order; index is 1-based, parents are indexes."""
    revs = []

    def add(parents):
        revs.append((len(revs) + 1, parents))
        return len(revs)

    if shape == "linear":
        prev = None
        for _ in range(n):
            prev = add([prev] if prev else [])
        return revs
    if shape != "branchy":
        raise SystemExit(f"unknown shape {shape!r}: linear or branchy")
    fork = add([])                      # the root
    while len(revs) < n:
        remaining = n - len(revs)
        if remaining < BRANCHES + 1:    # too few for a fork and a merge: finish linearly
            for _ in range(remaining):
                fork = add([fork])
            break
        per_branch = min(BRANCH_LEN, (remaining - 1) // BRANCHES)
        extra = 0 if per_branch == BRANCH_LEN else (remaining - 1) - per_branch * BRANCHES
        tips = []
        for b in range(BRANCHES):
            tip = fork
            for _ in range(per_branch + (1 if b < extra else 0)):
                tip = add([tip])
            tips.append(tip)
        fork = add(tips)                # the merge revision
    assert len(revs) == n, (len(revs), n)
    return revs


def write_retort(out, shape, revs):
    versions = os.path.join(out, "migrations", "versions")
    os.makedirs(versions)
    with open(os.path.join(out, "retort.yaml"), "w") as f:
        f.write("script_location: migrations\n"
                "url: ${BENCH_RETORT_URL:-jdbc:sqlite:retort.db}\n"
                "version_table: retort_version\n"
                "transaction_per_migration: true\n")
    # `check` compares a model with the database: the model is every table at head. A separate
    # config file, so that no other command could pay for reading a model of N tables.
    with open(os.path.join(out, "retort-check.yaml"), "w") as f:
        f.write("script_location: migrations\n"
                "url: ${BENCH_RETORT_URL:-jdbc:sqlite:retort.db}\n"
                "version_table: retort_version\n"
                "target_metadata: schema.yaml\n")
    with open(os.path.join(out, "schema.yaml"), "w") as f:
        f.write("tables:\n")
        for i, _parents in revs:
            f.write(f"  - name: t_{i}\n"
                    "    columns:\n"
                    "      - {name: id, type: integer, primary_key: true}\n"
                    "      - {name: name, type: varchar(50)}\n")
    for i, parents in revs:
        rid = rev_id(shape, i)
        ps = [rev_id(shape, p) for p in parents]
        down = "null" if not ps else ps[0] if len(ps) == 1 else "[" + ", ".join(ps) + "]"
        minute, second = divmod(i, 60)
        hour, minute = divmod(minute, 60)
        day, hour = divmod(hour, 24)
        with open(os.path.join(versions, f"{rid}_create_t_{i}.yaml"), "w") as f:
            f.write(f"revision: {rid}\n"
                    f"down_revision: {down}\n"
                    "branch_labels: []\n"
                    "depends_on: []\n"
                    f"message: create t_{i}\n"
                    f"created: 2026-01-{1 + day % 28:02d}T{hour:02d}:{minute:02d}:{second:02d}Z\n"
                    "upgrade:\n"
                    "  - create_table:\n"
                    f"      name: t_{i}\n"
                    "      columns:\n"
                    "        - {name: id, type: integer, primary_key: true}\n"
                    "        - {name: name, type: varchar(50)}\n"
                    "downgrade:\n"
                    f"  - drop_table: t_{i}\n")


ALEMBIC_ENV = '''\
"""Minimal env.py, as `alembic init` makes it, without target_metadata (no autogenerate here)."""
from logging.config import fileConfig

from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)
target_metadata = None


def run_migrations_offline():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        transaction_per_migration=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with connectable.connect() as connection:
        # One transaction per revision, as Retort (transaction_per_migration: true) and Flyway do.
        context.configure(connection=connection, target_metadata=target_metadata,
                          transaction_per_migration=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
'''

ALEMBIC_MAKO = '''\
"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}

"""
from alembic import op
import sqlalchemy as sa
${imports if imports else ""}

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}


def upgrade():
    ${upgrades if upgrades else "pass"}


def downgrade():
    ${downgrades if downgrades else "pass"}
'''

# The logging sections are the ones `alembic init` writes (INFO for alembic, to stderr).
ALEMBIC_INI = '''\
[alembic]
script_location = %(here)s/migrations
sqlalchemy.url = {url}

[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console
qualname =

[logger_sqlalchemy]
level = WARN
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
'''


def alembic_ini(url):
    return ALEMBIC_INI.replace("{url}", url)


def write_alembic(out, shape, revs):
    versions = os.path.join(out, "migrations", "versions")
    os.makedirs(versions)
    with open(os.path.join(out, "migrations", "env.py"), "w") as f:
        f.write(ALEMBIC_ENV)
    with open(os.path.join(out, "migrations", "script.py.mako"), "w") as f:
        f.write(ALEMBIC_MAKO)
    with open(os.path.join(out, "alembic.ini"), "w") as f:
        f.write(alembic_ini("sqlite:///%(here)s/alembic.db"))
    for i, parents in revs:
        rid = rev_id(shape, i)
        ps = [rev_id(shape, p) for p in parents]
        down = "None" if not ps else repr(ps[0]) if len(ps) == 1 else "(" + ", ".join(map(repr, ps)) + ")"
        with open(os.path.join(versions, f"{rid}_create_t_{i}.py"), "w") as f:
            f.write(f'"""create t_{i}\n\n'
                    f"Revision ID: {rid}\n"
                    f"Revises: {', '.join(ps)}\n"
                    "Create Date: 2026-01-01 00:00:00\n\n"
                    '"""\n'
                    "from alembic import op\n"
                    "import sqlalchemy as sa\n\n\n"
                    f"revision = {rid!r}\n"
                    f"down_revision = {down}\n"
                    "branch_labels = None\n"
                    "depends_on = None\n\n\n"
                    "def upgrade():\n"
                    f"    op.create_table('t_{i}',\n"
                    "                    sa.Column('id', sa.Integer(), primary_key=True),\n"
                    "                    sa.Column('name', sa.String(50)))\n\n\n"
                    "def downgrade():\n"
                    f"    op.drop_table('t_{i}')\n")


def write_flyway(out, shape, revs):
    sql = os.path.join(out, "sql")
    os.makedirs(sql)
    for v, (i, _parents) in enumerate(revs, start=1):
        with open(os.path.join(sql, f"V{v}__create_t_{i}.sql"), "w") as f:
            f.write(f"CREATE TABLE t_{i} (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(50));\n")


def generate(out, shape, n, tools=("retort", "alembic", "flyway")):
    tools = sorted(set(tools))
    unknown = set(tools) - {"retort", "alembic", "flyway"}
    if unknown:
        raise SystemExit(f"unknown tools: {', '.join(sorted(unknown))}")
    stamp = os.path.join(out, ".generated")
    want = f"{GEN_VERSION} {shape} {n} {','.join(tools)}\n"
    if os.path.exists(stamp) and open(stamp).read() == want:
        return
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    revs = build_graph(shape, n)
    writers = {"retort": write_retort, "alembic": write_alembic, "flyway": write_flyway}
    for tool in tools:
        writers[tool](os.path.join(out, tool), shape, revs)
    with open(os.path.join(out, "graph.tsv"), "w") as f:
        for i, parents in revs:
            f.write(f"{i}\t{rev_id(shape, i)}\t{','.join(rev_id(shape, p) for p in parents)}\n")
    with open(stamp, "w") as f:
        f.write(want)


def main():
    if len(sys.argv) not in (4, 5):
        raise SystemExit(__doc__)
    tools = (sys.argv[4] if len(sys.argv) == 5 else "retort,alembic,flyway").split(",")
    generate(sys.argv[1], sys.argv[2], int(sys.argv[3]), tools)


if __name__ == "__main__":
    main()
