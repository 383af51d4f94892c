# Shared by the scripts in this folder: where the build environment lives and
# how to make it. Sourced, never run.
#
# Two kinds of host:
#  - native: the host's own packages have Qt >= 6.5, KF6 SyntaxHighlighting and
#    GoogleTest (Debian 13, Ubuntu 24.04 and newer); missing packages are
#    installed with apt-get and everything runs directly.
#  - build root: any other Linux host with debootstrap available through
#    apt-get (Debian 12 and the like). A Debian 13 root is provisioned once in
#    a cache folder outside the clone and every command runs inside it under
#    chroot, with the repository, ../shared and /tmp at the same paths.
#
# ANNOTATOR_ENV=native|root forces one kind; ANNOTATOR_CACHE moves the cache.

ANNOTATOR_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ANNOTATOR_CACHE=${ANNOTATOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/article-annotator}
ANNOTATOR_ROOT=$ANNOTATOR_CACHE/debian13-root
ANNOTATOR_SUITE=trixie
ANNOTATOR_MIRROR=${ANNOTATOR_MIRROR:-http://deb.debian.org/debian}

# Everything the build, the tests, the benchmarks and the screenshots need.
ANNOTATOR_PACKAGES=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-image-formats-plugins
    libkf6syntaxhighlighting-dev
    libgtest-dev libgmock-dev libbenchmark-dev
    iso-codes wordnet-base
    xvfb xauth fonts-dejavu-core fonts-noto-core fontconfig
    clang libclang-rt-dev llvm valgrind ccache
    chromium
    ca-certificates python3
)

annotator_log() { printf 'article-annotator: %s\n' "$*" >&2; }

annotator_packages_stamp() {
    printf '%s\n' "${ANNOTATOR_PACKAGES[@]}" | sha256sum | cut -c1-16
}

# Prints "native" or "root".
annotator_env_kind() {
    if [ -n "${ANNOTATOR_ENV:-}" ]; then
        echo "$ANNOTATOR_ENV"
        return
    fi
    if [ -f "$ANNOTATOR_CACHE/host-kind" ]; then
        cat "$ANNOTATOR_CACHE/host-kind"
        return
    fi
    local kind=root
    if command -v apt-cache >/dev/null 2>&1; then
        local qt
        qt=$(apt-cache policy qt6-base-dev 2>/dev/null | sed -n 's/^ *Candidate: *\([0-9.]*\).*/\1/p')
        if [ -n "$qt" ] && dpkg --compare-versions "$qt" ge 6.5 \
            && apt-cache policy libkf6syntaxhighlighting-dev 2>/dev/null | grep -q 'Candidate: [0-9]'; then
            kind=native
        fi
    fi
    mkdir -p "$ANNOTATOR_CACHE"
    echo "$kind" >"$ANNOTATOR_CACHE/host-kind"
    echo "$kind"
}

annotator_root_ok() {
    [ -f "$ANNOTATOR_ROOT/.annotator-ready" ] \
        && [ -x "$ANNOTATOR_ROOT/usr/bin/cmake" ] \
        && [ -x "$ANNOTATOR_ROOT/usr/bin/g++" ] \
        && [ -f "$ANNOTATOR_ROOT/usr/lib/x86_64-linux-gnu/cmake/KF6SyntaxHighlighting/KF6SyntaxHighlightingConfig.cmake" -o \
             -n "$(find "$ANNOTATOR_ROOT/usr/lib" -maxdepth 3 -name KF6SyntaxHighlightingConfig.cmake -print -quit 2>/dev/null)" ] \
        && chroot "$ANNOTATOR_ROOT" /bin/true 2>/dev/null
}

# Runs a command as root inside the build root, with the API filesystems
# mounted in a private mount namespace so nothing leaks onto the host.
annotator_root_exec_setup() {
    exec unshare --mount --propagation private -- /bin/bash "$ANNOTATOR_REPO/scripts/enter-root" "$@"
}

annotator_provision_root() {
    mkdir -p "$ANNOTATOR_CACHE"
    exec 9>"$ANNOTATOR_CACHE/.lock"
    flock 9
    if annotator_root_ok; then
        if [ "$(cat "$ANNOTATOR_ROOT/.annotator-ready")" = "$(annotator_packages_stamp)" ]; then
            flock -u 9
            return 0
        fi
        annotator_log "adding packages to the build root"
        cp /etc/resolv.conf "$ANNOTATOR_ROOT/etc/resolv.conf"
        if ANNOTATOR_ENTER_AS_SETUP=1 unshare --mount --propagation private -- /bin/bash "$ANNOTATOR_REPO/scripts/enter-root" \
            /bin/sh -c "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $(printf '%s ' "${ANNOTATOR_PACKAGES[@]}") && apt-get clean"; then
            annotator_packages_stamp >"$ANNOTATOR_ROOT/.annotator-ready"
            flock -u 9
            return 0
        fi
        annotator_log "could not update the build root; making a new one"
    fi
    if [ -e "$ANNOTATOR_ROOT" ]; then
        annotator_log "build root in $ANNOTATOR_ROOT is incomplete or broken; rebuilding it"
        # A root left mounted by a killed run must not take the host's /tmp with it.
        if grep -q " $ANNOTATOR_ROOT/" /proc/mounts; then
            annotator_log "build root still has mounts; refusing to delete it"
            return 1
        fi
        rm -rf --one-file-system "$ANNOTATOR_ROOT"
    fi
    if ! command -v debootstrap >/dev/null 2>&1; then
        annotator_log "installing debootstrap"
        if [ "$(id -u)" = 0 ]; then
            apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap
        else
            sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap
        fi || { annotator_log "could not install debootstrap"; return 1; }
    fi
    annotator_log "provisioning a Debian 13 build root in $ANNOTATOR_ROOT (once, a few minutes)"
    local tmp="$ANNOTATOR_ROOT.partial"
    rm -rf --one-file-system "$tmp"
    local include
    include=$(IFS=,; echo "${ANNOTATOR_PACKAGES[*]}")
    if ! debootstrap --variant=minbase --include="$include" "$ANNOTATOR_SUITE" "$tmp" "$ANNOTATOR_MIRROR" \
        >"$ANNOTATOR_CACHE/debootstrap.log" 2>&1; then
        annotator_log "debootstrap failed; the last lines of $ANNOTATOR_CACHE/debootstrap.log:"
        tail -n 20 "$ANNOTATOR_CACHE/debootstrap.log" >&2
        return 1
    fi
    chroot "$tmp" apt-get clean
    annotator_packages_stamp >"$tmp/.annotator-ready"
    mv "$tmp" "$ANNOTATOR_ROOT"
    flock -u 9
}

annotator_provision_native() {
    local missing=()
    local p
    for p in "${ANNOTATOR_PACKAGES[@]}"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    annotator_log "installing ${missing[*]}"
    local sudo=
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -q && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

annotator_setup() {
    case "$(annotator_env_kind)" in
    native) annotator_provision_native ;;
    *) annotator_provision_root ;;
    esac
}
