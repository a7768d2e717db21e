#include "parseerror.h"

#include "procfstext.h"

QString ParseError::toString() const
{
    if (line <= 0)
        return message;
    return ProcfsText::tr("line %1: %2").arg(line).arg(message);
}
