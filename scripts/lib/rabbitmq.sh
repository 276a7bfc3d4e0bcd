# shellcheck shell=bash
# Private RabbitMQ nodes for tests and the demo. Source it; do not execute it. Safe under
# `set -euo pipefail`; Debian 12 (rabbitmq-server 3.10), as root or as any user that can write the state dir.
#
#   . scripts/lib/rabbitmq.sh
#   trap 'rabbitmq_cleanup' EXIT
#   trap 'exit 130' INT TERM        # so that the EXIT trap also runs on Ctrl-C / kill
#   rabbitmq_ensure "$(state_dir rabbitmq)"
#   dotnet test ...                 # sees SYNCHRONIZER_TEST_TRANSPORT_URL
#
# rabbitmq_install
#     Installs Debian's rabbitmq-server when missing (apt-get update first when needed).
# rabbitmq_start_private STATE_DIR
#     Starts a node of its own: name synctest-<port>@localhost, AMQP on 127.0.0.1 only (first free port
#     from ${RABBITMQ_PRIVATE_PORT:-5682}), Erlang distribution on 127.0.0.1 only (first free port from
#     AMQP port + 20000), its own cookie, config, mnesia, logs and pid files under STATE_DIR (wiped at each
#     start: every start is a fresh broker with only the default guest/guest user and vhost /). It runs
#     /usr/lib/rabbitmq/bin/rabbitmq-server directly (Debian's /usr/sbin wrapper would `su rabbitmq`),
#     ignores /etc/rabbitmq, and never touches a system node (rabbit@..., port 5672). Starts epmd
#     (127.0.0.1, port 4369) only when none runs (its pid goes to ${TMPDIR:-/tmp}/synchronizer-scripts-epmd.pid).
#     Waits at most ${RABBITMQ_START_TIMEOUT:-60} s; on failure prints the log tails and stops what it started.
#     Exports SYNCHRONIZER_TEST_TRANSPORT_URL=rabbit://guest:guest@127.0.0.1:<port>/ and writes it to
#     STATE_DIR/transport_url. Must run in the caller's shell (not in `$(...)`) for the export to stick.
# rabbitmq_stop_private STATE_DIR
#     Stops exactly that node (rabbitmqctl stop, then SIGTERM/SIGKILL of its process group as fallback).
#     An epmd that these scripts started is stopped too once no Erlang node is registered there (an epmd
#     that ran before is never touched). Removes nothing outside STATE_DIR. Never fails (it is for traps).
# rabbitmq_ctl STATE_DIR ARGS...
#     rabbitmqctl against the private node (right cookie and node name), e.g.
#     rabbitmq_ctl "$dir" list_queues name durable arguments
# rabbitmq_ensure STATE_DIR
#     Uses the developer's own broker when SYNCHRONIZER_TEST_TRANSPORT_URL is already set (then does
#     nothing else); otherwise rabbitmq_install + rabbitmq_start_private, remembering to stop it.
# rabbitmq_cleanup
#     Stops the node rabbitmq_ensure started in this shell, if any. Callers: trap 'rabbitmq_cleanup' EXIT.
#
# Files in STATE_DIR: node, port, dist_port, transport_url, owner (pid of the shell that started it),
# server.pid (the rabbitmq-server wrapper: process-group leader), rabbitmq.pid (the Erlang VM),
# epmd_preexisting (1 if an epmd answered before the start), home/.erlang.cookie, rabbitmq.conf, log/<node>.log,
# log/startup.log, mnesia/.

_RABBITMQ_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=scripts/lib/common.sh
. "$_RABBITMQ_LIB_DIR/common.sh"

RABBITMQ_BIN_DIR="${RABBITMQ_BIN_DIR:-/usr/lib/rabbitmq/bin}"
# The epmd these scripts start is shared by all their nodes: its pid is recorded host-wide.
_RABBITMQ_EPMD_PIDFILE="${TMPDIR:-/tmp}/synchronizer-scripts-epmd.pid"

rabbitmq_install() {
    apt_install_if_missing rabbitmq-server
}

# The environment of the server and of rabbitmqctl for the node in $1 (fills the array _rmq_env).
_rabbitmq_env() {
    local dir="$1"
    _rmq_env=(
        HOME="$dir/home"
        RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
        RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
        RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
        RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
        RABBITMQ_PLUGINS_EXPAND_DIR="$dir/plugins-expand"
        RABBITMQ_MNESIA_BASE="$dir/mnesia"
        RABBITMQ_LOG_BASE="$dir/log"
        RABBITMQ_PID_FILE="$dir/rabbitmq.pid"
        RABBITMQ_USE_LONGNAME=false
    )
    if [[ -s "$dir/node" ]]; then
        _rmq_env+=(RABBITMQ_NODENAME="$(<"$dir/node")")
    fi
}

rabbitmq_ctl() {
    local dir="$1"
    shift
    [[ -s "$dir/node" ]] || die "no private RabbitMQ node recorded in $dir"
    local _rmq_env
    _rabbitmq_env "$dir"
    env "${_rmq_env[@]}" "$RABBITMQ_BIN_DIR/rabbitmqctl" -n "$(<"$dir/node")" "$@"
}

_rabbitmq_abs_dir() {
    [[ -n "${1:-}" ]] || die "usage: ${FUNCNAME[1]} STATE_DIR"
    mkdir -p "$1"
    (cd "$1" && pwd -P)
}

_rabbitmq_tcp_open() {
    (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

rabbitmq_start_private() {
    local dir
    dir="$(_rabbitmq_abs_dir "${1:-}")" || exit 1
    [[ -x "$RABBITMQ_BIN_DIR/rabbitmq-server" ]] ||
        die "$RABBITMQ_BIN_DIR/rabbitmq-server not found (rabbitmq_install installs Debian's rabbitmq-server)"
    if pid_alive "$dir/server.pid" rabbitmq-server; then
        local owner
        owner="$(cat "$dir/owner" 2>/dev/null || true)"
        if [[ -n "$owner" ]] && kill -0 "$owner" 2>/dev/null; then
            die "the private RabbitMQ node of $dir ($(<"$dir/node")) still runs for process $owner; stop it first: rabbitmq_stop_private $dir"
        fi
        log "stopping the leftover private RabbitMQ node of $dir (its owner $owner is gone)"
        rabbitmq_stop_private "$dir"
    fi
    with_port_lock _rabbitmq_start_locked "$dir"
    SYNCHRONIZER_TEST_TRANSPORT_URL="$(<"$dir/transport_url")"
    export SYNCHRONIZER_TEST_TRANSPORT_URL
}

_rabbitmq_start_locked() {
    local dir="$1" t0 port dist node i
    t0="$(now_s)"
    port="$(find_free_port "${RABBITMQ_PRIVATE_PORT:-5682}")" || exit 1
    dist="$(find_free_port "$((port + 20000))")" || exit 1
    node="synctest-$port"
    if epmd -names 2>/dev/null | grep -q "^name $node at"; then
        node="synctest-$port-$$"
    fi
    node="$node@localhost"

    rm -rf "$dir/mnesia" "$dir/log" "$dir/plugins-expand"
    rm -f "$dir/transport_url" "$dir/rabbitmq.pid" "$dir/server.pid" "$dir/epmd_preexisting"
    mkdir -p "$dir/home" "$dir/log" "$dir/mnesia"
    if [[ ! -s "$dir/home/.erlang.cookie" ]]; then
        (umask 077 && od -An -N16 -tx1 /dev/urandom | tr -d ' \n' | tr a-f A-F >"$dir/home/.erlang.cookie")
        chmod 400 "$dir/home/.erlang.cookie"
    fi
    printf '%s\n' "$node" >"$dir/node"
    printf '%s\n' "$port" >"$dir/port"
    printf '%s\n' "$dist" >"$dir/dist_port"
    printf '%s\n' "$$" >"$dir/owner"
    : >"$dir/rabbitmq-env.conf"
    printf '[].\n' >"$dir/enabled_plugins"
    cat >"$dir/rabbitmq.conf" <<EOF
# Generated by scripts/lib/rabbitmq.sh: private test node, loopback only.
listeners.tcp.1 = 127.0.0.1:$port
log.file.level = ${RABBITMQ_PRIVATE_LOG_LEVEL:-info}
log.console = false
EOF

    # epmd is shared by all nodes of the host; start one (loopback only) if none answers, and remember it.
    if epmd -names >/dev/null 2>&1; then
        echo 1 >"$dir/epmd_preexisting"
    else
        echo 0 >"$dir/epmd_preexisting"
        spawn_daemon "$_RABBITMQ_EPMD_PIDFILE" "$dir/log/epmd.log" epmd -address 127.0.0.1
        for ((i = 0; i < 100; i++)); do
            epmd -names >/dev/null 2>&1 && break
            sleep 0.05
        done
        epmd -names >/dev/null 2>&1 || die "epmd did not start (see $dir/log/epmd.log)"
    fi

    local _rmq_env
    _rabbitmq_env "$dir"
    spawn_daemon "$dir/server.pid" "$dir/log/startup.log" env "${_rmq_env[@]}" \
        RABBITMQ_DIST_PORT="$dist" \
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
        "$RABBITMQ_BIN_DIR/rabbitmq-server"

    local timeout="${RABBITMQ_START_TIMEOUT:-60}" deadline logfile="$dir/log/$node.log" why=""
    deadline=$((SECONDS + timeout))
    while :; do
        if ! pid_alive "$dir/server.pid" rabbitmq-server; then
            why="the node exited during startup"
            break
        fi
        _rabbitmq_tcp_open "$port" && break
        if ((SECONDS >= deadline)); then
            why="the node did not listen on 127.0.0.1:$port within $timeout s"
            break
        fi
        sleep 0.2
    done
    if [[ -z "$why" ]] &&
        ! timeout "$((deadline - SECONDS + 5))" env "${_rmq_env[@]}" "$RABBITMQ_BIN_DIR/rabbitmqctl" \
            -n "$node" -q await_startup >>"$dir/log/startup.log" 2>&1; then
        why="rabbitmqctl await_startup failed"
    fi
    if [[ -n "$why" ]]; then
        log "private RabbitMQ $node: $why; last lines of $logfile and $dir/log/startup.log:"
        tail -n 20 "$logfile" "$dir/log/startup.log" >&2 2>/dev/null || true
        rabbitmq_stop_private "$dir"
        die "private RabbitMQ node did not start ($why); logs: $logfile, $dir/log/startup.log"
    fi

    printf 'rabbit://guest:guest@127.0.0.1:%s/\n' "$port" >"$dir/transport_url"
    log "private RabbitMQ $node ready on 127.0.0.1:$port (dist $dist) in $(_rabbitmq_elapsed "$t0") s; state in $dir"
}

_rabbitmq_elapsed() {
    local t1
    t1="$(now_s)"
    awk -v a="$1" -v b="$t1" 'BEGIN { printf "%.1f", b - a }'
}

# Waits until the pid in $1 is gone, at most $2 seconds.
_rabbitmq_wait_gone() {
    local pidfile="$1" secs="$2" i
    for ((i = 0; i < secs * 10; i++)); do
        pid_alive "$pidfile" || return 0
        sleep 0.1
    done
    ! pid_alive "$pidfile"
}

rabbitmq_stop_private() {
    local dir t0 pid node
    dir="$(_rabbitmq_abs_dir "${1:-}")" || return 0
    t0="$(now_s)"
    node="$(cat "$dir/node" 2>/dev/null || echo '?')"
    if pid_alive "$dir/server.pid" rabbitmq-server; then
        pid="$(<"$dir/server.pid")"
        local _rmq_env
        _rabbitmq_env "$dir"
        # `stop PIDFILE` returns once the Erlang VM is gone; the wrapper follows right after.
        if ! timeout 60 env "${_rmq_env[@]}" "$RABBITMQ_BIN_DIR/rabbitmqctl" -n "$node" -q \
            stop "$dir/rabbitmq.pid" >>"$dir/log/startup.log" 2>&1 ||
            ! _rabbitmq_wait_gone "$dir/server.pid" 10; then
            log "rabbitmqctl stop did not stop $node; sending SIGTERM to process group $pid"
            kill -TERM -- "-$pid" 2>/dev/null || true
            if ! _rabbitmq_wait_gone "$dir/server.pid" 20; then
                log "sending SIGKILL to process group $pid"
                kill -KILL -- "-$pid" 2>/dev/null || true
                _rabbitmq_wait_gone "$dir/server.pid" 5 || log "warning: process $pid survived SIGKILL"
            fi
        fi
        log "private RabbitMQ $node stopped in $(_rabbitmq_elapsed "$t0") s"
    fi
    # The Erlang VM of a wrapper that died on its own.
    if pid_alive "$dir/rabbitmq.pid" beam; then
        kill -KILL "$(<"$dir/rabbitmq.pid")" 2>/dev/null || true
    fi
    with_port_lock _rabbitmq_stop_epmd
    rm -f "$dir/server.pid" "$dir/rabbitmq.pid" "$dir/transport_url" "$dir/owner"
    return 0
}

# Stops the epmd that one of these scripts started (whichever node did) once no node is registered.
# Runs under the port lock, so that it cannot kill an epmd that a starting node is about to use.
_rabbitmq_stop_epmd() {
    pid_alive "$_RABBITMQ_EPMD_PIDFILE" epmd || return 0
    if epmd -names 2>/dev/null | grep -q '^name '; then
        log "leaving epmd (pid $(<"$_RABBITMQ_EPMD_PIDFILE"), started by these scripts) running: other Erlang nodes use it"
        return 0
    fi
    kill -TERM "$(<"$_RABBITMQ_EPMD_PIDFILE")" 2>/dev/null || true
    _rabbitmq_wait_gone "$_RABBITMQ_EPMD_PIDFILE" 5 || true
    rm -f "$_RABBITMQ_EPMD_PIDFILE"
}

rabbitmq_ensure() {
    local dir="${1:-}"
    [[ -n "$dir" ]] || die "usage: rabbitmq_ensure STATE_DIR"
    if [[ -n "${SYNCHRONIZER_TEST_TRANSPORT_URL:-}" ]]; then
        log "using the broker of SYNCHRONIZER_TEST_TRANSPORT_URL ($(sed -E 's#(://[^:/@]*:)[^@]*@#\1***@#' <<<"$SYNCHRONIZER_TEST_TRANSPORT_URL"))"
        return 0
    fi
    rabbitmq_install
    _RABBITMQ_STARTED_DIR="$dir"
    rabbitmq_start_private "$dir"
}

rabbitmq_cleanup() {
    if [[ -n "${_RABBITMQ_STARTED_DIR:-}" ]]; then
        local dir="$_RABBITMQ_STARTED_DIR"
        _RABBITMQ_STARTED_DIR=""
        rabbitmq_stop_private "$dir" || true
        unset SYNCHRONIZER_TEST_TRANSPORT_URL
    fi
    return 0
}
