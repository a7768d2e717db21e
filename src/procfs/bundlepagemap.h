#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

// The pagemap entries of one process in a bundle (proc/PID/pagemap.ranges). The file, little-endian:
//
//   offset 0   8 bytes     magic "MATLPGMP"
//          8   u32         version, 1
//          12  u32         reserved, 0
//          16  ranges until the end of the file, in ascending address order, not overlapping:
//                u64         start: virtual address of the range's first page (page-aligned)
//                u64         page count, at least 1
//                u64[count]  the entries as /proc/PID/pagemap gave them (bits as in pagemap.rst)
//
// A page outside every range reads as 0: not present, not swapped. The writer leaves out runs of
// zero entries (and whole mappings with nothing resident or swapped), so a bundle grows with what is
// in memory rather than with the size of the address space.
class BundlePagemap
{
public:
    static constexpr char Magic[8] = {'M', 'A', 'T', 'L', 'P', 'G', 'M', 'P'};
    static constexpr quint32 Version = 1;
    static constexpr qsizetype HeaderSize = 16;

    // Adds the entries of pages firstPage, firstPage + 1, ... (host byte order, as read from the
    // kernel). Calls must come in ascending page order without overlap. Zero entries are dropped.
    void append(quint64 firstPage, const quint64 *entries, qsizetype count);
    bool isEmpty() const { return m_ranges.isEmpty(); }

    QByteArray encode(quint64 pageSize) const;
    // Checks the header and every range against the file's size; *error says what is wrong.
    static std::optional<BundlePagemap> decode(QByteArrayView data, quint64 pageSize, QString *error);

    // What /proc/PID/pagemap gives for length bytes at offset (both multiples of 8): entries in host
    // byte order, zero outside the ranges.
    QByteArray read(quint64 offset, quint64 length) const;

private:
    struct Range
    {
        quint64 firstPage = 0;
        quint64 pageCount = 0;
        qsizetype firstEntry = 0; // index into m_entries
    };

    QList<Range> m_ranges;
    QList<quint64> m_entries; // all ranges' entries, one after another, host byte order
};
