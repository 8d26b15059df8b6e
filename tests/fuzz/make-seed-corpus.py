#!/usr/bin/env python3
"""Writes the seed corpus of fuzz_streamdecoder: valid packets written by hand from the
MQTT 3.1.1 / 5.0 figures (the same vectors as tests/codec). Each file is one configuration
byte (see fuzz_streamdecoder.cpp: bits 0-1 version, bit 2 server role, bit 3 auth method
sent, bit 4 64-byte maximum packet size, bits 5-7 chunking) followed by the byte stream."""
import hashlib
import os

V311, V5, V31 = 0x00, 0x01, 0x02
SERVER, AUTH = 0x04, 0x08

# Packets a client receives.
broker = {
    V311: [
        "20 02 00 00", "20 02 01 00", "20 02 00 05",
        "30 07 00 03 61 2F 62 68 69", "3B 09 00 03 61 2F 62 00 0A 68 69", "30 05 00 02 C3 A9 78",
        "40 02 12 34", "50 02 00 01", "62 02 00 01", "70 02 FF FF",
        "90 06 00 0A 00 01 02 80", "B0 02 00 0A", "D0 00",
    ],
    V5: [
        "20 0B 00 00 08 21 00 0A 12 00 02 69 64", "20 03 00 87 00",
        "20 05 00 00 02 24 01",
        "30 08 00 03 61 2F 62 00 68 69",
        "34 14 00 03 61 2F 62 00 01 0A 23 00 05 26 00 01 6B 00 01 76 68 69",
        "30 07 00 00 03 23 00 03 78", "30 09 00 01 61 04 0B 81 80 01 78",
        "40 02 12 34", "40 03 12 34 10", "40 08 12 34 10 04 1F 00 01 78",
        "50 03 00 01 80", "62 03 00 01 92",
        "90 06 00 0A 00 01 87 A2", "B0 05 00 0A 00 00 11", "D0 00",
        "E0 00", "E0 01 8E", "E0 07 00 05 11 00 00 00 00",
        "F0 0A 18 08 15 00 05 53 43 52 41 4D", "F0 00",
    ],
}
# Packets a client sends (server role).
client = {
    V311: [
        "10 0F 00 04 4D 51 54 54 04 02 00 3C 00 03 61 62 63",
        "10 1A 00 04 4D 51 54 54 04 CE 00 0A 00 01 63 00 01 77 00 01 70 00 01 75 00 02 70 77",
        "82 0E 00 0A 00 03 61 2F 62 01 00 03 63 2F 64 02",
        "A2 0C 00 0A 00 03 61 2F 62 00 03 63 2F 64", "C0 00", "E0 00",
    ],
    V5: [
        "10 10 00 04 4D 51 54 54 05 02 00 3C 00 00 03 61 62 63",
        "10 1F 00 04 4D 51 54 54 05 26 00 3C 05 11 00 00 00 0A 00 01 63 05 18 00 00 00 05 00 01 77 00 01 70",
        "82 0B 00 0A 02 0B 07 00 03 61 2F 62 2D",
        "A2 0D 00 0A 00 00 03 61 2F 62 00 03 63 2F 64", "C0 00", "E0 01 04",
    ],
    V31: ["10 11 00 06 4D 51 49 73 64 70 03 02 00 3C 00 03 61 62 63"],
}

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "fuzz_streamdecoder")
os.makedirs(out, exist_ok=True)


def write(config, hexes):
    data = bytes([config]) + b"".join(bytes.fromhex(h) for h in hexes)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


for version, packets in broker.items():
    for p in packets:
        write(version | AUTH, [p])
    for chunking in (0x00, 0x20, 0x60, 0xE0):  # whole stream in several chunkings
        write(version | AUTH | chunking, packets)
for version, packets in client.items():
    for p in packets:
        write(version | SERVER, [p])
    write(version | SERVER | 0x40, packets)
# A server-role stream where CONNECT switches the version to 5.0.
write(V311 | SERVER, client[V5])
# Maximum packet size 64 with a packet just under and one over.
write(V311 | 0x10, ["30 3E 00 01 61" + " 00" * 59, "30 40 00 01 61" + " 00" * 61])
