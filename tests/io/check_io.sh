#!/bin/bash
# Outputs never destroy, limits hold on every input (issue 42, docs/reliability.md "Hostile inputs"):
# --out, --partial and --cohort-out refuse a FIFO, a device, a dangling link and every input of the run
# (compared by device and inode); a link to a file is written through; a file replaced keeps its mode;
# no temporary file is left on SIGHUP, SIGINT, SIGTERM or SIGPIPE, even while a read waits on a pipe;
# /dev/zero as any input meets the file-size limit; --limit scenarios bounds a scenarios file.
# Usage: check_io.sh RECKON SOURCE_DIR. Prints "ok NAME" or "FAIL NAME: why" per check, then a summary.
RECKON=$(realpath "$1")
SRC=$(realpath "$2")
W=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null; rm -rf "$W"' EXIT
cd "$W" || exit 1
cp -r "$SRC/rulesets" "$SRC/tests/cases/vfm" "$SRC/cases/iom-csv" .
failures=0 checks=0
ok() { checks=$((checks + 1)); echo "ok $1"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL $1: $2"; }
# expect NAME STATUS PATTERN: the last run's status and stderr (in err.txt)
expect() {
    if [ "$status" != "$2" ]; then fail "$1" "exit status $status, expected $2: $(head -c 300 err.txt)"
    elif ! grep -qF -- "$3" err.txt; then fail "$1" "stderr lacks '$3': $(head -c 300 err.txt)"
    else ok "$1"; fi
}
VFM="rulesets/iom-value-for-money.reckon vfm/cohort --run-data vfm/two-partners.yaml --param report_year=2023"
IOM=rulesets/iom-annual-report.reckon
run() { "$RECKON" "$@" >out.txt 2>err.txt; status=$?; }
no_temp() { ! ls -a | grep -q '\.tmp-'; }

# --- targets that are not regular files
mkfifo pipe
run batch $VFM --out pipe
expect out-fifo 1 "pipe: error: --out: cannot write: it is a named pipe (FIFO), not a regular file (nothing was written)"
[ -p pipe ] || fail out-fifo-kept "the FIFO was replaced"
if mknod null-device c 1 3 2>/dev/null; then
    run batch $VFM --out null-device --format csv
    expect out-device 1 "null-device: error: --out: cannot write: it is a character device, not a regular file"
    [ -c null-device ] && ok out-device-kept || fail out-device-kept "the device was replaced"
    run batch $VFM --shard 1/2 --partial null-device
    expect partial-device 1 "null-device: error: --partial: cannot write: it is a character device"
else
    run batch $VFM --out /dev/null  # only where the device cannot be replaced anyway (not root)
    expect out-device 1 "/dev/null: error: --out: cannot write: it is a character device, not a regular file"
fi
run batch $VFM --out nodir/result.csv
expect out-no-folder 1 "nodir/result.csv: error: --out: cannot write: there is no folder 'nodir' (nothing was written)"
run batch $VFM --out vfm/two-partners.yaml/result.csv
expect out-folder-is-a-file 1 "vfm/two-partners.yaml/result.csv: error: --out: cannot write: 'vfm/two-partners.yaml' is a file, not a folder"
run batch $IOM iom-csv/nominals.csv --list offences=pipe --param report_year=2023
expect list-fifo 2 "reckon: error: --list offences=pipe: 'pipe' is a named pipe (FIFO), not a regular file"
run batch $IOM iom-csv/nominals.csv --list offences=absent.csv --param report_year=2023
expect list-missing 2 "reckon: error: --list offences=absent.csv: there is no file 'absent.csv'"
ln -s nowhere dangling
run batch $VFM --out dangling
expect out-dangling-link 1 "dangling: error: --out: cannot write: it is a symbolic link to no file"
[ -L dangling ] && [ ! -e nowhere ] && ok dangling-kept || fail dangling-kept "the link or its target changed"

# --- a link to a file: written through; a mode kept
echo old > target.csv
ln -s target.csv link.csv
run batch $VFM --format csv --out link.csv
if [ "$status" = 0 ] && [ -L link.csv ] && [ "$(readlink link.csv)" = target.csv ] && head -1 target.csv | grep -q '^case,'; then
    ok out-link-written-through
else fail out-link-written-through "status $status; $(ls -l link.csv target.csv | tr '\n' ' ')"; fi
echo secret > private.csv
chmod 600 private.csv
run batch $VFM --format csv --out private.csv
mode=$(stat -c %a private.csv)
[ "$status" = 0 ] && [ "$mode" = 600 ] && head -1 private.csv | grep -q '^case,' && ok out-mode-kept || fail out-mode-kept "status $status, mode $mode"
chmod 640 private.csv
run batch $VFM --cohort-out private.csv
mode=$(stat -c %a private.csv)
[ "$status" = 0 ] && [ "$mode" = 640 ] && ok cohort-out-mode-kept || fail cohort-out-mode-kept "status $status, mode $mode"

# --- an input of the run as an output: refused, the input unchanged
cp rulesets/iom-annual-report.years.yaml years.yaml
cp -r iom-csv tables
refused() {  # NAME OPTION FILE WHAT ARGS…
    local name=$1 option=$2 file=$3 what=$4
    shift 4
    cp "$file" before.bak
    run "$@" "$option" "$file"
    expect "$name" 1 "$file: error: $option: cannot write: this is $what, an input of this run"
    cmp -s before.bak "$file" && ok "$name-unchanged" || fail "$name-unchanged" "$file was changed"
    cp before.bak "$file"  # as it was, whatever the run did, for the checks after
}
refused out-ruleset --out rulesets/iom-value-for-money.reckon "the ruleset" batch $VFM
refused out-import --out rulesets/lib/units.reckon "a rule file the ruleset imports" batch $VFM
refused out-run-data --out vfm/two-partners.yaml "the run data (--run-data)" batch $VFM
refused out-scenarios --out years.yaml "the scenarios file (--scenarios)" batch $IOM tables/nominals.csv --list offences=tables/offences.csv --scenarios years.yaml
refused out-list-table --out tables/offences.csv "one of the --list tables" batch $IOM tables/nominals.csv --list offences=tables/offences.csv --param report_year=2023
refused out-case-file --out vfm/cohort/a.yaml "one of the case files" batch $VFM
refused cohort-out-case-file --cohort-out vfm/cohort/b.yaml "one of the case files" batch $VFM
refused partial-case-file --partial vfm/cohort/a.yaml "one of the case files" batch $VFM --shard 1/2
refused report-run-data --out vfm/two-partners.yaml "the run data (--run-data)" report $VFM
refused sensitivity-case-file --out vfm/cohort/a.yaml "one of the case files" sensitivity $VFM
refused template-ruleset --out rulesets/iom-value-for-money.reckon "the ruleset" template rulesets/iom-value-for-money.reckon
ln -s ../vfm/two-partners.yaml tables/run-data-link.yaml
refused out-link-to-input --out tables/run-data-link.yaml "the run data (--run-data)" batch $VFM
run batch $VFM --shard 1/2 --partial shard1.partial
run batch $VFM --shard 2/2 --partial shard2.partial
refused merge-partial --out shard2.partial "one of the partial results" merge rulesets/iom-value-for-money.reckon shard1.partial shard2.partial --run-data vfm/two-partners.yaml --param report_year=2023
no_temp && ok refusals-leave-no-temp || fail refusals-leave-no-temp "$(ls -a | grep tmp-)"

# --- signals: a run waiting on a pipe (a case file that is a FIFO held open by this script), with --out
# name signal expected-status
signalled() {
    rm -f waiting.yaml
    mkfifo waiting.yaml
    exec 3<>waiting.yaml  # a writer that writes nothing: the read waits
    "$RECKON" batch rulesets/iom-value-for-money.reckon waiting.yaml --run-data vfm/two-partners.yaml --param report_year=2023 \
        --jobs 1 --out result.csv 2>err.txt &
    local pid=$! waited=0
    while ! ls -a | grep -q '\.result\.csv\.tmp-' && [ $waited -lt 100 ]; do sleep 0.1; waited=$((waited + 1)); done
    sleep 0.3  # the read under way
    kill -s "$2" $pid
    waited=0
    while kill -0 $pid 2>/dev/null && [ $waited -lt 50 ]; do sleep 0.1; waited=$((waited + 1)); done
    if kill -0 $pid 2>/dev/null; then
        kill -9 $pid
        wait $pid
        fail "$1" "still running 5 s after SIG$2 (killed)"
    else
        wait $pid
        status=$?
        if [ "$status" != "$3" ]; then fail "$1" "exit status $status, expected $3"
        elif ! no_temp; then fail "$1" "left $(ls -a | grep tmp- | tr '\n' ' ')"
        elif [ -e result.csv ]; then fail "$1" "result.csv was written"
        elif [ "$3" = 130 ] && [ "$(cat err.txt)" != "reckon: interrupted; no file was left half-written" ]; then
            fail "$1" "stderr: $(cat err.txt)"
        else ok "$1"; fi
    fi
    exec 3>&-
    rm -f .result.csv.tmp-* waiting.yaml
}
signalled sighup-during-read HUP 129
signalled sigint-during-read INT 130
signalled sigterm-during-read TERM 130
signalled sigpipe-during-read PIPE 141

# a FIFO as --run-data, SIGINT while it is read: exit 130 (no --out yet: compiling comes first)
mkfifo run-data.yaml
exec 3<>run-data.yaml
"$RECKON" batch rulesets/iom-value-for-money.reckon vfm/cohort --run-data run-data.yaml --param report_year=2023 --out r.csv 2>err.txt &
pid=$!
sleep 1
kill -INT $pid
waited=0
while kill -0 $pid 2>/dev/null && [ $waited -lt 50 ]; do sleep 0.1; waited=$((waited + 1)); done
if kill -0 $pid 2>/dev/null; then kill -9 $pid; wait $pid; fail sigint-run-data-fifo "still running 5 s after SIGINT (killed)"
else wait $pid; status=$?
    if [ "$status" = 130 ] && no_temp && grep -qx 'reckon: interrupted; no file was left half-written' err.txt; then ok sigint-run-data-fifo
    else fail sigint-run-data-fifo "status $status, stderr: $(cat err.txt)"; fi; fi
exec 3>&-

# --- /dev/zero (and a FIFO that never ends) as every input: the file-size limit, at once
ln -s /dev/zero zero.csv
ln -s /dev/zero zero.yaml
# Memory is capped so that a reader that ignored the limit would fail here rather than take the machine; not under
# AddressSanitizer, which reserves terabytes of address space for its shadow (its own allocator still fails loudly).
memory_cap=4000000
grep -q __asan_init "$RECKON" && memory_cap=unlimited
zero() {  # NAME PATTERN ARGS…
    local name=$1 pattern=$2
    shift 2
    (ulimit -v "$memory_cap"; timeout 20 "$RECKON" --limit file-size=100000 "$@" >out.txt 2>err.txt)
    status=$?
    expect "$name" 1 "$pattern"
}
zero zero-rules "/dev/zero: error: the file is more than 100000 bytes, the limit (it can be raised with --limit file-size=N)" check /dev/zero
zero zero-run-data "/dev/zero: error: the file is more than 100000 bytes, the limit" batch rulesets/iom-value-for-money.reckon vfm/cohort --run-data /dev/zero
zero zero-scenarios "/dev/zero: error: the file is more than 100000 bytes, the limit" batch $VFM --scenarios /dev/zero
zero zero-eval-case "/dev/zero: error: the file is more than 100000 bytes, the limit" eval $IOM /dev/zero
zero zero-batch-case "/dev/zero: error: the file is more than 100000 bytes, the limit" batch $IOM /dev/zero
zero zero-batch-case-link "zero.yaml: error: the file is more than 100000 bytes, the limit" batch $IOM zero.yaml
zero zero-csv-table "zero.csv:1:1: error: row 1 is more than 100000 bytes" batch $IOM zero.csv
zero zero-partial "/dev/zero: error: not a partial result: a partial result is a file, and this is a pipe or a device" merge rulesets/iom-value-for-money.reckon /dev/zero --run-data vfm/two-partners.yaml --param report_year=2023
zero zero-fmt "/dev/zero: error: the file is more than 100000 bytes, the limit" fmt --check /dev/zero

# --- the number of scenarios
for i in $(seq 1 1001); do echo "s$i: {report_year: 2023}"; done > many.yaml
run batch $IOM tables/nominals.csv --list offences=tables/offences.csv --scenarios many.yaml
expect scenarios-default-limit 1 "many.yaml:1001:1: error: more than 1000 scenarios, the limit (it can be raised with --limit scenarios=N)"
run --limit scenarios=3 eval $IOM vfm/cohort/a.yaml --scenarios many.yaml
expect scenarios-limit-lowered 1 "many.yaml:4:1: error: more than 3 scenarios, the limit"

echo "check_io: $((checks - failures)) of $checks checks passed"
[ "$failures" = 0 ] && echo "check_io: every check passed"
[ "$failures" = 0 ]
