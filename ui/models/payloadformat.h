#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QFuture>
#include <QString>
#include <QStringList>

#include <optional>

// Detection and rendering of a payload as text, JSON, XML, hex dump or base64. Renderings are
// always of the whole payload; large payloads go through renderAsync() so that formatting
// megabytes never runs on the GUI thread.
class PayloadFormat
{
    Q_DECLARE_TR_FUNCTIONS(PayloadFormat)

public:
    enum Format { Auto, Text, Json, Xml, Hex, Base64 };

    struct Rendering
    {
        Format format = Text; // never Auto: what the text was rendered as
        QString text;
    };

    // Payloads at least this large are rendered on a worker thread by renderAsync().
    static constexpr qsizetype asyncThreshold = 256 * 1024;

    static Format detect(const QByteArray &payload);
    // `format` Auto renders as detect() says.
    static QString render(const QByteArray &payload, Format format);
    static Rendering renderResolved(const QByteArray &payload, Format format);
    // A ready future below asyncThreshold, a QtConcurrent::run otherwise.
    static QFuture<QString> renderAsync(const QByteArray &payload, Format format);
    static QFuture<Rendering> renderResolvedAsync(const QByteArray &payload, Format format);

    static QString formatName(Format format); // "JSON", "Hex"...
    static QString sizeText(qint64 bytes);    // "57 B", "1.5 KiB", "16.0 MiB"

    // The number a payload holds when it is a bare JSON number ("21.5", " -3e2 ").
    static std::optional<double> number(const QByteArray &payload);
    // Paths ("value", "env.temp", "list[0]") of the numbers in a JSON object or array, in
    // document order, at most `limit` of them.
    static QStringList numericJsonPaths(const QByteArray &payload, int limit = 200);
    // The number at a path from numericJsonPaths() (the payload itself for an empty path).
    static std::optional<double> numberAt(const QByteArray &payload, const QString &path);

    static QString renderText(const QByteArray &payload);
    static QString renderJson(const QByteArray &payload);
    static QString renderXml(const QByteArray &payload);
    static QString renderHex(const QByteArray &payload);
    static QString renderBase64(const QByteArray &payload);
};
