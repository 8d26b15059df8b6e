#pragma once

#include <QByteArray>
#include <QPair>
#include <QString>

// Text helpers of the publish composer: what it turns the user's typing into, and back. They
// keep bytes exact (the composer must send what was typed) and JSON keys in the user's order.
namespace ComposerText {

// Hex bytes as typed: pairs of digits, whitespace and ':' / '-' / ',' between bytes allowed,
// an optional "0x" per byte. The error names the 1-based character column of the first
// problem so the user finds it in a long line.
bool parseHex(const QString &text, QByteArray *out, QString *error);

// Bytes as hex pairs, 16 per line as in the payload view's hex dump.
QString toHexText(const QByteArray &bytes);

// Re-indents valid JSON without parsing it into QJsonObject, which would sort the keys: a
// composer must keep the user's order.
QString prettyJson(const QByteArray &json);

// Whether the editor can hold these bytes as text and give the same bytes back.
bool isText(const QByteArray &bytes);

// 1-based line and column of a UTF-8 byte offset.
QPair<int, int> lineColumn(const QByteArray &text, qsizetype offset);

} // namespace ComposerText
