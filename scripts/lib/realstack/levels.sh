# shellcheck shell=bash
# The four levels of scripts/realstack up, each checked through its APIs: 1 keystone; 2 placement,
# glance, neutron, nova; 3 cinder; 4 heat. Level 2 also starts the daemons of levels 3 and 4 that
# depend on nothing but keystone (rs_start is a no-op for a running daemon). Source it after up.sh.
# Each rs_level_* takes the start time of `up` (for the log line that says when the level was ready).

rs_level_keystone() {
    rs_init_wait keystone
    rs_start keystone
    rs_wait_for "keystone API on :5000" 90 keystone rs_http_up "$RS_KEYSTONE_URL"
    rs_wait_for "an admin token from keystone" 30 keystone rs_admin
    rs_init_catalog
    rs_log "level 1 (keystone) ready at $(rs_elapsed "$1") s"
}

rs_level_nova() {
    rs_init_wait placement glance neutron
    rs_start placement
    rs_start glance-api
    rs_start neutron-server
    # Cinder's and heat's daemons need no more than keystone, MariaDB and the broker: starting them
    # now overlaps their slow Python start-up with nova's waits for heartbeats.
    if rs_init_finished cinder; then
        rs_start cinder-volume
        rs_start cinder-api
    fi
    if rs_init_finished heat; then
        rs_start heat-engine
        rs_start heat-api
    fi
    # nova-conductor and nova-scheduler exit at start when placement does not answer (pitfall 12).
    rs_wait_for "placement API on :8778" 90 placement rs_http_up http://127.0.0.1:8778/
    rs_init_wait nova
    rs_start nova-conductor
    rs_start nova-scheduler
    rs_start nova-compute
    rs_start nova-api
    rs_wait_for "glance API on :9292" 90 glance-api rs_http_up http://127.0.0.1:9292/versions
    rs_wait_for "neutron API on :9696 (primed)" 120 neutron-server _rs_neutron_primed
    rs_wait_for "nova API on :8774" 120 nova-api rs_http_up http://127.0.0.1:8774/
    rs_init_compute
    rs_wait_for "nova-conductor, nova-scheduler and nova-compute up in os-services" 120 \
        "nova-compute nova-conductor nova-scheduler" _rs_services_fresh http://127.0.0.1:8774/v2.1/os-services \
        nova-conductor nova-scheduler nova-compute
    rs_wait_for "compute host $RS_HOST mapped to cell1 (os-hypervisors)" 120 "nova-compute nova-scheduler" \
        _rs_compute_mapped
    rs_wait_for "GET /servers/detail" 60 nova-api _rs_servers_listable
    rs_log "level 2 (nova, placement, glance, neutron) ready at $(rs_elapsed "$1") s"
}

rs_level_cinder() {
    rs_init_wait cinder
    # cinder-scheduler asks the volume services for their capabilities once at start: cinder-volume
    # must be consuming before it starts, or no backend is known for a minute (pitfall 7).
    rs_start cinder-volume
    rs_start cinder-api
    rs_wait_for "cinder API on :8776" 90 cinder-api rs_http_up http://127.0.0.1:8776/
    rs_wait_for "cinder-volume up in os-services" 90 cinder-volume \
        _rs_services_fresh "http://127.0.0.1:8776/v3/$RS_PROJECT_ID/os-services" cinder-volume
    rs_start cinder-scheduler
    # get_pools is an RPC call to the scheduler: sent before it consumes, it waits 60 s for nothing.
    rs_wait_for "cinder-scheduler up in os-services" 90 cinder-scheduler \
        _rs_services_fresh "http://127.0.0.1:8776/v3/$RS_PROJECT_ID/os-services" cinder-scheduler
    rs_wait_for "pool $RS_HOST@fake#fake in scheduler-stats" 120 "cinder-scheduler cinder-volume" _rs_cinder_pool
    rs_log "level 3 (cinder) ready at $(rs_elapsed "$1") s"
}

rs_level_heat() {
    rs_init_wait heat
    rs_start heat-engine
    rs_start heat-api
    rs_wait_for "heat API on :8004" 90 heat-api rs_http_up http://127.0.0.1:8004/
    rs_wait_for "heat-engine up in /services" 90 heat-engine \
        _rs_services_fresh "http://127.0.0.1:8004/v1/$RS_PROJECT_ID/services" heat-engine
    rs_log "level 4 (heat) ready at $(rs_elapsed "$1") s"
}

# Neutron Zed answers the first GET /v2.0/ports with 500 until its mappers are configured, and nova
# then fails GET /servers/detail (pitfall 8): list networks first, then require ports to work.
_rs_neutron_primed() {
    rs_admin || return 1
    rs_status GET http://127.0.0.1:9696/v2.0/networks >/dev/null
    [[ "$(rs_status GET 'http://127.0.0.1:9696/v2.0/ports?limit=1')" == 200 ]]
}

# True when every binary $2... on host realstack is "up" with a heartbeat from after this `up`
# began (for a daemon this `up` started; a record from a previous run may still look up).
_rs_services_fresh() {
    local url="$1" binaries since=""
    shift
    binaries="$(printf '%s\n' "$@" | jq -R . | jq -s .)"
    rs_admin || return 1
    local name
    for name in "$@"; do
        if [[ " ${RS_STARTED[*]} " == *" $name "* ]]; then since="$RS_UP_SINCE"; fi
    done
    rs_call GET "$url" | jq -e --argjson want "$binaries" \
        --arg host "$RS_HOST" --arg since "$since" '
        [(.services // [])[]
         | select((.host == $host or (.host | startswith($host + "@"))) and (.state == "up" or .status == "up")
                  and ((.updated_at // .created_at // "") >= $since))
         | .binary] as $have
        | ($want - $have) == []' >/dev/null
}

# os-hypervisors lists a compute node only once its host is mapped to a cell; map it when missing
# (nova-manage takes ~4 s, so at most every 10 s; the scheduler would do it within 30 s as well).
_rs_compute_mapped() {
    rs_admin || return 1
    if rs_call GET http://127.0.0.1:8774/v2.1/os-hypervisors/detail |
        jq -e --arg h "$RS_HOST" 'any(.hypervisors[]; .service.host == $h and .state == "up")' >/dev/null; then
        return 0
    fi
    if ((SECONDS - ${_RS_LAST_DISCOVER:--100} >= 10)); then
        _RS_LAST_DISCOVER=$SECONDS
        nova-manage cell_v2 discover_hosts --verbose >>"$(rs_logfile init-nova)" 2>&1 || true
    fi
    return 1
}

_rs_servers_listable() {
    rs_admin || return 1
    [[ "$(RS_API_VERSION='compute 2.79' rs_status GET 'http://127.0.0.1:8774/v2.1/servers/detail?limit=1')" == 200 ]]
}

_rs_cinder_pool() {
    rs_admin || return 1
    RS_API_VERSION='volume 3.0' rs_call GET "http://127.0.0.1:8776/v3/$RS_PROJECT_ID/scheduler-stats/get_pools" |
        jq -e --arg p "$RS_HOST@fake#fake" 'any(.pools[]; .name == $p)' >/dev/null
}
