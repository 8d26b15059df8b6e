#pragma once

#include <QElapsedTimer>
#include <QWidget>

class PaneModel;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTimer;
class QToolButton;

namespace mqtt {
class Message;
}

// One per-filter pane: the messages its filter routes (PaneModel), newest at the bottom, with
// pause (arrivals keep counting: "1,234 new"), clear, a text search over topic and payload,
// the message count and rate. The view follows new rows only while it is at the bottom.
class FilterPane : public QWidget
{
    Q_OBJECT
public:
    explicit FilterPane(PaneModel *model, QWidget *parent = nullptr);

    PaneModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    bool isFollowingTail() const { return m_followTail; }
    QString countsText() const;
    void setSearchText(const QString &text);

Q_SIGNALS:
    // The user picked a row: show that message's topic.
    void topicActivated(const QString &topic);

private:
    void updateCounts();
    void updateRate();
    void applySearch();
    void scrollToTailIfFollowing();

    PaneModel *m_model;
    QSortFilterProxyModel *m_search; // attached only while searching: a full ring costs nothing
    QTableView *m_view;
    QLabel *m_counts;
    QLineEdit *m_searchEdit;
    QToolButton *m_pause;
    QTimer *m_countsTimer;
    QElapsedTimer m_rateClock;
    qint64 m_totalAtRate = 0;
    double m_rate = 0;
    bool m_followTail = true;
};
