#pragma once

#include "codec/properties.h"
#include "codec/protocol.h"
#include "transport/transportoptions.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace mqtt {
class BrokerUrl;
}

namespace mqtt::cli {

class CliOptionTable;

// Exit codes of mqtt-inspector-cli (issue 6).
enum ExitCode {
    ExitSuccess = 0,
    ExitConnection = 1, // refused or lost; stderr says why
    ExitUsage = 2,      // bad flag or value; stderr names the flag
    ExitTimeout = 3,    // -W expired
};

// Everything the command line says, parsed and validated, mosquitto_sub/_pub style.
// parse() never exits the process: it returns false with errorString() naming the flag.
class CliOptions
{
public:
    enum class Command { None, Sub, Pub, Record, Replay };
    enum class PayloadSource { None, Message, File, Stdin, Lines, Null };

    bool parse(const QStringList &arguments); // arguments[0] is the program name
    QString errorString() const { return m_error; }
    bool helpRequested() const { return m_help; }
    bool versionRequested() const { return m_version; }
    static QString helpText();

    Command command = Command::None;

    // connection
    QString host = QStringLiteral("localhost");
    quint16 port = 0; // 0 = the scheme's default
    bool portGiven = false;
    QString clientId;
    QString clientIdPrefix;
    int keepAlive = 60;
    int qos = 0;
    QString username;
    std::optional<QByteArray> password;
    ProtocolVersion protocol = ProtocolVersion::V311;
    bool cleanSession = true;
    qint64 sessionExpiry = -1; // -x; -1 = not given
    QString willTopic;
    QByteArray willPayload;
    int willQos = 0;
    bool willRetain = false;
    TransportOptions transport;
    bool tls = false;
    QString brokerUrl; // for session headers and messages, without password
    bool debug = false;

    // MQTT 5 properties from -D, per packet
    Properties connectProperties;
    Properties publishProperties;
    Properties subscribeProperties;
    Properties unsubscribeProperties;
    Properties disconnectProperties;
    Properties willProperties;

    // sub / record
    QStringList topics;     // -t
    QStringList filterOut;  // -T
    int count = 0;          // -C; 0 = unlimited
    int timeoutSeconds = 0; // -W; 0 = none
    bool verbose = false;
    bool noEol = false;
    bool noRetained = false;   // -R
    bool retainedOnly = false; // --retained-only
    bool exitAfterSubscribe = false; // -E
    QString format;            // -F (or %j for --json)
    bool formatGiven = false;
    QString recordFile;
    bool noReconnect = false;  // --no-reconnect: exit 1 when the connection is lost

    // pub
    PayloadSource payloadSource = PayloadSource::None;
    QByteArray message;   // -m
    QString payloadFile;  // -f
    bool retain = false;  // -r
    int repeat = 1;
    double repeatDelay = 0;

    // replay
    QString replayFile;
    double speed = 1.0;
    bool asFastAsPossible = false;
    QString topicPrefix;

private:
    // The handlers of the option table (clioptiontable.cpp) fill in the public fields.
    friend class CliOptionTable;

    bool fail(const QString &message);
    bool parseProperty(const QString &command, const QString &name, const QString &value);
    bool readable(const QString &flag, const QString &path, bool dir);
    void setPayloadSource(PayloadSource source);
    bool checkRules(const QCommandLineParser &parser, const BrokerUrl &url,
                    const QStringList &positional);

    QString m_error;
    int m_payloadSources = 0; // -m, -f, -s, -l, -n given; pub takes exactly one
    bool m_help = false;
    bool m_version = false;
};

} // namespace mqtt::cli
