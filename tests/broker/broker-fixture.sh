#!/usr/bin/env bash
# CTest fixture: starts a real mosquitto on a free loopback port, or stops it.
#   broker-fixture.sh start STATE_DIR   -> STATE_DIR/port, STATE_DIR/pid, STATE_DIR/mosquitto.log
#   broker-fixture.sh stop STATE_DIR
# Tests read the port through with-broker.sh, which exports MQTT_TEST_BROKER_PORT.
set -euo pipefail
cmd=${1:?start|stop}
state=${2:?state dir}
here=$(cd "$(dirname "$0")" && pwd)

case "$cmd" in
start)
    rm -rf "$state" && mkdir -p "$state"
    for attempt in 1 2 3 4 5; do
        port=$("$here/free-port.sh")
        cat >"$state/mosquitto.conf" <<CONF
listener $port 127.0.0.1
allow_anonymous true
persistence false
log_dest file $state/mosquitto.log
log_type all
max_queued_messages 100000
user root
CONF
        mosquitto -c "$state/mosquitto.conf" >"$state/stdout.log" 2>&1 &
        echo $! >"$state/pid"
        for _ in $(seq 1 50); do
            if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
                echo "$port" >"$state/port"
                echo "test broker on 127.0.0.1:$port (pid $(cat "$state/pid"))"
                exit 0
            fi
            kill -0 "$(cat "$state/pid")" 2>/dev/null || break
            sleep 0.1
        done
        kill "$(cat "$state/pid")" 2>/dev/null || true
        echo "broker did not start on port $port (attempt $attempt):" >&2
        cat "$state/stdout.log" "$state/mosquitto.log" >&2 2>/dev/null || true
    done
    exit 1
    ;;
stop)
    if [ -f "$state/pid" ]; then
        pid=$(cat "$state/pid")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$state/pid" "$state/port"
    ;;
*)
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
