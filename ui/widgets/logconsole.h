#pragma once

#include <QStringList>
#include <QTimer>
#include <QWidget>

class QPlainTextEdit;

// A connection's log: lines are queued and appended in one block on a short timer, capped
// (oldest lines counted, not shown), and the view follows the tail only while the user leaves
// it at the bottom. A flood of lines never costs more than one append per flush.
class LogConsole : public QWidget
{
    Q_OBJECT
public:
    explicit LogConsole(QWidget *parent = nullptr);

    void appendLine(const QString &line);
    void clear();

    int pendingLineCount() const { return int(m_pending.size()); }
    bool isFollowingTail() const { return m_followTail; }
    QPlainTextEdit *view() const { return m_view; }

    static constexpr int maxLines = 10000;

private:
    void flushPending();

    QPlainTextEdit *m_view;
    QStringList m_pending;
    QTimer m_flushTimer;
    qint64 m_skipped = 0;
    bool m_followTail = true;
};
