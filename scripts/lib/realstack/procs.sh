# shellcheck shell=bash
# Starting, checking and stopping the daemons of the realstack tier without systemd (REALSTACK.md
# pitfall 13). Source it after common.sh. Each daemon runs in its own session; its pid file holds the
# pid of the daemon itself, which is also the id of its process group. A daemon counts as ours only
# while that pid is alive, still leads its process group and its command line contains the daemon's
# match string, so a recycled pid is never signalled.

# Daemons started by this invocation of `up`, in start order (what a failed `up` stops again).
RS_STARTED=()

# The command line of daemon $1 (fills the array rs_cmd).
rs_command() {
    local uwsgi=(/usr/bin/uwsgi-core --plugin python3 --master --die-on-term --need-app --enable-threads
        --buffer-size 65535 --disable-logging --http11-socket)
    case "$1" in
    mariadb) rs_cmd=(/usr/sbin/mariadbd --user=mysql) ;;
    keystone) rs_cmd=("${uwsgi[@]}" 127.0.0.1:5000 --processes 1 --threads 4 --wsgi-file /usr/bin/keystone-wsgi-public) ;;
    placement) rs_cmd=("${uwsgi[@]}" 127.0.0.1:8778 --processes 1 --threads 2 --wsgi-file /usr/bin/placement-api) ;;
    glance-api) rs_cmd=(/usr/bin/glance-api --config-file /etc/glance/glance-api.conf) ;;
    neutron-server) rs_cmd=(/usr/bin/neutron-server --config-file /etc/neutron/neutron.conf
        --config-file /etc/neutron/plugins/ml2/ml2_conf.ini) ;;
    nova-conductor | nova-scheduler) rs_cmd=("/usr/bin/$1" --config-file /etc/nova/nova.conf) ;;
    nova-compute) rs_cmd=("$RS_PY" "$RS_BIN_DIR/launch.py" nova-compute --config-file /etc/nova/nova-compute.conf) ;;
    nova-api) rs_cmd=("${uwsgi[@]}" 127.0.0.1:8774 --processes 2 --threads 1 --wsgi-file /usr/bin/nova-api-wsgi) ;;
    cinder-volume | cinder-scheduler) rs_cmd=("$RS_PY" "$RS_BIN_DIR/launch.py" "$1" --config-file /etc/cinder/cinder.conf) ;;
    cinder-api) rs_cmd=("${uwsgi[@]}" 127.0.0.1:8776 --processes 1 --threads 2 --wsgi-file "$RS_BIN_DIR/cinder-wsgi") ;;
    heat-engine) rs_cmd=(/usr/bin/heat-engine --config-file /etc/heat/heat.conf) ;;
    heat-api) rs_cmd=("${uwsgi[@]}" 127.0.0.1:8004 --processes 1 --threads 2 --wsgi-file /usr/bin/heat-wsgi-api) ;;
    *) die "unknown realstack service: $1" ;;
    esac
}

# The string that must appear in the command line of daemon $1 for it to count as ours.
rs_match() {
    case "$1" in
    mariadb) printf 'mariadbd\n' ;;
    keystone) printf 'keystone-wsgi-public\n' ;;
    placement) printf 'placement-api\n' ;;
    nova-api) printf 'nova-api-wsgi\n' ;;
    heat-api) printf 'heat-wsgi-api\n' ;;
    cinder-api) printf 'cinder-wsgi\n' ;;
    nova-compute | cinder-volume | cinder-scheduler) printf 'launch.py %s\n' "$1" ;;
    *) printf '/usr/bin/%s\n' "$1" ;;
    esac
}

# True when daemon $1 runs (pid alive, group leader, matching command line).
rs_running() {
    local pidfile pid pgid
    pidfile="$(rs_pidfile "$1")"
    pid_alive "$pidfile" "$(rs_match "$1")" || return 1
    pid="$(<"$pidfile")"
    pgid="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')"
    [[ "$pgid" == "$pid" ]]
}

rs_pid() {
    cat "$(rs_pidfile "$1")" 2>/dev/null || true
}

# Starts daemon $1 unless it runs; remembers it in RS_STARTED. A daemon this invocation started
# already and that is gone has crashed: that fails (rs_fail), it is not started twice.
rs_start() {
    local name="$1" rs_cmd logfile
    rs_running "$name" && return 0
    if [[ " ${RS_STARTED[*]} " == *" $name "* ]]; then
        rs_fail "$name" "exited after its start"
    fi
    if [[ -n "$(_rs_leftovers "$name")" ]]; then
        rs_log "$name: stopping the workers its dead leader left behind"
        rs_stop "$name"
    fi
    rs_command "$name"
    logfile="$(rs_logfile "$name")"
    printf '==== %s realstack starts %s\n' "$(date -u +%FT%TZ)" "$name" >>"$logfile"
    spawn_daemon "$(rs_pidfile "$name")" "$logfile" "${rs_cmd[@]}"
    RS_STARTED+=("$name")
}

# Stops the given daemons together: SIGTERM to each process group, SIGKILL after the grace period.
# When a daemon's leader died on its own, its leftover workers (still in the group, with the
# daemon's command line) are stopped the same way.
rs_stop() {
    local grace="${RS_STOP_GRACE:-20}" name live=() i
    for name in "$@"; do
        if rs_running "$name" || [[ -n "$(_rs_leftovers "$name")" ]]; then
            _rs_signal "$name" TERM
            live+=("$name")
        fi
    done
    for ((i = 0; i < grace * 5 && ${#live[@]} > 0; i++)); do
        sleep 0.2
        local still=()
        for name in "${live[@]}"; do
            if _rs_group_alive "$name"; then
                still+=("$name")
            elif ((i >= 25)); then
                rs_log "$name took $((i / 5)) s to stop"
            fi
        done
        live=("${still[@]}")
    done
    for name in "${live[@]}"; do
        rs_log "$name did not stop within $grace s: SIGKILL to process group $(rs_pid "$name")"
        _rs_signal "$name" KILL
    done
    for name in "$@"; do
        if ! rs_running "$name"; then rm -f "$(rs_pidfile "$name")"; fi
    done
}

# Sends signal $2 to the process group of daemon $1, or to its leftover workers when the leader is gone.
_rs_signal() {
    if rs_running "$1"; then
        kill "-$2" -- "-$(rs_pid "$1")" 2>/dev/null || true
    else
        local pid
        for pid in $(_rs_leftovers "$1"); do
            kill "-$2" "$pid" 2>/dev/null || true
        done
    fi
}

# The processes left in the group of daemon $1 whose leader is gone. A pid is not reused while it
# still names a process group, and the command line must match too, so these are the daemon's own.
_rs_leftovers() {
    local pgid match member
    pgid="$(rs_pid "$1")"
    [[ "$pgid" =~ ^[0-9]+$ ]] || return 0
    match="$(rs_match "$1")"
    for member in $(ps -o pid= -g "$pgid" 2>/dev/null); do
        if tr '\0' ' ' <"/proc/$member/cmdline" 2>/dev/null | grep -qF -- "$match"; then
            printf '%s\n' "$member"
        fi
    done
}

# True while the daemon runs or leftovers of it do (workers may outlive their parent briefly).
_rs_group_alive() {
    rs_running "$1" || [[ -n "$(_rs_leftovers "$1")" ]]
}
