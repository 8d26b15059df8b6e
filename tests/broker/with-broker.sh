#!/usr/bin/env bash
# Runs a test with the fixture broker's address in the environment:
#   MQTT_TEST_BROKER_HOST=127.0.0.1  MQTT_TEST_BROKER_PORT=<port>
set -euo pipefail
state=${1:?state dir}
shift
if [ ! -f "$state/port" ]; then
    echo "with-broker: no fixture broker in $state (run through ctest)" >&2
    exit 1
fi
export MQTT_TEST_BROKER_HOST=127.0.0.1
MQTT_TEST_BROKER_PORT=$(cat "$state/port")
export MQTT_TEST_BROKER_PORT
exec "$@"
