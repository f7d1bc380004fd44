# Runs one Alembic revision for Strata, with the project's own Alembic, its own alembic.ini and env.py.
#
#   python3 -c <this file> probe <engine>
#   python3 -c <this file> upgrade|downgrade <alembic.ini or the script folder> <revision>
#
# The database comes from the environment (STRATA_ALEMBIC_DATABASE, JSON: {"sqlite": path} or
# {"postgresql": {libpq keyword: value}}), never from a file and never with a password: libpq reads the
# password from PGPASSWORD or ~/.pgpass as it does for Strata itself. The URL is handed to env.py as
# `sqlalchemy.url`, the way Alembic's own templates read it.
#
# Lines starting with "STRATA-ALEMBIC " carry JSON for Strata; everything else is Alembic's own output.
# Exit codes: 0 done, 2 refused before Alembic ran, 3 Alembic failed, 4 Alembic changed something else
# than the one revision, 5 Alembic or a driver is missing.

import json
import os
import sys
import traceback


def say(**fields):
    print("STRATA-ALEMBIC " + json.dumps(fields), flush=True)


def stop(code, kind, message, **fields):
    say(outcome=kind, message=message, **fields)
    sys.exit(code)


try:
    import alembic
    import sqlalchemy
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from sqlalchemy import event
    from sqlalchemy.engine import URL, Engine, make_url
except ImportError as missing:
    stop(5, "missing", "%s (Python %s at %s)" % (missing, sys.version.split()[0], sys.executable))

mode = sys.argv[1]

if mode == "probe":
    driver = None
    if sys.argv[2] == "postgresql":
        try:
            import psycopg2

            driver = "psycopg2 " + psycopg2.__version__.split()[0]
        except ImportError as missing:
            stop(5, "missing", "%s (Python %s at %s)" % (missing, sys.version.split()[0], sys.executable))
    say(outcome="probe", alembic=alembic.__version__, sqlalchemy=sqlalchemy.__version__, driver=driver,
        python=sys.executable)
    sys.exit(0)

ini, target = sys.argv[2], sys.argv[3]
if os.path.isdir(ini):
    # A project without alembic.ini: the folder holding env.py and versions/, as `script_location`.
    config = Config()
    config.set_main_option("script_location", ini)
else:
    config = Config(ini)
database = json.loads(os.environ["STRATA_ALEMBIC_DATABASE"])


def project_driver(backend, default):
    """The driver the project's alembic.ini names for this engine (psycopg2, psycopg, pg8000; pysqlite,
    aiosqlite for an async env.py), the default when it names none or another engine."""
    try:
        own = make_url(config.get_main_option("sqlalchemy.url") or "")
        if own.get_backend_name() == backend:
            return own.drivername
    except Exception:
        pass
    return default


if "sqlite" in database:
    url = URL.create(project_driver("sqlite", "sqlite"), database=database["sqlite"])
else:
    url = URL.create(project_driver("postgresql", "postgresql+psycopg2"), query=database["postgresql"])

# ConfigParser reads % as interpolation: Alembic asks for it doubled.
config.set_main_option("sqlalchemy.url", url.render_as_string(hide_password=False).replace("%", "%%"))


def refuse_other_database(connection, *rest):
    # An env.py that connects elsewhere (its own DATABASE_URL, say) would migrate a database Strata did not
    # back up: stop before the first statement.
    if connection.engine.url != url:
        raise RuntimeError(
            "env.py connects to %s, not to the database Strata runs on (%s): it does not read "
            "sqlalchemy.url from the config" % (connection.engine.url, url))


event.listen(Engine, "engine_connect", refuse_other_database)

if url.get_backend_name() == "sqlite":
    # Python's sqlite3 starts a transaction only before INSERT/UPDATE/DELETE, so Alembic's transaction around
    # a revision leaves its DDL out. Make the transaction real (SQLAlchemy's documented recipe for pysqlite):
    # the revision's statements and its alembic_version change commit together, or not at all.
    def sqlite_connect(dbapi_connection, record):
        dbapi_connection.isolation_level = None

    def sqlite_begin(connection):
        if connection.engine.url == url:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(Engine, "connect", sqlite_connect)
    event.listen(Engine, "begin", sqlite_begin)

script = ScriptDirectory.from_config(config)


def ancestry(heads):
    """Every revision applied when `heads` are alembic_version's rows: the heads and all they stand on."""
    seen = set()
    todo = list(heads)
    while todo:
        revision = script.get_revision(todo.pop())
        if revision is None or revision.revision in seen:
            continue
        seen.add(revision.revision)
        todo.extend(below(revision))
    return seen


def as_list(value):
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def below(revision):
    """What a revision stands on: its down revisions and its depends_on (revision ids or branch labels)."""
    deps = [script.get_revision(d).revision for d in as_list(revision.dependencies)]
    return as_list(revision.down_revision) + deps


def current_heads():
    engine = sqlalchemy.create_engine(url, poolclass=sqlalchemy.pool.NullPool)
    try:
        with engine.connect() as connection:
            return sorted(MigrationContext.configure(connection).get_current_heads())
    finally:
        engine.dispose()


try:
    revision = script.get_revision(target)
    before = current_heads()
except Exception as error:
    stop(2, "refused", "%s: %s" % (type(error).__name__, error))
if revision is None or revision.revision != target:
    stop(2, "refused", "Alembic knows no revision %s in %s" % (target, script.dir))
applied = ancestry(before)

if mode == "upgrade":
    if target in applied:
        stop(2, "refused", "revision %s is applied already" % target, before=before)
    missing = [d for d in below(revision) if d not in applied]
    if missing:
        stop(2, "refused", "revision %s stands on %s, which %s not applied" %
             (target, ", ".join(missing), "is" if len(missing) == 1 else "are"), before=before)
    expected = applied | {target}
    run = lambda: command.upgrade(config, target)
else:
    if target not in before:
        stop(2, "refused", "revision %s is not a current head (alembic_version holds %s)" %
             (target, ", ".join(before) or "nothing"), before=before)
    downs = as_list(revision.down_revision)
    # "<revision>@<one of its down revisions>" confines Alembic to the lineage of this revision: at a merge
    # point it takes back only the merge, after a branch point only this branch's revision. A revision with
    # no down revision (only depends_on, or none) goes back to "base" of its own lineage.
    run = lambda: command.downgrade(config, "%s@%s" % (target, downs[0] if downs else "base"))
    expected = applied - {target}

say(outcome="running", before=before)
try:
    run()
except BaseException as error:
    traceback.print_exc()
    message = "%s: %s" % (type(error).__name__, str(error).split("\n(Background on this error")[0])
    try:
        after = current_heads()
    except Exception:
        after = None
    stop(3, "failed", message, before=before, after=after)

after = current_heads()
if ancestry(after) != expected:
    stop(4, "unexpected", "alembic_version holds %s after %s %s; it held %s before" %
         (", ".join(after) or "nothing", mode, target, ", ".join(before) or "nothing"),
         before=before, after=after)
say(outcome="done", before=before, after=after)
