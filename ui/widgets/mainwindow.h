#pragma once

#include <QMainWindow>

class QLabel;
class QPlainTextEdit;

// The application window. For now a status line and a live message log; the topic tree,
// subscription panes and publish composer arrive with the GUI issues.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    void setBrokerDescription(const QString &description);
    void setConnectionStatus(const QString &status);
    void appendLogLine(const QString &line);

private:
    QLabel *m_brokerLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPlainTextEdit *m_log = nullptr;
};
