#pragma once

#include "client.h"
#include "error.h"

#include <QObject>
#include <QString>
#include <QStringList>

// Shared by tst_client and tst_clientloop: the hand-written packets, the signal recorder
// and the hand-driven loop, kept in one place so the two tests cannot drift apart.
namespace clienttest {

// 3.1.1 packets, hand-written as in mosquitto's client tests.
// CONNECT: client id "test-client", keepalive 60, clean session.
extern const char *kConnect;
extern const char *kConnackOk;

// Records the client's signals, in order, as text.
class Events : public QObject
{
public:
    explicit Events(mqtt::Client *c);
    QStringList lines;
    int count(const QString &prefix) const;
    QStringList only(const QStringList &prefixes) const;
};

// Drives a client by hand, as an external loop would: write when it wants to, then read.
// Records which loop call closed the socket and what it returned.
struct HandLoop
{
    HandLoop(mqtt::Client *c, Events *e) : client(c), ev(e) { }
    mqtt::Client *client;
    Events *ev;
    void pump();
    void note(const QString &call, mqtt::Error rc);
    QString closedBy;
    int closeRc = -100;
};

} // namespace clienttest
