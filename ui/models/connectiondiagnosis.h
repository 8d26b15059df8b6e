#pragma once

#include "codec/protocol.h"

#include <QCoreApplication>
#include <QString>

// Why a connection was refused or lost, in plain language, and what to try: for each CONNACK
// code (3.1.1 1-5, 5.0 0x80-0x9F), each reason a broker gives in DISCONNECT, and the TCP, DNS
// and TLS failures the transports report. The exact protocol text (connackString, the 5.0
// reason name) stays what the status line shows; this is the explanation beside it.
struct Diagnosis
{
    QString cause;  // what happened, for a person: "the broker does not accept ..."
    QString advice; // what to try
    bool isEmpty() const { return cause.isEmpty(); }
    // "cause Try: advice"
    QString text() const;
};

class ConnectionDiagnosis
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionDiagnosis)

public:
    // A refusing CONNACK (code != 0).
    static Diagnosis connack(mqtt::ProtocolVersion version, int code);
    // A DISCONNECT from the broker (5.0), with its Server Reference when it sent one.
    static Diagnosis disconnect(int reasonCode, const QString &serverReference = QString());
    // A connection that could not be opened or broke: the transport's or resolver's text.
    static Diagnosis transport(const QString &errorText, quint16 port = 0);
};
