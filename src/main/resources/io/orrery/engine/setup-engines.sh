#!/bin/bash
# (setup-common.sh is read first: say, run, install_packages, DRY_RUN, set -euo pipefail)
# Installs and starts what `orrery engines` looks for, on Debian/Ubuntu as root, without systemd:
# Podman (with runc) serving the Docker-compatible API on /run/podman/podman.sock, Jupyter's nbconvert, and a tiny
# local test image orrery-hello:1 (busybox-static; no registry needed). Run by `orrery engines setup`; every step
# first looks whether it is already done, so a second run changes nothing. DRY_RUN=1 only prints what it would do.
# Recipe and pitfalls as measured on the project's machines (Debian 12 VM): no systemd (policy-rc.d), cgroup v1
# hybrid (crun fails: runc), root without CAP_SYS_RESOURCE (default ulimits at or below the hard limits), no bridge
# network (netns none).
SOCKET=/run/podman/podman.sock
CONF=/etc/containers/containers.conf.d/50-orrery.conf
STATE=/run/orrery
PIDFILE=$STATE/podman-service.pid
LOG=/var/log/orrery/podman-service.log
IMAGE=orrery-hello:1
LABEL=io.orrery.test-image=hello
PACKAGES="podman catatonit runc curl busybox-static jupyter-nbconvert python3-nbclient python3-ipykernel python3-jupyter-client"


# ---- 1. packages -------------------------------------------------------------------------------------------------
install_packages $PACKAGES

# ---- 2. podman configuration (a drop-in; the rest of /etc/containers stays as it is) ----------------------------
nofile=$(ulimit -Hn); [ "$nofile" = unlimited ] && nofile=1048576
[ "$nofile" -gt 1048576 ] && nofile=1048576
wanted="# written by orrery engines setup: runc (crun fails on cgroup v1 hybrid), ulimits within the hard limits,
# no bridge network, no systemd
[containers]
default_ulimits = [\"nofile=$nofile:$nofile\", \"nproc=4096:4096\"]
netns = \"none\"
[engine]
runtime = \"runc\"
cgroup_manager = \"cgroupfs\"
events_logger = \"file\""
if [ -f "$CONF" ] && [ "$(cat "$CONF")" = "$wanted" ]; then
  say "podman configuration: already in place ($CONF)"
else
  say "podman configuration: writing $CONF (runc, nofile=$nofile, nproc=4096, netns none, cgroupfs)"
  if [ "$DRY_RUN" = 1 ]; then
    echo "$wanted" | sed 's/^/  would write: /'
  else
    mkdir -p "$(dirname "$CONF")" && printf '%s\n' "$wanted" > "$CONF"
  fi
fi

# ---- 3. the API service on the socket `orrery engines` probes ----------------------------------------------------
answers() { curl -s -m 2 --unix-socket "$SOCKET" http://d/_ping 2>/dev/null | grep -q OK; }
if answers; then
  say "podman service: already answering on $SOCKET (pid $(cat "$PIDFILE" 2>/dev/null || echo unknown))"
else
  say "podman service: starting on $SOCKET, log $LOG"
  if [ "$DRY_RUN" = 1 ]; then
    echo "  would run: setsid nohup podman system service --time=0 unix://$SOCKET >>$LOG 2>&1 &  (pid in $PIDFILE)"
  else
    mkdir -p "$(dirname "$SOCKET")" "$STATE" "$(dirname "$LOG")"
    rm -f "$SOCKET"
    setsid nohup podman system service --time=0 "unix://$SOCKET" >>"$LOG" 2>&1 </dev/null &
    echo $! > "$PIDFILE"
    for _ in $(seq 1 40); do answers && break; sleep 0.25; done
    answers || { echo "podman service did not answer on $SOCKET within 10 s; its log ($LOG) ends:" >&2; tail -n 20 "$LOG" >&2; exit 1; }
    say "podman service: answering (pid $(cat "$PIDFILE"); stop it with: kill \$(cat $PIDFILE))"
  fi
fi

# ---- 4. the test image, from busybox-static (nothing is pulled) --------------------------------------------------
if command -v podman >/dev/null && podman image exists "$IMAGE" 2>/dev/null; then
  say "test image: $IMAGE already there"
else
  say "test image: importing $IMAGE (busybox-static, label $LABEL)"
  if [ "$DRY_RUN" = 1 ]; then
    echo "  would run: tar -cf rootfs.tar (a rootfs of /bin/busybox, its applet links, /etc/passwd, /etc/group)"
    echo "  would run: podman import --quiet --change 'CMD [\"/bin/sh\"]' --change 'LABEL $LABEL' rootfs.tar $IMAGE"
  else
    root=$(mktemp -d)
    trap 'rm -rf "$root"' EXIT
    mkdir -p "$root/rootfs/bin" "$root/rootfs/etc" "$root/rootfs/tmp" "$root/rootfs/root"
    chmod 1777 "$root/rootfs/tmp"
    cp /bin/busybox "$root/rootfs/bin/busybox"
    for c in $("$root/rootfs/bin/busybox" --list); do [ "$c" = busybox ] || ln -sf busybox "$root/rootfs/bin/$c"; done
    echo 'root:x:0:0:root:/root:/bin/sh' > "$root/rootfs/etc/passwd"
    echo 'root:x:0:' > "$root/rootfs/etc/group"
    tar -C "$root/rootfs" -cf "$root/rootfs.tar" .
    podman import --quiet --change 'CMD ["/bin/sh"]' --change "LABEL $LABEL" "$root/rootfs.tar" "$IMAGE" >/dev/null
    say "test image: $(podman run --rm "$IMAGE" echo "$IMAGE runs")"
  fi
fi

if [ "$DRY_RUN" = 1 ]; then say "dry run: nothing was changed"; else say "setup done"; fi
