# shellcheck shell=bash
# Writes the realstack configuration (/etc/...) and helper programs (RS_BIN_DIR) from
# scripts/lib/realstack/templates. Source it after common.sh.
#
#   rs_write_files   renders every template with the current transport URL and token lifetime;
#                    rewrites only files whose content differs (a Debian original is kept once as
#                    FILE.pre-realstack). Prints the names of the changed files on stdout.

# Placeholders of the templates: @NAME@ -> value.
_rs_template_values() {
    local url
    url="$(rs_transport_url)"
    # Until the broker runs (install), the configs carry the port it will most likely get.
    [[ -n "$url" ]] || url="rabbit://guest:guest@127.0.0.1:$RS_RABBIT_PORT/"
    _rs_values=(
        "TRANSPORT_URL=$url"
        "TOKEN_EXPIRATION=$(rs_token_expiration)"
        "DB=mysql+pymysql://$RS_DB_USER:$RS_DB_PASSWORD@127.0.0.1"
        "SERVICE_PASSWORD=$RS_SERVICE_PASSWORD"
        "HOST=$RS_HOST"
        "REGION=$RS_REGION"
    )
}

# Renders template $1 to stdout.
_rs_render() {
    local script=() pair
    for pair in "${_rs_values[@]}"; do
        # '|' cannot occur in the values (URLs, numbers, names).
        script+=(-e "s|@${pair%%=*}@|${pair#*=}|g")
    done
    sed "${script[@]}" "$RS_TEMPLATE_DIR/$1"
}

# Installs content of stdin as file $1 with mode $2 when it differs; prints $1 when it changed.
_rs_install_file() {
    local target="$1" mode="$2" tmp
    tmp="$(mktemp)"
    cat >"$tmp"
    if [[ -f "$target" ]] && cmp -s "$tmp" "$target"; then
        rm -f "$tmp"
        return 0
    fi
    mkdir -p "$(dirname "$target")"
    if [[ -f "$target" && ! -e "$target.pre-realstack" ]] && ! grep -q 'scripts/realstack' "$target"; then
        cp -p "$target" "$target.pre-realstack"
    fi
    chmod "$mode" "$tmp"
    mv -f "$tmp" "$target"
    printf '%s\n' "$target"
}

rs_write_files() {
    local _rs_values
    _rs_template_values
    local -A configs=(
        [keystone.conf]=/etc/keystone/keystone.conf
        [placement.conf]=/etc/placement/placement.conf
        [glance-api.conf]=/etc/glance/glance-api.conf
        [neutron.conf]=/etc/neutron/neutron.conf
        [ml2_conf.ini]=/etc/neutron/plugins/ml2/ml2_conf.ini
        [nova.conf]=/etc/nova/nova.conf
        [cinder.conf]=/etc/cinder/cinder.conf
        [heat.conf]=/etc/heat/heat.conf
        [heat-policy.yaml]=/etc/heat/policy.d/50-realstack.yaml
        [mariadb.cnf]=/etc/mysql/mariadb.conf.d/99-realstack.cnf
    )
    local name mode
    for name in "${!configs[@]}"; do
        # Service passwords and the broker URL are in the service configs: readable by root only.
        mode=0640
        [[ "$name" == *.cnf || "$name" == *.yaml ]] && mode=0644
        _rs_render "$name" | _rs_install_file "${configs[$name]}" "$mode"
    done
    _rs_render nova.conf | awk '
        /^\[/ { skip = ($0 == "[database]" || $0 == "[api_database]") }
        !skip' | _rs_install_file /etc/nova/nova-compute.conf 0640
    for name in launch.py cinder-wsgi realstack_cinder_fix.py; do
        _rs_install_file "$RS_BIN_DIR/$name" 0755 <"$RS_TEMPLATE_DIR/$name"
    done
}
