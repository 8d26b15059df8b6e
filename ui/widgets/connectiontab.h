#pragma once

#include <QPointer>
#include <QWidget>

class Connection;
class FilterPane;
class LogConsole;
class PaneModel;
class QSplitter;
class QTabWidget;
class TopicDetails;
class TopicTree;

// One broker: the topic tree on the left, the selected topic's details on the right and the
// per-filter panes below. Owns its Connection (and with it the client, store and models), so
// closing the tab ends that connection and nothing else.
class ConnectionTab : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionTab(Connection *connection, QWidget *parent = nullptr);
    ~ConnectionTab() override;

    Connection *connection() const { return m_connection; }
    TopicTree *topicTree() const { return m_tree; }
    TopicDetails *details() const { return m_details; }
    LogConsole *logConsole() const;
    QTabWidget *paneTabs() const { return m_paneTabs; }
    FilterPane *paneFor(const PaneModel *model) const;

    // Asks for a filter (and QoS, subscribe or view only) and opens its pane.
    void promptNewPane(const QString &suggestedFilter = QString());
    // Opens a pane without asking; returns false with a message box-free error text.
    bool openPane(const QString &filter, int qos, bool subscribe, QString *error = nullptr);

    QByteArray saveLayout() const;
    void restoreLayout(const QByteArray &state);

Q_SIGNALS:
    void titleChanged(const QString &title);

private:
    void showTopic(const QString &topic);
    void refreshDetails();
    void addPaneTab(PaneModel *model);
    void removePaneTab(PaneModel *model);

    Connection *m_connection;
    TopicTree *m_tree;
    TopicDetails *m_details;
    // Lives in the window's log dock; that dock may be destroyed first when the window goes.
    QPointer<LogConsole> m_log;
    QTabWidget *m_paneTabs;
    QSplitter *m_mainSplitter;
    QSplitter *m_topSplitter;
    QString m_shownTopic;
    qint64 m_shownCount = -1;
};
