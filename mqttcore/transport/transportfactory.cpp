#include "transport/tcptransport.h"
#include "transport/transport.h"
#include "transport/transportoptions.h"

namespace mqtt {

std::unique_ptr<Transport> createTransport(const TransportOptions &options)
{
    Q_UNUSED(options);
    return std::make_unique<TcpTransport>();
}

} // namespace mqtt
