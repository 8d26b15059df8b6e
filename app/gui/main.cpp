#include "widgets/mainwindow.h"
#include "mqttcoreglobal.h"

#include <QApplication>
#include <QCommandLineParser>

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
    parser.addOption(hostOption);
    parser.addOption(portOption);
    parser.process(app);

    MainWindow window;
    window.setBrokerDescription(QStringLiteral("Broker: %1:%2")
                                    .arg(parser.value(hostOption), parser.value(portOption)));
    window.show();
    return app.exec();
}
