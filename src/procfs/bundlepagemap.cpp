#include "bundlepagemap.h"

#include "procfstext.h"

#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <limits>

namespace {
// A range header costs 16 bytes, two entries' worth: a shorter zero gap is cheaper kept as entries.
constexpr quint64 MaxKeptZeroGap = 2;
}

void BundlePagemap::append(quint64 firstPage, const quint64 *entries, qsizetype count)
{
    qsizetype begin = 0;
    while (begin < count) {
        if (entries[begin] == 0) {
            ++begin;
            continue;
        }
        qsizetype end = begin + 1;
        while (end < count && entries[end] != 0)
            ++end;
        const quint64 page = firstPage + quint64(begin);
        const bool extendsLast = !m_ranges.isEmpty()
            && page - (m_ranges.last().firstPage + m_ranges.last().pageCount) <= MaxKeptZeroGap;
        if (extendsLast) {
            Range &last = m_ranges.last();
            const quint64 gap = page - (last.firstPage + last.pageCount);
            m_entries.insert(m_entries.size(), qsizetype(gap), 0);
            last.pageCount += gap + quint64(end - begin);
        } else {
            m_ranges.append({page, quint64(end - begin), m_entries.size()});
        }
        const qsizetype used = m_entries.size();
        m_entries.resize(used + (end - begin));
        std::copy(entries + begin, entries + end, m_entries.begin() + used);
        begin = end;
    }
}

QByteArray BundlePagemap::encode(quint64 pageSize) const
{
    QByteArray data(HeaderSize + m_ranges.size() * 16 + m_entries.size() * 8, Qt::Uninitialized);
    char *out = data.data();
    std::memcpy(out, Magic, sizeof Magic);
    qToLittleEndian<quint32>(Version, out + 8);
    qToLittleEndian<quint32>(0, out + 12);
    out += HeaderSize;
    for (const Range &range : m_ranges) {
        qToLittleEndian<quint64>(range.firstPage * pageSize, out);
        qToLittleEndian<quint64>(range.pageCount, out + 8);
        out += 16;
        qToLittleEndian<quint64>(m_entries.constData() + range.firstEntry, qsizetype(range.pageCount), out);
        out += range.pageCount * 8;
    }
    return data;
}

std::optional<BundlePagemap> BundlePagemap::decode(QByteArrayView data, quint64 pageSize, QString *error)
{
    if (data.size() < HeaderSize) {
        *error = ProcfsText::tr("%1 bytes, shorter than the %2-byte header").arg(data.size()).arg(HeaderSize);
        return std::nullopt;
    }
    const char *bytes = data.constData();
    if (std::memcmp(bytes, Magic, sizeof Magic) != 0) {
        *error = ProcfsText::tr("not a pagemap.ranges file (wrong magic)");
        return std::nullopt;
    }
    // The version moves with the manifest's format version; any other value here is damage.
    if (qFromLittleEndian<quint32>(bytes + 8) != Version || qFromLittleEndian<quint32>(bytes + 12) != 0) {
        *error = ProcfsText::tr("unknown version or flags in the header");
        return std::nullopt;
    }
    BundlePagemap result;
    // Bounded by the file's real size, not by any count it claims.
    result.m_entries.reserve((data.size() - HeaderSize) / 8);
    qsizetype offset = HeaderSize;
    while (offset < data.size()) {
        const qsizetype left = data.size() - offset;
        if (left < 16) {
            *error = ProcfsText::tr("range header at offset %1 cut short").arg(offset);
            return std::nullopt;
        }
        const quint64 start = qFromLittleEndian<quint64>(bytes + offset);
        const quint64 pageCount = qFromLittleEndian<quint64>(bytes + offset + 8);
        const quint64 firstPage = start / pageSize;
        QString problem;
        if (start % pageSize != 0)
            problem = ProcfsText::tr("start 0x%1 is not page-aligned").arg(start, 0, 16);
        else if (pageCount == 0)
            problem = ProcfsText::tr("no pages");
        else if (pageCount > quint64(left - 16) / 8)
            problem = ProcfsText::tr("%1 pages, but only %2 bytes follow").arg(pageCount).arg(left - 16);
        else if (pageCount > std::numeric_limits<quint64>::max() / pageSize + 1 - firstPage)
            problem = ProcfsText::tr("beyond the largest address");
        else if (!result.m_ranges.isEmpty()
                 && firstPage < result.m_ranges.last().firstPage + result.m_ranges.last().pageCount)
            problem = ProcfsText::tr("overlaps the range before it or is out of order");
        if (!problem.isEmpty()) {
            *error = ProcfsText::tr("range at offset %1: %2").arg(offset).arg(problem);
            return std::nullopt;
        }
        result.m_ranges.append({firstPage, pageCount, result.m_entries.size()});
        const qsizetype used = result.m_entries.size();
        result.m_entries.resize(used + qsizetype(pageCount));
        qFromLittleEndian<quint64>(bytes + offset + 16, qsizetype(pageCount), result.m_entries.data() + used);
        offset += 16 + qsizetype(pageCount) * 8;
    }
    return result;
}

QByteArray BundlePagemap::read(quint64 offset, quint64 length) const
{
    QByteArray out(qsizetype(length), '\0');
    const quint64 firstPage = offset / 8;
    const quint64 endPage = firstPage + length / 8;
    // The first range that ends after firstPage.
    auto range = std::partition_point(m_ranges.cbegin(), m_ranges.cend(), [firstPage](const Range &r) {
        return r.firstPage + r.pageCount <= firstPage;
    });
    for (; range != m_ranges.cend() && range->firstPage < endPage; ++range) {
        const quint64 from = qMax(range->firstPage, firstPage);
        const quint64 to = qMin(range->firstPage + range->pageCount, endPage);
        std::memcpy(out.data() + (from - firstPage) * 8, m_entries.constData() + range->firstEntry + (from - range->firstPage),
                    (to - from) * 8);
    }
    return out;
}
