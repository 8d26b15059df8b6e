#pragma once

#include <QString>

// MQTT's reason code names ("Success", "Granted QoS 0", mqtt::reasonCodeName) and paho's
// CONNACK and error strings (mqtt::connackString, mqtt::errorString) in the UI's language.
// mqttcore keeps them in English: the CLI prints paho's exact text and session files store it.
namespace ReasonText {

// The translation of one of those English texts; any other text comes back unchanged.
QString translated(const QString &english);

} // namespace ReasonText
