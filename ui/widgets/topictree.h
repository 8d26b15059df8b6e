#pragma once

#include <QWidget>

class Connection;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTableView;
class QTimer;
class QTreeView;
class RetainedCleaner;
class QStackedWidget;
class TopicSearchModel;
class TopTalkersModel;

// The left side of a connection tab: the live topic tree, its filter box (substring, MQTT
// wildcard filter or regular expression, over topics and optionally payloads: while it holds
// text the tree gives way to the list of matching topics) and the "Top talkers" list (what
// floods this broker). Context menu: copy topic, copy payload, watch the subtree in a new pane.
class TopicTree : public QWidget
{
    Q_OBJECT
public:
    explicit TopicTree(Connection *connection, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    QTableView *topTalkersView() const { return m_talkersView; }
    QTableView *searchView() const { return m_searchView; }
    TopicSearchModel *searchModel() const { return m_search; }
    bool isShowingSearch() const;
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QString currentTopic() const;
    // Selects a topic (expanding its parents); false when it is not in the tree (yet).
    bool selectTopic(const QString &topic);
    void focusFilter();
    // Filter mode index: 0 text, 1 MQTT filter, 2 regular expression.
    void setFilter(const QString &pattern, int mode = 0, bool payloads = false);
    // Context menu actions: delete one topic's retained message, or (after a confirmation
    // that says how many) every retained message found under a topic or level. They return
    // how many empty retained messages were published.
    int deleteRetained(const QString &topic);
    int deleteRetainedUnder(const QString &topicOrLevel);
    RetainedCleaner *retainedCleaner();
    // The context menu's commands for the current topic, for the keyboard (the window's
    // Topic menu). False when nothing is selected or there is nothing to do.
    bool copyCurrentTopic();
    bool copyCurrentPayload();
    // The current topic's retained message, or (confirmed) every one under a level.
    int deleteCurrentRetained();
    bool watchCurrent();
    bool publishToCurrent();

Q_SIGNALS:
    // The selection moved to a topic or level ("" when nothing is selected).
    void topicSelected(const QString &topic);
    void watchRequested(const QString &filter);
    void publishRequested(const QString &topic);

private:
    void applyFilter();
    void updateMatchLabel();
    void showContextMenu(const QPoint &pos);

    Connection *m_connection;
    TopicSearchModel *m_search;
    TopTalkersModel *m_talkers;
    QTabWidget *m_tabs;
    QStackedWidget *m_treeStack;
    QTreeView *m_view;
    QTableView *m_searchView;
    QTableView *m_talkersView;
    QLineEdit *m_filterEdit;
    QComboBox *m_mode;
    QCheckBox *m_payloads;
    QLabel *m_matches;
    QTimer *m_debounce;
    QString m_filterError; // the filter box's text is not a valid filter: shown, kept
    RetainedCleaner *m_cleaner = nullptr; // created on first use
};
