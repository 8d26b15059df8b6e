#pragma once

#include <QLoggingCategory>

// Logging categories of the core; enable with QT_LOGGING_RULES="mqtt.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcMqttCodec)
Q_DECLARE_LOGGING_CATEGORY(lcMqttSession)
Q_DECLARE_LOGGING_CATEGORY(lcMqttClient)
Q_DECLARE_LOGGING_CATEGORY(lcMqttTransport)
Q_DECLARE_LOGGING_CATEGORY(lcMqttCapture)
