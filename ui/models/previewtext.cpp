#include "previewtext.h"

#include <QCoreApplication>
#include <QLocale>

#include <QStringDecoder>

namespace PreviewText {

QString payload(const QByteArray &payload, int maxChars)
{
    if (payload.isEmpty())
        return QString();
    // Decoding a prefix is enough for one line; a stateful decoder keeps a multi-byte
    // sequence cut at the end as pending state instead of reporting an error.
    const qsizetype prefix = qMin<qsizetype>(payload.size(), qsizetype(maxChars) * 4 + 4);
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(QByteArrayView(payload.constData(), prefix));
    if (decoder.hasError())
        return QCoreApplication::translate("PreviewText", "<binary %1>").arg(bytes(payload.size()));

    QString line;
    line.reserve(qMin<qsizetype>(text.size(), maxChars + 1));
    bool more = prefix < payload.size();
    qsizetype i = 0;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            more = true;
            break;
        }
        if (line.size() >= maxChars) {
            more = true;
            break;
        }
        if (c == QLatin1Char('\t'))
            line += QLatin1Char(' ');
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            line += QChar(0x00B7);
        else
            line += c;
    }
    if (more)
        line += QChar(0x2026);
    return line;
}

QString bytes(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    static const char *const units[] = {"KB", "MB", "GB", "TB"};
    double value = double(bytes) / 1024.0;
    int unit = 0;
    while (value >= 1024.0 && unit < 3) {
        value /= 1024.0;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QLatin1String(units[unit]));
}

QString shortNumber(double value)
{
    if (value < 0)
        return QLatin1Char('-') + shortNumber(-value);
    if (value < 10 && value != qint64(value))
        return QString::number(value, 'f', 1);
    if (value < 1000)
        return QString::number(qint64(value + 0.5));
    static const char suffixes[] = {'k', 'M', 'G'};
    int unit = 0;
    value /= 1000.0;
    while (value >= 1000.0 && unit < 2) {
        value /= 1000.0;
        ++unit;
    }
    return QString::number(value, 'f', value < 100 ? 1 : 0) + QLatin1Char(suffixes[unit]);
}

QString counted(qint64 n, const char *one, const char *many)
{
    return QCoreApplication::translate("PreviewText", "%1 %2", "count, noun")
        .arg(QLocale().toString(n), QCoreApplication::translate("PreviewText", n == 1 ? one : many));
}

} // namespace PreviewText
