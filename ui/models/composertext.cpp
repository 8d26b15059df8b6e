#include "composertext.h"

#include <QObject>

namespace ComposerText {

// Hex bytes as typed: pairs of digits, whitespace and ':' / '-' / ',' between bytes allowed,
// an optional "0x" per byte. The error names the 1-based character column of the first
// problem so the user finds it in a long line.
bool parseHex(const QString &text, QByteArray *out, QString *error)
{
    QByteArray bytes;
    bytes.reserve(text.size() / 2);
    int high = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (high < 0 && (c.isSpace() || c == QLatin1Char(':') || c == QLatin1Char('-') || c == QLatin1Char(',')))
            continue;
        if (high < 0 && c == QLatin1Char('0') && i + 1 < text.size()
            && (text.at(i + 1) == QLatin1Char('x') || text.at(i + 1) == QLatin1Char('X'))) {
            ++i;
            continue;
        }
        const int digit = QStringView(&c, 1).toString().toInt(nullptr, 16);
        const bool isDigit = c.isDigit() || (c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f'));
        if (!isDigit) {
            if (error) {
                *error = high >= 0 ? QObject::tr("Hex: a byte needs two digits (character %1)").arg(i + 1)
                                   : QObject::tr("Hex: '%1' at character %2 is not a hex digit").arg(c).arg(i + 1);
            }
            return false;
        }
        if (high < 0) {
            high = digit;
        } else {
            bytes.append(char(high * 16 + digit));
            high = -1;
        }
    }
    if (high >= 0) {
        if (error)
            *error = QObject::tr("Hex: odd number of digits (the last byte has one)");
        return false;
    }
    *out = bytes;
    return true;
}

QString toHexText(const QByteArray &bytes)
{
    // 16 bytes per line, as the payload view's hex dump, so a long payload stays readable.
    QString text;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (i > 0)
            text += (i % 16 == 0) ? QLatin1Char('\n') : QLatin1Char(' ');
        text += QString::fromLatin1(bytes.mid(i, 1).toHex());
    }
    return text;
}

// Re-indents valid JSON without parsing it into QJsonObject, which would sort the keys: a
// composer must keep the user's order.
QString prettyJson(const QByteArray &json)
{
    QByteArray out;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    const auto newline = [&] {
        out += '\n';
        out += QByteArray(depth * 4, ' ');
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case ' ': case '\t': case '\n': case '\r':
            break;
        case '"':
            inString = true;
            out += c;
            break;
        case '{': case '[': {
            // An empty object or array stays on one line.
            qsizetype j = i + 1;
            while (j < json.size() && QChar::isSpace(uchar(json.at(j))))
                ++j;
            if (j < json.size() && (json.at(j) == '}' || json.at(j) == ']')) {
                out += c;
                out += json.at(j);
                i = j;
                break;
            }
            out += c;
            ++depth;
            newline();
            break;
        }
        case '}': case ']':
            --depth;
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += ": ";
            break;
        default:
            out += c;
        }
    }
    return QString::fromUtf8(out);
}

// Whether the editor can hold these bytes as text and give the same bytes back.
bool isText(const QByteArray &bytes)
{
    return !bytes.contains('\0') && QString::fromUtf8(bytes).toUtf8() == bytes;
}

// 1-based line and column of a UTF-8 byte offset.
QPair<int, int> lineColumn(const QByteArray &text, qsizetype offset)
{
    offset = qBound<qsizetype>(0, offset, text.size());
    const QByteArray before = text.left(offset);
    const qsizetype lastNewline = before.lastIndexOf('\n');
    const int line = int(before.count('\n')) + 1;
    const int column = int(QString::fromUtf8(before.mid(lastNewline + 1)).size()) + 1;
    return {line, column};
}

} // namespace ComposerText
