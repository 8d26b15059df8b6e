#pragma once

#include "error.h"

#include <QList>
#include <QStringList>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

// A connection's log (the client's on_log stream and our own lines): kept in a capped ring
// (oldest lines counted, not kept), shown through a level filter and a search, appended in
// one block on a short timer so a flood of lines never costs more than one append per flush.
// Pause holds the view still (arrivals are kept and counted); Copy and Save take what the
// view shows. The view follows the tail only while the user leaves it at the bottom.
class LogConsole : public QWidget
{
    Q_OBJECT
public:
    // Which lines the view shows, from the most to the least.
    enum class Filter { All, InfoAndAbove, WarningsAndErrors, Errors };
    Q_ENUM(Filter)

    explicit LogConsole(QWidget *parent = nullptr);

    void appendLine(const QString &line, mqtt::LogLevel level = mqtt::LogLevel::Info);
    void clear();

    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }
    void setSearch(const QString &text);
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // The lines the view shows (after a flush), as Copy and Save take them.
    QString shownText() const;
    // Writes shownText() to `path` off the GUI thread; savedTo/saveFailed tell the outcome.
    void saveTo(const QString &path);

    int pendingLineCount() const { return int(m_pending.size()); }
    qint64 droppedLines() const { return m_dropped; }
    bool isFollowingTail() const { return m_followTail; }
    QPlainTextEdit *view() const { return m_view; }

    static constexpr int maxLines = 10000;

Q_SIGNALS:
    void savedTo(const QString &path);
    void saveFailed(const QString &message);

private:
    struct Entry
    {
        QString text; // "HH:mm:ss.zzz  line"
        mqtt::LogLevel level;
    };
    bool passes(const Entry &entry) const;
    void flushPending();
    void rebuildView();
    void updateStatus();

    QComboBox *m_filterBox;
    QLineEdit *m_searchEdit;
    QToolButton *m_pauseButton;
    QLabel *m_statusLabel;
    QPlainTextEdit *m_view;
    QList<Entry> m_entries;  // every kept line, oldest first, at most maxLines
    QList<Entry> m_pending;  // arrived since the last flush (or while paused)
    QTimer m_flushTimer;
    qint64 m_dropped = 0;    // lines that left the ring
    Filter m_filter = Filter::All;
    QString m_search;
    bool m_paused = false;
    bool m_followTail = true;
};
