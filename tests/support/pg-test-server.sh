#!/usr/bin/env bash
# Throwaway PostgreSQL 15 server for Strata's tests.
#
#   pg-test-server.sh start DIR   create a cluster in DIR, start it on 127.0.0.1 and write DIR/env
#   pg-test-server.sh stop DIR    stop that server and remove DIR
#
# DIR/env holds two lines for the tests to source:
#   export STRATA_TEST_PG_URL=postgresql://strata@127.0.0.1:PORT/strata_test
#   export PGPASSWORD=...
# The server listens on 127.0.0.1 only (password authentication, scram-sha-256) and on a unix socket
# inside DIR (trust). It is tuned for speed, not durability: never point it at data you want to keep.
#
# When run as root, the server runs as the `postgres` system user (created by the postgresql package;
# a `strata-test` system user is created when it does not exist). Both subcommands are idempotent.
#
# Environment:
#   STRATA_PG_BIN          PostgreSQL binaries (default /usr/lib/postgresql/15/bin)
#   STRATA_TEST_PG_PORT    first port to try (default 55432)
set -euo pipefail

# Connection settings of the caller's environment must not leak into ours.
unset PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGPASSWORD PGPASSFILE PGSERVICE PGSERVICEFILE \
    PGOPTIONS PGSSLMODE PGREQUIRESSL PGTARGETSESSIONATTRS

PG_BIN=${STRATA_PG_BIN:-/usr/lib/postgresql/15/bin}
FIRST_PORT=${STRATA_TEST_PG_PORT:-55432}
PORT_ATTEMPTS=50
MARKER=.strata-pg-test-server
ROLE=strata
DATABASE=strata_test

prog=$(basename "$0")

say() { echo "$prog: $*"; }
fail() {
    echo "$prog: error: $*" >&2
    exit 1
}
usage() {
    echo "usage: $prog start DIR | stop DIR" >&2
    exit 2
}

# The OS user the server runs as: the caller, or a system user when the caller is root.
os_user() {
    if ((EUID != 0)); then
        id -un
    elif id -u postgres >/dev/null 2>&1; then
        echo postgres
    else
        echo strata-test
    fi
}

# Runs a command as the server's OS user, from a directory that user can read.
as_owner() {
    if ((EUID == 0)); then
        (cd / && runuser -u "$OWNER" -- "$@")
    else
        "$@"
    fi
}

port_in_use() {
    # A successful connect means something is listening there.
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

server_running() {
    [[ -f $DATA/postmaster.pid ]] && as_owner "$PG_BIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1
}

print_log_tail() {
    if [[ -f $LOG ]]; then
        echo "$prog: last lines of $LOG:" >&2
        tail -n 40 "$LOG" | sed 's/^/    /' >&2
    fi
}

# Stops the server in $DATA if one runs; returns non-zero if it would not stop.
stop_server() {
    [[ -f $DATA/postmaster.pid ]] || return 0
    if as_owner "$PG_BIN/pg_ctl" stop -D "$DATA" -m fast -w -t 60 >/dev/null 2>&1; then
        return 0
    fi
    if ! server_running; then
        return 0
    fi
    say "fast shutdown failed; trying immediate shutdown"
    as_owner "$PG_BIN/pg_ctl" stop -D "$DATA" -m immediate -w -t 30 >/dev/null 2>&1 || true
    if [[ -f $DATA/postmaster.pid ]]; then
        local pid
        pid=$(head -n 1 "$DATA/postmaster.pid")
        if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
            say "killing postmaster $pid"
            kill -KILL "$pid" 2>/dev/null || true
            sleep 1
            kill -0 "$pid" 2>/dev/null && return 1
        fi
    fi
    return 0
}

set_paths() {
    DIR=$1
    RUN=$DIR/pg
    DATA=$RUN/data
    LOG=$RUN/server.log
    ENV_FILE=$DIR/env
}

ensure_os_user() {
    OWNER=$(os_user)
    if ((EUID == 0)) && ! id -u "$OWNER" >/dev/null 2>&1; then
        say "creating system user $OWNER"
        useradd --system --user-group --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$OWNER"
    fi
}

cmd_start() {
    [[ -x $PG_BIN/initdb && -x $PG_BIN/pg_ctl && -x $PG_BIN/postgres ]] ||
        fail "PostgreSQL 15 server binaries not found in $PG_BIN (run scripts/install-deps.sh)"
    ensure_os_user

    mkdir -p "$DIR"
    DIR=$(cd "$DIR" && pwd -P)
    set_paths "$DIR"
    if [[ ! -e $DIR/$MARKER ]]; then
        [[ -z $(ls -A "$DIR") ]] || fail "$DIR is not empty and is not a test server directory"
        touch "$DIR/$MARKER"
    fi

    # Already running (e.g. a second start): keep it.
    if [[ -f $ENV_FILE && -f $RUN/strata-test.conf ]] && server_running &&
        "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$(sed -n 's/^port = //p' "$RUN/strata-test.conf")" \
            -d postgres -U "$ROLE"; then
        say "already running ($ENV_FILE)"
        return 0
    fi

    # Anything left over from an interrupted start is thrown away.
    if [[ -d $RUN ]]; then
        stop_server || fail "could not stop the old server in $DATA"
        rm -rf "$RUN"
    fi
    rm -f "$ENV_FILE"

    # Socket paths are limited to 107 bytes.
    local socket_suffix=/.s.PGSQL.65535.lock
    ((${#RUN} + ${#socket_suffix} <= 107)) || fail "$DIR is too long a path for a unix socket; use a shorter one"

    mkdir -m 0700 "$RUN"
    if ((EUID == 0)); then
        chown "$OWNER:" "$RUN"
        # The server's user must be able to reach $RUN (traverse only; DIR/env stays private).
        chmod o+x "$DIR"
        as_owner test -w "$RUN" ||
            fail "user $OWNER cannot reach $RUN; choose a DIR that $OWNER can traverse (e.g. under /tmp)"
    fi

    local password
    password=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
    local pwfile=$RUN/initdb.pw
    (umask 077 && printf '%s\n' "$password" >"$pwfile")
    ((EUID == 0)) && chown "$OWNER:" "$pwfile"

    say "creating cluster in $DATA (running as $OWNER)"
    if ! as_owner "$PG_BIN/initdb" -D "$DATA" -U "$ROLE" --pwfile="$pwfile" \
        --auth-host=scram-sha-256 --auth-local=trust --encoding=UTF8 --locale=C --no-sync \
        >"$RUN/initdb.log" 2>&1; then
        rm -f "$pwfile"
        tail -n 40 "$RUN/initdb.log" | sed 's/^/    /' >&2
        fail "initdb failed"
    fi
    rm -f "$pwfile"

    cat >>"$DATA/postgresql.conf" <<CONF

# Strata test server
listen_addresses = '127.0.0.1'
unix_socket_directories = '$RUN'
max_connections = 100
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
include = '$RUN/strata-test.conf'
CONF

    local port=$FIRST_PORT started=0 attempt
    for ((attempt = 0; attempt < PORT_ATTEMPTS; attempt++, port++)); do
        port_in_use "$port" && continue
        printf 'port = %d\n' "$port" >"$RUN/strata-test.conf"
        ((EUID == 0)) && chown "$OWNER:" "$RUN/strata-test.conf"
        rm -f "$LOG"
        if as_owner "$PG_BIN/pg_ctl" start -D "$DATA" -l "$LOG" -w -t 60 >/dev/null 2>&1; then
            started=1
            break
        fi
        # Another process took the port between the check and the start: try the next one.
        if grep -q 'could not bind\|Address already in use' "$LOG" 2>/dev/null && ! server_running; then
            say "port $port is taken; trying the next one"
            continue
        fi
        print_log_tail
        stop_server || true
        fail "the server did not start (cluster left in $DIR; run: $prog stop $DIR)"
    done
    ((started)) || fail "no free port in $FIRST_PORT..$((FIRST_PORT + PORT_ATTEMPTS - 1))"

    local waited=0
    until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres -U "$ROLE"; do
        if ((waited >= 120)); then
            print_log_tail
            stop_server || true
            fail "the server did not accept connections within 60 s"
        fi
        sleep 0.5
        waited=$((waited + 1))
    done

    if ! as_owner "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$RUN" -p "$port" -U "$ROLE" -d postgres \
        -c "CREATE DATABASE $DATABASE OWNER $ROLE" >/dev/null; then
        print_log_tail
        stop_server || true
        fail "could not create database $DATABASE"
    fi

    (
        umask 077
        cat >"$ENV_FILE.tmp" <<ENV
export STRATA_TEST_PG_URL=postgresql://$ROLE@127.0.0.1:$port/$DATABASE
export PGPASSWORD=$password
ENV
    )
    mv "$ENV_FILE.tmp" "$ENV_FILE"
    say "PostgreSQL $("$PG_BIN/postgres" -V | awk '{print $3}') running on 127.0.0.1:$port, database $DATABASE"
    say "source $ENV_FILE for STRATA_TEST_PG_URL and PGPASSWORD"
}

cmd_stop() {
    if [[ ! -d $DIR ]]; then
        say "nothing to stop: $DIR does not exist"
        return 0
    fi
    DIR=$(cd "$DIR" && pwd -P)
    set_paths "$DIR"
    if [[ ! -e $DIR/$MARKER ]]; then
        if [[ -z $(ls -A "$DIR") ]]; then
            rmdir "$DIR"
            say "removed empty $DIR"
            return 0
        fi
        fail "$DIR is not a test server directory; leaving it alone"
    fi
    if [[ -f $DATA/postmaster.pid ]]; then
        OWNER=$(stat -c %U "$DATA")
        if ! stop_server; then
            print_log_tail
            fail "could not stop the server in $DATA"
        fi
        say "stopped the server in $DATA"
    else
        say "no server running in $DIR"
    fi
    rm -rf "$DIR"
    say "removed $DIR"
}

(($# == 2)) || usage
[[ -n $2 ]] || usage
set_paths "$2"
case $1 in
    start) cmd_start ;;
    stop) cmd_stop ;;
    *) usage ;;
esac
