#include "mainwindow.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QVBoxLayout>

namespace {
constexpr int kMaxLogLines = 10000; // caps memory under a flood, like Kate's output view
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("MQTT Inspector"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_brokerLabel = new QLabel(tr("No broker"), central);
    m_log = new QPlainTextEdit(central);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(kMaxLogLines);
    m_log->setObjectName(QStringLiteral("messageLog"));
    layout->addWidget(m_brokerLabel);
    layout->addWidget(m_log);
    setCentralWidget(central);

    m_statusLabel = new QLabel(tr("Disconnected"), this);
    statusBar()->addPermanentWidget(m_statusLabel);
    resize(1000, 650);
}

void MainWindow::setBrokerDescription(const QString &description)
{
    m_brokerLabel->setText(description);
}

void MainWindow::setConnectionStatus(const QString &status)
{
    m_statusLabel->setText(status);
}

void MainWindow::appendLogLine(const QString &line)
{
    m_log->appendPlainText(line);
}
