#include "bundleframes.h"

#include "procfstext.h"

#include <QtEndian>

#include <algorithm>
#include <cstring>

QByteArray BundleFrames::encode(QList<Frame> frames, quint64 pfnEnd)
{
    // Stable, so among equal PFNs the order of reading survives and the last read can win.
    std::stable_sort(frames.begin(), frames.end(), [](const Frame &a, const Frame &b) { return a.pfn < b.pfn; });
    QList<Frame> unique;
    unique.reserve(frames.size());
    for (const Frame &frame : std::as_const(frames)) {
        if (!unique.isEmpty() && unique.last().pfn == frame.pfn)
            unique.last() = frame;
        else
            unique.append(frame);
    }

    QByteArray data(HeaderSize + unique.size() * FrameSize, Qt::Uninitialized);
    char *out = data.data();
    std::memcpy(out, Magic, sizeof Magic);
    qToLittleEndian<quint32>(Version, out + 8);
    qToLittleEndian<quint32>(0, out + 12);
    qToLittleEndian<quint64>(pfnEnd, out + 16);
    out += HeaderSize;
    for (const Frame &frame : std::as_const(unique)) {
        qToLittleEndian<quint64>(frame.pfn, out);
        qToLittleEndian<quint64>(frame.flags, out + 8);
        qToLittleEndian<quint64>(frame.count, out + 16);
        out += FrameSize;
    }
    return data;
}

std::optional<BundleFrames> BundleFrames::decode(QByteArrayView data, QString *error)
{
    if (data.size() < HeaderSize) {
        *error = ProcfsText::tr("%1 bytes, shorter than the %2-byte header").arg(data.size()).arg(HeaderSize);
        return std::nullopt;
    }
    const char *bytes = data.constData();
    if (std::memcmp(bytes, Magic, sizeof Magic) != 0) {
        *error = ProcfsText::tr("not a kpage.frames file (wrong magic)");
        return std::nullopt;
    }
    if (qFromLittleEndian<quint32>(bytes + 8) != Version || qFromLittleEndian<quint32>(bytes + 12) != 0) {
        *error = ProcfsText::tr("unknown version or flags in the header");
        return std::nullopt;
    }
    if ((data.size() - HeaderSize) % FrameSize != 0) {
        *error = ProcfsText::tr("%1 bytes after the header, not a whole number of %2-byte frames")
                     .arg(data.size() - HeaderSize)
                     .arg(FrameSize);
        return std::nullopt;
    }
    BundleFrames result;
    result.m_pfnEnd = qFromLittleEndian<quint64>(bytes + 16);
    result.m_frames.reserve((data.size() - HeaderSize) / FrameSize);
    for (qsizetype offset = HeaderSize; offset < data.size(); offset += FrameSize) {
        const Frame frame{qFromLittleEndian<quint64>(bytes + offset), qFromLittleEndian<quint64>(bytes + offset + 8),
                          qFromLittleEndian<quint64>(bytes + offset + 16)};
        if (!result.m_frames.isEmpty() && frame.pfn <= result.m_frames.last().pfn) {
            *error = ProcfsText::tr("frame at offset %1: PFNs not in ascending order").arg(offset);
            return std::nullopt;
        }
        if (result.m_pfnEnd != 0 && frame.pfn >= result.m_pfnEnd) {
            *error = ProcfsText::tr("frame at offset %1: PFN %2 beyond the PFN end %3").arg(offset).arg(frame.pfn).arg(result.m_pfnEnd);
            return std::nullopt;
        }
        result.m_frames.append(frame);
    }
    return result;
}

QByteArray BundleFrames::read(Column column, quint64 offset, quint64 length) const
{
    const quint64 firstPfn = offset / 8;
    quint64 endPfn = firstPfn + length / 8;
    if (m_pfnEnd != 0)
        endPfn = qMin(endPfn, qMax(firstPfn, m_pfnEnd));
    QByteArray out(qsizetype(endPfn - firstPfn) * 8, '\0');
    auto frame = std::lower_bound(m_frames.cbegin(), m_frames.cend(), firstPfn,
                                  [](const Frame &f, quint64 pfn) { return f.pfn < pfn; });
    for (; frame != m_frames.cend() && frame->pfn < endPfn; ++frame) {
        const quint64 value = column == Column::Flags ? frame->flags : frame->count;
        std::memcpy(out.data() + (frame->pfn - firstPfn) * 8, &value, sizeof value);
    }
    return out;
}
