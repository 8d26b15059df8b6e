#pragma once

#include "connection.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QToolButton;

// The connection's pulse in the window's status bar: an indicator, the CONNACK text (or why it
// was refused or lost), messages in/out per second, topics, and the store's history memory
// against its budget (click to change the budget).
class ConnectionStatusBar : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionStatusBar(QWidget *parent = nullptr);

    void setConnection(Connection *connection);
    Connection *connection() const { return m_connection; }

    QString statusText() const;
    QString ratesText() const;
    QString memoryText() const;
    // "● REC file.jsonl · N events" while the connection records, else empty.
    QString recordingText() const;
    // Why the connection was refused or lost and what to try (ConnectionDiagnosis), or empty.
    QString diagnosisText() const;

Q_SIGNALS:
    // The status text changed and was sent to assistive technology as an alert.
    void statusAnnounced(const QString &text);

private:
    void updateStatus();
    void updateCounters();
    void changeBudget();

    QPointer<Connection> m_connection;
    QLabel *m_indicator;
    QLabel *m_status;
    QLabel *m_rates;
    QToolButton *m_memory;
    QLabel *m_recording;
    QLabel *m_diagnosis;
    QList<QMetaObject::Connection> m_connections;
};
