# shellcheck shell=bash
# `scripts/realstack down` and `reset`. Source it after procs.sh.
#
# down stops only daemons whose pid file, process group and command line show that `up` started
# them (procs.sh), the private RabbitMQ node through scripts/lib/rabbitmq.sh, and MariaDB last.

realstack_down() {
    rs_require_root
    local t0 openstack=() name i
    t0="$(now_s)"
    for ((i = ${#RS_SERVICES[@]} - 1; i >= 0; i--)); do
        name="${RS_SERVICES[$i]}"
        [[ "$name" == mariadb ]] || openstack+=("$name")
    done
    # All at once: each daemon gets SIGTERM, SIGKILL after 20 s (uwsgi and eventlet daemons can hang).
    rs_stop "${openstack[@]}"
    if pid_alive "$RS_RABBIT_DIR/server.pid" rabbitmq-server; then
        rabbitmq_stop_private "$RS_RABBIT_DIR"
    fi
    RS_STOP_GRACE=60 rs_stop mariadb
    rm -f "$RS_RUN_DIR"/auth-*.header*
    local still=()
    for name in "${RS_SERVICES[@]}"; do
        if rs_running "$name"; then still+=("$name"); fi
    done
    if ((${#still[@]} > 0)); then
        die "still running after down: ${still[*]} (see 'scripts/realstack status')"
    fi
    rs_log "down in $(rs_elapsed "$t0") s"
}

# Back to a fresh machine state: the next `up` re-initialises everything (~2.5 min).
realstack_reset() {
    rs_require_root
    realstack_down
    rs_prepare_dirs
    rs_start mariadb
    local i
    for ((i = 0; i < 60; i++)); do
        mariadb-admin -uroot ping >/dev/null 2>&1 && break
        sleep 1
    done
    local sql="" name
    for name in "${RS_DATABASES[@]}"; do sql+="DROP DATABASE IF EXISTS \`$name\`;"; done
    mariadb -uroot -e "$sql" || rs_log "warning: dropping the databases failed"
    RS_STOP_GRACE=60 rs_stop mariadb
    rm -rf /etc/keystone/fernet-keys /etc/keystone/credential-keys /var/lib/glance/images/* "$RS_RABBIT_DIR"
    rm -f "$RS_STATE_DIR"/*.done "$RS_STATE_DIR/token_expiration" "$RS_LOG_DIR"/*.log
    rs_log "reset: databases dropped, keys and state removed; the next 'scripts/realstack up' initialises afresh"
}
