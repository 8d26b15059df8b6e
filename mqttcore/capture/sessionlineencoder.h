#pragma once

#include "capture/sessionevent.h"

#include <QByteArray>

namespace mqtt {

// Appends one event of a session file (docs/session-format.md) as a JSON line, straight into
// a byte buffer. The output is byte for byte what
// QJsonDocument(capture::eventToJson(event)).toJson(QJsonDocument::Compact) + '\n' gives
// (sorted keys, Qt's string escaping, integers in decimal), without building a QJsonObject
// per event: recording at broker speed spent most of its time there.
// tst_sessionlineencoder compares the two on a large table of events.
class SessionLineEncoder
{
public:
    void append(QByteArray &out, const SessionEvent &event);

private:
    void appendTime(QByteArray &out, qint64 msecsSinceEpoch);

    // "YYYY-MM-DDTHH:MM:SS." of the last second formatted: events come in bursts within the
    // same second, and QDateTime formatting costs more than the rest of a line.
    qint64 m_cachedSecond = -1;
    QByteArray m_cachedPrefix;
};

} // namespace mqtt
