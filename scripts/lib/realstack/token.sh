# shellcheck shell=bash
# Keystone's token lifetime ([token] expiration) for the tests that need tokens to expire.
# Source it after up.sh. The value lives in RS_STATE_DIR/token_expiration (absent: 86400).
#
#   scripts/realstack token-lifetime 60        keystone issues 60 s tokens from now on (restarts
#                                              keystone only; tokens issued before keep their lifetime)
#   scripts/realstack token-lifetime default   back to 86400
#   REALSTACK_TOKEN_EXPIRATION=60 scripts/realstack up   the same through `up`

# Stores $1 (seconds or "default"); true when the value changed.
_rs_store_token_expiration() {
    local value="$1" current
    [[ "$value" == default ]] && value="$RS_DEFAULT_TOKEN_EXPIRATION"
    [[ "$value" =~ ^[1-9][0-9]*$ ]] || die "token lifetime must be a positive number of seconds or 'default', not '$1'"
    current="$(rs_token_expiration)"
    [[ "$value" != "$current" ]] || return 1
    mkdir -p "$RS_STATE_DIR"
    if [[ "$value" == "$RS_DEFAULT_TOKEN_EXPIRATION" ]]; then
        rm -f "$RS_STATE_DIR/token_expiration"
    else
        printf '%s\n' "$value" >"$RS_STATE_DIR/token_expiration"
    fi
    rs_log "keystone token lifetime: $current s -> $value s"
}

# `up` honours REALSTACK_TOKEN_EXPIRATION; keystone restarts through the changed keystone.conf.
rs_apply_token_env() {
    [[ -n "${REALSTACK_TOKEN_EXPIRATION:-}" ]] || return 0
    _rs_store_token_expiration "$REALSTACK_TOKEN_EXPIRATION" || true
}

realstack_token_lifetime() {
    if [[ $# -eq 0 ]]; then
        rs_token_expiration
        return 0
    fi
    rs_require_root
    _rs_store_token_expiration "$1" || {
        rs_log "keystone token lifetime already $(rs_token_expiration) s"
        return 0
    }
    rs_write_files >/dev/null
    if ! rs_running keystone; then
        rs_log "keystone does not run: the next 'scripts/realstack up' uses the new lifetime"
        return 0
    fi
    local t0
    t0="$(now_s)"
    # shellcheck disable=SC2034  # read by levels.sh
    RS_UP_SINCE="$(date -u +%FT%T)"
    trap '_rs_up_exit' EXIT
    trap 'exit 130' INT TERM
    rs_stop keystone
    rs_start keystone
    rs_wait_for "keystone API on :5000" 90 keystone rs_http_up "$RS_KEYSTONE_URL"
    rs_wait_for "an admin token from keystone" 30 keystone rs_admin
    # shellcheck disable=SC2034  # read by the EXIT trap of up.sh
    RS_UP_DONE=1
    rs_log "keystone restarted with [token] expiration = $(rs_token_expiration) in $(rs_elapsed "$t0") s"
}
