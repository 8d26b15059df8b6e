#include "csvwriter.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

QByteArray typeName(mqtt::SessionEvent::Type type)
{
    switch (type) {
    case mqtt::SessionEvent::Type::Received: return QByteArrayLiteral("received");
    case mqtt::SessionEvent::Type::Sent: return QByteArrayLiteral("sent");
    case mqtt::SessionEvent::Type::Log: return QByteArrayLiteral("log");
    case mqtt::SessionEvent::Type::Connection: return QByteArrayLiteral("connection");
    }
    return QByteArray();
}

} // namespace

QList<QByteArray> CsvWriter::columns()
{
    return {"time", "type", "topic", "qos", "retain", "mid", "payload", "payload_base64",
            "properties", "level", "event", "code", "text"};
}

QByteArray CsvWriter::headerRow()
{
    QByteArray out;
    const QList<QByteArray> names = columns();
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (i > 0)
            out += ',';
        out += names.at(i);
    }
    out += "\r\n";
    return out;
}

void CsvWriter::appendField(QByteArray &out, const QByteArray &field)
{
    bool quote = false;
    for (char c : field) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

void CsvWriter::appendRow(QByteArray &out, const mqtt::SessionEvent &e)
{
    using mqtt::SessionEvent;
    QList<QByteArray> f(columns().size());
    f[0] = mqtt::capture::formatTimestamp(e.timestamp).toLatin1();
    f[1] = typeName(e.type);
    if (e.isMessage()) {
        f[2] = e.topic.toUtf8();
        f[3] = QByteArray::number(e.qos);
        f[4] = e.retain ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
        if (e.mid > 0)
            f[5] = QByteArray::number(e.mid);
        if (mqtt::capture::isExactUtf8(e.payload))
            f[6] = e.payload;
        else
            f[7] = e.payload.toBase64();
        if (!e.properties.isEmpty())
            f[8] = QJsonDocument(mqtt::capture::propertiesToJson(e.properties))
                           .toJson(QJsonDocument::Compact);
    } else if (e.type == SessionEvent::Type::Log) {
        f[9] = mqtt::capture::logLevelName(e.level).toUtf8();
        f[12] = e.text.toUtf8();
    } else {
        f[10] = e.connectionEvent.toUtf8();
        if (e.code >= 0)
            f[11] = QByteArray::number(e.code);
        f[12] = e.text.toUtf8();
    }
    for (qsizetype i = 0; i < f.size(); ++i) {
        if (i > 0)
            out += ',';
        appendField(out, f.at(i));
    }
    out += "\r\n";
}
