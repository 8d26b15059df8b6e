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
class TopicFilterProxyModel;
class TopTalkersModel;

// The left side of a connection tab: the live topic tree with its filter box (substring, MQTT
// wildcard filter or regular expression, over topics and optionally payloads) and the "Top
// talkers" list (what floods this broker). Context menu: copy topic, copy payload, watch the
// subtree in a new pane.
class TopicTree : public QWidget
{
    Q_OBJECT
public:
    explicit TopicTree(Connection *connection, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    QTableView *topTalkersView() const { return m_talkersView; }
    TopicFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QString currentTopic() const;
    // Selects a topic (expanding its parents); false when it is not in the tree (yet).
    bool selectTopic(const QString &topic);
    void focusFilter();
    // Filter mode index: 0 text, 1 MQTT filter, 2 regular expression.
    void setFilter(const QString &pattern, int mode = 0, bool payloads = false);

Q_SIGNALS:
    // The selection moved to a topic or level ("" when nothing is selected).
    void topicSelected(const QString &topic);
    void watchRequested(const QString &filter);

private:
    void applyFilter();
    void updateMatchLabel();
    void showContextMenu(const QPoint &pos);

    Connection *m_connection;
    TopicFilterProxyModel *m_proxy;
    TopTalkersModel *m_talkers;
    QTabWidget *m_tabs;
    QTreeView *m_view;
    QTableView *m_talkersView;
    QLineEdit *m_filterEdit;
    QComboBox *m_mode;
    QCheckBox *m_payloads;
    QLabel *m_matches;
    QTimer *m_debounce;
};
