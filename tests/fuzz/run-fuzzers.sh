#!/usr/bin/env bash
# Runs libFuzzer targets: every fuzz_* executable under BUILD_DIR, or only the named ones.
#   run-fuzzers.sh BUILD_DIR [TARGET...]
# FUZZ_SECONDS (default 60): time per target. Each target starts from its seed corpus
# tests/fuzz/corpus/<target>/, copied into BUILD_DIR/fuzz-work/<target>/ (kept, so long runs
# build on each other) or, with FUZZ_TEMP_CORPUS=1, into a temporary dir removed afterwards.
# Crashes are written next to the working corpus. Exits non-zero if any target fails.
#
# ASan records a stack trace for every malloc and free in its stack depot, which is never
# freed. Its fast frame-pointer unwinder walks through Qt, built without frame pointers:
# QArrayData::allocate keeps its QArrayData ** argument in rbp, so each allocation Qt makes gets
# a bogus frame read from the array's memory (a heap address), almost every trace is new, and
# the depot grows without end (fuzz_session: RSS +300-500 bytes per execution, towards the 2 GB
# limit in about an hour, while the live heap stays at ~30 MB). malloc_context_size=1 keeps one
# frame (the caller of malloc), which bounds the depot; crash stacks are unwound in full at
# report time. For alloc/free stacks in a use-after-free or leak report, run the target on the
# artifact directly (without this script): then ASan's default of 30 frames applies.
# ASAN_OPTIONS from the environment come after ours, so they win.
set -u
export ASAN_OPTIONS="malloc_context_size=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
if [ $# -lt 1 ]; then
    echo "usage: $0 BUILD_DIR [TARGET...]" >&2
    exit 2
fi
build_dir=$(cd "$1" && pwd) || { echo "no build dir $1" >&2; exit 2; }
shift
seconds=${FUZZ_SECONDS:-60}
source_corpus=$(cd "$(dirname "$0")" && pwd)/corpus

if [ $# -gt 0 ]; then
    targets=()
    for name in "$@"; do
        found=$(find "$build_dir" -type f -name "$name" -perm -u+x | head -n 1)
        [ -n "$found" ] || { echo "fuzz target $name not found under $build_dir" >&2; exit 2; }
        targets+=("$found")
    done
else
    mapfile -t targets < <(find "$build_dir" -type f -name 'fuzz_*' -perm -u+x | sort)
fi
if [ ${#targets[@]} -eq 0 ]; then
    echo "no fuzz_* executables under $build_dir (configure with -DMQTTI_FUZZ=ON)" >&2
    exit 2
fi

status=0
summary=()
for exe in "${targets[@]}"; do
    name=$(basename "$exe")
    if [ "${FUZZ_TEMP_CORPUS:-0}" = 1 ]; then
        work=$(mktemp -d "${TMPDIR:-/tmp}/$name.XXXXXX")
    else
        work=$build_dir/fuzz-work/$name
        mkdir -p "$work"
    fi
    mkdir -p "$work/corpus" "$work/artifacts"
    if [ -d "$source_corpus/$name" ]; then
        cp -n "$source_corpus/$name"/* "$work/corpus/" 2>/dev/null || true
    fi
    echo "== $name: ${seconds}s, corpus $(ls "$work/corpus" | wc -l) files"
    log=$work/log.txt
    "$exe" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$work/artifacts/" "$work/corpus" >"$log" 2>&1
    rc=$?
    execs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
    peak=$(grep -m1 'stat::peak_rss_mb' "$log" | awk '{print $2}')
    tail -n 15 "$log"
    if [ $rc -ne 0 ]; then
        echo "!! $name failed (exit $rc); artifacts in $work/artifacts" >&2
        status=1
        [ "${FUZZ_TEMP_CORPUS:-0}" = 1 ] && cp -r "$work/artifacts" "$build_dir/$name-artifacts" \
            && echo "!! copied to $build_dir/$name-artifacts" >&2
    fi
    summary+=("$name execs=${execs:-0} peak_rss_mb=${peak:-?} exit=$rc")
    [ "${FUZZ_TEMP_CORPUS:-0}" = 1 ] && rm -rf "$work"
done
echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
exit $status
