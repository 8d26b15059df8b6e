#pragma once

#include "codec/decodeerror.h"
#include "codec/packet.h"
#include "codec/streamdecoder.h"
#include "codec/topiccache.h"

#include <QByteArray>
#include <QString>

namespace mqtt {

// Bounded reader over one packet body: the MQTT data types (integers, variable byte
// integers, binary data, UTF-8 strings, topic names, reason codes, properties), each read
// bounds-checked against the body's end. The first violation is kept in error(), with its
// stream offset; every read returns false from then on through its caller.
class PacketReader
{
public:
    using Role = StreamDecoder::Role;

    PacketReader(const uchar *body, qsizetype size, qint64 bodyOffset, ProtocolVersion version,
                 Role role, TopicCache *topicCache = nullptr)
        : m_begin(body), m_pos(body), m_end(body + size), m_bodyOffset(bodyOffset),
          m_version(version), m_role(role), m_topicCache(topicCache)
    {
    }

    const DecodeError &error() const { return m_error; }
    ProtocolVersion version() const { return m_version; }
    // CONNECT decides the version of the rest of the stream.
    void setVersion(ProtocolVersion version) { m_version = version; }
    Role role() const { return m_role; }
    bool v5() const { return m_version == ProtocolVersion::V5; }
    qsizetype remaining() const { return m_end - m_pos; }
    const uchar *pos() const { return m_pos; }

    // Records the violation (at `at`, default the current position); always returns false.
    bool fail(const QString &rule, const char *statementId = nullptr,
              quint8 reason = ReasonCode::MalformedPacket, const uchar *at = nullptr);
    // Statement ids that differ between 3.1.1 and 5.0.
    const char *pick(const char *v311, const char *v50) const { return v5() ? v50 : v311; }

    bool need(qsizetype n, const char *what)
    {
        if (remaining() >= n)
            return true;
        return fail(QStringLiteral("%1 runs past the end of the packet").arg(QLatin1String(what)));
    }
    bool readByte(quint8 *v, const char *what)
    {
        if (!need(1, what))
            return false;
        *v = *m_pos++;
        return true;
    }
    bool readU16(quint16 *v, const char *what)
    {
        if (!need(2, what))
            return false;
        *v = quint16((m_pos[0] << 8) | m_pos[1]);
        m_pos += 2;
        return true;
    }
    bool readU32(quint32 *v, const char *what)
    {
        if (!need(4, what))
            return false;
        *v = (quint32(m_pos[0]) << 24) | (quint32(m_pos[1]) << 16) | (quint32(m_pos[2]) << 8)
            | quint32(m_pos[3]);
        m_pos += 4;
        return true;
    }
    bool readVbi(quint32 *v, const char *what);
    bool readBinaryView(const uchar **data, quint16 *len, const char *what)
    {
        if (!readU16(len, what))
            return false;
        if (remaining() < *len) {
            return fail(QStringLiteral("%1 length %2 runs past the end of the packet")
                            .arg(QLatin1String(what))
                            .arg(*len),
                        nullptr, ReasonCode::MalformedPacket, m_pos - 2);
        }
        *data = m_pos;
        m_pos += *len;
        return true;
    }
    bool readBinary(QByteArray *out, const char *what)
    {
        // Initialised although readBinaryView() sets both on success: g++ 12 -O2 cannot see
        // that and fails a Release build with -Werror=maybe-uninitialized.
        const uchar *data = nullptr;
        quint16 len = 0;
        if (!readBinaryView(&data, &len, what))
            return false;
        *out = QByteArray(reinterpret_cast<const char *>(data), len);
        return true;
    }
    bool readString(QString *out, const char *what)
    {
        // Initialised although readBinaryView() sets both on success: g++ 12 -O2 cannot see
        // that and fails a Release build with -Werror=maybe-uninitialized.
        const uchar *data = nullptr;
        quint16 len = 0;
        if (!readBinaryView(&data, &len, what))
            return false;
        return toString(data, len, out, what);
    }
    // The rest of the body as one QByteArray (a PUBLISH payload).
    QByteArray readRest()
    {
        // One copy: Qt 6.4 cannot share a slice of the stream buffer.
        QByteArray rest(reinterpret_cast<const char *>(m_pos), remaining());
        m_pos = m_end;
        return rest;
    }
    bool expectEnd(const char *packetName)
    {
        if (m_pos == m_end)
            return true;
        return fail(QStringLiteral("%1 has %2 unexpected bytes at the end")
                        .arg(QLatin1String(packetName))
                        .arg(remaining()));
    }
    bool packetId(quint16 *id, const char *packetName)
    {
        const uchar *at = m_pos;
        if (!readU16(id, "packet identifier"))
            return false;
        if (*id == 0)
            return failPacketIdZero(packetName, at);
        return true;
    }
    bool reasonCode(ReasonCode *code, PacketType type);
    bool properties(Properties *out, PacketType type, bool inWill = false)
    {
        // Inline for the common empty property list (length byte 0): the hot PUBLISH path
        // then makes no call into the property parser.
        if (m_pos < m_end && *m_pos == 0) {
            ++m_pos;
            return true;
        }
        return readProperties(out, type, inWill);
    }
    // Inline with the cache lookup: it runs for every PUBLISH.
    bool topicName(QString *topic, bool allowEmpty);

private:
    qint64 offsetOf(const uchar *p) const { return m_bodyOffset + (p - m_begin); }
    bool toString(const uchar *data, qsizetype len, QString *out, const char *what,
                  bool topic = false);
    bool failPacketIdZero(const char *packetName, const uchar *at);
    bool readProperties(Properties *out, PacketType type, bool inWill);

    const uchar *m_begin;
    const uchar *m_pos;
    const uchar *m_end;
    qint64 m_bodyOffset;
    ProtocolVersion m_version;
    Role m_role;
    TopicCache *m_topicCache;
    DecodeError m_error;
};

inline bool PacketReader::topicName(QString *topic, bool allowEmpty)
{
    // Initialised for g++ 12's -O3 -Werror=maybe-uninitialized (see readString()).
    const uchar *data = nullptr;
    quint16 len = 0;
    if (!readBinaryView(&data, &len, "topic name"))
        return false;
    if (len == 0 && !allowEmpty) {
        return fail(QStringLiteral("PUBLISH topic name is empty"), "MQTT-4.7.3-1",
                    ReasonCode::ProtocolError, data - 2);
    }
    if (!m_topicCache || len == 0 || len > TopicCache::MaxLength)
        return toString(data, len, topic, "topic name", true);
    const auto *chars = reinterpret_cast<const char *>(data);
    const quint64 hash = TopicCache::hash(chars, len);
    if (const QString *cached = m_topicCache->find(chars, len, hash)) {
        *topic = *cached; // shared, no conversion
        return true;
    }
    if (!toString(data, len, topic, "topic name", true))
        return false; // invalid topics are never cached
    m_topicCache->insert(chars, len, hash, *topic);
    return true;
}

} // namespace mqtt
