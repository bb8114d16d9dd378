#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# `make image`: build the container image of jeugdregie with buildah (chroot isolation, vfs
# storage: no daemon, no registry, no kernel overlay support needed).
#
#   scripts/image_build.sh IMAGE        e.g. localhost/jeugdregie:latest
#
# 1. The base: a minimal Debian of the host's suite made by mmdebstrap (Debian's python3 and
#    little else), as a tarball cached in ${XDG_CACHE_HOME:-~/.cache}/jeugdregie/, named after
#    the suite and a hash of the mmdebstrap arguments (packages, options, sources). A tarball
#    older than BASE_MAX_DAYS days is made again (security updates); a new one is imported
#    into buildah's storage as localhost/jeugdregie-base:<suite>-<hash>.
# 2. Containerfile on that base. The front-end files (build/static/vendor) must be built
#    first: the Makefile does that (build/static/.built).
#
# Needs root, mmdebstrap and buildah (Debian: apt-get install mmdebstrap buildah).
set -euo pipefail

cd "$(dirname "$0")/.."
image=${1:?usage: scripts/image_build.sh IMAGE}
# shellcheck source=/dev/null
suite=${IMAGE_SUITE:-$(. /etc/os-release && echo "$VERSION_CODENAME")}
mirror=${IMAGE_MIRROR:-http://deb.debian.org/debian}
security_mirror=${IMAGE_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/jeugdregie
BASE_MAX_DAYS=7
buildah=(buildah --storage-driver vfs)

for tool in mmdebstrap buildah; do
    if ! command -v "$tool" >/dev/null; then
        echo "$tool ontbreekt (Debian: apt-get install mmdebstrap buildah)." >&2
        exit 1
    fi
done
if [[ ! -f build/static/vendor/htmx.min.js ]]; then
    echo "build/static/vendor ontbreekt: bouw eerst de front-end-bestanden (make build/static/.built)." >&2
    exit 1
fi

# --- 1. The base -------------------------------------------------------------------------------
# Packages: Python 3 with venv (pip comes with it), certificates for https, the time zones
# (Europe/Amsterdam). --variant=apt: the essential packages and apt, nothing else. No
# documentation, manual pages or translations, except each package's copyright file.
packages=(python3 python3-venv ca-certificates tzdata)
mmdebstrap_args=(
    --variant=apt
    --include="$(IFS=,; echo "${packages[*]}")"
    --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr  # /usr merged without usrmerge (and perl)
    --dpkgopt='path-exclude=/usr/share/man/*'
    --dpkgopt='path-exclude=/usr/share/info/*'
    --dpkgopt='path-exclude=/usr/share/locale/*'
    --dpkgopt='path-exclude=/usr/share/doc/*'
    --dpkgopt='path-include=/usr/share/doc/*/copyright'
    --format=tar
    "$suite"
)
sources=(
    "deb $mirror $suite main"
    "deb $mirror $suite-updates main"
    "deb $security_mirror $suite-security main"
)
key=$(printf '%s\n' "${mmdebstrap_args[@]}" "${sources[@]}" | sha256sum | cut -c1-12)
tarball=$cache/base-$suite-$key.tar
base=localhost/jeugdregie-base:$suite-$key

mkdir -p "$cache"
exec 9>"$cache/lock"  # one build at a time makes or imports the base
flock 9

imported=0
if [[ -z $(find "$tarball" -mtime -"$BASE_MAX_DAYS" 2>/dev/null) ]]; then
    echo "Basis maken: Debian $suite met ${packages[*]} (mmdebstrap) -> $tarball"
    started=$SECONDS
    rm -f "$cache/base-$suite-"*.tar  # older keys or an expired tarball
    mmdebstrap --quiet "${mmdebstrap_args[@]}" "$tarball.partial" "${sources[@]}"
    mv "$tarball.partial" "$tarball"
    echo "Basis gemaakt in $((SECONDS - started)) s ($(du -h "$tarball" | cut -f1))"
else
    echo "Basis uit de cache: $tarball"
fi
if [[ $tarball -nt $cache/imported-$suite-$key ]] \
    || ! "${buildah[@]}" inspect --type image "$base" >/dev/null 2>&1; then
    container=$("${buildah[@]}" from scratch)
    trap '"${buildah[@]}" rm "$container" >/dev/null 2>&1 || true' EXIT
    "${buildah[@]}" add --quiet "$container" "$tarball" /
    "${buildah[@]}" config --created-by "mmdebstrap ${mmdebstrap_args[*]}" "$container"
    "${buildah[@]}" commit --quiet --rm "$container" "$base" >/dev/null
    trap - EXIT
    touch "$cache/imported-$suite-$key"
    imported=1
    echo "Basis ingelezen als $base"
fi
flock -u 9

# --- 2. The image ------------------------------------------------------------------------------
# pip in the build trusts what the host trusts (a proxy that inspects https has an authority
# of its own): the host's certificate bundle is a build secret, mounted for the RUN steps only.
ca_bundle=${IMAGE_CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}
ca_args=()
if [[ -f $ca_bundle ]]; then
    ca_args=(--secret "id=ca-certificates,src=$ca_bundle")
fi
previous=$("${buildah[@]}" inspect --type image --format '{{.FromImageID}}' "$image" 2>/dev/null || true)
started=$SECONDS
"${buildah[@]}" build --isolation chroot --pull=never \
    --build-arg "BASE=$base" "${ca_args[@]}" \
    --label "org.opencontainers.image.title=jeugdregie" \
    --label "org.opencontainers.image.licenses=EUPL-1.2" \
    --label "org.opencontainers.image.revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)" \
    --label "org.opencontainers.image.base.name=$base" \
    --file Containerfile --tag "$image" .
echo "Image $image gebouwd in $((SECONDS - started)) s (basis $( ((imported)) && echo nieuw ingelezen || echo uit buildah))"
# The image that this tag replaced, if nothing else uses it (vfs stores every image whole).
current=$("${buildah[@]}" inspect --type image --format '{{.FromImageID}}' "$image")
if [[ -n $previous && $previous != "$current" ]]; then
    "${buildah[@]}" rmi "$previous" >/dev/null 2>&1 || true
fi
"${buildah[@]}" images "$image"
