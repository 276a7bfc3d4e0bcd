# shellcheck shell=bash
# REST helpers of scripts/realstack (curl + jq; the openstack CLI costs ~2 s per call). Source it
# after common.sh. Tokens and passwords never reach a command line or a log: the password goes to
# curl on stdin, the token into a root-only header file that curl reads with -H @FILE.
#
#   rs_auth USER PASSWORD PROJECT   sets RS_AUTH_HEADER (header file) and RS_PROJECT_ID
#   rs_call METHOD URL [JSON|@FILE] prints the response body; fails on a non-2xx status after
#                                   logging "METHOD URL -> HTTP code" and the start of the body.
#                                   RS_API_VERSION (e.g. "compute 2.79") adds OpenStack-API-Version.
#   rs_status METHOD URL [JSON]     prints only the HTTP status (000 when nothing answers)
#   rs_as admin|demo                rs_auth as that user in the project of that name, reusing a
#                                   young token (also of an earlier invocation); rs_admin = rs_as admin

RS_AUTH_HEADER=""
RS_PROJECT_ID=""

rs_auth() {
    local user="$1" password="$2" project="$3" headers body code
    headers="$(mktemp)"
    body="$(mktemp)"
    code="$(jq -n --arg u "$user" --arg p "$password" --arg s "$project" '{auth: {
        identity: {methods: ["password"], password: {user: {name: $u, domain: {name: "Default"}, password: $p}}},
        scope: {project: {name: $s, domain: {name: "Default"}}}}}' |
        curl -sS --max-time 60 -o "$body" -D "$headers" -w '%{http_code}' \
            -H 'Content-Type: application/json' --data-binary @- "$RS_KEYSTONE_URL/auth/tokens" 2>/dev/null)" || true
    if [[ "$code" != 201 ]]; then
        rs_log "keystone: authentication of $user in project $project failed (HTTP ${code:-000})"
        rm -f "$headers" "$body"
        return 1
    fi
    RS_AUTH_HEADER="$RS_RUN_DIR/auth-$user-$project.header"
    RS_PROJECT_ID="$(jq -r .token.project.id "$body")"
    # Written aside and renamed: concurrent invocations (a test runner seeding) may read it.
    (umask 077 && sed -n 's/^[Xx]-[Ss]ubject-[Tt]oken: *\([^[:space:]]*\).*$/X-Auth-Token: \1/p' "$headers" \
        >"$RS_AUTH_HEADER.$$" && printf '%s\n' "$RS_PROJECT_ID" >"$RS_AUTH_HEADER.$$.project")
    mv -f "$RS_AUTH_HEADER.$$.project" "$RS_AUTH_HEADER.project"
    mv -f "$RS_AUTH_HEADER.$$" "$RS_AUTH_HEADER"
    rm -f "$headers" "$body"
}

# Reuses the token of an earlier invocation while it is young (at most half its lifetime, one hour):
# each new token costs keystone a password hash and every API a validation round trip.
_rs_reuse_auth() {
    local header="$RS_RUN_DIR/auth-$1-$2.header" age limit
    [[ -s "$header" && -s "$header.project" ]] || return 1
    age=$(($(date +%s) - $(stat -c %Y "$header")))
    limit=$(($(rs_token_expiration) / 2))
    ((limit > 3600)) && limit=3600
    ((age >= 0 && age < limit)) || return 1
    RS_AUTH_HEADER="$header"
    RS_PROJECT_ID="$(<"$header.project")"
}

# rs_as admin|demo: authenticates as that user in the project of the same name, reusing a young token.
rs_as() {
    local password
    case "$1" in
    admin) password="$RS_ADMIN_PASSWORD" ;;
    demo) password="$RS_DEMO_PASSWORD" ;;
    *) die "rs_as: unknown user $1" ;;
    esac
    _rs_reuse_auth "$1" "$1" || rs_auth "$1" "$password" "$1"
}

rs_admin() {
    rs_as admin
}

# Runs curl for rs_call/rs_status: body to file $1, prints the status.
_rs_curl() {
    local out="$1" method="$2" url="$3" data="${4-}" args
    args=(-sS --max-time 120 -X "$method" -o "$out" -w '%{http_code}' -H 'Accept: application/json')
    [[ -n "$RS_AUTH_HEADER" ]] && args+=(-H "@$RS_AUTH_HEADER")
    [[ -n "${RS_API_VERSION:-}" ]] && args+=(-H "OpenStack-API-Version: $RS_API_VERSION")
    if [[ "$data" == @/* ]]; then
        args+=(-H "Content-Type: ${RS_CONTENT_TYPE:-application/json}" --data-binary "$data")
        curl "${args[@]}" "$url" 2>/dev/null </dev/null || true
    elif [[ -n "$data" ]]; then
        args+=(-H "Content-Type: ${RS_CONTENT_TYPE:-application/json}" --data-binary @-)
        printf '%s' "$data" | curl "${args[@]}" "$url" 2>/dev/null || true
    else
        curl "${args[@]}" "$url" 2>/dev/null </dev/null || true
    fi
}

rs_call() {
    local method="$1" url="$2" data="${3-}" out code
    out="$(mktemp)"
    code="$(_rs_curl "$out" "$method" "$url" "$data")"
    if [[ "$code" != 2?? ]]; then
        rs_log "$method $url -> HTTP ${code:-000}: $(head -c 300 "$out" | tr '\n' ' ')"
        rm -f "$out"
        return 1
    fi
    cat "$out"
    rm -f "$out"
}

rs_status() {
    local out code
    out="$(mktemp)"
    code="$(_rs_curl "$out" "$@")"
    rm -f "$out"
    printf '%s\n' "${code:-000}"
}

# True when URL answers (without a token) with a status below 500.
rs_http_up() {
    local code
    code="$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "$1" 2>/dev/null || true)"
    [[ "$code" =~ ^[1-4][0-9][0-9]$ ]]
}
