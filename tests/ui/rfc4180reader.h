#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// A strict RFC 4180 reader for tests: records end with CRLF, a field is either plain (no
// comma, quote, CR or LF) or quoted with inner quotes doubled, and every record has as many
// fields as the first. Anything else is an error that names the record and the byte offset.
namespace rfc4180 {

using Record = QList<QByteArray>;

inline bool parse(const QByteArray &text, QList<Record> *records, QString *error)
{
    records->clear();
    Record record;
    QByteArray field;
    qsizetype i = 0;
    const qsizetype n = text.size();
    const auto fail = [&](const char *what) {
        *error = QStringLiteral("record %1, offset %2: %3")
                     .arg(records->size() + 1).arg(i).arg(QLatin1String(what));
        return false;
    };
    while (i < n) {
        if (text.at(i) == '"') {
            ++i;
            while (true) {
                if (i >= n)
                    return fail("unterminated quoted field");
                const char c = text.at(i++);
                if (c == '"') {
                    if (i < n && text.at(i) == '"') {
                        field += '"';
                        ++i;
                        continue;
                    }
                    break;
                }
                field += c;
            }
            if (i < n && text.at(i) != ',' && text.at(i) != '\r')
                return fail("text after a closing quote");
        } else {
            while (i < n && text.at(i) != ',' && text.at(i) != '\r') {
                const char c = text.at(i);
                if (c == '"')
                    return fail("quote inside a plain field");
                if (c == '\n')
                    return fail("bare LF");
                field += c;
                ++i;
            }
        }
        record.append(field);
        field.clear();
        if (i >= n)
            return fail("last record not ended by CRLF");
        if (text.at(i) == ',') {
            ++i;
            if (i >= n)
                return fail("file ends after a comma");
            continue;
        }
        // CR: must be CRLF.
        if (i + 1 >= n || text.at(i + 1) != '\n')
            return fail("bare CR");
        i += 2;
        if (!records->isEmpty() && record.size() != records->first().size())
            return fail("field count differs from the header");
        records->append(record);
        record.clear();
    }
    return true;
}

} // namespace rfc4180
