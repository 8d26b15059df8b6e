#pragma once

// Named mqttstrings.h, not strings.h: mqttcore/ is on the include path and glibc's <string.h>
// includes <strings.h>, which a file of that name here would shadow.

#include "error.h"

#include <QString>

namespace mqtt {

// paho's connack_string(): the MQTT 3.1.1 CONNACK return codes 0..5 in paho's exact English
// (identical in libmosquitto); any other value is "Connection Refused: unknown reason.".
QString connackString(int returnCode);

// paho's error_string(): the MQTT_ERR_* numbers 0..16 in paho's exact English; anything else,
// including -1 (AGAIN), is "Unknown error." as in paho.
QString errorString(int error);
QString errorString(Error error);

} // namespace mqtt
