#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# The smoke test of the container image (`make image`, `make image-smoke`): the image's own
# commands in a throwaway working container (buildah run, chroot isolation), outside demo
# mode with fresh keys from the environment, on SQLite in the image's data directory:
#
#   1. jeugdregie migrate                 the database from empty
#   2. jeugdregie check --deploy          no error, and no warning but the two documented ones
#   3. jeugdregie scheduler --once        the planner enqueues what is due today
#      jeugdregie worker --batch          a worker runs it, records its heartbeat and stops
#   4. the image's CMD (gunicorn)         /healthz/, /readyz/ and a hashed static file
#                                         (scripts/image_probe.py, inside the container)
#
#   scripts/image_smoke.sh IMAGE
set -euo pipefail

cd "$(dirname "$0")/.."
image=${1:?usage: scripts/image_smoke.sh IMAGE}
buildah=(buildah --storage-driver vfs)
# check --deploy warnings that are the documented choice, not a mistake: HTTPS redirects at
# the reverse proxy (DJANGO_SECURE_SSL_REDIRECT), HSTS preload only on request.
EXPECTED_WARNINGS="security.W008 security.W021"

container=$("${buildah[@]}" from --pull=never --name "jeugdregie-smoke-$$" "$image")
server=
descendants() {  # every process below $1, deepest last
    local child
    for child in $(pgrep -P "$1"); do
        echo "$child"
        descendants "$child"
    done
}
cleanup() {
    # buildah run does not pass a signal on to the command it runs: stop the whole tree
    # (buildah, its chroot helper, gunicorn's master and workers), or gunicorn outlives us.
    if [[ -n $server ]]; then
        local tree
        tree=$(descendants "$server")
        kill $server $tree 2>/dev/null || true
        local pid alive
        for _ in 1 2 3 4 5 6 7 8 9 10; do
            alive=
            for pid in $server $tree; do
                if kill -0 "$pid" 2>/dev/null; then alive=1; fi
            done
            [[ -n $alive ]] || break
            sleep 1
        done
        kill -KILL $server $tree 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    "${buildah[@]}" rm "$container" >/dev/null
}
trap cleanup EXIT

secret() {
    head -c "$1" /dev/urandom | base64 -w0 | tr '+/' '-_'
}
# chroot isolation shares the host's network: a free port rather than the image's 8000.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
run() {
    "${buildah[@]}" run --isolation chroot \
        --env "JEUGDREGIE_ENCRYPTION_KEYS=$encryption_key" \
        --env "JEUGDREGIE_BLIND_INDEX_KEYS=$blind_index_key" \
        --env "DJANGO_SECRET_KEY=$secret_key" \
        "$container" -- "$@"
}
encryption_key=$(secret 32)  # Fernet: 32 bytes, URL-safe base64
blind_index_key=$(secret 32)
secret_key=$(secret 48)

echo "--- 1. migrate (SQLite)"
run jeugdregie migrate --noinput | tail -n 1

echo "--- 2. check --deploy"
report=$(run jeugdregie check --deploy 2>&1) || { echo "$report" >&2; exit 1; }
check_id='\([a-z_]+\.[A-Z][0-9]+\)'
grep -E "$check_id" <<<"$report" || true
unexpected=$(grep -oE "$check_id" <<<"$report" | tr -d '()' \
    | grep -vxF -f <(tr ' ' '\n' <<<"$EXPECTED_WARNINGS") || true)
if [[ -n $unexpected ]]; then
    echo "Onverwachte meldingen van check --deploy: $unexpected" >&2
    exit 1
fi

echo "--- 3. scheduler --once, worker --batch"
run jeugdregie scheduler --once
run jeugdregie worker --batch --no-startup-delay 2>&1 | tail -n 3

# The image's own command, listening on the free port instead of 0.0.0.0:8000.
mapfile -t command < <("${buildah[@]}" inspect --type image \
    --format '{{range .OCIv1.Config.Cmd}}{{println .}}{{end}}' "$image" | sed '/^$/d')
echo "--- 4. ${command[*]} --bind 127.0.0.1:$port"
log=$(mktemp)
run "${command[@]}" --bind "127.0.0.1:$port" >"$log" 2>&1 &
server=$!
if ! run python3 -c "$(cat scripts/image_probe.py)" "$port"; then
    echo "gunicorn:" >&2
    cat "$log" >&2
    rm -f "$log"
    exit 1
fi
rm -f "$log"
trap - EXIT
cleanup
if pgrep -f -- "--bind 127.0.0.1:$port" >/dev/null; then
    echo "gunicorn draait nog na de rooktest (poort $port)" >&2
    exit 1
fi
echo "Rooktest van $image geslaagd."
