#include "clienttestsupport.h"

using namespace mqtt;

namespace clienttest {

const char *kConnect = "101700044d5154540402003c000b746573742d636c69656e74";
const char *kConnackOk = "20020000";

Events::Events(Client *c)
{
    connect(c, &Client::connected, this, [this](ConnectFlags f, ReasonCode rc, const Properties &) {
        lines << QStringLiteral("connected sp=%1 rc=%2").arg(f.sessionPresent).arg(rc.value);
    });
    connect(c, &Client::disconnected, this, [this](int rc, DisconnectFlags f, ReasonCode reason, const Properties &) {
        lines << QStringLiteral("disconnected %1 reason=0x%2%3").arg(rc).arg(reason.value, 2, 16, QLatin1Char('0'))
                     .arg(f.fromServer ? QStringLiteral(" server") : QString());
    });
    connect(c, &Client::published, this, [this](int mid, ReasonCode rc, const Properties &) {
        lines << QStringLiteral("published %1 rc=%2").arg(mid).arg(rc.value);
    });
    connect(c, &Client::subscribed, this, [this](int mid, const QList<ReasonCode> &g, const Properties &) {
        QStringList q;
        for (ReasonCode r : g)
            q << QString::number(r.value);
        lines << QStringLiteral("subscribed %1 [%2]").arg(mid).arg(q.join(QLatin1Char(',')));
    });
    connect(c, &Client::unsubscribed, this, [this](int mid, const QList<ReasonCode> &, const Properties &) {
        lines << QStringLiteral("unsubscribed %1").arg(mid);
    });
    connect(c, &Client::messageReceived, this, [this](const Message &m) {
        lines << QStringLiteral("message %1 q%2 %3").arg(m.topic()).arg(m.qos()).arg(QString::fromUtf8(m.payload()));
    });
    connect(c, &Client::socketOpened, this, [this](qintptr) { lines << QStringLiteral("socket open"); });
    connect(c, &Client::socketClosed, this, [this](qintptr) { lines << QStringLiteral("socket close"); });
    connect(c, &Client::socketRegisterWrite, this, [this](qintptr) { lines << QStringLiteral("register write"); });
    connect(c, &Client::socketUnregisterWrite, this, [this](qintptr) { lines << QStringLiteral("unregister write"); });
}

int Events::count(const QString &prefix) const
{
    int n = 0;
    for (const QString &l : lines)
        n += l.startsWith(prefix);
    return n;
}

QStringList Events::only(const QStringList &prefixes) const
{
    QStringList out;
    for (const QString &l : lines) {
        for (const QString &p : prefixes) {
            if (l.startsWith(p)) {
                out << l;
                break;
            }
        }
    }
    return out;
}

void HandLoop::pump()
{
    if (client->wantWrite())
        note(QStringLiteral("loopWrite"), client->loopWrite());
    if (client->socket() >= 0)
        note(QStringLiteral("loopRead"), client->loopRead());
}

void HandLoop::note(const QString &call, Error rc)
{
    if (!closedBy.isEmpty() || client->socket() >= 0)
        return;
    closedBy = call;
    closeRc = int(rc);
}

} // namespace clienttest
