#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

// The kpageflags and kpagecount of the frames a bundle's pagemaps name (proc/kpage.frames). The
// file, little-endian:
//
//   offset 0   8 bytes  magic "MATLKPGF"
//          8   u32      version, 1
//          12  u32      reserved, 0
//          16  u64      PFN end: one past the machine's highest PFN (where the kernel's files end);
//                       0 when unknown
//          24  frames until the end of the file, by PFN strictly ascending, below the PFN end, 24
//              bytes each:
//                u64  PFN
//                u64  flags, as /proc/kpageflags gave them (bits as in KPageFlags)
//                u64  map count, as /proc/kpagecount gave it
//
// A frame not in the file reads as 0 in both, up to the PFN end, where reads stop short as the
// kernel's do. Only frames some captured page was mapped to are here, not the machine's memory.
class BundleFrames
{
public:
    static constexpr char Magic[8] = {'M', 'A', 'T', 'L', 'K', 'P', 'G', 'F'};
    static constexpr quint32 Version = 1;
    static constexpr qsizetype HeaderSize = 24;
    static constexpr qsizetype FrameSize = 24;

    struct Frame
    {
        quint64 pfn = 0;
        quint64 flags = 0;
        quint64 count = 0;
        friend bool operator==(const Frame &, const Frame &) = default;
    };
    enum class Column { Flags, Count };

    // Frames in any order; where a PFN appears more than once, the last one wins (it was read last).
    static QByteArray encode(QList<Frame> frames, quint64 pfnEnd);
    static std::optional<BundleFrames> decode(QByteArrayView data, QString *error);

    // What /proc/kpageflags (Flags) or /proc/kpagecount (Count) gives for length bytes at offset
    // (both multiples of 8): values in host byte order, zero for frames not captured, cut short at
    // the PFN end.
    QByteArray read(Column column, quint64 offset, quint64 length) const;
    const QList<Frame> &frames() const { return m_frames; }
    quint64 pfnEnd() const { return m_pfnEnd; }

private:
    QList<Frame> m_frames; // by PFN, ascending
    quint64 m_pfnEnd = 0;
};
