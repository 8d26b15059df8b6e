#include "mqttstrings.h"

namespace mqtt {

// Strings copied character for character from the semantics reference §5 (paho client.py
// connack_string / error_string, the same in 1.6.1 and 2.1.0).

QString connackString(int returnCode)
{
    switch (returnCode) {
    case 0:
        return QStringLiteral("Connection Accepted.");
    case 1:
        return QStringLiteral("Connection Refused: unacceptable protocol version.");
    case 2:
        return QStringLiteral("Connection Refused: identifier rejected.");
    case 3:
        return QStringLiteral("Connection Refused: broker unavailable.");
    case 4:
        return QStringLiteral("Connection Refused: bad user name or password.");
    case 5:
        return QStringLiteral("Connection Refused: not authorised.");
    default:
        return QStringLiteral("Connection Refused: unknown reason.");
    }
}

QString errorString(int error)
{
    switch (error) {
    case 0:
        return QStringLiteral("No error.");
    case 1:
        return QStringLiteral("Out of memory.");
    case 2:
        return QStringLiteral("A network protocol error occurred when communicating with the broker.");
    case 3:
        return QStringLiteral("Invalid function arguments provided.");
    case 4:
        return QStringLiteral("The client is not currently connected.");
    case 5:
        return QStringLiteral("The connection was refused.");
    case 6:
        return QStringLiteral("Message not found (internal error).");
    case 7:
        return QStringLiteral("The connection was lost.");
    case 8:
        return QStringLiteral("A TLS error occurred.");
    case 9:
        return QStringLiteral("Payload too large.");
    case 10:
        return QStringLiteral("This feature is not supported.");
    case 11:
        return QStringLiteral("Authorisation failed.");
    case 12:
        return QStringLiteral("Access denied by ACL.");
    case 13:
        return QStringLiteral("Unknown error.");
    case 14:
        return QStringLiteral("Error defined by errno.");
    case 15:
        return QStringLiteral("Message queue full.");
    case 16:
        return QStringLiteral("Client or broker did not communicate in the keepalive interval.");
    default:
        // paho has no entry for AGAIN (-1) either.
        return QStringLiteral("Unknown error.");
    }
}

QString errorString(Error error)
{
    return errorString(static_cast<int>(error));
}

} // namespace mqtt
