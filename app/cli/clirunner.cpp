#include "clirunner.h"

#include "capture/sessionreader.h"
#include "capture/sessionwriter.h"
#include "client.h"
#include "codec/reasoncode.h"
#include "mqttcoreglobal.h"
#include "mqttstrings.h"
#include "socketloop.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>

#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace mqtt::cli {

namespace {

QString logLevelTag(LogLevel level)
{
    return capture::logLevelName(level);
}

} // namespace

CliRunner::CliRunner(const CliOptions &options, QObject *parent)
    : QObject(parent), m_options(options)
{
    m_timeout.setSingleShot(true);
    m_step.setSingleShot(true);
    m_progress.setInterval(1000);
}

CliRunner::~CliRunner() = default;

void CliRunner::error(const QString &message)
{
    std::fprintf(m_err, "%s\n", message.toLocal8Bit().constData());
    std::fflush(m_err);
}

void CliRunner::fail(int exitCode, const QString &message)
{
    error(message);
    finish(exitCode);
}

// Written with one fwrite and one fflush per read batch (not per message): with the default
// output this is the difference between mosquitto_sub's speed and 5x that.
bool CliRunner::writeOut(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return true;
    const size_t n = std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_out);
    return std::fflush(m_out) == 0 && n == size_t(bytes.size());
}

void CliRunner::record(const SessionEvent &event)
{
    if (!m_writer || m_writer->hasError())
        return;
    m_writer->write(event);
}

void CliRunner::connectionEvent(const QString &event, int code, const QString &text)
{
    record(SessionEvent::connection(event, code, text, QDateTime::currentMSecsSinceEpoch()));
}

bool CliRunner::prepare()
{
    const CliOptions &o = m_options;
    if (o.command == CliOptions::Command::Pub) {
        switch (o.payloadSource) {
        case CliOptions::PayloadSource::Message:
            m_payloads << o.message;
            break;
        case CliOptions::PayloadSource::Null:
            m_payloads << QByteArray();
            break;
        case CliOptions::PayloadSource::File: {
            QFile f(o.payloadFile);
            if (!f.open(QIODevice::ReadOnly)) {
                error(QStringLiteral("Error: -f: cannot read \"%1\": %2")
                              .arg(o.payloadFile, f.errorString()));
                m_exitCode = ExitUsage;
                return false;
            }
            m_payloads << f.readAll();
            break;
        }
        case CliOptions::PayloadSource::Stdin: {
            // -s: the whole of stdin is one message, read before connecting.
            QFile in;
            if (!in.open(stdin, QIODevice::ReadOnly)) {
                error(QStringLiteral("Error: -s: cannot read standard input"));
                m_exitCode = ExitUsage;
                return false;
            }
            m_payloads << in.readAll();
            break;
        }
        case CliOptions::PayloadSource::Lines:
            // -l: read line by line once connected, each line published as it arrives.
            break;
        case CliOptions::PayloadSource::None:
            break;
        }
    }
    if (o.command == CliOptions::Command::Replay) {
        SessionHeader header;
        QString err;
        QString warning;
        if (!SessionReader::readAll(o.replayFile, &header, &m_replay, &err, &warning)) {
            error(QStringLiteral("Error: %1").arg(err));
            m_exitCode = ExitUsage;
            return false;
        }
        if (!warning.isEmpty())
            error(QStringLiteral("Warning: %1").arg(warning));
        m_replay.removeIf([](const SessionEvent &e) {
            return e.type != SessionEvent::Type::Received;
        });
    }
    if (!o.recordFile.isEmpty()) {
        m_writer = std::make_unique<SessionWriter>();
        SessionHeader h;
        h.broker = o.brokerUrl;
        h.startTime = QDateTime::currentDateTimeUtc();
        h.clientId = o.clientId;
        h.protocol = o.protocol == ProtocolVersion::V5
                ? QStringLiteral("mqttv5")
                : (o.protocol == ProtocolVersion::V31 ? QStringLiteral("mqttv31")
                                                      : QStringLiteral("mqttv311"));
        h.tool = QStringLiteral("mqtt-inspector-cli " MQTTCORE_VERSION_STRING);
        if (!m_writer->open(o.recordFile, h)) {
            error(QStringLiteral("Error: --record: %1").arg(m_writer->errorString()));
            // A file that cannot be opened is a bad argument; one that opens but cannot
            // take the header (disk full) is the same failure as a write error later.
            m_exitCode = m_writer->isOpen() ? ExitConnection : ExitUsage;
            return false;
        }
        // A write error (disk full) ends sub --record and record alike: carrying on would
        // print messages the user believes are being saved.
        connect(m_writer.get(), &SessionWriter::errorOccurred, this, [this](const QString &msg) {
            fail(ExitConnection, QStringLiteral("Error: --record: %1").arg(msg));
        });
    }
    for (int i = 0; i < o.topics.size(); ++i)
        m_topics.insert(o.topics[i], quint64(i));
    for (int i = 0; i < o.filterOut.size(); ++i)
        m_filterOut.insert(o.filterOut[i], quint64(i));
    if (o.formatGiven)
        m_formatter.setFormat(o.format);
    m_formatter.setVerbose(o.verbose);
    m_formatter.setEndOfLine(!o.noEol);
    m_outIsTerminal = ::isatty(fileno(m_out)) == 1;
    return true;
}

int CliRunner::exec()
{
    if (!prepare())
        return m_exitCode;
    QTimer::singleShot(0, this, &CliRunner::start);
    m_loop.exec();
    if (m_writer)
        m_writer->close();
    return m_exitCode < 0 ? ExitSuccess : m_exitCode;
}

void CliRunner::start()
{
    const CliOptions &o = m_options;
    QString id = o.clientId;
    if (!o.clientIdPrefix.isEmpty())
        id = o.clientIdPrefix + QString::number(QCoreApplication::applicationPid());
    else if (id.isEmpty() && o.protocol == ProtocolVersion::V31)
        id = QStringLiteral("mqtti-cli-%1").arg(QCoreApplication::applicationPid());
    m_client = std::make_unique<Client>(id);
    m_client->setProtocolVersion(o.protocol);
    m_client->setCleanSession(o.cleanSession);
    m_client->setKeepAlive(o.keepAlive);
    if (!o.username.isEmpty() || o.password)
        m_client->setCredentials(o.username, o.password);
    if (!o.willTopic.isEmpty()) {
        const Error rc = m_client->setWill(o.willTopic, o.willPayload, o.willQos, o.willRetain,
                                           o.willProperties);
        if (rc != Error::Success)
            return fail(ExitUsage, QStringLiteral("Error: --will-topic: %1").arg(errorString(rc)));
    }
    m_client->setConnectProperties(o.connectProperties);
    m_client->setTransportOptions(o.transport);
    // Turning verification off must stay visible, not only under -d.
    if (o.transport.tls.enabled && o.transport.tls.insecure)
        error(QStringLiteral("Warning: TLS certificate verification is disabled (--insecure)"));
    connect(m_client.get(), &Client::connected, this,
            [this](ConnectFlags flags, ReasonCode rc, const Properties &props) {
                QString reason;
                if (rc.value != 0) {
                    if (m_options.protocol == ProtocolVersion::V5) {
                        reason = reasonCodeName(rc, PacketType::Connack);
                        if (auto rs = props.reasonString())
                            reason += QStringLiteral(" (%1)").arg(*rs);
                    } else {
                        reason = connackString(rc.value);
                    }
                }
                onConnected(rc.value, flags.sessionPresent, reason);
            });
    connect(m_client.get(), &Client::disconnected, this,
            [this](int rc, DisconnectFlags flags, ReasonCode reasonCode, const Properties &props) {
                QString reason;
                if (flags.fromServer) {
                    reason = reasonCodeName(reasonCode, PacketType::Disconnect);
                    if (auto rs = props.reasonString())
                        reason += QStringLiteral(" (%1)").arg(*rs);
                }
                onDisconnected(rc, flags.fromServer, reason);
            });
    connect(m_client.get(), &Client::connectFailed, this, [this](const QString &text) {
        connectionEvent(QStringLiteral("disconnected"), -1, text);
        // The first connection must work (as with mosquitto_sub); after that the socket
        // loop keeps trying while the broker is away.
        if (m_connectedOnce && m_socketLoop->autoReconnect() && !m_finishing) {
            if (m_options.debug)
                error(QStringLiteral("Reconnect failed: %1").arg(text));
            return;
        }
        m_socketLoop->setAutoReconnect(false);
        fail(ExitConnection, QStringLiteral("Error: %1").arg(text));
    });
    // One signal per read: formatted into one buffer, written once, then acknowledged.
    connect(m_client.get(), &Client::messagesReceived, this, &CliRunner::onMessages);
    // paho's manual ack: a QoS 1/2 message is acknowledged only after its line or record
    // reached the output file descriptor, so a kill -9 never loses a message the broker
    // considers delivered (it sends it again to a resumed session).
    m_client->setManualAck(o.command == CliOptions::Command::Sub
                           || o.command == CliOptions::Command::Record);
    // Packet lines cost one formatted string per message; only -d shows them.
    m_client->setPacketLogging(o.debug);
    connect(m_client.get(), &Client::subscribed, this,
            [this](int, const QList<ReasonCode> &granted, const Properties &) {
                QList<quint8> codes;
                for (ReasonCode c : granted)
                    codes << c.value;
                onSubscribed(codes);
            });
    connect(m_client.get(), &Client::published, this,
            [this](int mid, ReasonCode rc, const Properties &) { onPublished(mid, rc.value); });
    connect(m_client.get(), &Client::logMessage, this,
            [this](LogLevel level, const QString &text) { onLog(int(level), text); });

    // Created after our own connections so that "Connection lost" is said before the loop's
    // "Reconnecting" notice.
    m_socketLoop = std::make_unique<SocketNotifierLoop>(m_client.get());
    // sub and record reconnect like mosquitto_sub's loop_forever (with back-off, unless
    // --no-reconnect); pub and replay report a lost connection and exit.
    const bool subscriber = o.command == CliOptions::Command::Sub
            || o.command == CliOptions::Command::Record;
    m_socketLoop->setAutoReconnect(subscriber && !o.noReconnect);
    m_socketLoop->setReconnectDelay(1, 30);
    connect(m_socketLoop.get(), &SocketNotifierLoop::reconnectScheduled, this,
            [this](int delayMs, int attempt) {
                connectionEvent(QStringLiteral("connecting"), -1,
                                QStringLiteral("%1 (reconnect attempt %2 in %3 ms)")
                                        .arg(m_options.brokerUrl).arg(attempt).arg(delayMs));
                if (m_options.debug)
                    error(QStringLiteral("Reconnecting to %1 in %2 ms (attempt %3)")
                                  .arg(m_options.brokerUrl).arg(delayMs).arg(attempt));
            });

    if (o.timeoutSeconds > 0) {
        connect(&m_timeout, &QTimer::timeout, this, [this] {
            fail(ExitTimeout, QStringLiteral("Timed out after %1 s (-W)")
                                      .arg(m_options.timeoutSeconds));
        });
        m_timeout.start(o.timeoutSeconds * 1000);
    }
    connectionEvent(QStringLiteral("connecting"), -1, o.brokerUrl);
    const Error rc = m_client->connect(o.host, o.port, o.keepAlive);
    if (rc != Error::Success)
        fail(ExitConnection, QStringLiteral("Error: cannot connect to %1: %2")
                                     .arg(o.brokerUrl, errorString(rc)));
}

void CliRunner::onConnected(int rc, bool sessionPresent, const QString &reason)
{
    if (rc != 0) {
        // A refusal is final: retrying with the same credentials would be refused again.
        m_socketLoop->setAutoReconnect(false);
        connectionEvent(QStringLiteral("refused"), rc, reason);
        // disconnected() follows; report now so the reason is the first thing said.
        error(QStringLiteral("Connection error: %1").arg(reason));
        m_exitCode = ExitConnection;
        m_finishing = true;
        return;
    }
    m_lastProblem.clear();
    const bool reconnected = m_connectedOnce;
    m_connectedOnce = true;
    connectionEvent(QStringLiteral("connected"), 0, connackString(0));
    const CliOptions &o = m_options;
    if (reconnected) {
        // SocketNotifierLoop has already asked again for our filters when the broker lost
        // the session; with a resumed session the broker still has them.
        if (o.debug)
            error(QStringLiteral("Reconnected to %1 (session present: %2)")
                          .arg(o.brokerUrl, sessionPresent ? "yes" : "no"));
        return;
    }
    switch (o.command) {
    case CliOptions::Command::Sub:
    case CliOptions::Command::Record: {
        QList<Subscription> subs;
        for (const QString &t : o.topics) {
            Subscription s;
            s.filter = t;
            s.qos = quint8(o.qos);
            subs << s;
        }
        const RequestResult r = m_client->subscribe(subs, o.subscribeProperties);
        if (!r.ok())
            fail(ExitConnection, QStringLiteral("Error: subscribe failed: %1")
                                         .arg(errorString(r.rc)));
        break;
    }
    case CliOptions::Command::Pub:
        // Publish from the event loop, not inside the CONNACK callback: the client core
        // (725379f) sends a QoS>0 PUBLISH made inside connected() twice.
        if (o.payloadSource == CliOptions::PayloadSource::Lines)
            QTimer::singleShot(0, this, &CliRunner::startReadingLines);
        else
            QTimer::singleShot(0, this, &CliRunner::publishNext);
        break;
    case CliOptions::Command::Replay:
        m_clock.start();
        connect(&m_progress, &QTimer::timeout, this, [this] {
            error(QStringLiteral("replay: %1/%2 messages").arg(m_replayed).arg(m_replay.size()));
        });
        m_progress.start();
        QTimer::singleShot(0, this, &CliRunner::replayNext);
        break;
    case CliOptions::Command::None:
        break;
    }
}

void CliRunner::onDisconnected(int rc, bool fromServer, const QString &reason)
{
    connectionEvent(QStringLiteral("disconnected"), rc,
                    fromServer ? reason : errorString(rc));
    if (m_finishing) {
        if (m_exitCode < 0)
            m_exitCode = ExitSuccess;
        m_loop.quit();
        return;
    }
    QString why = errorString(rc);
    if (fromServer && !reason.isEmpty())
        why = QStringLiteral("the broker disconnected: %1").arg(reason);
    if (m_connectedOnce && m_socketLoop->autoReconnect() && m_client->wantsConnection()) {
        // SocketNotifierLoop schedules the reconnect (reconnectScheduled says when).
        if (m_options.debug)
            error(QStringLiteral("Connection lost: %1").arg(why));
        return;
    }
    m_socketLoop->setAutoReconnect(false); // we are leaving: no "Reconnecting" notice
    // The core's last warning says what went wrong underneath (TLS verification, refused
    // TCP connect, ...) where the error code alone would only say "connection lost".
    if (!m_lastProblem.isEmpty())
        why += QStringLiteral(" (%1)").arg(m_lastProblem);
    m_exitCode = ExitConnection;
    if (m_connectedOnce)
        error(QStringLiteral("Connection lost: %1").arg(why));
    else
        error(QStringLiteral("Error: could not connect to %1: %2")
                      .arg(m_options.brokerUrl, why));
    m_loop.quit();
}

void CliRunner::onMessages(const QList<Message> &messages)
{
    m_outBuffer.resize(0);
    m_owedAcks.clear();
    bool done = false;
    for (const Message &message : messages) {
        if (m_finishing || done)
            break; // neither written nor acknowledged: the broker still owns it
        done = !handleMessage(message, m_outBuffer);
        if (message.qos() > 0)
            m_owedAcks.append({message.mid(), message.qos()});
        if (m_outIsTerminal && !m_outBuffer.isEmpty()) {
            writeOut(m_outBuffer);
            m_outBuffer.resize(0);
        }
    }
    const bool written = writeOut(m_outBuffer);
    if (m_writer && !m_writer->hasError())
        m_writer->flush();
    // Acknowledge only what reached the file descriptors (stdout and the record file).
    if (written && !(m_writer && m_writer->hasError())) {
        for (const auto &owed : std::as_const(m_owedAcks))
            m_client->ack(owed.first, owed.second);
    }
    m_owedAcks.clear();
    if (done)
        finish(ExitSuccess);
}

// One message into `out`; false when it ends the command (-C reached, --retained-only).
bool CliRunner::handleMessage(const Message &message, QByteArray &out)
{
    if (m_writer && !m_writer->hasError())
        m_writer->write(capture::fromMessage(SessionEvent::Type::Received, message));
    const CliOptions &o = m_options;
    if (!m_filterOut.isEmpty() && !m_filterOut.match(message.topic()).isEmpty())
        return true;
    if (o.noRetained && message.retain())
        return true;
    if (o.retainedOnly && !message.retain())
        return false;
    if (o.command == CliOptions::Command::Sub) {
        QStringList filters;
        if (m_formatter.usesFilters()) {
            for (quint64 k : m_topics.match(message.topic()))
                filters << o.topics.at(int(k));
        }
        m_formatter.appendTo(out, message, filters);
    }
    ++m_printed;
    return !(o.count > 0 && m_printed >= o.count);
}

void CliRunner::onSubscribed(const QList<quint8> &codes)
{
    QStringList refused;
    for (int i = 0; i < codes.size(); ++i) {
        const QString filter = m_options.topics.value(i);
        if (codes[i] >= 0x80) {
            refused << filter;
            error(QStringLiteral("Subscription to \"%1\" refused: %2")
                          .arg(filter, m_options.protocol == ProtocolVersion::V5
                                       ? reasonCodeName(ReasonCode(codes[i]), PacketType::Suback)
                                       : QStringLiteral("Failure (0x80)")));
        }
        connectionEvent(QStringLiteral("subscribed"), codes[i], filter);
    }
    if (!codes.isEmpty() && refused.size() == codes.size())
        return fail(ExitConnection, QStringLiteral("All subscription requests were denied."));
    if (m_options.exitAfterSubscribe)
        finish(ExitSuccess);
}

void CliRunner::publishNext()
{
    const CliOptions &o = m_options;
    if (m_finishing)
        return;
    // One round: every payload once; --repeat rounds, --repeat-delay between them.
    for (const QByteArray &payload : std::as_const(m_payloads)) {
        if (!publishOne(payload))
            return;
    }
    ++m_repeatDone;
    if (m_repeatDone < o.repeat) {
        m_step.disconnect();
        connect(&m_step, &QTimer::timeout, this, &CliRunner::publishNext);
        m_step.start(int(o.repeatDelay * 1000));
        return;
    }
    m_allQueued = true;
    if (m_pendingMids.isEmpty())
        finish(ExitSuccess);
}

bool CliRunner::publishOne(const QByteArray &payload)
{
    const CliOptions &o = m_options;
    const RequestResult r = m_client->publish(o.topics.first(), payload, o.qos, o.retain,
                                              o.publishProperties);
    if (!r.ok()) {
        fail(ExitConnection, QStringLiteral("Error: publish failed: %1").arg(errorString(r.rc)));
        return false;
    }
    m_pendingMids.insert(r.mid);
    return true;
}

void CliRunner::startReadingLines()
{
    if (m_finishing)
        return;
    // Not O_NONBLOCK: stdin's file description may be shared with a terminal or the parent
    // shell. One read() per readiness notification never blocks on a pipe or a tty.
    m_stdinNotifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_stdinNotifier, &QSocketNotifier::activated, this, &CliRunner::readLines);
}

void CliRunner::readLines()
{
    if (m_finishing) {
        m_stdinNotifier->setEnabled(false);
        return;
    }
    char buffer[65536];
    ssize_t n;
    do {
        n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        m_stdinNotifier->setEnabled(false);
        return fail(ExitConnection, QStringLiteral("Error: -l: cannot read standard input: %1")
                                            .arg(QString::fromLocal8Bit(std::strerror(errno))));
    }
    m_lineBuffer.append(buffer, n);
    // One message per line, the newline removed (as mosquitto_pub -l); an empty line is an
    // empty message.
    qsizetype start = 0;
    for (qsizetype nl = m_lineBuffer.indexOf('\n'); nl >= 0;
         nl = m_lineBuffer.indexOf('\n', start)) {
        QByteArray line = m_lineBuffer.mid(start, nl - start);
        if (line.endsWith('\r'))
            line.chop(1);
        start = nl + 1;
        if (!publishOne(line))
            return;
    }
    m_lineBuffer.remove(0, start);
    if (n > 0)
        return;
    // End of input: a last line without a newline is still a message.
    m_stdinNotifier->setEnabled(false);
    m_stdinNotifier->deleteLater();
    m_stdinNotifier = nullptr;
    if (!m_lineBuffer.isEmpty() && !publishOne(m_lineBuffer))
        return;
    m_lineBuffer.clear();
    m_allQueued = true;
    if (m_pendingMids.isEmpty())
        finish(ExitSuccess);
}

void CliRunner::replayNext()
{
    const CliOptions &o = m_options;
    if (m_finishing)
        return;
    const qint64 first = m_replay.isEmpty() ? 0 : m_replay.first().timestamp;
    while (m_replayed < m_replay.size()) {
        const SessionEvent &e = m_replay[m_replayed];
        if (!o.asFastAsPossible) {
            const qint64 due = qint64(double(e.timestamp - first) / o.speed);
            const qint64 wait = due - m_clock.elapsed();
            if (wait > 0) {
                m_step.disconnect();
                connect(&m_step, &QTimer::timeout, this, &CliRunner::replayNext);
                m_step.start(int(qMin<qint64>(wait, 1000000000)));
                return;
            }
        }
        const Properties props = o.protocol == ProtocolVersion::V5
                ? capture::toPublishProperties(e.properties) : Properties();
        const RequestResult r = m_client->publish(o.topicPrefix + e.topic, e.payload, e.qos,
                                                  e.retain, props);
        if (!r.ok())
            return fail(ExitConnection, QStringLiteral("Error: publish of message %1 (\"%2\") "
                                                       "failed: %3")
                                                .arg(m_replayed + 1).arg(e.topic,
                                                                         errorString(r.rc)));
        m_pendingMids.insert(r.mid);
        ++m_replayed;
    }
    m_progress.stop();
    error(QStringLiteral("replay: %1/%2 messages").arg(m_replayed).arg(m_replay.size()));
    m_allQueued = true;
    if (m_pendingMids.isEmpty())
        finish(ExitSuccess);
}

void CliRunner::onPublished(int mid, int reasonCode)
{
    m_pendingMids.remove(mid);
    if (reasonCode >= 0x80)
        error(QStringLiteral("Warning: message %1 was not accepted: %2")
                      .arg(mid).arg(reasonCodeName(ReasonCode(quint8(reasonCode)),
                                                   PacketType::Puback)));
    if (m_allQueued && m_pendingMids.isEmpty())
        finish(ExitSuccess);
}

void CliRunner::onLog(int level, const QString &text)
{
    if (LogLevel(level) == LogLevel::Warning || LogLevel(level) == LogLevel::Err)
        m_lastProblem = text;
    if (m_writer)
        record(SessionEvent::log(LogLevel(level), text, QDateTime::currentMSecsSinceEpoch()));
    if (m_options.debug)
        error(QStringLiteral("[%1] %2").arg(logLevelTag(LogLevel(level)), text));
}

void CliRunner::finish(int exitCode)
{
    if (m_exitCode < 0 || (m_exitCode == ExitSuccess && exitCode != ExitSuccess))
        m_exitCode = exitCode;
    if (m_finishing)
        return;
    m_finishing = true;
    m_timeout.stop();
    m_step.stop();
    m_progress.stop();
    if (m_stdinNotifier)
        m_stdinNotifier->setEnabled(false);
    if (m_socketLoop)
        m_socketLoop->setAutoReconnect(false);
    if (m_client && m_client->state() != Client::State::Disconnected) {
        m_client->disconnect(ReasonCode::NormalDisconnection, m_options.disconnectProperties);
        // If DISCONNECT cannot be written, do not hang.
        QTimer::singleShot(3000, &m_loop, &QEventLoop::quit);
    } else {
        QTimer::singleShot(0, &m_loop, &QEventLoop::quit);
    }
}

} // namespace mqtt::cli
