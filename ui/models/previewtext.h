#pragma once

#include <QByteArray>
#include <QString>

// Short display strings shared by the tree, the panes and the top talkers: they run for
// visible cells only, never per message.
namespace PreviewText {

// First line of a payload, at most maxChars characters, control characters shown as U+00B7;
// "<binary 1.2 KB>" when it is not UTF-8 text.
QString payload(const QByteArray &payload, int maxChars = 200);
// "512 B", "1.2 KB", "3.4 MB", "1.0 GB".
QString bytes(qint64 bytes);
// "0.5", "12", "1.2k", "3.4M" (append the unit yourself: "/s").
QString shortNumber(double value);
// "1 line", "3,000 lines" (the number in the locale's form). one and many are translated in the
// "PreviewText" context: mark them with QT_TRANSLATE_NOOP("PreviewText", ...) at the call site.
// Kept beside tr()'s %n because without a loaded translation %n prints "line(s)".
QString counted(qint64 n, const char *one, const char *many);

} // namespace PreviewText
