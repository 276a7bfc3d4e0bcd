# shellcheck shell=bash
# promtool, Prometheus' own checker, for the test that runs `promtool check metrics` on /metrics.
# Source it; do not execute it. Safe under `set -euo pipefail`; Debian 12 (prometheus 2.42).
#
#   . scripts/lib/promtool.sh
#   promtool_ensure
#
# promtool_ensure
#     Installs Debian's `prometheus` package when /usr/bin/promtool is missing (apt-get update first when
#     needed, --no-install-recommends). Only its promtool binary is used: the package's prometheus daemon
#     is never started, because invoke-rc.d is told not to start services during the install (a
#     /usr/sbin/policy-rc.d that answers 101 is put in place for the install when the machine has none,
#     and removed afterwards). It pulls in JavaScript libraries for the web UI: about 19 MB downloaded,
#     320 MB installed (218 MB of it libjs-moment-timezone); about 30 s with the package lists present.

_PROMTOOL_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=scripts/lib/common.sh
. "$_PROMTOOL_LIB_DIR/common.sh"

PROMTOOL_BIN="${PROMTOOL_BIN:-/usr/bin/promtool}"

promtool_ensure() {
    if [[ -x "$PROMTOOL_BIN" ]]; then
        return 0
    fi
    local policy=/usr/sbin/policy-rc.d placed=0 started rc=0
    if [[ ! -e "$policy" && "$(id -u)" == 0 ]]; then
        printf '#!/bin/sh\n# Placed by scripts/lib/promtool.sh for the prometheus install only.\nexit 101\n' >"$policy"
        chmod 755 "$policy"
        placed=1
    fi
    started=$(now_s)
    apt_install_if_missing prometheus || rc=$?
    if [[ $placed -eq 1 ]]; then
        rm -f "$policy"
    fi
    [[ $rc -eq 0 ]] || return "$rc"
    [[ -x "$PROMTOOL_BIN" ]] || die "the prometheus package is installed but $PROMTOOL_BIN is missing"
    log "promtool installed in $(awk -v a="$started" -v b="$(now_s)" 'BEGIN { printf "%.0f", b - a }') s: $("$PROMTOOL_BIN" --version 2>&1 | head -n 1)"
}
