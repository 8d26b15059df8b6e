#pragma once

#include "capture/sessionevent.h"

#include <QFile>

namespace mqtt {

// Reads a session file strictly (docs/session-format.md). Every error names the file, the
// 1-based line number and the field: "rec.jsonl:7: field \"qos\": must be 0, 1 or 2 (got 3)".
// The one tolerated defect is an incomplete final line (no newline and not a complete JSON
// object), which is what a writer killed mid-line leaves behind: reading stops before it
// and truncatedFinalLine()/warningString() report it.
class SessionReader
{
public:
    SessionReader();
    SessionReader(const SessionReader &) = delete;
    SessionReader &operator=(const SessionReader &) = delete;

    // Opens the file and reads the header line.
    bool open(const QString &path);
    void close();
    const SessionHeader &header() const { return m_header; }

    // Reads the next event. Returns false at the end of the file or on an error; tell the two
    // apart with hasError().
    bool readNext(SessionEvent *event);

    // After readNext() failed on one event line, forgets that error so that reading goes on
    // with the next line: for viewers that load what they can and list the bad lines. False
    // (and the error stays) for errors no later line can get past: the header, a read error.
    bool skipBadLine();

    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    int errorLine() const { return m_errorLine; }     // 0 when the error is not about a line
    QString errorField() const { return m_errorField; } // empty when not about one field

    bool truncatedFinalLine() const { return m_truncated; }
    QString warningString() const { return m_warning; }
    int lineNumber() const { return m_line; } // last line read
    // Bytes consumed so far and the file size, for progress displays.
    qint64 position() const { return m_file.pos(); }
    qint64 size() const { return m_file.size(); }

    // Convenience: the whole file. Returns false with *error set on any error; *warning gets
    // the truncated-last-line notice when there is one.
    static bool readAll(const QString &path, SessionHeader *header, QList<SessionEvent> *events,
                        QString *error, QString *warning = nullptr);

private:
    enum class LineResult { Ok, End, Error };
    LineResult nextLine(QByteArray *line);
    bool setError(const QString &field, const QString &message);

    QFile m_file;
    SessionHeader m_header;
    QString m_displayName;
    QString m_error;
    QString m_errorField;
    QString m_warning;
    int m_errorLine = 0;
    int m_line = 0;
    bool m_truncated = false;
    bool m_readError = false;
};

} // namespace mqtt
