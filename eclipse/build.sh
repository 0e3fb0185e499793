#!/usr/bin/env bash
# The Tycho build of the Eclipse plugin, run by the root reactor's module `eclipse` (pom.xml):
#   build.sh MVN39 LOCAL_REPOSITORY offline=(true|false) skipTests=(true|false)
# Runs eclipse/tycho/pom.xml `verify` with Maven 3.9 under xvfb-run (the UI tests need an X server and
# GTK 3); installs the Debian packages of the group mvn-verify of scripts/system-packages.txt that are
# missing (scripts/install-system-packages: as root, or with sudo).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mvn39="$1"; repo="$2"; offline="$3"; skip_tests="$4"
[ -x "$mvn39" ] || { echo "eclipse: Maven 3.9 is missing at $mvn39" >&2; exit 1; }
[ -f "$here/../dsl.ide/target/irqdsl.jar" ] || {
  echo "eclipse: dsl.ide/target/irqdsl.jar is missing: build the root reactor (mvn -B verify) rather than this module alone" >&2; exit 1; }
# xvfb (xvfb-run), xauth, GTK 3 for SWT: the group mvn-verify of scripts/system-packages.txt
bash "$here/../scripts/install-system-packages" mvn-verify || {
  echo "eclipse: the Debian packages above are missing: install them, or build with -Dirqdsl.skipEclipse" >&2; exit 1; }
args=(-B -f "$here/tycho/pom.xml" -Dmaven.repo.local="$repo" verify)
[ "$offline" = offline=true ] && args+=(-o)
[ "$skip_tests" = skipTests=true ] && args+=(-DskipTests)
echo "eclipse: $mvn39 ${args[*]} (under xvfb-run)"
exec xvfb-run -a -s "-screen 0 1280x800x24" "$mvn39" "${args[@]}"
