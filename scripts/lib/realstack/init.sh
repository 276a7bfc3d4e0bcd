# shellcheck shell=bash
# First-run initialisation of scripts/realstack up: databases and schema migrations (in the
# background, in parallel, one log each under RS_LOG_DIR/init-*.log), flavors and image (the keystone
# side is in catalog.sh). Every step is idempotent; a marker file in RS_STATE_DIR skips a finished
# step on later starts. Source it after common.sh, api.sh and procs.sh.

# Background migration jobs: service -> pid.
declare -A RS_INIT_PIDS=()

# The migration commands of one service (run by `sh -ec`, output in init-<service>.log).
_rs_sync_script() {
    local db="mysql+pymysql://$RS_DB_USER:$RS_DB_PASSWORD@127.0.0.1"
    case "$1" in
    keystone) printf '%s\n' 'keystone-manage db_sync' \
        "keystone-manage bootstrap --bootstrap-admin-url $RS_KEYSTONE_URL/ --bootstrap-internal-url $RS_KEYSTONE_URL/ --bootstrap-public-url $RS_KEYSTONE_URL/ --bootstrap-region-id $RS_REGION" ;;
    placement) printf '%s\n' 'placement-manage db sync' ;;
    glance) printf '%s\n' 'glance-manage --config-file /etc/glance/glance-api.conf db_sync' ;;
    neutron) printf '%s\n' 'neutron-db-manage --config-file /etc/neutron/neutron.conf --config-file /etc/neutron/plugins/ml2/ml2_conf.ini upgrade heads' ;;
    # The cell's transport URL is a template filled from each reader's own transport_url, so that the
    # broker may come up on another port next time.
    nova) printf '%s\n' 'nova-manage api_db sync' \
        "nova-manage cell_v2 map_cell0 --database_connection $db/nova_cell0" \
        "nova-manage cell_v2 create_cell --name cell1 --database_connection $db/nova --transport-url '{scheme}://{username}:{password}@{hostname}:{port}/{path}' || test \$? = 2" \
        'nova-manage db sync' ;;
    cinder) printf '%s\n' 'cinder-manage --config-file /etc/cinder/cinder.conf db sync' ;;
    heat) printf '%s\n' 'heat-manage --config-file /etc/heat/heat.conf db_sync' ;;
    esac
}

# Creates the databases and starts every migration in the background (first run only).
rs_init_databases() {
    [[ -f "$RS_STATE_DIR/databases.done" ]] && return 0
    rs_log "first run: creating the databases and running the migrations (logs: $RS_LOG_DIR/init-*.log)"
    local sql="" name
    for name in "${RS_DATABASES[@]}"; do
        sql+="CREATE DATABASE IF NOT EXISTS \`$name\`;"
        sql+="GRANT ALL PRIVILEGES ON \`$name\`.* TO '$RS_DB_USER'@'127.0.0.1', '$RS_DB_USER'@'localhost';"
    done
    mariadb -uroot -e "CREATE USER IF NOT EXISTS '$RS_DB_USER'@'127.0.0.1' IDENTIFIED BY '$RS_DB_PASSWORD';
        CREATE USER IF NOT EXISTS '$RS_DB_USER'@'localhost' IDENTIFIED BY '$RS_DB_PASSWORD'; $sql FLUSH PRIVILEGES;" ||
        rs_fail mariadb "creating the databases failed"
    if [[ ! -e /etc/keystone/fernet-keys/0 ]]; then
        {
            keystone-manage fernet_setup --keystone-user root --keystone-group root &&
                keystone-manage credential_setup --keystone-user root --keystone-group root
        } >>"$(rs_logfile init-keystone)" 2>&1 || rs_fail init-keystone "creating keystone's fernet keys failed"
    fi
    for name in keystone placement glance neutron nova cinder heat; do
        # setsid: a process group of its own (this script has no job control, so setsid does not
        # fork and $! is the group), which rs_init_kill can stop with whatever command it runs.
        OS_BOOTSTRAP_PASSWORD="$RS_ADMIN_PASSWORD" setsid sh -ec "$(_rs_sync_script "$name")" \
            >>"$(rs_logfile "init-$name")" 2>&1 </dev/null &
        RS_INIT_PIDS[$name]=$!
    done
}

# Waits for the migrations of the given services (no-op when they did not run in this process).
rs_init_wait() {
    local name pid
    for name in "$@"; do
        pid="${RS_INIT_PIDS[$name]:-}"
        [[ -n "$pid" ]] || continue
        wait "$pid" || rs_fail "init-$name" "the database migrations of $name failed"
        unset "RS_INIT_PIDS[$name]"
    done
}

# True when the migrations of service $1 are over (or did not run); fails the `up` if they failed.
rs_init_finished() {
    local pid="${RS_INIT_PIDS[$1]:-}"
    [[ -z "$pid" ]] && return 0
    kill -0 "$pid" 2>/dev/null && return 1
    rs_init_wait "$1"
}

# Kills migrations still running (a failed `up`).
rs_init_kill() {
    local name
    for name in "${!RS_INIT_PIDS[@]}"; do
        kill -TERM -- "-${RS_INIT_PIDS[$name]}" 2>/dev/null || true
    done
}

# Flavors m1.fake (id 1) and m1.fake2 (id 2), image fake-image (4 KiB of zeros).
rs_init_compute() {
    [[ -f "$RS_STATE_DIR/compute.done" ]] && return 0
    rs_admin
    # disk=1: non-admin users may not boot zero-disk flavors from an image (pitfall 5).
    if [[ "$(rs_status GET http://127.0.0.1:8774/v2.1/flavors/1)" != 200 ]]; then
        rs_call POST http://127.0.0.1:8774/v2.1/flavors \
            '{"flavor": {"name": "m1.fake", "id": "1", "vcpus": 1, "ram": 64, "disk": 1}}' >/dev/null
    fi
    if [[ "$(rs_status GET http://127.0.0.1:8774/v2.1/flavors/2)" != 200 ]]; then
        rs_call POST http://127.0.0.1:8774/v2.1/flavors \
            '{"flavor": {"name": "m1.fake2", "id": "2", "vcpus": 2, "ram": 128, "disk": 2}}' >/dev/null
    fi
    local image
    image="$(rs_call GET 'http://127.0.0.1:9292/v2/images?name=fake-image' | jq -r '.images[0].id // empty')"
    if [[ -z "$image" ]]; then
        image="$(rs_call POST http://127.0.0.1:9292/v2/images '{"name": "fake-image", "disk_format": "raw",
            "container_format": "bare", "visibility": "public"}' | jq -r .id)"
    fi
    if [[ "$(rs_call GET "http://127.0.0.1:9292/v2/images/$image" | jq -r .status)" != active ]]; then
        head -c 4096 /dev/zero >"$RS_RUN_DIR/fake-image.raw"
        RS_CONTENT_TYPE=application/octet-stream rs_call PUT "http://127.0.0.1:9292/v2/images/$image/file" \
            "@$RS_RUN_DIR/fake-image.raw" >/dev/null
        rm -f "$RS_RUN_DIR/fake-image.raw"
    fi
    touch "$RS_STATE_DIR/compute.done"
    rs_log "flavors m1.fake, m1.fake2 and image fake-image ready"
}
