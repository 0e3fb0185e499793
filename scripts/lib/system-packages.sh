# The Debian packages of scripts/system-packages.txt (sourced, not run): which a group needs, and
# installing the missing ones. Used by scripts/install-system-packages, scripts/check-system-deps and
# scripts/lib/editors-common.sh. IRQDSL_SYSTEM_PACKAGES names another list (the self-test uses it).

system_packages_file="${IRQDSL_SYSTEM_PACKAGES:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/system-packages.txt}"

# system_packages GROUP...: the packages listed for any of the groups, one a line; fails on a group
# nobody lists (a typo would otherwise install nothing).
system_packages() {
	[ -r "$system_packages_file" ] || { echo "system packages: cannot read $system_packages_file" >&2; return 2; }
	local group
	for group in "$@"; do
		awk -v g="$group" '{ sub(/#.*/, "") } NF >= 2 { n = split($2, gs, ","); for (i = 1; i <= n; i++) if (gs[i] == g) found = 1 }
			END { exit !found }' "$system_packages_file" \
			|| { echo "system packages: no package is listed for the group \"$group\" in $system_packages_file" >&2; return 2; }
	done
	awk -v groups=" $* " '{ sub(/#.*/, "") } NF >= 2 { n = split($2, gs, ","); for (i = 1; i <= n; i++) if (index(groups, " " gs[i] " ")) { print $1; break } }' \
		"$system_packages_file"
}

# is_installed PACKAGE
is_installed() { [[ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null)" == ii* ]]; }

# ensure_system_packages GROUP...: installs the group's packages that are missing (nothing else), as
# root or with sudo (password-less, or asking on a terminal). apt-get update runs only when there is
# something to install and either the package lists are empty (a fresh container) or the install
# failed on stale lists; at most once per run (IRQDSL_APT_UPDATED is exported to child scripts).
ensure_system_packages() {
	local wanted missing=() p
	wanted="$(system_packages "$@")" || return
	for p in $wanted; do is_installed "$p" || missing+=("$p"); done
	[ ${#missing[@]} -eq 0 ] && return 0
	echo "system packages: installing ${missing[*]} (scripts/system-packages.txt, for $*)" >&2
	local sudo=()
	if [ "$(id -u)" -ne 0 ]; then
		if sudo -n true 2>/dev/null; then sudo=(sudo -n)
		elif [ -t 0 ] && command -v sudo >/dev/null; then sudo=(sudo)
		else
			echo "system packages: cannot install ${missing[*]}: not root and no password-less sudo; install them (apt-get install ${missing[*]}) and run again" >&2
			return 1
		fi
	fi
	local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o Dpkg::Use-Pty=0)
	if [ -z "${IRQDSL_APT_UPDATED:-}" ] && ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
		"${apt[@]}" update >&2 || return
		export IRQDSL_APT_UPDATED=1
	fi
	local out
	if ! out="$("${apt[@]}" install --no-install-recommends "${missing[@]}" 2>&1)"; then
		if [ -n "${IRQDSL_APT_UPDATED:-}" ]; then
			printf '%s\n' "$out" >&2
			echo "system packages: apt-get install ${missing[*]} failed (output above)" >&2
			return 1
		fi
		echo "system packages: the install failed on the current package lists; apt-get update, then again" >&2
		"${apt[@]}" update >&2 || return
		export IRQDSL_APT_UPDATED=1
		out="$("${apt[@]}" install --no-install-recommends "${missing[@]}" 2>&1)" || {
			printf '%s\n' "$out" >&2
			echo "system packages: apt-get install ${missing[*]} failed (output above)" >&2
			return 1
		}
	fi
	for p in "${missing[@]}"; do
		is_installed "$p" || { echo "system packages: $p is still not installed after apt-get install" >&2; return 1; }
	done
}
