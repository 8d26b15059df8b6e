#include "widgets/logconsole.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QVBoxLayout>

namespace {
constexpr int kFlushIntervalMs = 50;
}

LogConsole::LogConsole(QWidget *parent)
    : QWidget(parent)
    , m_view(new QPlainTextEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setAccessibleName(tr("Connection log"));
    m_view->setReadOnly(true);
    m_view->setMaximumBlockCount(maxLines); // caps memory under a flood, like Kate's output view
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setPlaceholderText(tr("Connection events and errors appear here."));

    // Follow new lines only while the user leaves the view at the bottom (Wireshark's
    // tail_at_end): sliderPosition already holds the position the user's action leads to.
    QScrollBar *bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::actionTriggered, this,
            [this, bar](int) { m_followTail = bar->sliderPosition() >= bar->maximum(); });

    m_flushTimer.setInterval(kFlushIntervalMs);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &LogConsole::flushPending);
}

void LogConsole::appendLine(const QString &line)
{
    m_pending.append(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz  ")) + line);
    // Older lines would scroll out of the capped view anyway; count them instead (one block
    // stays free for the "not shown" note).
    if (m_pending.size() > maxLines - 1) {
        const qsizetype excess = m_pending.size() - (maxLines - 1);
        m_pending.erase(m_pending.begin(), m_pending.begin() + excess);
        m_skipped += excess;
    }
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void LogConsole::clear()
{
    m_pending.clear();
    m_skipped = 0;
    m_view->clear();
}

void LogConsole::flushPending()
{
    if (m_skipped > 0) {
        m_view->appendPlainText(tr("… %n earlier line(s) not shown", nullptr, int(m_skipped)));
        m_skipped = 0;
    }
    if (!m_pending.isEmpty())
        m_view->appendPlainText(m_pending.join(QLatin1Char('\n')));
    m_pending.clear();
    if (m_followTail) {
        // ensureCursorVisible lays the new text out first; a scroll-bar maximum read right
        // after appendPlainText is still the old one.
        m_view->moveCursor(QTextCursor::End);
        m_view->ensureCursorVisible();
    }
}
