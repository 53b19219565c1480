#!/bin/bash
# (setup-common.sh is read first: say, run, install_packages, DRY_RUN, set -euo pipefail)
# Brings up a single-node Slurm cluster on loopback for trying and testing Orrery's Slurm platform, on Debian/Ubuntu
# as root, without systemd: munge, slurmctld and slurmd, every file under one directory (BASE, default
# /var/lib/orrery/slurm; clients find it with SLURM_CONF=BASE/slurm.conf). Run by `orrery engines setup slurm`;
# every step first looks whether it is already done. DRY_RUN=1 only prints what it would do.
# Recipe and pitfalls as measured on the project's machines (Debian 12, Slurm 22.05): the node may declare more CPUs
# than the machine has (SlurmdParameters=config_overrides), NodeName must be the short host name, the scheduler
# runs every 2 s (bf_interval=2,sched_interval=2) so that a freed node is used at once, finished jobs stay visible
# for 5 minutes (MinJobAge=300) and are logged by jobcomp/filetxt (no database needed).
BASE=${ORRERY_SLURM_DIR:-/var/lib/orrery/slurm}
CPUS=${ORRERY_SLURM_CPUS:-16}
MEM_MB=${ORRERY_SLURM_MEM_MB:-8192}
NODE=$(hostname -s)
PACKAGES="slurmctld slurmd slurm-client munge"
export SLURM_CONF=$BASE/slurm.conf


# ---- 1. packages -------------------------------------------------------------------------------------------------
install_packages $PACKAGES

# ---- 2. configuration --------------------------------------------------------------------------------------------
wanted="# written by orrery engines setup slurm: one node on loopback, everything under $BASE
ClusterName=orrery
SlurmctldHost=$NODE(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=$BASE/state
SlurmdSpoolDir=$BASE/spool
SlurmctldPidFile=$BASE/slurmctld.pid
SlurmdPidFile=$BASE/slurmd.pid
SlurmctldLogFile=$BASE/log/slurmctld.log
SlurmdLogFile=$BASE/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
MailProg=/bin/true
SchedulerType=sched/backfill
SchedulerParameters=bf_interval=2,sched_interval=2
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SlurmdParameters=config_overrides
ReturnToService=2
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/filetxt
JobCompLoc=$BASE/log/jobcomp.txt
MinJobAge=300
NodeName=$NODE NodeAddr=127.0.0.1 CPUs=$CPUS Boards=1 SocketsPerBoard=1 CoresPerSocket=$CPUS ThreadsPerCore=1 RealMemory=$MEM_MB State=UNKNOWN
PartitionName=debug Nodes=$NODE Default=YES MaxTime=INFINITE State=UP DefMemPerCPU=256"
if [ -f "$SLURM_CONF" ] && [ "$(cat "$SLURM_CONF")" = "$wanted" ]; then
  say "slurm configuration: already in place ($SLURM_CONF)"
else
  say "slurm configuration: writing $SLURM_CONF (node $NODE, $CPUS CPUs, $MEM_MB MB, partition debug)"
  if [ "$DRY_RUN" = 1 ]; then
    echo "$wanted" | sed 's/^/  would write: /'
  else
    mkdir -p "$BASE"/{state,spool,log,work}
    chmod 1777 "$BASE/work"
    printf '%s\n' "$wanted" > "$SLURM_CONF"
    # a running cluster must read the new configuration: stop it (by pid file) so that step 4 starts it afresh
    for f in slurmd.pid slurmctld.pid; do
      p=$(cat "$BASE/$f" 2>/dev/null) || continue
      kill "$p" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done
    done
  fi
fi

# ---- 3. munge ----------------------------------------------------------------------------------------------------
if [ -S /run/munge/munge.socket.2 ] && munge -n </dev/null >/dev/null 2>&1; then
  say "munge: already running"
else
  say "munge: starting"
  run mkdir -p /run/munge
  run chown munge:munge /run/munge
  run runuser -u munge -- /usr/sbin/munged
fi

# ---- 4. the controller and the node ------------------------------------------------------------------------------
idle() { sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; }
if idle; then
  say "slurm: already up (node $NODE: $(sinfo -h -o '%T'))"
else
  say "slurm: starting slurmctld and slurmd (logs in $BASE/log)"
  run /usr/sbin/slurmctld -f "$SLURM_CONF"
  run /usr/sbin/slurmd -f "$SLURM_CONF"
  if [ "$DRY_RUN" != 1 ]; then
    for _ in $(seq 1 60); do idle && break; sleep 0.5; done
    idle || { echo "the slurm node is not idle after 30 s; slurmctld's log ends:" >&2; tail -n 20 "$BASE/log/slurmctld.log" >&2; exit 1; }
    say "slurm: up (node $NODE idle); use it with: export SLURM_CONF=$SLURM_CONF"
  fi
fi
say "setup done"
