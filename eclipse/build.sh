#!/usr/bin/env bash
# The Tycho build of the Eclipse plugin, run by the root reactor's module `eclipse` (pom.xml):
#   build.sh MVN39 LOCAL_REPOSITORY offline=(true|false) skipTests=(true|false)
# Runs eclipse/tycho/pom.xml `verify` with Maven 3.9 under xvfb-run (the UI tests need an X server);
# installs the Debian package xvfb when xvfb-run is missing (as root, or with password-less sudo).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mvn39="$1"; repo="$2"; offline="$3"; skip_tests="$4"
[ -x "$mvn39" ] || { echo "eclipse: Maven 3.9 is missing at $mvn39" >&2; exit 1; }
[ -f "$here/../dsl.ide/target/irqdsl.jar" ] || {
  echo "eclipse: dsl.ide/target/irqdsl.jar is missing: build the root reactor (mvn -B verify) rather than this module alone" >&2; exit 1; }
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "eclipse: xvfb-run is missing, installing the Debian package xvfb" >&2
  if [ "$(id -u)" = 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "eclipse: cannot install xvfb (not root, no password-less sudo): install it (apt-get install xvfb xauth) or build with -Dirqdsl.skipEclipse" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -q xvfb xauth >/dev/null 2>&1 || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q xvfb xauth >/dev/null; } || {
    echo "eclipse: apt-get install xvfb failed: install it by hand or build with -Dirqdsl.skipEclipse" >&2; exit 1; }
fi
args=(-B -f "$here/tycho/pom.xml" -Dmaven.repo.local="$repo" verify)
[ "$offline" = offline=true ] && args+=(-o)
[ "$skip_tests" = skipTests=true ] && args+=(-DskipTests)
echo "eclipse: $mvn39 ${args[*]} (under xvfb-run)"
exec xvfb-run -a -s "-screen 0 1280x800x24" "$mvn39" "${args[@]}"
