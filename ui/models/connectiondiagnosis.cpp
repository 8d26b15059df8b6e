#include "connectiondiagnosis.h"

QString Diagnosis::text() const
{
    if (cause.isEmpty())
        return QString();
    return advice.isEmpty() ? cause
                            : ConnectionDiagnosis::tr("%1 Try: %2").arg(cause, advice);
}

Diagnosis ConnectionDiagnosis::connack(mqtt::ProtocolVersion version, int code)
{
    if (version != mqtt::ProtocolVersion::V5) {
        switch (code) {
        case 1:
            return {tr("The broker does not speak this MQTT version."),
                    tr("connect with another protocol version (MQTT 3.1.1 or 5.0), or upgrade "
                       "the broker.")};
        case 2:
            return {tr("The broker rejected the client ID (too long, bad characters, or empty "
                       "without a clean session)."),
                    tr("use a short ID of letters and digits, or let the inspector generate one.")};
        case 3:
            return {tr("The broker is up but its MQTT service is unavailable right now."),
                    tr("wait and reconnect; check the broker's log if it persists.")};
        case 4:
            return {tr("The user name or password is wrong."),
                    tr("check the credentials in the connection settings.")};
        case 5:
            return {tr("The broker does not allow this client to connect (no or wrong "
                       "credentials, or an ACL/authentication plugin said no)."),
                    tr("enter a user name and password the broker accepts, or ask its "
                       "administrator for access.")};
        default:
            return {tr("The broker refused with code %1, which MQTT 3.1.1 does not define.").arg(code),
                    tr("check the broker's log; try MQTT 5.0 for a reason code with a name.")};
        }
    }
    switch (code) {
    case 0x80:
        return {tr("The broker refused without saying why (Unspecified error)."),
                tr("look at the broker's log for this client ID.")};
    case 0x81:
        return {tr("The broker could not parse our CONNECT (Malformed Packet)."),
                tr("report it with the packet log (a bug in the client or the broker).")};
    case 0x82:
        return {tr("The broker saw a protocol error in our CONNECT."),
                tr("check the connection's MQTT 5 properties; report it with the packet log.")};
    case 0x83:
        return {tr("The broker's own rules refused the connection (Implementation specific "
                   "error)."),
                tr("read the Reason String or the broker's log.")};
    case 0x84:
        return {tr("The broker does not support MQTT 5.0."),
                tr("connect with MQTT 3.1.1.")};
    case 0x85:
        return {tr("The broker does not accept this client ID."),
                tr("use a short ID of letters and digits, or let the inspector generate one.")};
    case 0x86:
        return {tr("The user name or password is wrong."),
                tr("check the credentials in the connection settings.")};
    case 0x87:
        return {tr("This client is not authorized to connect."),
                tr("use credentials (or a client certificate) the broker accepts, or ask its "
                   "administrator for access.")};
    case 0x88:
        return {tr("The broker is unavailable right now."),
                tr("wait and reconnect.")};
    case 0x89:
        return {tr("The broker is too busy to take the connection."),
                tr("wait and reconnect; lower the reconnect rate of other clients.")};
    case 0x8A:
        return {tr("This client is banned by the broker."),
                tr("ask the broker's administrator.")};
    case 0x8C:
        return {tr("The broker does not support the authentication method we asked for."),
                tr("remove the Authentication Method or pick one the broker supports.")};
    case 0x90:
        return {tr("The will topic is not a valid topic for this broker."),
                tr("fix the will topic (no wildcards, within the broker's rules).")};
    case 0x95:
        return {tr("Our CONNECT is larger than the broker accepts (a large will payload?)."),
                tr("shorten the will message or the user properties.")};
    case 0x97:
        return {tr("A quota of the broker is exceeded (connections, sessions)."),
                tr("close other connections or ask for a higher quota.")};
    case 0x99:
        return {tr("The will payload does not match its Payload Format Indicator (not UTF-8)."),
                tr("clear the indicator or send UTF-8 text.")};
    case 0x9A:
        return {tr("The broker does not support retained messages, and the will is retained."),
                tr("turn off Retain on the will.")};
    case 0x9B:
        return {tr("The broker does not support the will's QoS."),
                tr("lower the will's QoS.")};
    case 0x9C:
        return {tr("The broker asks this client to use another server for now."),
                tr("connect to the server in the Server Reference.")};
    case 0x9D:
        return {tr("The broker has moved for good."),
                tr("connect to the server in the Server Reference and update the profile.")};
    case 0x9F:
        return {tr("This client connects too often: the broker's connection rate limit."),
                tr("wait before reconnecting; raise the reconnect delay.")};
    default:
        if (code >= 0x80 && code <= 0x9F)
            return {tr("The broker refused with 0x%1, which MQTT 5.0 does not define for "
                       "CONNACK.").arg(QString::number(code, 16).toUpper()),
                    tr("check the broker's log.")};
        return {tr("The broker refused with reason code %1.").arg(code), tr("check the broker's log.")};
    }
}

Diagnosis ConnectionDiagnosis::disconnect(int reasonCode, const QString &serverReference)
{
    const QString reference = serverReference.isEmpty() ? tr("(no Server Reference was sent)")
                                                         : serverReference;
    switch (reasonCode) {
    case 0x00:
        return {tr("The broker closed the connection normally."), QString()};
    case 0x80:
        return {tr("The broker closed the connection without saying why."),
                tr("look at the broker's log.")};
    case 0x81:
        return {tr("The broker could not parse a packet we sent (Malformed Packet)."),
                tr("report it with the packet log.")};
    case 0x82:
        return {tr("The broker saw a protocol error in what we sent."),
                tr("report it with the packet log.")};
    case 0x83:
        return {tr("The broker's own rules closed the connection."),
                tr("read the Reason String or the broker's log.")};
    case 0x87:
        return {tr("This client is no longer authorized (an ACL or credentials changed)."),
                tr("check the credentials and the broker's access rules.")};
    case 0x89:
        return {tr("The broker is too busy."), tr("reconnect later.")};
    case 0x8B:
        return {tr("The broker is shutting down."), tr("reconnect when it is back.")};
    case 0x8D:
        return {tr("The broker heard nothing from us within the keep alive time."),
                tr("check the network; a longer keep alive helps on slow links.")};
    case 0x8E:
        return {tr("Another client connected with the same client ID and took the session "
                   "over."),
                tr("give each client its own ID (or let the inspector generate one).")};
    case 0x8F:
        return {tr("A topic filter we subscribed to is not allowed by the broker."),
                tr("fix the filter of the last subscription.")};
    case 0x90:
        return {tr("A topic we published to is not allowed by the broker."),
                tr("fix the topic of the last message.")};
    case 0x93:
        return {tr("We had more QoS 1/2 messages in flight than the broker's Receive Maximum."),
                tr("report it with the packet log.")};
    case 0x94:
        return {tr("A topic alias we sent was invalid."), tr("report it with the packet log.")};
    case 0x95:
        return {tr("A packet we sent is larger than the broker's Maximum Packet Size."),
                tr("send a smaller payload.")};
    case 0x96:
        return {tr("We published faster than the broker allows."), tr("publish more slowly.")};
    case 0x97:
        return {tr("A quota of the broker is exceeded."), tr("ask for a higher quota.")};
    case 0x98:
        return {tr("An administrator closed the connection."), tr("ask the broker's administrator.")};
    case 0x99:
        return {tr("A payload did not match its Payload Format Indicator (not UTF-8)."),
                tr("clear the indicator or send UTF-8 text.")};
    case 0x9A:
        return {tr("The broker does not support retained messages."), tr("publish without Retain.")};
    case 0x9B:
        return {tr("We used a QoS above the broker's Maximum QoS."), tr("publish with a lower QoS.")};
    case 0x9C:
        return {tr("The broker asks this client to use another server: %1.").arg(reference),
                tr("connect to that server.")};
    case 0x9D:
        return {tr("The broker has moved to %1.").arg(reference),
                tr("connect there and update the profile.")};
    case 0x9E:
        return {tr("The broker does not support shared subscriptions ($share/...)."),
                tr("subscribe without $share.")};
    case 0x9F:
        return {tr("This client connects too often: the broker's connection rate limit."),
                tr("raise the reconnect delay.")};
    case 0xA0:
        return {tr("The broker's maximum connection time is over."), tr("reconnect.")};
    case 0xA1:
        return {tr("The broker does not support subscription identifiers."),
                tr("subscribe without a Subscription Identifier.")};
    case 0xA2:
        return {tr("The broker does not support wildcard subscriptions."),
                tr("subscribe to topics without + or #.")};
    default:
        return {tr("The broker closed the connection with reason code 0x%1.")
                    .arg(QString::number(reasonCode, 16).rightJustified(2, QLatin1Char('0')).toUpper()),
                tr("check the broker's log.")};
    }
}

Diagnosis ConnectionDiagnosis::transport(const QString &errorText, quint16 port)
{
    const QString e = errorText;
    const auto has = [&e](const char *needle) { return e.contains(QLatin1String(needle), Qt::CaseInsensitive); };
    // TLS first: its texts can also contain the words of the TCP rows.
    if (has("hostname mismatch") || has("cannot verify the broker as"))
        return {tr("The broker's certificate is not made out for this host name."),
                tr("connect with the name the certificate lists (see its subject), or set "
                   "the expected server name.")};
    if (has("certificate verification") || has("certificate verify failed"))
        return {tr("The broker's certificate could not be verified (%1).")
                    .arg(e.section(QStringLiteral("certificate verification: "), 1).section(QLatin1Char(';'), 0, 0)
                          .remove(QLatin1Char(')'))),
                tr("give the CA file that signed the broker's certificate, or use the system "
                   "store; turn verification off only for a test broker.")};
    if (has("wrong version number") || has("packet length too long") || has("unexpected eof")
        || has("during the TLS handshake"))
        return {tr("The port did not answer TLS: it is probably a plain MQTT port."),
                tr("use mqtt:// for this port, or the broker's TLS port (usually 8883).")};
    if (has("cannot load CA certificates") || has("cannot load the client certificate")
        || has("does not match the certificate") || has("needs both a certificate and a key"))
        return {tr("A certificate or key file of the connection cannot be used: %1").arg(e),
                tr("check the file paths and that the key belongs to the certificate.")};
    if (has("TLS handshake"))
        return {tr("The TLS handshake failed."),
                tr("check that the broker's TLS port is used and that client and broker share a "
                   "TLS version; a client certificate may be required.")};
    if (has("Cannot resolve") || has("Host not found") || has("Unknown host"))
        return {tr("The host name could not be resolved (DNS)."),
                tr("check the spelling of the host, or use its IP address.")};
    if (has("Connection refused")) {
        const QString tlsHint = port == 8883 || port == 8884
            ? tr(" Is the broker's TLS listener on this port?")
            : tr(" Is this perhaps the TLS port (8883), or is the broker stopped?");
        return {tr("Nothing listens on that port: the connection was refused.") + tlsHint,
                tr("check the port and that the broker runs.")};
    }
    if (has("No route to host") || has("Network is unreachable") || has("Host is unreachable"))
        return {tr("The host cannot be reached from this machine."),
                tr("check the network, VPN and firewall.")};
    if (has("timed out") || has("timeout"))
        return {tr("The connection timed out: no answer from the host."),
                tr("check the host and port; a firewall may drop the packets.")};
    if (has("connection closed by") || has("Connection reset"))
        return {tr("The broker closed the connection before or without answering."),
                tr("check the broker's log (a listener limit, an ACL, or a TLS port "
                   "reached with mqtt://).")};
    return {};
}
