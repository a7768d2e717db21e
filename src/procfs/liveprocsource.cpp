#include "liveprocsource.h"

#include "procfstext.h"

#include <unistd.h>

LiveProcSource::LiveProcSource()
    : TreeProcSource(QStringLiteral("/proc"))
{
}

ProcSource::Kind LiveProcSource::kind() const
{
    return Kind::Live;
}

QString LiveProcSource::description() const
{
    return ProcfsText::tr("live /proc");
}

quint64 LiveProcSource::pageSize() const
{
    return quint64(sysconf(_SC_PAGESIZE));
}
