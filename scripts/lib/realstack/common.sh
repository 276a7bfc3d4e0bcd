# shellcheck shell=bash
# Settings shared by the steps of scripts/realstack (a real OpenStack Zed from Debian's packages on
# 127.0.0.1, see REALSTACK.md). Source it after scripts/lib/common.sh; do not execute it.
#
# Everything the tier creates at run time lives under RS_STATE_DIR (default /var/lib/realstack,
# override with REALSTACK_STATE_DIR): run/ (pid files), log/ (one log per daemon), bin/ (helper
# programs written by `install`), rabbitmq/ (the private broker node), markers of the first-run
# initialisation, token_expiration. The configuration goes where the Debian packages expect it (/etc/...).

# shellcheck disable=SC2034  # the settings are read by the other files of scripts/lib/realstack
if [[ -n "${_REALSTACK_COMMON_SH:-}" ]]; then
    return 0
fi
_REALSTACK_COMMON_SH=1

RS_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
RS_TEMPLATE_DIR="$RS_LIB_DIR/templates"
RS_STATE_DIR="${REALSTACK_STATE_DIR:-/var/lib/realstack}"
RS_RUN_DIR="$RS_STATE_DIR/run"
RS_LOG_DIR="$RS_STATE_DIR/log"
RS_BIN_DIR="$RS_STATE_DIR/bin"
RS_RABBIT_DIR="$RS_STATE_DIR/rabbitmq"
# The broker the OpenStack services use; scripts/lib/rabbitmq.sh takes the first free port from here.
RS_RABBIT_PORT="${REALSTACK_RABBITMQ_PORT:-5692}"
# The service host name every daemon reports (publisher ids "nova-compute:realstack", "realstack@fake#fake").
RS_HOST=realstack
RS_REGION=RegionOne
RS_KEYSTONE_URL=http://127.0.0.1:5000/v3
RS_DEFAULT_TOKEN_EXPIRATION=86400
RS_PY=/usr/bin/python3

# Test credentials of a throw-away loopback cloud (REALSTACK.md "Credentials"); not secrets of this machine.
RS_ADMIN_PASSWORD="admin"
RS_DEMO_PASSWORD=demo
RS_SERVICE_PASSWORD=servicepass
RS_DB_USER=openstack
RS_DB_PASSWORD=dbpass
RS_DATABASES=(keystone placement glance neutron nova_api nova nova_cell0 cinder heat)

# Every daemon of the stack in start order; `down` stops them in reverse. rabbitmq is handled by
# scripts/lib/rabbitmq.sh and is not in this list.
RS_SERVICES=(
    mariadb keystone placement glance-api neutron-server
    nova-conductor nova-scheduler nova-compute nova-api
    cinder-volume cinder-api cinder-scheduler
    heat-engine heat-api
)

# TCP port of the services that listen (on 127.0.0.1).
declare -A RS_PORT=(
    [mariadb]=3306 [keystone]=5000 [placement]=8778 [glance-api]=9292 [neutron-server]=9696
    [nova-api]=8774 [cinder-api]=8776 [heat-api]=8004
)

rs_log() {
    printf '[realstack] %s\n' "$*" >&2
}

rs_pidfile() {
    printf '%s/%s.pid\n' "$RS_RUN_DIR" "$1"
}

rs_logfile() {
    printf '%s/%s.log\n' "$RS_LOG_DIR" "$1"
}

rs_token_expiration() {
    local value
    value="$(cat "$RS_STATE_DIR/token_expiration" 2>/dev/null || true)"
    printf '%s\n' "${value:-$RS_DEFAULT_TOKEN_EXPIRATION}"
}

# The transport URL of the private broker; empty when it does not run.
rs_transport_url() {
    cat "$RS_RABBIT_DIR/transport_url" 2>/dev/null || true
}

rs_elapsed() {
    awk -v a="$1" -v b="$(now_s)" 'BEGIN { printf "%.1f", b - a }'
}

rs_require_root() {
    [[ "$(id -u)" == 0 ]] || die "realstack runs OpenStack's daemons as root: run it as root"
}
