#pragma once

#include "models/payloadformat.h"

#include "message.h"

#include <QList>
#include <QString>
#include <QVariantMap>
#include <QWidget>

class HistoryModel;
class PayloadView;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;
class QTreeWidget;

// The selected topic: a header (topic, QoS, retained, time, size, property count) over tabs
// Payload, History, Diff, Chart and Properties. setMessages() is called again on every store
// flush while the topic receives messages: it re-renders only what changed (the payload only
// when the last message changed), and the Diff and Chart tabs are rebuilt only while visible,
// at most every 150 ms.
class TopicDetails : public QWidget
{
    Q_OBJECT
public:
    explicit TopicDetails(QWidget *parent = nullptr);
    ~TopicDetails() override;

    // `history` oldest first; its last entry is the topic's last message. An empty history
    // for a non-empty topic is a level without messages of its own.
    void setMessages(const QString &topic, const QList<mqtt::Message> &history);
    void clear();
    QString topic() const { return m_topic; }
    // Steps through the topic's history (the History tab; from the newest when nothing is
    // selected): for the keyboard. False at either end.
    bool showPreviousMessage();
    bool showNextMessage();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *createHistoryTab();
    QWidget *createDiffTab();
    QWidget *createChartTab();
    void updateTopicLabel();
    void updateLastMessage();
    void updateProperties();
    void scheduleRefresh();
    void refreshVisibleTab();
    void refreshDiff();
    void refreshChart();
    void refreshChartFields();
    void applyChartColors();
    void showHistoryMessage(int row);
    int diffRow() const; // the history row the Diff tab compares with the one before it

    void rememberFormat(PayloadFormat::Format format);

    QString m_topic;
    QList<mqtt::Message> m_history;
    // The payload format the user chose per topic (kept in QSettings, at most
    // maxRememberedFormats topics); other topics show Auto.
    QVariantMap m_chosenFormats;
    static constexpr int maxRememberedFormats = 500;
    mqtt::Message m_last;
    bool m_hasLast = false;

    QLabel *m_topicLabel = nullptr;
    QLabel *m_metaLabel = nullptr;
    QTabWidget *m_tabs = nullptr;
    PayloadView *m_payloadView = nullptr;
    HistoryModel *m_historyModel = nullptr;
    QTableView *m_historyView = nullptr;
    QWidget *m_historyTab = nullptr;
    PayloadView *m_historyPayload = nullptr;
    QLabel *m_diffSummary = nullptr;
    QPlainTextEdit *m_diffView = nullptr;
    QComboBox *m_chartField = nullptr;
    QStackedWidget *m_chartStack = nullptr;
    QChartView *m_chartView = nullptr;
    QLineSeries *m_series = nullptr;
    QLabel *m_chartNote = nullptr;
    QTreeWidget *m_properties = nullptr;
    QTimer *m_refreshTimer = nullptr;
    bool m_diffDirty = true;
    bool m_chartDirty = true;
};
