#include "codec/decodeerror.h"

namespace mqtt {

QString DecodeError::toString() const
{
    QString text = rule;
    if (!statementId.isEmpty())
        text += QStringLiteral(" [%1]").arg(statementId);
    text += QStringLiteral(" at offset %1").arg(offset);
    return text;
}

} // namespace mqtt
