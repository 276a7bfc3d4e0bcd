# shellcheck shell=bash
# `scripts/realstack install`: Debian packages (apt-get update only when a package is missing and
# the lists are absent or stale), then configuration files and helper programs. Idempotent; well
# under a second when everything is in place. Source it after common.sh and configs.sh.

# The directories the daemons write to (lock paths, image store) besides what the postinsts create.
RS_DATA_DIRS=(/var/lib/glance/images /var/lib/glance/lock /var/lib/neutron/lock /var/lib/nova/tmp
    /var/lib/cinder/tmp /var/lib/heat/tmp /run/mysqld)

realstack_install() {
    rs_require_root
    local t0 changed
    t0="$(now_s)"
    # shellcheck source=scripts/lib/realstack/packages.sh
    . "$RS_LIB_DIR/packages.sh"
    # One dpkg-query for all (apt_install_if_missing asks once per package): keeps a no-op install fast.
    if [[ "$(dpkg-query -W -f='${Status}\n' "${REALSTACK_PACKAGES[@]}" 2>/dev/null | grep -c 'install ok installed')" \
        != "${#REALSTACK_PACKAGES[@]}" ]]; then
        apt_install_if_missing "${REALSTACK_PACKAGES[@]}"
    fi
    rs_prepare_dirs
    changed="$(rs_write_files)"
    if [[ -n "$changed" ]]; then
        rs_log "wrote $(wc -l <<<"$changed") file(s): $(tr '\n' ' ' <<<"$changed")"
    fi
    rs_log "install done in $(rs_elapsed "$t0") s"
}

rs_prepare_dirs() {
    mkdir -p "$RS_RUN_DIR" "$RS_LOG_DIR" "$RS_BIN_DIR" "$RS_RABBIT_DIR" "${RS_DATA_DIRS[@]}"
    chmod 0700 "$RS_RUN_DIR"
    chown mysql:mysql /run/mysqld
}
