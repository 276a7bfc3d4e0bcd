# shellcheck shell=bash
# Build and test helpers shared by scripts/unit, functional, interop and test. Source it after common.sh.
#
#   dotnet_env                      quiet, telemetry-free dotnet settings
#   dotnet_build_once               builds the solution (warnings are errors) unless SYNCHRONIZER_SKIP_BUILD=1
#   run_dotnet_tests LABEL FILTER   runs the solution's tests matching FILTER and adds the counts to the tally
#   print_tally                     prints "N passed, M failed" for everything this run (or its parent) tallied
#
# The tally lives in the file named by SYNCHRONIZER_TEST_TALLY, so scripts/test can add up the
# counts of the scripts it calls.

if [[ -n "${_SCRIPTS_DOTNET_SH:-}" ]]; then
    return 0
fi
_SCRIPTS_DOTNET_SH=1

dotnet_env() {
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
    export MSBUILDTERMINALLOGGER=off
    if [[ -z "${SYNCHRONIZER_TEST_TALLY:-}" ]]; then
        SYNCHRONIZER_TEST_TALLY="$(state_dir tally)/tally.$$"
        : >"$SYNCHRONIZER_TEST_TALLY"
        export SYNCHRONIZER_TEST_TALLY
    fi
}

dotnet_build_once() {
    if [[ "${SYNCHRONIZER_SKIP_BUILD:-0}" == 1 ]]; then
        return 0
    fi
    log "building the solution (warnings are errors)"
    dotnet build "$(repo_root)/Synchronizer.sln" --nologo -v quiet -clp:NoSummary -warnaserror
    export SYNCHRONIZER_SKIP_BUILD=1
}

# Runs `dotnet test` on the solution with FILTER and adds "passed failed" to the tally file.
# A run that fails without printing counts (a build break, a crashed test host) counts as one failure.
run_dotnet_tests() {
    local label="$1" filter="$2" out rc=0 passed=0 failed=0
    out="$(state_dir tally)/${label}.log"
    log "running ${label} tests (filter: ${filter})"
    dotnet test "$(repo_root)/Synchronizer.sln" --no-build --nologo --filter "$filter" \
        --logger "console;verbosity=normal" 2>&1 | tee "$out" | grep -E '^\s+(Failed|Skipped) |Total tests:|: error [A-Z]+[0-9]+' || true
    rc=${PIPESTATUS[0]}
    while read -r p f; do
        passed=$((passed + p))
        failed=$((failed + f))
    done < <(awk '/^Total tests:/ { p = 0; f = 0; inside = 1; next }
                  inside && /^ +Passed: +[0-9]+$/ { p = $2 }
                  inside && /^ +Failed: +[0-9]+$/ { f = $2 }
                  inside && /^ +Total time:/ { print p, f; inside = 0 }' "$out")
    if [[ $rc -ne 0 && $failed -eq 0 ]]; then
        log "${label}: dotnet test exited ${rc} without failing tests (build break or crashed test host): see ${out}"
        failed=1
    fi
    printf '%s %s\n' "$passed" "$failed" >>"$SYNCHRONIZER_TEST_TALLY"
    log "${label}: ${passed} passed, ${failed} failed"
    return 0
}

print_tally() {
    local passed=0 failed=0 p f
    while read -r p f; do
        passed=$((passed + p))
        failed=$((failed + f))
    done <"$SYNCHRONIZER_TEST_TALLY"
    printf '%s passed, %s failed\n' "$passed" "$failed"
    [[ $failed -eq 0 ]]
}
