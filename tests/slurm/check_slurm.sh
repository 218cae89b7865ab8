#!/usr/bin/env bash
# The IOM cohort on a real scheduler: a single-node Slurm cluster (Debian's slurm-wlm, with munge) started
# here, in a folder of its own, as docs/scale.md sets one up; the cohort run as a 4-task array job
# (the job scripts are read from docs/scale.md itself) and merged by a job that depends on it (afterok); the
# merged output compared byte for byte with one batch. Everything it started is stopped, whatever happens,
# and the test checks that no daemon of its own is left.
#
#   tests/slurm/check_slurm.sh RECKON SOURCE_DIR
#
# Needs root (slurmd runs jobs as their user), munged, slurmctld, slurmd and sbatch (fails without them).
set -euo pipefail
reckon=$(realpath "$1")
src=$(realpath "$2")
for tool in munged slurmctld slurmd sbatch squeue; do
  command -v "$tool" >/dev/null || PATH=$PATH:/usr/sbin
  command -v "$tool" >/dev/null || { echo "check_slurm: FAIL: $tool is not installed (apt-get install slurm-wlm munge)"; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "check_slurm: FAIL: needs root, to start slurmd"; exit 1; }

work=$(mktemp -d /tmp/reckon-slurm.XXXXXX)
chmod 755 "$work"
pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap stop EXIT
fail() {
  echo "check_slurm: FAIL: $*"
  for log in "$work"/*.log; do [ -f "$log" ] && { echo "--- $log"; tail -20 "$log"; }; done
  exit 1
}

# munge: a key and a socket of this cluster's own
mkdir -p "$work/munge"
chmod 700 "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
munged --force --foreground --key-file="$work/munge/munge.key" --socket="$work/munge/socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/munge.log" --seed-file="$work/munge/seed" > "$work/munged.out.log" 2>&1 &
pids+=($!)

host=$(hostname -s)
port=$((20000 + RANDOM % 20000))
mkdir -p "$work/state" "$work/spool"
cat > "$work/slurm.conf" <<CONF
ClusterName=reckon-test
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$work/slurm.conf
for _ in $(seq 50); do [ -S "$work/munge/socket" ] && break; sleep 0.1; done
[ -S "$work/munge/socket" ] || fail "munged did not start"
slurmctld -D -i -f "$SLURM_CONF" > "$work/slurmctld.out.log" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" > "$work/slurmd.out.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
  state=$(sinfo -h -N -o '%T' 2>/dev/null | head -1 || true)
  [ "$state" = idle ] && break
  sleep 0.2
done
[ "$state" = idle ] || fail "the node is not idle (state '$state')"

# docs/scale.md's two job scripts, as written there
cd "$work"
extract() {  # the code block after the line naming it
  awk -v name="$1" 'index($0, name) { found = 1 } found && /^```/ { if (inside) exit; inside = 1; next } inside { print }' "$src/docs/scale.md"
}
extract "shards.sbatch" > shards.sbatch
extract "merge.sbatch" > merge.sbatch
[ -s shards.sbatch ] && [ -s merge.sbatch ] || fail "docs/scale.md has no shards.sbatch or merge.sbatch"
mkdir -p rulesets cases
cp -r "$src/rulesets/." rulesets/
cp -r "$src/cases/iom" cases/iom
mkdir -p bin
ln -s "$reckon" bin/reckon
export PATH=$work/bin:$PATH

# the page's submission, as written: the array job, then the merge job that depends on it
extract "Submit both" > submit.sh
[ -s submit.sh ] || fail "docs/scale.md has no submission block"
submitted=$(bash submit.sh) || fail "the submission failed: $submitted"
merge=$(awk '/Submitted batch job/ { print $4 }' <<<"$submitted")
[ -n "$merge" ] || fail "no merge job submitted: $submitted"
for _ in $(seq 600); do
  [ -z "$(squeue -h -o %i 2>/dev/null)" ] && [ -f cohort.txt ] && break
  sleep 0.2
done
[ -f cohort.txt ] || fail "the merge job wrote no cohort.txt (jobs left: $(squeue -h 2>&1))"
reckon batch rulesets/iom-annual-report.reckon cases/iom --param report_year=2023 > one.txt
cmp one.txt cohort.txt || fail "the merged output differs from one batch's"
[ "$(ls partials | wc -l)" = 4 ] || fail "expected 4 partials, found: $(ls partials)"
grep -q "Nominals included" cohort.txt || fail "no cohort in the merged output"
cd /
stop
trap - EXIT
for pid in "${pids[@]}"; do ! kill -0 "$pid" 2>/dev/null || { echo "check_slurm: FAIL: process $pid is still running"; exit 1; }; done
echo "check_slurm: array job (4 tasks) and merge job $merge gave one batch's output, byte for byte"
