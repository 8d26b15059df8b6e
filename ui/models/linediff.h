#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A line diff (Myers' O(ND) algorithm on the lines between the common prefix and suffix).
// Bounded: past maxEdits differing lines it gives up on alignment and reports the middle as
// removed then added, so a diff of two unrelated documents stays quick.
class LineDiff
{
public:
    enum Kind { Same, Removed, Added };
    struct Line
    {
        Kind kind = Same;
        QString text;
        bool operator==(const Line &other) const
        {
            return kind == other.kind && text == other.text;
        }
    };

    static QList<Line> diff(const QStringList &before, const QStringList &after,
                            int maxEdits = 4000);
};
