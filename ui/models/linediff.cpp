#include "linediff.h"

#include <QHash>

#include <algorithm>
#include <vector>

QList<LineDiff::Line> LineDiff::diff(const QStringList &before, const QStringList &after,
                                     int maxEdits)
{
    QList<Line> result;
    qsizetype prefix = 0;
    while (prefix < before.size() && prefix < after.size()
           && before.at(prefix) == after.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix
           && before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix))
        ++suffix;
    for (qsizetype i = 0; i < prefix; ++i)
        result.append({Same, before.at(i)});

    // Lines become numbers so the inner loop compares ints, not strings.
    QHash<QString, int> ids;
    auto idsOf = [&ids](const QStringList &lines, qsizetype from, qsizetype to) {
        std::vector<int> out;
        out.reserve(to - from);
        for (qsizetype i = from; i < to; ++i) {
            auto it = ids.constFind(lines.at(i));
            if (it == ids.constEnd())
                it = ids.insert(lines.at(i), int(ids.size()));
            out.push_back(it.value());
        }
        return out;
    };
    const std::vector<int> a = idsOf(before, prefix, before.size() - suffix);
    const std::vector<int> b = idsOf(after, prefix, after.size() - suffix);
    const int n = int(a.size());
    const int m = int(b.size());

    // Forward pass, keeping V for each d (only its 2d+1 live diagonals: O(D²) memory).
    std::vector<std::vector<int>> trace;
    std::vector<int> v(2 * (n + m) + 3, 0);
    const int offset = n + m + 1;
    bool found = n == 0 && m == 0;
    for (int d = 0; d <= n + m && !found && d <= maxEdits; ++d) {
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                        ? v[offset + k + 1]
                        : v[offset + k - 1] + 1;
            int y = x - k;
            while (x < n && y < m && a[x] == b[y]) {
                ++x;
                ++y;
            }
            v[offset + k] = x;
            if (x >= n && y >= m)
                found = true;
        }
        trace.emplace_back(v.begin() + offset - d, v.begin() + offset + d + 1);
    }

    QList<Line> middle;
    if (!found) {
        for (int i = 0; i < n; ++i)
            middle.append({Removed, before.at(prefix + i)});
        for (int j = 0; j < m; ++j)
            middle.append({Added, after.at(prefix + j)});
    } else if (n + m > 0) {
        // Walk back from (n, m) through the stored diagonals.
        int x = n;
        int y = m;
        for (int d = int(trace.size()) - 1; d >= 0; --d) {
            const int k = x - y;
            int prevX = 0;
            int prevY = 0;
            if (d > 0) {
                const std::vector<int> &prev = trace[d - 1];
                auto at = [&prev, d](int kk) { return prev[kk + d - 1]; };
                const int prevK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
                prevX = at(prevK);
                prevY = prevX - prevK;
            }
            while (x > prevX && y > prevY) {
                middle.append({Same, before.at(prefix + x - 1)});
                --x;
                --y;
            }
            if (d > 0) {
                if (x == prevX)
                    middle.append({Added, after.at(prefix + y - 1)});
                else
                    middle.append({Removed, before.at(prefix + x - 1)});
                x = prevX;
                y = prevY;
            }
        }
        std::reverse(middle.begin(), middle.end());
    }
    result.append(middle);
    for (qsizetype i = before.size() - suffix; i < before.size(); ++i)
        result.append({Same, before.at(i)});
    return result;
}
