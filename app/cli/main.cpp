#include "clioptions.h"
#include "clirunner.h"
#include "mqttcoreglobal.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    mqtt::cli::CliOptions options;
    if (!options.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "Error: %s\nUse --help for the options.\n",
                     qPrintable(options.errorString()));
        return mqtt::cli::ExitUsage;
    }
    if (options.helpRequested()) {
        std::fputs(qPrintable(mqtt::cli::CliOptions::helpText()), stdout);
        return mqtt::cli::ExitSuccess;
    }
    if (options.versionRequested()) {
        std::puts("mqtt-inspector-cli " MQTTCORE_VERSION_STRING);
        return mqtt::cli::ExitSuccess;
    }
    mqtt::cli::CliRunner runner(options);
    return runner.exec();
}
