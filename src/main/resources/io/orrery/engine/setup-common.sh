# The part every recipe of `orrery engines setup` shares (read before the recipe itself): saying what happens,
# doing it unless DRY_RUN=1, and installing the Debian packages not installed yet.
set -euo pipefail
DRY_RUN=${DRY_RUN:-0}

say() { echo "[$(date +%T)] $*"; }
run() { if [ "$DRY_RUN" = 1 ]; then echo "  would run: $*"; else "$@"; fi; }

# install_packages P...: the ones missing, in one apt-get run (apt's lists refreshed first)
install_packages() {
  local missing=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
  done
  if [ -z "$missing" ]; then
    say "packages: already installed ($*)"
  else
    say "packages: installing$missing"
    run apt-get -o DPkg::Lock::Timeout=600 update -qq
    run env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends $missing
  fi
}
