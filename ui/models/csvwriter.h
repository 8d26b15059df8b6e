#pragma once

#include "capture/sessionevent.h"

#include <QByteArray>
#include <QList>

// Session events as CSV for spreadsheets (RFC 4180): CRLF line ends, every field that holds a
// comma, a double quote, CR or LF is quoted with its quotes doubled. One header row, then one
// row per event. A payload that is exact UTF-8 goes into "payload"; any other (binary) payload
// into "payload_base64", so no byte is lost or reinterpreted. MQTT 5 properties are the
// session format's JSON object in one field.
class CsvWriter
{
public:
    static QList<QByteArray> columns();
    static QByteArray headerRow();
    static void appendRow(QByteArray &out, const mqtt::SessionEvent &event);
    // One field, quoted when RFC 4180 requires it.
    static void appendField(QByteArray &out, const QByteArray &field);
};
