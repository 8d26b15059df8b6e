#include "client.h"
#include "mqttcoreglobal.h"
#include "socketloop.h"
#include "widgets/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mqtt-inspector"));
    QApplication::setOrganizationName(QStringLiteral("MQTT Inspector"));
    QApplication::setApplicationVersion(QStringLiteral(MQTTCORE_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Desktop inspector for MQTT brokers"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption hostOption({QStringLiteral("H"), QStringLiteral("host")},
                                  QStringLiteral("Broker host to connect to."),
                                  QStringLiteral("host"), QStringLiteral("localhost"));
    QCommandLineOption portOption({QStringLiteral("p"), QStringLiteral("port")},
                                  QStringLiteral("Broker port."), QStringLiteral("port"),
                                  QStringLiteral("1883"));
    QCommandLineOption topicOption({QStringLiteral("t"), QStringLiteral("topic")},
                                   QStringLiteral("Filter to subscribe to (repeatable)."),
                                   QStringLiteral("filter"));
    parser.addOption(hostOption);
    parser.addOption(portOption);
    parser.addOption(topicOption);
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port == 0 || port > 65535) {
        std::fprintf(stderr, "mqtt-inspector: invalid port \"%s\" (1-65535)\n",
                     qPrintable(parser.value(portOption)));
        return 2;
    }
    QStringList filters = parser.values(topicOption);
    if (filters.isEmpty())
        filters = {QStringLiteral("#"), QStringLiteral("$SYS/#")};

    MainWindow window;
    const QString host = parser.value(hostOption);
    window.setBrokerDescription(QStringLiteral("Broker: %1:%2   Subscribed: %3")
                                    .arg(host)
                                    .arg(port)
                                    .arg(filters.join(QStringLiteral(", "))));

    mqtt::Client client;
    mqtt::SocketNotifierLoop loop(&client);
    window.attachClient(&client);
    // Subscribing once is enough: the loop resubscribes after a reconnect that lost the session.
    QObject::connect(&client, &mqtt::Client::connected, &window,
                     [&client, filters](mqtt::ConnectFlags, mqtt::ReasonCode rc, const mqtt::Properties &) {
                         if (rc.value == 0 && client.subscriptions().isEmpty()) {
                             for (const QString &filter : filters)
                                 client.subscribe(filter, 1);
                         }
                     });
    client.connect(host, quint16(port));

    window.show();
    return app.exec();
}
