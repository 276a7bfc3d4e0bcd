# shellcheck shell=bash
# `scripts/realstack seed [SERVERS [VOLUMES [STACKS]]]` (default 6 4 2): entities through the REST
# APIs, all named seed-<HHMMSS>-..., in project admin and (a third, at least one of two or more) in
# project demo; then waits until the servers are ACTIVE, the volumes available and the stacks
# CREATE_COMPLETE.
# Source it after api.sh. Keep each count <= 1000: the wait reads one page per list.

# Resource-less template: heat needs no other service for these types.
RS_SEED_TEMPLATE='{"heat_template_version": "2018-08-31", "description": "realstack seed",
  "resources": {"secret": {"type": "OS::Heat::RandomString", "properties": {"length": 12}},
                "nothing": {"type": "OS::Heat::None"}},
  "outputs": {"value": {"value": {"get_attr": ["secret", "value"]}}}}'

realstack_seed() {
    rs_require_root
    local servers="${1:-6}" volumes="${2:-4}" stacks="${3:-2}" t0 prefix image
    local n
    for n in "$servers" "$volumes" "$stacks"; do
        if [[ ! "$n" =~ ^[0-9]+$ ]] || ((n > 1000)); then
            die "usage: scripts/realstack seed [SERVERS [VOLUMES [STACKS]]] (0..1000 each)"
        fi
    done
    t0="$(now_s)"
    prefix="seed-$(date -u +%H%M%S)"
    rs_as demo || die "cannot authenticate as demo: is the stack up? ('scripts/realstack status')"
    local demo_project="$RS_PROJECT_ID"
    rs_admin || die "cannot authenticate as admin"
    local admin_project="$RS_PROJECT_ID"
    image="$(rs_call GET 'http://127.0.0.1:9292/v2/images?name=fake-image' | jq -r '.images[0].id // empty')"
    [[ -n "$image" ]] || die "image fake-image not found: did 'scripts/realstack up' finish?"

    local demo_servers demo_volumes demo_stacks
    demo_servers="$(_rs_demo_share "$servers")"
    demo_volumes="$(_rs_demo_share "$volumes")"
    demo_stacks="$(_rs_demo_share "$stacks")"
    _rs_seed_servers admin "$prefix-vm-a" $((servers - demo_servers)) "$image"
    _rs_seed_servers demo "$prefix-vm-d" "$demo_servers" "$image"
    _rs_seed_volumes admin "$prefix-vol-a" $((volumes - demo_volumes)) "$admin_project"
    _rs_seed_volumes demo "$prefix-vol-d" "$demo_volumes" "$demo_project"
    _rs_seed_stacks admin "$prefix-stack-a" $((stacks - demo_stacks)) "$admin_project"
    _rs_seed_stacks demo "$prefix-stack-d" "$demo_stacks" "$demo_project"
    rs_log "requested $servers servers, $volumes volumes, $stacks stacks ($prefix-*); waiting for them"

    _rs_seed_wait "$prefix" "$servers" "$volumes" "$stacks" $((120 + 2 * servers))
    rs_log "seeded $servers servers ($demo_servers in demo), $volumes volumes ($demo_volumes in demo)," \
        "$stacks stacks ($demo_stacks in demo) as $prefix-* in $(rs_elapsed "$t0") s"
}

# A third for project demo, at least one of two or more.
_rs_demo_share() {
    local share=$(($1 / 3))
    ((share == 0 && $1 >= 2)) && share=1
    printf '%s\n' "$share"
}

# Multi-create in batches of 50; "networks": "none" needs microversion >= 2.37 (pitfall 4).
_rs_seed_servers() {
    local user="$1" name="$2" count="$3" image="$4" batch=0 size
    while ((count > 0)); do
        rs_as "$user"
        size=$((count > 50 ? 50 : count))
        batch=$((batch + 1))
        RS_API_VERSION='compute 2.79' rs_call POST http://127.0.0.1:8774/v2.1/servers "$(jq -n \
            --arg n "$name$batch" --arg i "$image" --argjson c "$size" '{server: {name: $n, imageRef: $i,
            flavorRef: "1", networks: "none", min_count: $c, max_count: $c, metadata: {seed: "realstack"}}}')" >/dev/null ||
            die "creating servers failed"
        count=$((count - size))
    done
}

_rs_seed_volumes() {
    local user="$1" name="$2" count="$3" project="$4" i
    for ((i = 1; i <= count; i++)); do
        rs_as "$user"
        rs_call POST "http://127.0.0.1:8776/v3/$project/volumes" "$(jq -n --arg n "$name-$i" \
            '{volume: {name: $n, size: 1, metadata: {seed: "realstack"}}}')" >/dev/null || die "creating a volume failed"
    done
}

_rs_seed_stacks() {
    local user="$1" name="$2" count="$3" project="$4" i
    for ((i = 1; i <= count; i++)); do
        rs_as "$user"
        rs_call POST "http://127.0.0.1:8004/v1/$project/stacks" "$(jq -n --arg n "$name-$i" \
            --argjson t "$RS_SEED_TEMPLATE" '{stack_name: $n, template: $t, timeout_mins: 10}')" >/dev/null ||
            die "creating a stack failed"
    done
}

# Polls the three all-projects lists until everything named PREFIX-* is ready; fails on an error state.
_rs_seed_wait() {
    local prefix="$1" servers="$2" volumes="$3" stacks="$4" timeout="$5" deadline s v k
    deadline=$((SECONDS + timeout))
    while :; do
        rs_admin || true # keystone busy: the requests below fail and are retried
        s="$(RS_API_VERSION='compute 2.79' rs_call GET \
            "http://127.0.0.1:8774/v2.1/servers/detail?all_tenants=1&limit=1000&name=%5E$prefix-" |
            jq -r '[.servers[].status] | "\(map(select(. == "ACTIVE")) | length) \(map(select(. == "ERROR")) | length)"')" ||
            s="0 0" # a transient API error: ask again
        v="$(rs_call GET "http://127.0.0.1:8776/v3/$RS_PROJECT_ID/volumes/detail?all_tenants=1&limit=1000" |
            jq -r --arg p "$prefix-" '[.volumes[] | select(.name // "" | startswith($p)) | .status]
                | "\(map(select(. == "available")) | length) \(map(select(startswith("error"))) | length)"')" || v="0 0"
        k="$(rs_call GET "http://127.0.0.1:8004/v1/$RS_PROJECT_ID/stacks?global_tenant=true&limit=1000" |
            jq -r --arg p "$prefix-" '[.stacks[] | select(.stack_name | startswith($p)) | .stack_status]
                | "\(map(select(. == "CREATE_COMPLETE")) | length) \(map(select(endswith("FAILED"))) | length)"')" || k="0 0"
        if [[ "${s#* }" != 0 || "${v#* }" != 0 || "${k#* }" != 0 ]]; then
            die "seed failed: errors (servers ${s#* }, volumes ${v#* }, stacks ${k#* }); see the nova, cinder and heat logs in $RS_LOG_DIR"
        fi
        if [[ "${s%% *}" == "$servers" && "${v%% *}" == "$volumes" && "${k%% *}" == "$stacks" ]]; then
            return 0
        fi
        ((SECONDS < deadline)) || die "seed: not ready after $timeout s (ACTIVE ${s%% *}/$servers," \
            "available ${v%% *}/$volumes, CREATE_COMPLETE ${k%% *}/$stacks)"
        sleep 2
    done
}
