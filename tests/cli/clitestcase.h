#pragma once

#include "codec/protocol.h"

#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

class CliProcess;
class PeerClient;

// What the end-to-end CLI tests (tst_clisub, tst_clipub, tst_clirecord, tst_cliconnect) share:
// the fixture mosquitto, a fresh topic root, and ways to run the CLI against it.
class CliTestCase : public QObject
{
public:
    explicit CliTestCase(QObject *parent = nullptr) : QObject(parent) {}

protected:
    // Call from initTestCase(); false without the fixture broker (the caller QSKIPs).
    bool initFixture();

    // A fresh topic root per run: the fixture broker keeps retained messages between runs.
    QString topic(const QString &leaf) const { return m_root + leaf; }
    bool connectPeer(PeerClient &peer, mqtt::ProtocolVersion v = mqtt::ProtocolVersion::V311);
    // Starts the CLI with -d and waits for its SUBACK.
    bool startCliSubscribed(CliProcess &p, const QStringList &args);
    QString writeSession(const QString &name, const QList<qint64> &offsetsMs);
    QStringList brokerArgs() const { return {"-h", "127.0.0.1", "-p", QString::number(m_port)}; }
    // Starts `sub`-like CLI with -d and waits until its SUBACK arrived.
    bool startSubscribed(QProcess &p, const QStringList &args);
    static int run(const QStringList &args, QByteArray *out = nullptr, QByteArray *err = nullptr,
                   int timeoutMs = 20000);

    QString m_root;
    quint16 m_port = 0;
    QTemporaryDir m_dir;
};
