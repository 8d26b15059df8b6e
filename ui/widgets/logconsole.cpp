#include "widgets/logconsole.h"

#include "previewtext.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace {
constexpr int kFlushIntervalMs = 50;

int severity(mqtt::LogLevel level)
{
    switch (level) {
    case mqtt::LogLevel::Debug: return 0;
    case mqtt::LogLevel::Info: return 1;
    case mqtt::LogLevel::Notice: return 2;
    case mqtt::LogLevel::Warning: return 3;
    case mqtt::LogLevel::Err: return 4;
    }
    return 1;
}

// An error or a warning says so in the text, so the saved or copied log keeps the level.
QString levelPrefix(mqtt::LogLevel level)
{
    switch (level) {
    case mqtt::LogLevel::Err: return QStringLiteral("error: ");
    case mqtt::LogLevel::Warning: return QStringLiteral("warning: ");
    default: return QString();
    }
}
} // namespace

LogConsole::LogConsole(QWidget *parent)
    : QWidget(parent)
    , m_filterBox(new QComboBox(this))
    , m_searchEdit(new QLineEdit(this))
    , m_pauseButton(new QToolButton(this))
    , m_statusLabel(new QLabel(this))
    , m_view(new QPlainTextEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 0);
    m_filterBox->setObjectName(QStringLiteral("logLevelFilter"));
    m_filterBox->setAccessibleName(tr("Log level filter"));
    m_filterBox->addItem(tr("All lines"), int(Filter::All));
    m_filterBox->addItem(tr("Info and above"), int(Filter::InfoAndAbove));
    m_filterBox->addItem(tr("Warnings and errors"), int(Filter::WarningsAndErrors));
    m_filterBox->addItem(tr("Errors only"), int(Filter::Errors));
    m_searchEdit->setObjectName(QStringLiteral("logSearch"));
    m_searchEdit->setAccessibleName(tr("Search the log"));
    m_searchEdit->setPlaceholderText(tr("Search the log"));
    m_searchEdit->setClearButtonEnabled(true);
    m_pauseButton->setObjectName(QStringLiteral("logPause"));
    m_pauseButton->setText(tr("Pause"));
    m_pauseButton->setCheckable(true);
    m_pauseButton->setToolTip(tr("Hold the view still; new lines are kept and counted"));
    auto *copy = new QToolButton(this);
    copy->setObjectName(QStringLiteral("logCopy"));
    copy->setText(tr("Copy"));
    copy->setToolTip(tr("Copy the lines shown"));
    auto *save = new QToolButton(this);
    save->setObjectName(QStringLiteral("logSave"));
    save->setText(tr("Save…"));
    save->setToolTip(tr("Save the lines shown to a file"));
    auto *clearButton = new QToolButton(this);
    clearButton->setObjectName(QStringLiteral("logClear"));
    clearButton->setText(tr("Clear"));
    m_statusLabel->setObjectName(QStringLiteral("logStatus"));
    m_statusLabel->setForegroundRole(QPalette::PlaceholderText);
    bar->addWidget(m_filterBox);
    bar->addWidget(m_searchEdit, 1);
    bar->addWidget(m_statusLabel);
    bar->addWidget(m_pauseButton);
    bar->addWidget(copy);
    bar->addWidget(save);
    bar->addWidget(clearButton);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setAccessibleName(tr("Connection log"));
    m_view->setReadOnly(true);
    m_view->setMaximumBlockCount(maxLines + 1); // one block for the "not kept" note
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setPlaceholderText(tr("Connection events and errors appear here."));

    // Follow new lines only while the user leaves the view at the bottom (Wireshark's
    // tail_at_end): sliderPosition already holds the position the user's action leads to.
    QScrollBar *scroll = m_view->verticalScrollBar();
    connect(scroll, &QScrollBar::actionTriggered, this,
            [this, scroll](int) { m_followTail = scroll->sliderPosition() >= scroll->maximum(); });

    m_flushTimer.setInterval(kFlushIntervalMs);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &LogConsole::flushPending);
    connect(m_filterBox, &QComboBox::activated, this,
            [this](int index) { setFilter(Filter(m_filterBox->itemData(index).toInt())); });
    connect(m_searchEdit, &QLineEdit::textChanged, this, &LogConsole::setSearch);
    connect(m_pauseButton, &QToolButton::toggled, this, &LogConsole::setPaused);
    connect(copy, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(shownText()); });
    connect(clearButton, &QToolButton::clicked, this, &LogConsole::clear);
    connect(save, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save log"),
                                                          QStringLiteral("mqtt-inspector.log"),
                                                          tr("Log files (*.log *.txt);;All files (*)"));
        if (!path.isEmpty())
            saveTo(path);
    });
    connect(this, &LogConsole::saveFailed, m_statusLabel, &QLabel::setText);
    connect(this, &LogConsole::savedTo, this,
            [this](const QString &path) { m_statusLabel->setText(tr("Saved to %1").arg(path)); });
}

void LogConsole::appendLine(const QString &line, mqtt::LogLevel level)
{
    m_pending.append({QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz  "))
                          + levelPrefix(level) + line,
                      level});
    // Older lines would leave the ring anyway: count them instead.
    if (m_pending.size() > maxLines) {
        const qsizetype excess = m_pending.size() - maxLines;
        m_pending.erase(m_pending.begin(), m_pending.begin() + excess);
        m_dropped += excess;
    }
    if (!m_paused && !m_flushTimer.isActive())
        m_flushTimer.start();
    if (m_paused)
        updateStatus();
}

void LogConsole::clear()
{
    m_pending.clear();
    m_entries.clear();
    m_dropped = 0;
    m_view->clear();
    m_statusLabel->clear();
}

void LogConsole::setFilter(Filter filter)
{
    m_filter = filter;
    m_filterBox->setCurrentIndex(m_filterBox->findData(int(filter)));
    rebuildView();
}

void LogConsole::setSearch(const QString &text)
{
    if (m_searchEdit->text() != text)
        m_searchEdit->setText(text); // comes back here through textChanged
    m_search = text;
    rebuildView();
}

void LogConsole::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    m_pauseButton->setChecked(paused);
    m_pauseButton->setText(paused ? tr("Resume") : tr("Pause"));
    if (!paused)
        flushPending();
    updateStatus();
}

bool LogConsole::passes(const Entry &entry) const
{
    const int s = severity(entry.level);
    switch (m_filter) {
    case Filter::All: break;
    case Filter::InfoAndAbove: if (s < 1) return false; break;
    case Filter::WarningsAndErrors: if (s < 3) return false; break;
    case Filter::Errors: if (s < 4) return false; break;
    }
    return m_search.isEmpty() || entry.text.contains(m_search, Qt::CaseInsensitive);
}

QString LogConsole::shownText() const
{
    QStringList lines;
    for (const Entry &e : m_entries) {
        if (passes(e))
            lines << e.text;
    }
    return lines.join(QLatin1Char('\n'));
}

void LogConsole::saveTo(const QString &path)
{
    const QByteArray bytes = (shownText() + QLatin1Char('\n')).toUtf8();
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (error.isEmpty())
            Q_EMIT savedTo(path);
        else
            Q_EMIT saveFailed(error);
    });
    watcher->setFuture(QtConcurrent::run([path, bytes]() -> QString {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return tr("Cannot save the log to %1: %2").arg(path, file.errorString());
        return QString();
    }));
}

void LogConsole::flushPending()
{
    if (m_paused || m_pending.isEmpty())
        return;
    QStringList shown;
    for (const Entry &e : std::as_const(m_pending)) {
        if (passes(e))
            shown << e.text;
    }
    m_entries.append(m_pending);
    m_pending.clear();
    bool trimmed = false;
    if (m_entries.size() > maxLines) {
        const qsizetype excess = m_entries.size() - maxLines;
        m_entries.erase(m_entries.begin(), m_entries.begin() + excess);
        m_dropped += excess;
        trimmed = true;
    }
    if (trimmed && m_view->blockCount() + shown.size() > maxLines) {
        rebuildView(); // the view's cap would cut the note; lay it out again
        return;
    }
    if (!shown.isEmpty())
        m_view->appendPlainText(shown.join(QLatin1Char('\n')));
    updateStatus();
    if (m_followTail) {
        // ensureCursorVisible lays the new text out first; a scroll-bar maximum read right
        // after appendPlainText is still the old one.
        m_view->moveCursor(QTextCursor::End);
        m_view->ensureCursorVisible();
    }
}

void LogConsole::rebuildView()
{
    QString text = shownText();
    if (m_dropped > 0)
        text.prepend(tr("… %1 not kept").arg(PreviewText::counted(m_dropped, "earlier line",
                                                                  "earlier lines"))
                     + QLatin1Char('\n'));
    m_view->setPlainText(text);
    updateStatus();
    if (m_followTail) {
        m_view->moveCursor(QTextCursor::End);
        m_view->ensureCursorVisible();
    }
}

void LogConsole::updateStatus()
{
    QStringList parts;
    if (m_paused && !m_pending.isEmpty())
        parts << tr("%1 new while paused").arg(QLocale().toString(m_pending.size()));
    if (m_dropped > 0)
        parts << tr("%1 not kept").arg(QLocale().toString(m_dropped));
    m_statusLabel->setText(parts.join(QStringLiteral(" · ")));
}
