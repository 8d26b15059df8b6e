#!/usr/bin/env bash
# `make run`: a local mosquitto on a free loopback port, a demo publisher that keeps a realistic
# topic tree alive, and the GUI connected to it. Broker and publisher stop when the GUI exits.
#   run-demo.sh GUI_BINARY [extra GUI args...]
set -euo pipefail
gui=${1:?path to mqtt-inspector}
shift
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

state=$(mktemp -d "${TMPDIR:-/tmp}/mqtt-inspector-demo.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$state"
}
trap cleanup EXIT INT TERM

port=$("$repo/tests/broker/free-port.sh")
cat >"$state/mosquitto.conf" <<CONF
listener $port 127.0.0.1
allow_anonymous true
persistence false
log_dest file $state/mosquitto.log
$( [ "$(id -u)" -eq 0 ] && echo "user root" )
CONF
mosquitto -c "$state/mosquitto.conf" &
pids+=($!)
for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
done
echo "demo broker: mqtt://127.0.0.1:$port (log: $state/mosquitto.log)"

/usr/bin/python3 "$here/demo_publisher.py" --host 127.0.0.1 --port "$port" &
pids+=($!)

"$gui" --host 127.0.0.1 --port "$port" "$@"
