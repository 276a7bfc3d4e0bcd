# shellcheck shell=bash
# Private PostgreSQL servers for tests (Quartz clustering). Source it; do not execute it. Safe under
# `set -euo pipefail`; Debian 12 (postgresql 15). As root the server runs as the `postgres` user (PostgreSQL
# refuses root; STATE_DIR's parents must be traversable by it); otherwise as the calling user.
#
#   . scripts/lib/postgres.sh
#   trap 'postgres_cleanup' EXIT
#   trap 'exit 130' INT TERM        # so that the EXIT trap also runs on Ctrl-C / kill
#   postgres_ensure "$(state_dir postgres)"
#   dotnet test ...                 # sees SYNCHRONIZER_TEST_POSTGRES
#
# postgres_install
#     Installs Debian's postgresql when missing (apt-get update first when needed).
# postgres_start_private STATE_DIR
#     initdb (fresh at every start) into STATE_DIR/pg, listens on 127.0.0.1 only on the first free port from
#     ${POSTGRES_PRIVATE_PORT:-5442}, unix socket in STATE_DIR/run (mode 0700), fsync off (test data only).
#     Superuser `postgres`: unix socket only (trust). Role `synchronizer` (LOGIN CREATEDB, generated password,
#     scram-sha-256 over TCP) owns database `synchronizer`. Waits at most ${POSTGRES_START_TIMEOUT:-60} s.
#     Exports SYNCHRONIZER_TEST_POSTGRES=postgresql://synchronizer:<password>@127.0.0.1:<port>/synchronizer
#     and writes it to STATE_DIR/postgres_url. Must run in the caller's shell (not in `$(...)`).
# postgres_stop_private STATE_DIR
#     pg_ctl stop -m fast (SIGQUIT/SIGKILL of the postmaster as fallback). Never fails (it is for traps).
# postgres_psql STATE_DIR ARGS...
#     psql as the superuser through the private socket, e.g. postgres_psql "$dir" -d synchronizer -c 'select 1'
# postgres_ensure STATE_DIR
#     Uses the developer's own server when SYNCHRONIZER_TEST_POSTGRES is already set (then does nothing
#     else); otherwise postgres_install + postgres_start_private, remembering to stop it.
# postgres_cleanup
#     Stops the server postgres_ensure started in this shell, if any. Callers: trap 'postgres_cleanup' EXIT.
#
# Files in STATE_DIR: pg/ (data; pg/postmaster.pid), run/ (socket), log/postgres.log, port, password,
# postgres_url, owner (pid of the shell that started it).

_POSTGRES_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=scripts/lib/common.sh
. "$_POSTGRES_LIB_DIR/common.sh"

postgres_install() {
    apt_install_if_missing postgresql
}

# The newest installed server's bin dir (or $POSTGRES_BIN_DIR).
_postgres_bin() {
    if [[ -n "${POSTGRES_BIN_DIR:-}" ]]; then
        printf '%s\n' "$POSTGRES_BIN_DIR"
        return 0
    fi
    local dir
    dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)"
    [[ -n "$dir" && -x "$dir/pg_ctl" ]] || die "no PostgreSQL server under /usr/lib/postgresql (postgres_install installs it)"
    printf '%s\n' "$dir"
}

# Runs a command as the server's owner: `postgres` when we are root, else ourselves.
_postgres_as_owner() {
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

_postgres_abs_dir() {
    [[ -n "${1:-}" ]] || die "usage: ${FUNCNAME[1]} STATE_DIR"
    mkdir -p "$1"
    (cd "$1" && pwd -P)
}

postgres_psql() {
    local dir="$1" bin
    shift
    bin="$(_postgres_bin)" || exit 1
    [[ -s "$dir/port" ]] || die "no private PostgreSQL recorded in $dir"
    _postgres_as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir/run" -p "$(<"$dir/port")" -U postgres "$@"
}

_postgres_running() {
    [[ -s "$1/pg/postmaster.pid" ]] || return 1
    local pid
    pid="$(head -n 1 "$1/pg/postmaster.pid")"
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null
}

postgres_start_private() {
    local dir
    dir="$(_postgres_abs_dir "${1:-}")" || exit 1
    if _postgres_running "$dir"; then
        local owner
        owner="$(cat "$dir/owner" 2>/dev/null || true)"
        if [[ -n "$owner" ]] && kill -0 "$owner" 2>/dev/null; then
            die "the private PostgreSQL of $dir still runs for process $owner; stop it first: postgres_stop_private $dir"
        fi
        log "stopping the leftover private PostgreSQL of $dir (its owner $owner is gone)"
        postgres_stop_private "$dir"
    fi
    with_port_lock _postgres_start_locked "$dir"
    SYNCHRONIZER_TEST_POSTGRES="$(<"$dir/postgres_url")"
    export SYNCHRONIZER_TEST_POSTGRES
}

_postgres_start_locked() {
    local dir="$1" t0 bin port password i
    t0="$(now_s)"
    bin="$(_postgres_bin)" || exit 1
    port="$(find_free_port "${POSTGRES_PRIVATE_PORT:-5442}")" || exit 1
    # The socket path must fit in sockaddr_un (107 bytes).
    ((${#dir} + 20 < 107)) || die "state dir path too long for a unix socket: $dir"

    rm -rf "$dir/pg" "$dir/run" "$dir/log"
    rm -f "$dir/postgres_url"
    mkdir -p "$dir/pg" "$dir/run" "$dir/log"
    chmod 700 "$dir/pg" "$dir/run"
    : >"$dir/log/postgres.log"
    (umask 077 && od -An -N12 -tx1 /dev/urandom | tr -d ' \n' >"$dir/password")
    password="$(<"$dir/password")"
    printf '%s\n' "$port" >"$dir/port"
    printf '%s\n' "$$" >"$dir/owner"
    if [[ "$(id -u)" == 0 ]]; then
        chown postgres: "$dir/pg" "$dir/run" "$dir/log" "$dir/log/postgres.log"
        runuser -u postgres -- test -w "$dir/pg" ||
            die "user postgres cannot use $dir/pg (are the parent directories traversable by others?)"
    fi

    _postgres_as_owner "$bin/initdb" -D "$dir/pg" -U postgres -E UTF8 --locale=C.UTF-8 --no-sync \
        --auth-local=trust --auth-host=scram-sha-256 >>"$dir/log/postgres.log" 2>&1 ||
        die "initdb failed; see $dir/log/postgres.log"
    cat >>"$dir/pg/postgresql.conf" <<EOF

# Generated by scripts/lib/postgres.sh: private test server, loopback only, no durability.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir/run'
unix_socket_permissions = 0700
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF

    # Own session, and without the port lock's fd (the server would hold the lock forever).
    if ! (
        if [[ -n "${_SCRIPTS_LOCK_FD:-}" ]]; then
            eval "exec ${_SCRIPTS_LOCK_FD}>&-"
        fi
        as_owner=()
        if [[ "$(id -u)" == 0 ]]; then
            as_owner=(runuser -u postgres --)
        fi
        exec setsid -w "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/pg" -l "$dir/log/postgres.log" \
            -w -t "${POSTGRES_START_TIMEOUT:-60}" start
    ) </dev/null >>"$dir/log/startup.log" 2>&1; then
        log "private PostgreSQL did not start; last lines of $dir/log/postgres.log:"
        tail -n 20 "$dir/log/postgres.log" >&2 || true
        # A postmaster that is still starting writes its pid file late: give it a moment, then stop it.
        for ((i = 0; i < 50; i++)); do
            _postgres_running "$dir" && break
            sleep 0.1
        done
        postgres_stop_private "$dir"
        die "private PostgreSQL did not start on 127.0.0.1:$port; logs: $dir/log/postgres.log, $dir/log/startup.log"
    fi

    postgres_psql "$dir" -d postgres \
        -c "CREATE ROLE synchronizer LOGIN CREATEDB PASSWORD '$password'" \
        -c "CREATE DATABASE synchronizer OWNER synchronizer" >>"$dir/log/startup.log" 2>&1 || {
        postgres_stop_private "$dir"
        die "could not create role/database synchronizer; see $dir/log/startup.log"
    }
    printf 'postgresql://synchronizer:%s@127.0.0.1:%s/synchronizer\n' "$password" "$port" >"$dir/postgres_url"
    log "private PostgreSQL ready on 127.0.0.1:$port in $(_postgres_elapsed "$t0") s; state in $dir"
}

_postgres_elapsed() {
    local t1
    t1="$(now_s)"
    awk -v a="$1" -v b="$t1" 'BEGIN { printf "%.1f", b - a }'
}

postgres_stop_private() {
    local dir t0 bin pid i
    dir="$(_postgres_abs_dir "${1:-}")" || return 0
    if _postgres_running "$dir"; then
        t0="$(now_s)"
        pid="$(head -n 1 "$dir/pg/postmaster.pid")"
        bin="$(_postgres_bin 2>/dev/null)" || bin=""
        if [[ -z "$bin" ]] ||
            ! _postgres_as_owner "$bin/pg_ctl" -D "$dir/pg" -m fast -w -t 30 stop >>"$dir/log/startup.log" 2>&1; then
            log "pg_ctl stop failed; sending SIGQUIT, then SIGKILL, to postmaster $pid"
            kill -QUIT "$pid" 2>/dev/null || true
            for ((i = 0; i < 50; i++)); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.1
            done
            kill -KILL "$pid" 2>/dev/null || true
        fi
        log "private PostgreSQL (port $(cat "$dir/port" 2>/dev/null || echo '?')) stopped in $(_postgres_elapsed "$t0") s"
    fi
    rm -f "$dir/postgres_url" "$dir/owner"
    return 0
}

postgres_ensure() {
    local dir="${1:-}"
    [[ -n "$dir" ]] || die "usage: postgres_ensure STATE_DIR"
    if [[ -n "${SYNCHRONIZER_TEST_POSTGRES:-}" ]]; then
        log "using the server of SYNCHRONIZER_TEST_POSTGRES ($(sed -E 's#(://[^:/@]*:)[^@]*@#\1***@#' <<<"$SYNCHRONIZER_TEST_POSTGRES"))"
        return 0
    fi
    postgres_install
    _POSTGRES_STARTED_DIR="$dir"
    postgres_start_private "$dir"
}

postgres_cleanup() {
    if [[ -n "${_POSTGRES_STARTED_DIR:-}" ]]; then
        local dir="$_POSTGRES_STARTED_DIR"
        _POSTGRES_STARTED_DIR=""
        postgres_stop_private "$dir" || true
        unset SYNCHRONIZER_TEST_POSTGRES
    fi
    return 0
}
