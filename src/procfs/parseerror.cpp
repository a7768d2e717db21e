#include "parseerror.h"

QString ParseError::toString() const
{
    if (line <= 0)
        return message;
    return QStringLiteral("line %1: %2").arg(line).arg(message);
}
