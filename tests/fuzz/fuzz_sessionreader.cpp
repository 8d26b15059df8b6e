// libFuzzer target for mqtt::SessionReader. The input is written to a temporary file and read
// event by event. Besides "no crash, no leak, no UB": an error names the line (or is about the
// file) and has a text; a file read without error is written again with SessionWriter and read
// back, and must give the same header and events (writer and reader agree on the format).
#include "capture/sessionreader.h"
#include "capture/sessionwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdint>
#include <cstdlib>

using namespace mqtt;

namespace {

QString tempPath(const char *suffix)
{
    return QDir::tempPath()
           + QStringLiteral("/fuzz_sessionreader.%1.%2.jsonl")
                 .arg(QCoreApplication::applicationPid())
                 .arg(QLatin1String(suffix));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // SessionWriter owns a QTimer; give it an application object as in real use.
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString input = tempPath("in");
    static const QString output = tempPath("out");
    {
        QFile file(input);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            abort();
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }

    SessionReader reader;
    QList<SessionEvent> events;
    if (reader.open(input)) {
        SessionEvent event;
        int lastLine = reader.lineNumber();
        while (reader.readNext(&event)) {
            if (reader.lineNumber() <= lastLine)
                abort(); // lines must advance
            lastLine = reader.lineNumber();
            events.append(event);
        }
    }
    if (reader.hasError()) {
        if (reader.errorString().isEmpty() || reader.errorLine() < 0)
            abort();
        QFile::remove(input);
        return 0;
    }
    if (reader.truncatedFinalLine() && reader.warningString().isEmpty())
        abort();

    const SessionHeader header = reader.header();
    {
        SessionWriter writer;
        if (!writer.open(output, header))
            abort();
        for (const SessionEvent &event : events)
            writer.write(event);
        if (!writer.close())
            abort();
    }
    SessionHeader header2;
    QList<SessionEvent> events2;
    QString error;
    if (!SessionReader::readAll(output, &header2, &events2, &error))
        abort(); // the reader refuses what the writer wrote
    if (!(header2 == header) || events2 != events)
        abort(); // write -> read changed something
    QFile::remove(input);
    QFile::remove(output);
    return 0;
}
