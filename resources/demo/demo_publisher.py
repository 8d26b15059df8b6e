#!/usr/bin/python3
"""Demo publisher for `make run`: keeps a realistic topic tree alive on a local broker.

Sensors with JSON telemetry, home automation with plain values, retained device state and
configuration, a factory line, and a few odd payloads (binary, empty, large) that an
inspector must show whole.
"""
import argparse
import json
import math
import random
import signal
import sys
import time

import paho.mqtt.client as mqtt
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

ROOMS = ["livingroom", "kitchen", "bedroom", "office", "garage"]
SENSORS = [f"env-{i:02d}" for i in range(1, 13)]
MACHINES = [f"machine{i}" for i in range(1, 5)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=1883)
    parser.add_argument("--rate", type=float, default=25.0, help="messages per second")
    args = parser.parse_args()

    client = mqtt.Client(client_id="mqtt-inspector-demo", protocol=mqtt.MQTTv311)
    client.will_set("demo/publisher/status", "offline", qos=1, retain=True)
    for _ in range(100):
        try:
            client.connect(args.host, args.port, keepalive=30)
            break
        except OSError:
            time.sleep(0.1)
    else:
        print("demo publisher: broker not reachable", file=sys.stderr)
        return 1
    client.loop_start()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))

    pub = client.publish
    pub("demo/publisher/status", "online", qos=1, retain=True)
    for room in ROOMS:
        pub(f"home/{room}/light/state", random.choice(["ON", "OFF"]), qos=1, retain=True)
        pub(f"home/{room}/config", json.dumps({"name": room.title(), "floor": ROOMS.index(room) // 3}),
            qos=1, retain=True)
    for sensor in SENSORS:
        pub(f"sensors/{sensor}/info", json.dumps({"model": "BME280", "fw": "1.4.2", "location": random.choice(ROOMS)}),
            qos=1, retain=True)
    pub("zigbee2mqtt/bridge/state", json.dumps({"state": "online"}), qos=1, retain=True)
    pub("demo/binary/blob", bytes(range(256)), qos=0, retain=True)
    pub("demo/empty", b"", qos=0)
    pub("demo/large/document", json.dumps({"items": [{"id": i, "value": i * 0.5} for i in range(2000)]}),
        qos=1, retain=True)

    # A second client speaks MQTT 5 so that the inspector has properties to show.
    client5 = mqtt.Client(client_id="mqtt-inspector-demo-v5", protocol=mqtt.MQTTv5)
    client5.connect(args.host, args.port, keepalive=30)
    client5.loop_start()

    def pub5(topic, payload, n):
        props = Properties(PacketTypes.PUBLISH)
        props.ContentType = "application/json"
        props.PayloadFormatIndicator = 1
        props.MessageExpiryInterval = 3600
        props.ResponseTopic = "demo/v5/replies"
        props.CorrelationData = n.to_bytes(4, "big")
        props.UserProperty = [("source", "demo-publisher"), ("site", "lab-2"), ("sequence", str(n))]
        client5.publish(topic, payload, qos=1, properties=props)

    t0 = time.time()
    n = 0
    period = 1.0 / max(args.rate, 0.1)
    try:
        while True:
            t = time.time() - t0
            n += 1
            kind = n % 5
            if n % 40 == 0:
                pub5("demo/v5/order", json.dumps({"order": n, "status": random.choice(["new", "packed", "shipped"]),
                                                  "total": round(random.uniform(5, 500), 2)}), n)
            if kind == 0:
                sensor = SENSORS[n % len(SENSORS)]
                pub(f"sensors/{sensor}/telemetry", json.dumps({
                    "temperature": round(21 + 3 * math.sin(t / 60 + n % 7) + random.uniform(-0.2, 0.2), 2),
                    "humidity": round(45 + 10 * math.sin(t / 90), 1),
                    "battery": max(0, 100 - int(t / 60) % 100),
                    "ts": int(time.time() * 1000),
                }), qos=0)
            elif kind == 1:
                room = ROOMS[(n // 5) % len(ROOMS)]  # n steps by 5 per kind
                pub(f"home/{room}/temperature", f"{20 + 2 * math.sin(t / 30):.1f}", qos=0)
            elif kind == 2:
                machine = MACHINES[n % len(MACHINES)]
                pub(f"factory/line1/{machine}/status", json.dumps({
                    "state": random.choice(["RUNNING", "RUNNING", "RUNNING", "IDLE", "FAULT"]),
                    "rpm": random.randint(900, 1500),
                    "count": n,
                }), qos=1)
            elif kind == 3:
                room = ROOMS[(n // 5) % len(ROOMS)]  # n steps by 5 per kind
                if random.random() < 0.2:
                    pub(f"home/{room}/light/state", random.choice(["ON", "OFF"]), qos=1, retain=True)
                pub(f"home/{room}/motion", random.choice(["true", "false"]), qos=0)
            else:
                pub(f"zigbee2mqtt/plug_{n % 3}", json.dumps({"power": round(random.uniform(0, 2000), 1),
                                                            "linkquality": random.randint(40, 255)}), qos=0)
            time.sleep(period)
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        pub("demo/publisher/status", "offline", qos=1, retain=True).wait_for_publish(2)
        client.disconnect()
        client.loop_stop()
        client5.disconnect()
        client5.loop_stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
