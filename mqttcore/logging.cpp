#include "logging.h"

Q_LOGGING_CATEGORY(lcMqttCodec, "mqtt.codec", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMqttSession, "mqtt.session", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMqttClient, "mqtt.client", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMqttTransport, "mqtt.transport", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMqttCapture, "mqtt.capture", QtWarningMsg)
