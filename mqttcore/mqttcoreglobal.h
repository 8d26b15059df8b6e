#pragma once

// Version of the core, shown by the CLI's --version and the GUI's About box.
#define MQTTCORE_VERSION_STRING "0.1.0"
