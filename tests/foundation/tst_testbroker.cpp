#include "testbroker.h"

#include <QTcpSocket>
#include <QTest>

// The broker plumbing every integration test stands on: the CTest fixture broker and a
// per-test broker that starts, survives kill -9 with a restart on the same port, and stops.
class tst_TestBroker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtureBrokerAcceptsConnections()
    {
        const quint16 port = fixtureBrokerPort();
        QVERIFY2(port != 0, "MQTT_TEST_BROKER_PORT not set: run through ctest");
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(socket.waitForConnected(3000));
        // A real broker answers a 3.1.1 CONNECT with CONNACK accepted (20 02 00 00).
        const QByteArray connect = QByteArray::fromHex("101000044d5154540402003c000474657374");
        socket.write(connect);
        QVERIFY(socket.waitForBytesWritten(3000));
        QVERIFY(socket.waitForReadyRead(3000));
        QCOMPARE(socket.readAll().toHex(), QByteArray("20020000"));
    }

    void ownBrokerRestartsOnSamePort()
    {
        TestBroker broker;
        QVERIFY2(broker.start(), qPrintable(broker.lastError()));
        const quint16 port = broker.port();
        QVERIFY(TestBroker::waitForPort(port, 1000));
        broker.kill();
        QVERIFY(!broker.isRunning());
        QVERIFY(broker.start());
        QCOMPARE(broker.port(), port);
        broker.stop();
        QVERIFY(!broker.isRunning());
    }
};

QTEST_GUILESS_MAIN(tst_TestBroker)
#include "tst_testbroker.moc"
