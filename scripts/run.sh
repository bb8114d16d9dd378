#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# `make run`: the web server with one worker (background tasks) and the scheduler (the nightly
# jobs) next to it, all three on the same database. Ctrl+C (or SIGTERM to this script), or
# any of the three ending, stops the other two.
# Usage: scripts/run.sh JEUGDREGIE HOST:PORT   (JEUGDREGIE: the `jeugdregie` command)
set -uo pipefail

jr=$1
address=$2
pids=()

stop() {
    trap - EXIT INT TERM
    kill "${pids[@]}" 2>/dev/null
    wait
}
trap stop EXIT INT TERM

"$jr" worker --no-startup-delay &
pids+=($!)
"$jr" scheduler &
pids+=($!)
"$jr" runserver --noreload --insecure "$address" &
pids+=($!)
wait -n
