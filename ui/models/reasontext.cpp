#include "reasontext.h"

#include <QCoreApplication>

namespace {

// Listed so that lupdate finds them; translated() looks them up by their English text.
[[maybe_unused]] const char *const names[] = {
    QT_TRANSLATE_NOOP("ReasonText", "Administrative action"),
    QT_TRANSLATE_NOOP("ReasonText", "Bad authentication method"),
    QT_TRANSLATE_NOOP("ReasonText", "Bad user name or password"),
    QT_TRANSLATE_NOOP("ReasonText", "Banned"),
    QT_TRANSLATE_NOOP("ReasonText", "Client identifier not valid"),
    QT_TRANSLATE_NOOP("ReasonText", "Connection rate exceeded"),
    QT_TRANSLATE_NOOP("ReasonText", "Continue authentication"),
    QT_TRANSLATE_NOOP("ReasonText", "Disconnect with will message"),
    QT_TRANSLATE_NOOP("ReasonText", "Granted QoS 0"),
    QT_TRANSLATE_NOOP("ReasonText", "Granted QoS 1"),
    QT_TRANSLATE_NOOP("ReasonText", "Granted QoS 2"),
    QT_TRANSLATE_NOOP("ReasonText", "Implementation specific error"),
    QT_TRANSLATE_NOOP("ReasonText", "Keep alive timeout"),
    QT_TRANSLATE_NOOP("ReasonText", "Malformed packet"),
    QT_TRANSLATE_NOOP("ReasonText", "Maximum connect time"),
    QT_TRANSLATE_NOOP("ReasonText", "Message rate too high"),
    QT_TRANSLATE_NOOP("ReasonText", "No matching subscribers"),
    QT_TRANSLATE_NOOP("ReasonText", "No subscription found"),
    QT_TRANSLATE_NOOP("ReasonText", "Normal disconnection"),
    QT_TRANSLATE_NOOP("ReasonText", "Not authorized"),
    QT_TRANSLATE_NOOP("ReasonText", "Packet identifier in use"),
    QT_TRANSLATE_NOOP("ReasonText", "Packet identifier not found"),
    QT_TRANSLATE_NOOP("ReasonText", "Packet too large"),
    QT_TRANSLATE_NOOP("ReasonText", "Payload format invalid"),
    QT_TRANSLATE_NOOP("ReasonText", "Protocol error"),
    QT_TRANSLATE_NOOP("ReasonText", "QoS not supported"),
    QT_TRANSLATE_NOOP("ReasonText", "Quota exceeded"),
    QT_TRANSLATE_NOOP("ReasonText", "Re-authenticate"),
    QT_TRANSLATE_NOOP("ReasonText", "Receive maximum exceeded"),
    QT_TRANSLATE_NOOP("ReasonText", "Retain not supported"),
    QT_TRANSLATE_NOOP("ReasonText", "Server busy"),
    QT_TRANSLATE_NOOP("ReasonText", "Server moved"),
    QT_TRANSLATE_NOOP("ReasonText", "Server shutting down"),
    QT_TRANSLATE_NOOP("ReasonText", "Server unavailable"),
    QT_TRANSLATE_NOOP("ReasonText", "Session taken over"),
    QT_TRANSLATE_NOOP("ReasonText", "Shared subscription not supported"),
    QT_TRANSLATE_NOOP("ReasonText", "Subscription identifiers not supported"),
    QT_TRANSLATE_NOOP("ReasonText", "Success"),
    QT_TRANSLATE_NOOP("ReasonText", "Topic alias invalid"),
    QT_TRANSLATE_NOOP("ReasonText", "Topic filter invalid"),
    QT_TRANSLATE_NOOP("ReasonText", "Topic name invalid"),
    QT_TRANSLATE_NOOP("ReasonText", "Unspecified error"),
    QT_TRANSLATE_NOOP("ReasonText", "Unsupported protocol version"),
    QT_TRANSLATE_NOOP("ReasonText", "Use another server"),
    QT_TRANSLATE_NOOP("ReasonText", "Wildcard subscription not supported"),
    QT_TRANSLATE_NOOP("ReasonText", "A TLS error occurred."),
    QT_TRANSLATE_NOOP("ReasonText", "A network protocol error occurred when communicating with the broker."),
    QT_TRANSLATE_NOOP("ReasonText", "Access denied by ACL."),
    QT_TRANSLATE_NOOP("ReasonText", "Authorisation failed."),
    QT_TRANSLATE_NOOP("ReasonText", "Client or broker did not communicate in the keepalive interval."),
    QT_TRANSLATE_NOOP("ReasonText", "Connection Accepted."),
    QT_TRANSLATE_NOOP("ReasonText", "Connection Refused: bad user name or password."),
    QT_TRANSLATE_NOOP("ReasonText", "Connection Refused: broker unavailable."),
    QT_TRANSLATE_NOOP("ReasonText", "Connection Refused: identifier rejected."),
    QT_TRANSLATE_NOOP("ReasonText", "Connection Refused: not authorised."),
    QT_TRANSLATE_NOOP("ReasonText", "Connection Refused: unacceptable protocol version."),
    QT_TRANSLATE_NOOP("ReasonText", "Connection Refused: unknown reason."),
    QT_TRANSLATE_NOOP("ReasonText", "Error defined by errno."),
    QT_TRANSLATE_NOOP("ReasonText", "Invalid function arguments provided."),
    QT_TRANSLATE_NOOP("ReasonText", "Message not found (internal error)."),
    QT_TRANSLATE_NOOP("ReasonText", "Message queue full."),
    QT_TRANSLATE_NOOP("ReasonText", "No error."),
    QT_TRANSLATE_NOOP("ReasonText", "Out of memory."),
    QT_TRANSLATE_NOOP("ReasonText", "Payload too large."),
    QT_TRANSLATE_NOOP("ReasonText", "The client is not currently connected."),
    QT_TRANSLATE_NOOP("ReasonText", "The connection was lost."),
    QT_TRANSLATE_NOOP("ReasonText", "The connection was refused."),
    QT_TRANSLATE_NOOP("ReasonText", "This feature is not supported."),
    QT_TRANSLATE_NOOP("ReasonText", "Unknown error."),
};

} // namespace

namespace ReasonText {

QString translated(const QString &english)
{
    const QByteArray key = english.toUtf8();
    return QCoreApplication::translate("ReasonText", key.constData());
}

} // namespace ReasonText
