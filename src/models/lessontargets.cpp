#include "lessontargets.h"

#include "meminfosampler.h"
#include "segmentkind.h"

namespace LessonTargets {
QStringList views()
{
    return {QStringLiteral("processes"), QStringLiteral("map"), QStringLiteral("mappings"), QStringLiteral("raw"),
            QStringLiteral("pages"), QStringLiteral("physical"), QStringLiteral("pagetable"),
            QStringLiteral("snapshots"), QStringLiteral("chart"), QStringLiteral("free")};
}

QStringList regions()
{
    QStringList ids;
    for (int kind = 0; kind < int(SegmentKind::Count); ++kind)
        ids.append(Segments::id(SegmentKind(kind)));
    return ids;
}

QStringList series()
{
    // "total - free" is left out: it is only the edge between two of the chart's bands.
    QStringList names{MeminfoSampler::UsedSeries, MeminfoSampler::BuffCacheSeries, MeminfoSampler::SwapUsedSeries,
                      MeminfoSampler::UsedExclCacheSeries};
    for (const char *key : {"MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached", "SwapCached", "Active",
                            "Inactive", "Shmem", "SReclaimable", "SUnreclaim", "SwapTotal", "SwapFree", "Dirty",
                            "Writeback", "AnonPages", "Mapped", "PageTables"})
        names.append(QString::fromLatin1(key));
    return names;
}

QStringList demoCommands()
{
    return {QStringLiteral("small"), QStringLiteral("free-small"), QStringLiteral("large"), QStringLiteral("touch"),
            QStringLiteral("free-large"), QStringLiteral("mapfile"), QStringLiteral("unmapfile"), QStringLiteral("fork"),
            QStringLiteral("child-write"), QStringLiteral("child-exit"), QStringLiteral("stack"), QStringLiteral("reset")};
}

QStringList scales()
{
    return {QStringLiteral("true"), QStringLiteral("compressed")};
}

QStringList allowed(LessonAction::Kind kind)
{
    switch (kind) {
    case LessonAction::Kind::View:
        return views();
    case LessonAction::Kind::Highlight:
    case LessonAction::Kind::Pages:
        return regions();
    case LessonAction::Kind::Series:
        return series();
    case LessonAction::Kind::Demo:
        return demoCommands();
    case LessonAction::Kind::Scale:
        return scales();
    case LessonAction::Kind::Schematic32:
    case LessonAction::Kind::Brackets:
        break;
    }
    return {};
}
}
