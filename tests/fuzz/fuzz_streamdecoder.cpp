// libFuzzer target for mqtt::StreamDecoder. The first input byte picks the configuration
// (version, role, auth method sent, a small maximum packet size, chunking); the rest is the
// byte stream. Besides "no crash, no leak, no UB", every packet the decoder accepts must
// survive encode -> decode unchanged, which checks the encoder and decoder against each other.
#include "codec/encoder.h"
#include "codec/streamdecoder.h"

#include <cstdint>
#include <cstdlib>

using namespace mqtt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t config = data[0];
    ++data;
    --size;

    static const ProtocolVersion versions[] = {ProtocolVersion::V311, ProtocolVersion::V5,
                                               ProtocolVersion::V31, ProtocolVersion::V5};
    const ProtocolVersion version = versions[config & 0x03];
    const auto role = (config & 0x04) ? StreamDecoder::Role::Server : StreamDecoder::Role::Client;
    StreamDecoder decoder(role);
    decoder.setProtocolVersion(version);
    decoder.setAuthMethodSent(config & 0x08);
    if (config & 0x10)
        decoder.setMaximumPacketSize(64);
    // Chunk sizes from a tiny LCG seeded by the config: 1 byte up to everything at once.
    const unsigned chunkMode = config >> 5;
    uint32_t lcg = config * 2654435761u + 1;

    size_t pos = 0;
    while (pos < size) {
        size_t n;
        if (chunkMode == 0) {
            n = size - pos;
        } else if (chunkMode == 1) {
            n = 1;
        } else {
            lcg = lcg * 1664525u + 1013904223u;
            n = 1 + (lcg >> 16) % (chunkMode * 17);
        }
        if (n > size - pos)
            n = size - pos;
        decoder.feed(reinterpret_cast<const char *>(data + pos), qsizetype(n));
        pos += n;
        while (std::optional<Packet> packet = decoder.next()) {
            const ProtocolVersion now = decoder.protocolVersion();
            QString error;
            const QByteArray again = encode(*packet, now, &error);
            if (again.isEmpty())
                abort(); // the decoder accepted something the encoder refuses
            DecodeError decodeError;
            const std::optional<Packet> back = decodePacket(again, now, role, &decodeError, true);
            if (!back || !(*back == *packet))
                abort(); // round trip changed the packet
        }
        if (decoder.hasFailed()) {
            if (decoder.error().rule.isEmpty() || decoder.error().offset < 0
                || decoder.error().offset > qint64(size))
                abort();
            break;
        }
    }
    return 0;
}
