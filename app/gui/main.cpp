#include "brokerurl.h"
#include "connectionsettings.h"
#include "mqttcoreglobal.h"
#include "profilestore.h"
#include "widgets/languagesettings.h"
#include "widgets/mainwindow.h"
#include "widgets/sessionactions.h"
#include "widgets/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mqtt-inspector"));
    QApplication::setOrganizationName(QStringLiteral("MQTT Inspector"));
    QApplication::setApplicationVersion(QStringLiteral(MQTTCORE_VERSION_STRING));
    // The icon the package installs into hicolor (also what Help > About shows).
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("mqtt-inspector")));
    // Before anything is built, --help included: the window is made in one language.
    LanguageSettings language;
    language.install(LanguageSettings::localeFor(LanguageSettings::storedChoice()));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Desktop inspector for MQTT brokers"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption connectOption(
        QStringLiteral("connect"),
        QCoreApplication::translate("main", "Open a tab connected to URL (mqtt://, mqtts://, ws://, "
                                            "wss://; a path on mqtt:// is the topic to subscribe). "
                                            "Repeatable."),
        QStringLiteral("url"));
    QCommandLineOption hostOption({QStringLiteral("H"), QStringLiteral("host")},
                                  QCoreApplication::translate("main", "Broker host to connect to."),
                                  QStringLiteral("host"), QStringLiteral("localhost"));
    QCommandLineOption portOption({QStringLiteral("p"), QStringLiteral("port")},
                                  QCoreApplication::translate("main", "Broker port."),
                                  QStringLiteral("port"),
                                  QStringLiteral("1883"));
    QCommandLineOption topicOption({QStringLiteral("t"), QStringLiteral("topic")},
                                   QCoreApplication::translate("main", "Filter to subscribe to "
                                                               "(repeatable; default # and $SYS/#)."),
                                   QStringLiteral("filter"));
    QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QStringLiteral("Open a tab for the saved connection profile NAME (File > New Connection "
                       "keeps them). Repeatable."),
        QStringLiteral("name"));
    parser.addOption(connectOption);
    parser.addOption(profileOption);
    parser.addOption(hostOption);
    parser.addOption(portOption);
    parser.addOption(topicOption);
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QCoreApplication::translate("main", "Session files to open offline (as "
                                                             "written by File > Record, Export or "
                                                             "mqtt-inspector-cli record)."),
                                 QStringLiteral("[file...]"));
    parser.process(app);

    QList<ConnectionSettings> connections;
    for (const QString &text : parser.values(connectOption)) {
        const mqtt::BrokerUrl url = mqtt::BrokerUrl::parse(text);
        if (!url.isValid()) {
            std::fprintf(stderr, "mqtt-inspector: --connect %s: %s\n", qPrintable(text),
                         qPrintable(url.errorString()));
            return 2;
        }
        connections << ConnectionSettings::fromUrl(url);
    }
    if (parser.isSet(hostOption) || parser.isSet(portOption)) {
        bool portOk = false;
        const uint port = parser.value(portOption).toUInt(&portOk);
        if (!portOk || port == 0 || port > 65535) {
            std::fprintf(stderr, "mqtt-inspector: invalid port \"%s\" (1-65535)\n",
                         qPrintable(parser.value(portOption)));
            return 2;
        }
        ConnectionSettings settings;
        settings.host = parser.value(hostOption);
        settings.port = quint16(port);
        connections << settings;
    }
    const QStringList filters = parser.values(topicOption);
    if (!filters.isEmpty()) {
        for (ConnectionSettings &settings : connections) {
            settings.subscriptions.clear();
            for (const QString &filter : filters)
                settings.subscriptions.append({filter, 0});
        }
    }

    // Checked before any window appears: a wrong name is a usage error (exit 2), as a bad URL.
    const QStringList profileNames = parser.values(profileOption);
    QList<ConnectionProfile> profiles;
    {
        ProfileStore store;
        QSettings settings;
        const QStringList damaged = store.load(settings);
        for (const QString &problem : damaged)
            std::fprintf(stderr, "mqtt-inspector: %s\n", qPrintable(problem));
        for (const QString &name : profileNames) {
            const int row = store.indexOf(name);
            if (row < 0) {
                QStringList known;
                for (const ConnectionProfile &p : store.profiles())
                    known << QLatin1Char('"') + p.name + QLatin1Char('"');
                std::fprintf(stderr, "mqtt-inspector: --profile %s: no such profile (saved: %s)\n",
                             qPrintable(name),
                             known.isEmpty() ? "none" : qPrintable(known.join(QStringLiteral(", "))));
                return 2;
            }
            profiles << store.profile(row);
        }
        // Profiles marked "connect at launch" open too, once each.
        for (const ConnectionProfile &p : store.profiles()) {
            if (p.connectAtLaunch && !profileNames.contains(p.name))
                profiles << p;
        }
    }

    Theme::apply(Theme::saved());
    MainWindow window;
    for (const ConnectionSettings &settings : std::as_const(connections))
        window.addConnection(settings);
    for (const ConnectionProfile &profile : std::as_const(profiles))
        window.openProfile(profile);
    window.show();
    const QStringList files = parser.positionalArguments();
    for (const QString &file : files)
        window.sessionActions()->openFile(file);
    if (connections.isEmpty() && files.isEmpty() && profiles.isEmpty())
        QTimer::singleShot(0, &window, [&window] { window.promptNewConnection(); });
    return app.exec();
}
