# shellcheck shell=bash
# Shared helpers for the scripts under scripts/. Source it; do not execute it.
#
#   . "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
#
# Safe under `set -euo pipefail`. Provides:
#   log MSG...                    "[scripts] MSG" on stderr
#   die MSG...                    log "error: MSG", exit 1
#   repo_root                     absolute path of the repository (prints it)
#   state_dir [SUB]               repo-local .state/ (or .state/SUB), created if missing; ignored by git
#   apt_install_if_missing PKG... installs the Debian packages that `dpkg -s` does not know, non-interactively
#   port_is_free PORT             true when nothing listens on TCP PORT (any address)
#   find_free_port START [MAX]    prints the first free TCP port in START..START+MAX-1 (MAX default 100)
#   now_s                         wall clock in seconds with microseconds (for timings)
#   with_port_lock CMD...         runs CMD while holding a host-wide lock, so that concurrent scripts do not
#                                 pick the same "free" port (lock file: ${TMPDIR:-/tmp}/synchronizer-scripts-ports.lock)
#   spawn_daemon PIDFILE LOG CMD... starts CMD in its own session (setsid) with stdin /dev/null and
#                                 stdout+stderr appended to LOG; PIDFILE gets CMD's pid, which is also its
#                                 process-group id (so `kill -- -PID` reaches its children)
#   pid_alive PIDFILE [MATCH]     true when the pid in PIDFILE runs (and its cmdline contains MATCH)

if [[ -n "${_SCRIPTS_COMMON_SH:-}" ]]; then
    return 0
fi
_SCRIPTS_COMMON_SH=1

log() {
    printf '[scripts] %s\n' "$*" >&2
}

die() {
    log "error: $*"
    exit 1
}

repo_root() {
    local dir
    dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
    printf '%s\n' "$dir"
}

state_dir() {
    local dir
    dir="$(repo_root)/.state${1:+/$1}"
    mkdir -p "$dir"
    printf '%s\n' "$dir"
}

# apt-get update runs at most once per process tree (the marker is exported).
_apt_update_once() {
    if [[ -z "${_SCRIPTS_APT_UPDATED:-}" ]]; then
        log "apt-get update"
        apt-get update -qq >&2 || die "apt-get update failed"
        export _SCRIPTS_APT_UPDATED=1
    fi
}

_dpkg_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

apt_install_if_missing() {
    local missing=() pkg
    for pkg in "$@"; do
        _dpkg_installed "$pkg" || missing+=("$pkg")
    done
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    if [[ "$(id -u)" != 0 ]]; then
        die "missing Debian packages: ${missing[*]} (install them as root: apt-get install ${missing[*]})"
    fi
    log "installing Debian packages: ${missing[*]}"
    # The package lists may be absent (fresh image) or stale: update once, then retry once.
    if [[ -z "${_SCRIPTS_APT_UPDATED:-}" ]] && ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
        _apt_update_once
    fi
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; then
        [[ -z "${_SCRIPTS_APT_UPDATED:-}" ]] || die "apt-get install ${missing[*]} failed"
        _apt_update_once
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 ||
            die "apt-get install ${missing[*]} failed"
    fi
}

port_is_free() {
    local port="$1"
    # ss prints nothing (with -H) when no socket listens on the port.
    [[ -z "$(ss -Htln "sport = :$port" 2>/dev/null)" ]]
}

find_free_port() {
    local port="$1" max="${2:-100}" i
    for ((i = 0; i < max; i++)); do
        if port_is_free "$((port + i))"; then
            printf '%s\n' "$((port + i))"
            return 0
        fi
    done
    die "no free TCP port in $port..$((port + max - 1))"
}

now_s() {
    printf '%s\n' "${EPOCHREALTIME:-$(date +%s.%N)}"
}

with_port_lock() {
    local lockfile="${TMPDIR:-/tmp}/synchronizer-scripts-ports.lock" fd rc=0
    if [[ -n "${_SCRIPTS_LOCK_FD:-}" ]]; then
        "$@" # already held by this shell (nested call)
        return
    fi
    exec {fd}>>"$lockfile"
    flock -w 120 "$fd" || die "could not lock $lockfile within 120 s"
    # Daemons started by CMD must not inherit the lock: they close fd $_SCRIPTS_LOCK_FD
    # (see close_lock_fd_cmd).
    _SCRIPTS_LOCK_FD="$fd"
    "$@" || rc=$?
    _SCRIPTS_LOCK_FD=
    exec {fd}>&-
    return "$rc"
}

spawn_daemon() {
    local pidfile="$1" logfile="$2"
    shift 2
    rm -f "$pidfile"
    (
        if [[ -n "${_SCRIPTS_LOCK_FD:-}" ]]; then
            eval "exec ${_SCRIPTS_LOCK_FD}>&-"
        fi
        # setsid -f: the daemon is not a child of the caller (a bare `wait` does not hang on it).
        # The inner sh writes its own pid, then becomes CMD: the recorded pid is the daemon's
        # even when setsid has to fork (REALSTACK pitfall 13).
        # shellcheck disable=SC2016
        exec setsid -f sh -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" </dev/null >>"$logfile" 2>&1
    ) &
    wait "$!" || true # the subshell ends as soon as setsid -f has forked
    local i
    for ((i = 0; i < 100; i++)); do
        [[ -s "$pidfile" ]] && return 0
        sleep 0.05
    done
    die "$1 did not start (no pid in $pidfile; see $logfile)"
}

pid_alive() {
    local pidfile="$1" match="${2:-}" pid
    [[ -s "$pidfile" ]] || return 1
    pid="$(<"$pidfile")"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    if [[ -n "$match" ]]; then
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$match" || return 1
    fi
}
