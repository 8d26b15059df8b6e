#include "capture/sessionreader.h"
#include "client.h"
#include "connection.h"
#include "messagestore.h"
#include "sessionrecorder.h"
#include "sessiontesthelpers.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>

using mqtt::SessionEvent;
using namespace sessiontest;

// Recording a live connection to the fixture broker: what arrives from mosquitto_pub and
// what we publish land in the file, whole lines at least once a second while recording; a
// disk that fills up stops the recording with the system's reason.
class tst_SessionRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void recordsReceivedSentAndEvents();
    void flushedWhileRecording();
    void fullDiskStops();
    void cannotStart();

private:
    QTemporaryDir m_dir;
};

void tst_SessionRecorder::init()
{
    if (!fixtureBrokerPort())
        QSKIP("run through ctest: needs the fixture broker");
    QVERIFY(m_dir.isValid());
}

void tst_SessionRecorder::recordsReceivedSentAndEvents()
{
    const QString root = uniqueRoot("rec");
    auto connection = connectTo(root + QStringLiteral("/#"));
    QVERIFY(connection);
    SessionRecorder *recorder = connection->recorder();
    QSignalSpy started(recorder, &SessionRecorder::started);
    const QString path = m_dir.filePath(QStringLiteral("live.jsonl"));
    QString error;
    QVERIFY2(recorder->start(path, &error), qPrintable(error));
    QCOMPARE(started.size(), 1);
    QVERIFY(recorder->isRecording());

    QVERIFY(mosquittoPub(root + QStringLiteral("/a"), QStringLiteral("one"), 1));
    QVERIFY(mosquittoPub(root + QStringLiteral("/b/c"), QStringLiteral("{\"x\": [1, 2]}"), 2));
    mqtt::Properties props;
    props.setContentType(QStringLiteral("text/plain"));
    props.addUserProperty(QStringLiteral("k"), QStringLiteral("v"));
    const mqtt::RequestResult sent = connection->client()->publish(
            root + QStringLiteral("/ours"), "from us", 1, false, props);
    QVERIFY(sent.ok());
    // Ours comes back on our subscription: 3 received in all.
    QTRY_COMPARE_WITH_TIMEOUT(connection->store()->totalMessages(), 3, 5000);
    connection->disconnectFromBroker();
    QTRY_COMPARE(connection->status(), Connection::Status::Disconnected);
    QVERIFY(recorder->stop(&error));
    QVERIFY(!recorder->isRecording());

    mqtt::SessionHeader header;
    QList<SessionEvent> events;
    QVERIFY2(mqtt::SessionReader::readAll(path, &header, &events, &error), qPrintable(error));
    QCOMPARE(header.clientId, connection->client()->clientId());
    QCOMPARE(header.protocol, QStringLiteral("mqttv5"));
    QStringList received;
    QList<SessionEvent> sentEvents;
    QStringList connectionEvents;
    for (const SessionEvent &e : events) {
        if (e.type == SessionEvent::Type::Received)
            received << e.topic.mid(root.size()) + QLatin1Char('=') + QString::fromUtf8(e.payload)
                            + QLatin1Char('@') + QString::number(e.qos);
        else if (e.type == SessionEvent::Type::Sent)
            sentEvents << e;
        else if (e.type == SessionEvent::Type::Connection)
            connectionEvents << e.connectionEvent;
    }
    received.sort();
    QCOMPARE(received, (QStringList{"/a=one@1", "/b/c={\"x\": [1, 2]}@1", "/ours=from us@1"}));
    QCOMPARE(sentEvents.size(), 1);
    QCOMPARE(sentEvents.first().topic, root + QStringLiteral("/ours"));
    QCOMPARE(sentEvents.first().mid, sent.mid);
    QCOMPARE(sentEvents.first().properties.contentType, QStringLiteral("text/plain"));
    QCOMPARE(sentEvents.first().properties.userProperties.size(), 1);
    QCOMPARE(connectionEvents, QStringList{QStringLiteral("disconnected")});
    QCOMPARE(recorder->eventsRecorded(), qint64(events.size()));
}

void tst_SessionRecorder::flushedWhileRecording()
{
    const QString root = uniqueRoot("recflush");
    auto connection = connectTo(root + QStringLiteral("/#"), 0);
    QVERIFY(connection);
    const QString path = m_dir.filePath(QStringLiteral("flush.jsonl"));
    QVERIFY(connection->recorder()->start(path));
    QVERIFY(mosquittoPub(root + QStringLiteral("/t"), QStringLiteral("v")));
    QTRY_COMPARE(connection->store()->totalMessages(), 1);
    // Not stopped: the line is in the file within about a second.
    QList<SessionEvent> events;
    QString error;
    QVERIFY(QTest::qWaitFor([&] {
        events.clear();
        return mqtt::SessionReader::readAll(path, nullptr, &events, &error)
            && !events.isEmpty();
    }, 2500));
    QCOMPARE(events.first().topic, root + QStringLiteral("/t"));
    QVERIFY(connection->recorder()->isRecording());
}

void tst_SessionRecorder::fullDiskStops()
{
    const QString mountPoint = m_dir.filePath(QStringLiteral("small"));
    QVERIFY(QDir().mkpath(mountPoint));
    if (::mount("tmpfs", QFile::encodeName(mountPoint).constData(), "tmpfs", 0, "size=16k") != 0)
        QSKIP("cannot mount a tmpfs here (needs CAP_SYS_ADMIN)");
    const QString root = uniqueRoot("recfull");
    auto connection = connectTo(root + QStringLiteral("/#"), 0);
    QVERIFY(connection);
    SessionRecorder *recorder = connection->recorder();
    recorder->setFlushInterval(50);
    QSignalSpy failed(recorder, &SessionRecorder::failed);
    QSignalSpy stopped(recorder, &SessionRecorder::stopped);
    const QString path = mountPoint + QStringLiteral("/rec.jsonl");
    QVERIFY(recorder->start(path));
    const QByteArray big(2000, 'x');
    for (int i = 0; i < 40; ++i)
        connection->client()->publish(root + QStringLiteral("/big"), big);
    const bool gotFailure = failed.wait(5000) || !failed.isEmpty();
    ::umount2(QFile::encodeName(mountPoint).constData(), MNT_DETACH);
    QVERIFY(gotFailure);
    QCOMPARE(failed.size(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.startsWith(QStringLiteral("Recording stopped:")) && message.contains(path)
                 && message.contains(QStringLiteral("No space left")),
             qPrintable(message));
    QCOMPARE(stopped.size(), 1);
    QVERIFY(!recorder->isRecording());
    // The connection goes on.
    QCOMPARE(connection->status(), Connection::Status::Connected);
}

void tst_SessionRecorder::cannotStart()
{
    auto connection = connectTo(uniqueRoot("recno") + QStringLiteral("/#"), 0);
    QVERIFY(connection);
    QString error;
    const QString path = m_dir.filePath(QStringLiteral("no/such/dir/x.jsonl"));
    QVERIFY(!connection->recorder()->start(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(!connection->recorder()->isRecording());
}

QTEST_MAIN(tst_SessionRecorder)
#include "tst_sessionrecorder.moc"
