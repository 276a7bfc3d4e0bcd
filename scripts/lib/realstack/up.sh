# shellcheck shell=bash
# `scripts/realstack up`: starts what does not run, initialises on the first run, and waits until
# each level is healthy (levels.sh). A failure names the service and its log, stops every daemon this
# invocation started (the broker and MariaDB included), lists what still runs and exits 1.

RS_UP_DONE=0
RS_STARTED_RABBIT=0
RS_RABBIT_JOB=""
# UTC time at which this `up` began: service heartbeats older than that come from a previous run.
RS_UP_SINCE=""

realstack_up() {
    rs_require_root
    rs_require_installed_packages
    local t0
    t0="$(now_s)"
    # shellcheck disable=SC2034  # read by levels.sh
    RS_UP_SINCE="$(date -u +%FT%T)"
    trap '_rs_up_exit' EXIT
    trap 'exit 130' INT TERM
    rs_prepare_dirs
    rs_apply_token_env
    # The broker starts in the background: MariaDB, the migrations and keystone do not need it.
    rs_start mariadb
    _rs_rabbitmq_begin
    _rs_restart_changed "$(rs_write_files)"
    rs_wait_for "MariaDB" 60 mariadb mariadb-admin -uroot ping
    rs_init_databases
    rs_level_keystone "$t0"
    _rs_rabbitmq_end
    # Now with the broker's actual port (the same as guessed unless that port was taken).
    _rs_restart_changed "$(rs_write_files)"
    rs_level_nova "$t0"
    rs_level_cinder "$t0"
    rs_level_heat "$t0"
    touch "$RS_STATE_DIR/databases.done"
    RS_UP_DONE=1
    if ((${#RS_STARTED[@]} == 0 && RS_STARTED_RABBIT == 0)); then
        rs_log "everything was running already; all health checks green in $(rs_elapsed "$t0") s"
    else
        rs_log "started ${RS_STARTED[*]}; all health checks green in $(rs_elapsed "$t0") s"
    fi
}

rs_require_installed_packages() {
    local bin
    for bin in /usr/bin/keystone-manage /usr/bin/nova-manage /usr/bin/cinder-manage /usr/bin/heat-manage \
        /usr/bin/neutron-server /usr/bin/glance-api /usr/sbin/mariadbd /usr/bin/uwsgi-core \
        /usr/lib/rabbitmq/bin/rabbitmq-server; do
        [[ -x "$bin" ]] || die "$bin is missing: run 'scripts/realstack install' first"
    done
}

_rs_rabbitmq_begin() {
    if pid_alive "$RS_RABBIT_DIR/server.pid" rabbitmq-server && [[ -s "$RS_RABBIT_DIR/transport_url" ]]; then
        return 0
    fi
    RS_STARTED_RABBIT=1
    RABBITMQ_PRIVATE_PORT="$RS_RABBIT_PORT" rabbitmq_start_private "$RS_RABBIT_DIR" &
    RS_RABBIT_JOB=$!
}

_rs_rabbitmq_end() {
    [[ -n "${RS_RABBIT_JOB:-}" ]] || return 0
    local job="$RS_RABBIT_JOB"
    RS_RABBIT_JOB=""
    wait "$job" || rs_fail rabbitmq "the private RabbitMQ node did not start"
}

# Stops the running daemons whose configuration or helper program just changed (the broker came up
# on another port, a new token lifetime...): their level starts them again with the new files.
_rs_restart_changed() {
    local changed="$1" file names=() name
    [[ -n "$changed" ]] || return 0
    while IFS= read -r file; do
        case "$file" in
        */keystone.conf) names+=(keystone) ;;
        */placement.conf) names+=(placement) ;;
        */glance-api.conf) names+=(glance-api) ;;
        */neutron.conf | */ml2_conf.ini) names+=(neutron-server) ;;
        */nova.conf) names+=(nova-conductor nova-scheduler nova-api) ;;
        */nova-compute.conf | */launch.py) names+=(nova-compute cinder-volume cinder-scheduler) ;;
        */cinder.conf | */cinder-wsgi | */realstack_cinder_fix.py) names+=(cinder-volume cinder-api cinder-scheduler) ;;
        */heat.conf | */50-realstack.yaml) names+=(heat-engine heat-api) ;;
        */99-realstack.cnf) rs_log "note: $file changed; MariaDB picks it up at its next start (down, up)" ;;
        esac
    done <<<"$changed"
    local running=()
    for name in "${names[@]}"; do
        if rs_running "$name" && [[ " ${running[*]} " != *" $name "* ]]; then running+=("$name"); fi
    done
    if ((${#running[@]} > 0)); then
        rs_log "configuration changed: restarting ${running[*]}"
        rs_stop "${running[@]}"
    fi
}

# rs_wait_for WHAT TIMEOUT "SERVICES" CHECK...: runs CHECK every second until it succeeds; fails
# (naming the service) when one of SERVICES exits or after TIMEOUT seconds.
rs_wait_for() {
    local what="$1" timeout="$2" services="$3" deadline name start=$SECONDS
    shift 3
    deadline=$((SECONDS + timeout))
    while :; do
        for name in $services; do
            rs_running "$name" || rs_fail "$name" "exited while waiting for: $what"
        done
        if "$@" >/dev/null 2>&1; then
            if ((SECONDS - start >= 5)); then rs_log "waited $((SECONDS - start)) s for $what"; fi
            return 0
        fi
        ((SECONDS < deadline)) || rs_fail "${services%% *}" "not ready within $timeout s: $what"
        sleep 1
    done
}

# Reports the failed service with the end of its log, undoes this `up` and exits 1.
rs_fail() {
    local name="$1" why="$2" logfile
    logfile="$(rs_logfile "$name")"
    [[ "$name" == rabbitmq ]] && logfile="$RS_RABBIT_DIR/log/startup.log"
    rs_log "FAILED: $name: $why"
    rs_log "log of $name: $logfile (last lines below)"
    tail -n 15 "$logfile" 2>/dev/null | sed -E 's#(://[^:/@ ]*:)[^@ ]*@#\1***@#g; s/^/    /' >&2 || true
    _rs_up_undo
    exit 1
}

_rs_up_exit() {
    local rc=$?
    ((RS_UP_DONE == 1)) && return 0
    if [[ -z "${_RS_UNDONE:-}" ]]; then
        rs_log "up did not finish (exit status $rc)"
        _rs_up_undo
    fi
}

# Stops what this `up` started: the OpenStack daemons together, then the broker, then MariaDB.
_rs_up_undo() {
    _RS_UNDONE=1
    rs_init_kill
    local daemons=() name
    for name in "${RS_STARTED[@]}"; do
        [[ "$name" == mariadb ]] || daemons+=("$name")
    done
    if ((${#daemons[@]} > 0)); then
        rs_log "stopping what this up started: ${daemons[*]}"
        rs_stop "${daemons[@]}"
    fi
    if [[ -n "${RS_RABBIT_JOB:-}" ]]; then wait "$RS_RABBIT_JOB" || true; fi
    if ((RS_STARTED_RABBIT == 1)); then rabbitmq_stop_private "$RS_RABBIT_DIR"; fi
    if [[ " ${RS_STARTED[*]} " == *" mariadb "* ]]; then RS_STOP_GRACE=60 rs_stop mariadb; fi
    local still=()
    for name in "${RS_SERVICES[@]}"; do
        if rs_running "$name"; then still+=("$name"); fi
    done
    pid_alive "$RS_RABBIT_DIR/server.pid" rabbitmq-server && still+=(rabbitmq)
    if ((${#still[@]} > 0)); then
        rs_log "still running (started before this up, left alone): ${still[*]}; 'scripts/realstack down' stops them"
    else
        rs_log "nothing of the stack runs now"
    fi
}
