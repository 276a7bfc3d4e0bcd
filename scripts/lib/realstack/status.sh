# shellcheck shell=bash
# `scripts/realstack status`, `env` and `listen`. Source it after procs.sh.

# "leftover": the daemon's leader is gone but workers of it still run (down or up stops them).
realstack_status() {
    local name port pid state down=0 node
    for name in mariadb rabbitmq "${RS_SERVICES[@]:1}"; do
        if [[ "$name" == rabbitmq ]]; then
            port="$(cat "$RS_RABBIT_DIR/port" 2>/dev/null || echo "$RS_RABBIT_PORT")"
            pid="$(cat "$RS_RABBIT_DIR/server.pid" 2>/dev/null || true)"
            node="$(cat "$RS_RABBIT_DIR/node" 2>/dev/null || echo node)"
            state=stopped
            pid_alive "$RS_RABBIT_DIR/server.pid" rabbitmq-server && state=running
            printf '%-17s %-8s pid %-8s port %-6s log %s\n' rabbitmq "$state" "${pid:--}" "$port" \
                "$RS_RABBIT_DIR/log/$node.log"
        else
            port="${RS_PORT[$name]:--}"
            pid="$(rs_pid "$name")"
            state=stopped
            if rs_running "$name"; then
                state=running
            elif [[ -n "$(_rs_leftovers "$name")" ]]; then
                state=leftover # workers of a dead leader: `down` or `up` stops them
            fi
            printf '%-17s %-8s pid %-8s port %-6s log %s\n' "$name" "$state" "${pid:--}" "$port" "$(rs_logfile "$name")"
        fi
        [[ "$state" == running ]] || down=1
    done
    return "$down"
}

# export lines for `eval "$(scripts/realstack env)"`. This interface is fixed: the real-cloud test
# suite reads exactly these names.
realstack_env() {
    local url
    url="$(rs_transport_url)"
    if [[ -z "$url" ]]; then
        url="rabbit://guest:guest@127.0.0.1:$(cat "$RS_RABBIT_DIR/port" 2>/dev/null || echo "$RS_RABBIT_PORT")/"
        rs_log "warning: the stack's RabbitMQ node does not run ('scripts/realstack up' starts it)"
    fi
    local pairs=(
        OS_AUTH_URL="$RS_KEYSTONE_URL" OS_USERNAME=admin OS_PASSWORD="$RS_ADMIN_PASSWORD"
        OS_PROJECT_NAME=admin OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default
        OS_REGION_NAME="$RS_REGION" OS_INTERFACE=public OS_IDENTITY_API_VERSION=3
        REALSTACK_TRANSPORT_URL="$url"
        REALSTACK_DEMO_USERNAME=demo REALSTACK_DEMO_PASSWORD="$RS_DEMO_PASSWORD" REALSTACK_DEMO_PROJECT=demo
    )
    local pair
    for pair in "${pairs[@]}"; do
        printf 'export %s=%q\n' "${pair%%=*}" "${pair#*=}"
    done
}

realstack_listen() {
    local seconds="${1:-30}" url
    url="$(rs_transport_url)"
    [[ -n "$url" ]] || die "the stack's RabbitMQ node does not run ('scripts/realstack up' starts it)"
    REALSTACK_TRANSPORT_URL="$url" "$RS_PY" "$RS_LIB_DIR/listen.py" --seconds "$seconds"
}
