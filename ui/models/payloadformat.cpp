#include "payloadformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringDecoder>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>
#include <QtConcurrent/QtConcurrentRun>

namespace {

bool isJsonNumber(QByteArrayView text)
{
    // RFC 8259 number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto digits = [&] {
        const qsizetype start = i;
        while (i < n && text[i] >= '0' && text[i] <= '9')
            ++i;
        return i > start;
    };
    if (i < n && text[i] == '-')
        ++i;
    if (i < n && text[i] == '0')
        ++i;
    else if (!digits())
        return false;
    if (i < n && text[i] == '.') {
        ++i;
        if (!digits())
            return false;
    }
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < n && (text[i] == '+' || text[i] == '-'))
            ++i;
        if (!digits())
            return false;
    }
    return i == n;
}

char firstNonSpace(const QByteArray &payload)
{
    for (const char c : payload) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return c;
    }
    return 0;
}

bool isValidUtf8(const QByteArray &payload)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder(payload); // converting runs the decoder
    Q_UNUSED(decoded);
    return !decoder.hasError();
}

bool hasControlCharacters(const QByteArray &payload)
{
    for (const char c : payload) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\r' && c != '\n') || u == 0x7f)
            return true;
    }
    return false;
}

bool isXml(const QByteArray &payload)
{
    QXmlStreamReader reader(payload);
    bool sawElement = false;
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement)
            sawElement = true;
    }
    return sawElement && !reader.hasError();
}

QString chopNewline(QString text)
{
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    return text;
}

void collectNumericPaths(const QJsonValue &value, const QString &path, QStringList &paths,
                         int limit)
{
    if (paths.size() >= limit)
        return;
    if (value.isDouble()) {
        paths.append(path);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString child = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
            collectNumericPaths(it.value(), child, paths, limit);
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collectNumericPaths(array.at(i), path + QStringLiteral("[%1]").arg(i), paths, limit);
    }
}

std::optional<QJsonValue> parseJson(const QByteArray &payload)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    if (document.isObject())
        return QJsonValue(document.object());
    return QJsonValue(document.array());
}

} // namespace

PayloadFormat::Format PayloadFormat::detect(const QByteArray &payload)
{
    // Look at the first character before trying a parser, so a large text payload is not
    // parsed as JSON and XML first.
    const char first = firstNonSpace(payload);
    if (first == '{' || first == '[') {
        if (parseJson(payload))
            return Json;
    } else if (first == '<') {
        if (isXml(payload))
            return Xml;
    } else if ((first == '-' || (first >= '0' && first <= '9')) && payload.size() < 64) {
        if (isJsonNumber(payload.trimmed()))
            return Json;
    }
    if (isValidUtf8(payload) && !hasControlCharacters(payload))
        return Text;
    return Hex;
}

QString PayloadFormat::render(const QByteArray &payload, Format format)
{
    switch (format) {
    case Auto:
        return render(payload, detect(payload));
    case Text:
        return renderText(payload);
    case Json:
        return renderJson(payload);
    case Xml:
        return renderXml(payload);
    case Hex:
        return renderHex(payload);
    case Base64:
        return renderBase64(payload);
    }
    return renderText(payload);
}

PayloadFormat::Rendering PayloadFormat::renderResolved(const QByteArray &payload, Format format)
{
    const Format resolved = format == Auto ? detect(payload) : format;
    return {resolved, render(payload, resolved)};
}

QFuture<QString> PayloadFormat::renderAsync(const QByteArray &payload, Format format)
{
    if (payload.size() < asyncThreshold)
        return QtFuture::makeReadyFuture(render(payload, format));
    return QtConcurrent::run([payload, format] { return render(payload, format); });
}

QFuture<PayloadFormat::Rendering> PayloadFormat::renderResolvedAsync(const QByteArray &payload,
                                                                     Format format)
{
    if (payload.size() < asyncThreshold)
        return QtFuture::makeReadyFuture(renderResolved(payload, format));
    return QtConcurrent::run([payload, format] { return renderResolved(payload, format); });
}

QString PayloadFormat::formatName(Format format)
{
    switch (format) {
    case Auto:
        return tr("Auto");
    case Text:
        return tr("Text");
    case Json:
        return QStringLiteral("JSON");
    case Xml:
        return QStringLiteral("XML");
    case Hex:
        return tr("Hex");
    case Base64:
        return QStringLiteral("Base64");
    }
    return QString();
}

QString PayloadFormat::sizeText(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    if (bytes < 1024 * 1024)
        return QStringLiteral("%1 KiB").arg(bytes / 1024.0, 0, 'f', 1);
    if (bytes < 1024LL * 1024 * 1024)
        return QStringLiteral("%1 MiB").arg(bytes / (1024.0 * 1024), 0, 'f', 1);
    return QStringLiteral("%1 GiB").arg(bytes / (1024.0 * 1024 * 1024), 0, 'f', 1);
}

std::optional<double> PayloadFormat::number(const QByteArray &payload)
{
    if (payload.size() >= 64)
        return std::nullopt;
    const QByteArray trimmed = payload.trimmed();
    if (!isJsonNumber(trimmed))
        return std::nullopt;
    bool ok = false;
    const double value = trimmed.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

QStringList PayloadFormat::numericJsonPaths(const QByteArray &payload, int limit)
{
    QStringList paths;
    if (const auto root = parseJson(payload))
        collectNumericPaths(*root, QString(), paths, limit);
    return paths;
}

std::optional<double> PayloadFormat::numberAt(const QByteArray &payload, const QString &path)
{
    if (path.isEmpty())
        return number(payload);
    const auto root = parseJson(payload);
    if (!root)
        return std::nullopt;
    QJsonValue value = *root;
    qsizetype i = 0;
    while (i < path.size()) {
        if (path.at(i) == QLatin1Char('[')) {
            const qsizetype close = path.indexOf(QLatin1Char(']'), i);
            if (close < 0 || !value.isArray())
                return std::nullopt;
            bool ok = false;
            const int index = path.mid(i + 1, close - i - 1).toInt(&ok);
            const QJsonArray array = value.toArray();
            if (!ok || index < 0 || index >= array.size())
                return std::nullopt;
            value = array.at(index);
            i = close + 1;
        } else {
            if (path.at(i) == QLatin1Char('.'))
                ++i;
            qsizetype end = i;
            while (end < path.size() && path.at(end) != QLatin1Char('.')
                   && path.at(end) != QLatin1Char('['))
                ++end;
            if (!value.isObject())
                return std::nullopt;
            const QJsonObject object = value.toObject();
            const auto it = object.constFind(path.mid(i, end - i));
            if (it == object.constEnd())
                return std::nullopt;
            value = it.value();
            i = end;
        }
    }
    if (!value.isDouble())
        return std::nullopt;
    return value.toDouble();
}

QString PayloadFormat::renderText(const QByteArray &payload)
{
    return QString::fromUtf8(payload);
}

QString PayloadFormat::renderJson(const QByteArray &payload)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &error);
    if (error.error == QJsonParseError::NoError)
        return chopNewline(QString::fromUtf8(document.toJson(QJsonDocument::Indented)));
    if (isJsonNumber(payload.trimmed()))
        return QString::fromUtf8(payload.trimmed());
    // The error goes first: at the end of a large payload nobody would see it.
    return tr("Invalid JSON at offset %1: %2\n\n%3")
        .arg(error.offset)
        .arg(error.errorString(), renderText(payload));
}

QString PayloadFormat::renderXml(const QByteArray &payload)
{
    QXmlStreamReader reader(payload);
    QString out;
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.setAutoFormattingIndent(2);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.hasError())
            break;
        switch (reader.tokenType()) {
        case QXmlStreamReader::StartDocument:
            // Only repeat a declaration the payload had.
            if (!reader.documentVersion().isEmpty())
                writer.writeStartDocument(reader.documentVersion().toString());
            break;
        case QXmlStreamReader::EndDocument:
            writer.writeEndDocument();
            break;
        case QXmlStreamReader::Characters:
            // Indentation between elements is the writer's job now.
            if (!reader.isWhitespace())
                writer.writeCurrentToken(reader);
            break;
        default:
            writer.writeCurrentToken(reader);
            break;
        }
    }
    if (reader.hasError()) {
        return tr("Invalid XML at line %1, column %2: %3\n\n%4")
            .arg(reader.lineNumber())
            .arg(reader.columnNumber())
            .arg(reader.errorString(), renderText(payload));
    }
    return chopNewline(out.trimmed());
}

QString PayloadFormat::renderHex(const QByteArray &payload)
{
    // xxd's layout: "00000000: 7b22 7661 ... 7d0a  {"value": 21.5}."
    static const char digits[] = "0123456789abcdef";
    constexpr qsizetype lineLength = 10 + 40 + 1 + 16 + 1;
    const qsizetype size = payload.size();
    QString out;
    out.resize(((size + 15) / 16) * lineLength);
    QChar *p = out.data();
    const auto *bytes = reinterpret_cast<const unsigned char *>(payload.constData());
    for (qsizetype offset = 0; offset < size; offset += 16) {
        for (int shift = 28; shift >= 0; shift -= 4)
            *p++ = QLatin1Char(digits[(offset >> shift) & 0xf]);
        *p++ = QLatin1Char(':');
        *p++ = QLatin1Char(' ');
        const qsizetype count = std::min<qsizetype>(16, size - offset);
        for (qsizetype i = 0; i < 16; ++i) {
            if (i < count) {
                *p++ = QLatin1Char(digits[bytes[offset + i] >> 4]);
                *p++ = QLatin1Char(digits[bytes[offset + i] & 0xf]);
            } else {
                *p++ = QLatin1Char(' ');
                *p++ = QLatin1Char(' ');
            }
            if (i % 2 == 1)
                *p++ = QLatin1Char(' ');
        }
        *p++ = QLatin1Char(' ');
        for (qsizetype i = 0; i < count; ++i) {
            const unsigned char c = bytes[offset + i];
            *p++ = QLatin1Char(c >= 0x20 && c < 0x7f ? char(c) : '.');
        }
        *p++ = QLatin1Char('\n');
    }
    out.truncate(p - out.constData());
    return chopNewline(out);
}

QString PayloadFormat::renderBase64(const QByteArray &payload)
{
    const QByteArray encoded = payload.toBase64();
    QString out;
    out.reserve(encoded.size() + encoded.size() / 76 + 1);
    for (qsizetype i = 0; i < encoded.size(); i += 76) {
        if (i > 0)
            out += QLatin1Char('\n');
        out += QLatin1String(encoded.constData() + i, std::min<qsizetype>(76, encoded.size() - i));
    }
    return out;
}
