# shellcheck shell=bash
# First-run keystone content of scripts/realstack up (keystone-manage bootstrap made user admin, the
# roles admin, member and reader, and the identity endpoints): projects service and demo, the service
# users, demo/demo with member and heat_stack_owner, and the catalog. Idempotent; the marker
# RS_STATE_DIR/catalog.done skips it on later starts. Source it after api.sh.

# Prints the id of the keystone entity named $2 in collection $1 (projects, users, roles).
_rs_ks_find() {
    rs_call GET "$RS_KEYSTONE_URL/$1?name=$2" | jq -r --arg c "$1" '.[$c][0].id // empty'
}

# Creates the entity from JSON $3 unless one named $2 exists (409), and prints its id. Creating first
# halves the requests of a first run, when nothing exists yet.
_rs_ks_ensure() {
    local collection="$1" name="$2" body="$3" out code id=""
    out="$(mktemp)"
    code="$(_rs_curl "$out" POST "$RS_KEYSTONE_URL/$collection" "$body")"
    case "$code" in
    201) id="$(jq -r '.[keys[0]].id' "$out")" ;;
    409) id="$(_rs_ks_find "$collection" "$name")" ;;
    *) rs_log "POST $RS_KEYSTONE_URL/$collection ($name) -> HTTP ${code:-000}: $(head -c 300 "$out")" ;;
    esac
    rm -f "$out"
    [[ -n "$id" ]] || return 1
    printf '%s\n' "$id"
}

_rs_ks_user() {
    local name="$1" password="$2" project_id="$3"
    _rs_ks_ensure users "$name" "$(jq -n --arg n "$name" --arg p "$password" --arg pr "$project_id" \
        '{user: {name: $n, password: $p, domain_id: "default", default_project_id: $pr}}')"
}

_rs_ks_grant() {
    rs_call PUT "$RS_KEYSTONE_URL/projects/$1/users/$2/roles/$3" >/dev/null
}

# A service and its endpoints, one URL for the public, internal and admin interfaces.
_rs_ks_service() {
    local name="$1" type="$2" url="$3" id interface have
    id="$(rs_call GET "$RS_KEYSTONE_URL/services?type=$type" | jq -r '.services[0].id // empty')"
    [[ -n "$id" ]] || id="$(rs_call POST "$RS_KEYSTONE_URL/services" \
        "$(jq -n --arg n "$name" --arg t "$type" '{service: {name: $n, type: $t, enabled: true}}')" | jq -r .service.id)"
    have="$(rs_call GET "$RS_KEYSTONE_URL/endpoints?service_id=$id" | jq -r '[.endpoints[].interface] | join(" ")')"
    for interface in public internal admin; do
        [[ " $have " != *" $interface "* ]] || continue
        rs_call POST "$RS_KEYSTONE_URL/endpoints" "$(jq -n --arg s "$id" --arg i "$interface" --arg u "$url" \
            --arg r "$RS_REGION" '{endpoint: {service_id: $s, interface: $i, url: $u, region_id: $r, enabled: true}}')" >/dev/null
    done
}

# The catalog entries, created in parallel (each costs a few keystone requests).
_rs_ks_catalog() {
    local pids=() entry pid failed=0
    for entry in "nova compute http://127.0.0.1:8774/v2.1" "placement placement http://127.0.0.1:8778" \
        "glance image http://127.0.0.1:9292" "neutron network http://127.0.0.1:9696" \
        "cinderv3 volumev3 http://127.0.0.1:8776/v3/%(project_id)s" \
        "cinder block-storage http://127.0.0.1:8776/v3/%(project_id)s" \
        "heat orchestration http://127.0.0.1:8004/v1/%(project_id)s"; do
        # shellcheck disable=SC2086  # three words: name, type, URL
        _rs_ks_service $entry &
        pids+=("$!")
    done
    for pid in "${pids[@]}"; do
        wait "$pid" || failed=1
    done
    return "$failed"
}

# Projects, roles, users and the catalog (keystone-manage bootstrap made admin and identity).
rs_init_catalog() {
    [[ -f "$RS_STATE_DIR/catalog.done" ]] && return 0
    local t0 service demo admin_role member owner user uid
    t0="$(now_s)"
    rs_admin
    _rs_ks_catalog &
    local catalog_pid=$!
    service="$(_rs_ks_ensure projects service '{"project": {"name": "service", "domain_id": "default"}}')"
    demo="$(_rs_ks_ensure projects demo '{"project": {"name": "demo", "domain_id": "default"}}')"
    admin_role="$(_rs_ks_find roles admin)"
    member="$(_rs_ks_find roles member)"
    owner="$(_rs_ks_ensure roles heat_stack_owner '{"role": {"name": "heat_stack_owner"}}')"
    _rs_ks_ensure roles heat_stack_user '{"role": {"name": "heat_stack_user"}}' >/dev/null
    for user in nova placement glance neutron cinder heat; do
        uid="$(_rs_ks_user "$user" "$RS_SERVICE_PASSWORD" "$service")"
        _rs_ks_grant "$service" "$uid" "$admin_role"
    done
    uid="$(_rs_ks_user demo "$RS_DEMO_PASSWORD" "$demo")"
    _rs_ks_grant "$demo" "$uid" "$member"
    _rs_ks_grant "$demo" "$uid" "$owner"
    _rs_ks_grant "$RS_PROJECT_ID" "$(_rs_ks_find users admin)" "$owner"
    wait "$catalog_pid" || rs_fail keystone "creating the service catalog failed"
    touch "$RS_STATE_DIR/catalog.done"
    rs_log "keystone projects, users, roles and catalog created in $(rs_elapsed "$t0") s"
}
