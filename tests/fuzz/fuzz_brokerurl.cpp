// libFuzzer target for mqtt::BrokerUrl::parse. The input is the URL text as UTF-8 (invalid
// sequences become U+FFFD, as they would from a command line). Besides "no crash, no leak,
// no UB": a rejected URL has an error text; an accepted one has a host and a port, and its
// toString(true) parses back to the same URL (the CLI and profiles store URLs that way).
#include "brokerurl.h"

#include <cstdint>
#include <cstdlib>

using namespace mqtt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const BrokerUrl url = BrokerUrl::parse(text);
    if (!url.isValid()) {
        if (url.errorString().isEmpty())
            abort();
        return 0;
    }
    if (url.host().isEmpty() || url.port() == 0)
        abort();
    if (!url.hasExplicitPort() && url.port() != BrokerUrl::defaultPort(url.scheme()))
        abort();
    if (url.hasPassword() && !url.hasUserName())
        abort();
    const BrokerUrl shown = BrokerUrl::parse(url.toString(false));
    if (!shown.isValid() || shown.hasPassword() || shown.host() != url.host()
        || shown.userName() != url.userName())
        abort(); // the display form must parse, and must not carry the password

    const BrokerUrl again = BrokerUrl::parse(url.toString(true));
    if (!again.isValid() || again.scheme() != url.scheme() || again.host() != url.host()
        || again.port() != url.port() || again.userName() != url.userName()
        || again.hasUserName() != url.hasUserName() || again.password() != url.password()
        || again.hasPassword() != url.hasPassword() || again.path() != url.path()
        || again.topic() != url.topic())
        abort(); // toString(true) does not round-trip
    return 0;
}
