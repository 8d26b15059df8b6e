#include "transport/tcptransport.h"
#include "transport/tlstransport.h"
#include "transport/transport.h"
#include "transport/transportoptions.h"
#include "transport/websockettransport.h"

namespace mqtt {

std::unique_ptr<Transport> createTransport(const TransportOptions &options)
{
    std::unique_ptr<Transport> stream;
    if (options.tls.enabled)
        stream = std::make_unique<TlsTransport>(options.tls);
    else
        stream = std::make_unique<TcpTransport>();
    if (options.webSocket.enabled)
        return std::make_unique<WebSocketTransport>(std::move(stream), options.webSocket);
    return stream;
}

} // namespace mqtt
