# Sourced by test-local.sh: a throwaway single-node Slurm (munged, slurmctld, slurmd) whose
# configuration, key, state, sockets and logs all live under $CLUSTER_DIR. Nothing under /etc is
# read or written, so it cannot disturb (or be disturbed by) a system Slurm; it uses its own ports.
# Needs root (slurmd starts jobs as their user). The recipe is described in ci/README.md.
#
#   cluster_start DIR   start the daemons and wait until the node is idle; exports SLURM_CONF
#   cluster_stop        stop them by PID (TERM, then KILL after 10 s)
#   cluster_logs        print the daemons' logs (on failure)

CLUSTER_PIDS=()

cluster_start() {
  CLUSTER_DIR=$1
  local d=$CLUSTER_DIR host cpus
  host=$(hostname -s)
  cpus=$(nproc --all)   # every CPU of the node, also when this script runs pinned (taskset)
  install -d -m 0755 "$d"
  install -d -o munge -g munge -m 0700 "$d/munge"
  install -d -o slurm -g slurm -m 0755 "$d/state" "$d/spool" "$d/log" "$d/run"

  # munged: its own key and socket.
  head -c 1024 /dev/urandom > "$d/munge/munge.key"
  chown munge:munge "$d/munge/munge.key"
  chmod 0400 "$d/munge/munge.key"
  chmod 0755 "$d/munge"   # clients must reach the socket
  setpriv --reuid munge --regid munge --init-groups /usr/sbin/munged --foreground --force \
    --key-file="$d/munge/munge.key" --socket="$d/munge/munge.socket" --pid-file="$d/munge/munged.pid" \
    --log-file="$d/munge/munged.log" --seed-file="$d/munge/munged.seed" > "$d/munge/munged.stdout" 2>&1 &
  CLUSTER_PIDS+=($!)
  _cluster_wait 20 "munged socket" test -S "$d/munge/munge.socket"

  cat > "$d/slurm.conf" <<EOF
ClusterName=ablate4jci
SlurmctldHost=$host
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=slurm
AuthType=auth/munge
AuthInfo=socket=$d/munge/munge.socket
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
StateSaveLocation=$d/state
SlurmdSpoolDir=$d/spool
SlurmctldPidFile=$d/run/slurmctld.pid
SlurmdPidFile=$d/run/slurmd.pid
SlurmctldLogFile=$d/log/slurmctld.log
SlurmdLogFile=$d/log/slurmd.log
MinJobAge=3600
NodeName=$host CPUs=$cpus RealMemory=512 State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
  export SLURM_CONF=$d/slurm.conf
  /usr/sbin/slurmctld -D -f "$SLURM_CONF" > "$d/log/slurmctld.stdout" 2>&1 &
  CLUSTER_PIDS+=($!)
  /usr/sbin/slurmd -D -f "$SLURM_CONF" > "$d/log/slurmd.stdout" 2>&1 &
  CLUSTER_PIDS+=($!)
  _cluster_wait 60 "the node to be idle" _cluster_idle
}

_cluster_idle() {
  [ "$(sinfo -h -o %t 2>/dev/null)" = "idle" ]
}

_cluster_wait() {
  local seconds=$1 what=$2
  shift 2
  local i
  for ((i = 0; i < seconds * 2; i++)); do
    if "$@"; then return 0; fi
    sleep 0.5
  done
  echo "cluster: gave up waiting for $what after $seconds s" >&2
  cluster_logs >&2
  return 1
}

cluster_stop() {
  local pid i
  for pid in "${CLUSTER_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for ((i = 0; i < 20; i++)); do
    local alive=0
    for pid in "${CLUSTER_PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.5
  done
  for pid in "${CLUSTER_PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  for pid in "${CLUSTER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  CLUSTER_PIDS=()
}

cluster_logs() {
  local f
  for f in "$CLUSTER_DIR"/munge/munged.log "$CLUSTER_DIR"/log/*; do
    [ -f "$f" ] || continue
    echo "----- $f (last 30 lines)"
    tail -n 30 "$f"
  done
}
