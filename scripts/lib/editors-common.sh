# Shared by scripts/build-vsix, scripts/e2e-vscode and scripts/e2e-neovim (sourced, not run).
# Everything downloaded goes to one cache folder that CI can keep between runs:
#   IRQDSL_E2E_CACHE (default: $XDG_CACHE_HOME/irqdsl-e2e, else ~/.cache/irqdsl-e2e)

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
e2e_cache="${IRQDSL_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/irqdsl-e2e}"
mkdir -p "$e2e_cache"

NODE24_VERSION="${NODE24_VERSION:-24.21.0}"

log() { printf '%s %s\n' "[$(date +%H:%M:%S)] ${0##*/}:" "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }

# The Debian packages of a group of scripts/system-packages.txt, installed when missing:
# ensure_system_packages GROUP... (scripts/lib/system-packages.sh)
source "$repo_root/scripts/lib/system-packages.sh"

# The irqdsl language server jar, rebuilt when missing or older than the sources (never `mvn install`).
ensure_server_jar() {
	server_jar="${IRQDSL_JAR:-$repo_root/dsl.ide/target/irqdsl.jar}"
	if [ -n "${IRQDSL_JAR:-}" ]; then
		[ -f "$server_jar" ] || die "IRQDSL_JAR=$server_jar does not exist"
		return 0
	fi
	if [ ! -f "$server_jar" ] || [ -n "$(find "$repo_root/pom.xml" "$repo_root"/{runtime,dsl,dsl.ide}/pom.xml \
			"$repo_root"/{runtime,dsl,dsl.ide}/src -newer "$server_jar" -type f -print -quit 2>/dev/null)" ]; then
		log "building $server_jar"
		(cd "$repo_root" && { mvn -B -o -q -DskipTests package >&2 || mvn -B -q -DskipTests package >&2; }) \
			|| die "the server jar did not build"
	fi
}

# Node 24 (code-server 4.139 and @vscode/vsce 4 need it), from the npm package node@24, into the cache.
# Sets node24_dir (bin folder to put first on PATH) and node24_headers (for npm_config_nodedir).
ensure_node24() {
	local prefix="$e2e_cache/node-$NODE24_VERSION"
	node24_dir="$prefix/node_modules/node/bin"
	if ! "$node24_dir/node" --version 2>/dev/null | grep -qx "v$NODE24_VERSION"; then
		log "installing Node $NODE24_VERSION (npm package node@$NODE24_VERSION) into $prefix"
		rm -rf "$prefix"
		mkdir -p "$prefix"
		npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
			"node@$NODE24_VERSION" >&2
		"$node24_dir/node" --version >/dev/null || die "Node $NODE24_VERSION did not install"
	fi
	node24_headers="$(find "$prefix/node_modules" -path '*/include/node/node.h' -print -quit)"
	node24_headers="${node24_headers%/include/node/node.h}"
	[ -f "$node24_headers/include/node/node.h" ] || die "no Node headers under $prefix"
}

# `npm ci` in a folder, skipped when node_modules was installed from the same package-lock.json.
npm_ci_if_needed() {
	local dir="$1" stamp="$1/node_modules/.irqdsl-lock.sha256" want
	want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
	if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
		log "npm ci in $dir"
		(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
		echo "$want" > "$stamp"
	fi
}

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"

# code-server from npm, installed with Node 24 (its postinstall compiles native modules: needs the
# group e2e-vscode of scripts/system-packages.txt). Sets code_server (the executable).
ensure_code_server() {
	ensure_node24
	local prefix="$e2e_cache/code-server-$CODE_SERVER_VERSION-node-$NODE24_VERSION"
	code_server="$prefix/node_modules/.bin/code-server"
	if [ ! -f "$prefix/.installed" ] || [ ! -x "$code_server" ]; then
		ensure_system_packages e2e-vscode || die "the Debian packages of the group e2e-vscode are missing"
		log "installing code-server $CODE_SERVER_VERSION into $prefix (compiles native modules, ~2 min)"
		rm -rf "$prefix"
		mkdir -p "$prefix"
		(export PATH="$node24_dir:$PATH" npm_config_nodedir="$node24_headers"
		 npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
			"code-server@$CODE_SERVER_VERSION" >&2) || die "code-server did not install"
		touch "$prefix/.installed"
	fi
}

# The code block of a language (```lua, ```elisp) in a Markdown file.
md_snippet() { awk -v open='```'"$1" '$0 == open {f=1; next} /^```$/ {f=0} f' "$2"; }

# README.md repeats the editor snippets of docs/editors.md, which the e2e tests run: they must not drift.
ensure_readme_snippet_is_the_docs() {
	local lang="$1"
	[ -n "$(md_snippet "$lang" "$repo_root/docs/editors.md")" ] || die "docs/editors.md: no $lang snippet"
	diff <(md_snippet "$lang" "$repo_root/docs/editors.md") <(md_snippet "$lang" "$repo_root/README.md") >&2 \
		|| die "the $lang snippet of README.md differs from docs/editors.md's (diff above): keep them identical"
}
