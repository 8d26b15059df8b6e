#pragma once

#include "codec/packet.h"

#include <QByteArray>
#include <QString>

// Byte vectors in the tests are written as spaced hex, "30 07 00 03 61 2F 62".
inline QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

inline QString spacedHex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(' ').toUpper());
}
