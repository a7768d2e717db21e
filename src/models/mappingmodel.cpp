#include "mappingmodel.h"
#include "modelroles.h"
#include "units.h"

#include <QPair>

#include <algorithm>

namespace {
bool isTextColumn(int column)
{
    return column == MappingModel::PermissionsColumn || column == MappingModel::DeviceColumn
        || column == MappingModel::PathColumn || column == MappingModel::SegmentColumn
        || column == MappingModel::VmFlagsColumn;
}

bool isKbColumn(int column)
{
    return column == MappingModel::SizeColumn || column == MappingModel::UssColumn
        || MappingModel::keyOfColumn(column).has_value();
}

// The executable's path as the classification saw it, so a re-classification agrees with it.
QString executablePathOf(const QList<Mapping> &mappings, const QList<SegmentClassification> &classes)
{
    for (qsizetype i = 0; i < mappings.size() && i < classes.size(); ++i) {
        if (classes.at(i).kind == SegmentKind::Code)
            return mappings.at(i).path;
    }
    return {};
}

QString keyDescription(SmapsEntry::Key key)
{
    switch (key) {
    case SmapsEntry::KernelPageSize:
        return MappingModel::tr("Page size the kernel uses for this mapping");
    case SmapsEntry::MMUPageSize:
        return MappingModel::tr("Page size the MMU uses (differs from KernelPageSize on a few architectures)");
    case SmapsEntry::Rss:
        return MappingModel::tr("Resident: this mapping's pages that are in RAM now");
    case SmapsEntry::Pss:
        return MappingModel::tr("Proportional set size: private pages plus each shared page divided by the number "
                                "of processes mapping it");
    case SmapsEntry::Pss_Dirty:
        return MappingModel::tr("The modified part of Pss (kernel 6.0+)");
    case SmapsEntry::Pss_Anon:
        return MappingModel::tr("Pss of anonymous pages (smaps_rollup only)");
    case SmapsEntry::Pss_File:
        return MappingModel::tr("Pss of file pages (smaps_rollup only)");
    case SmapsEntry::Pss_Shmem:
        return MappingModel::tr("Pss of shared-memory pages (smaps_rollup only)");
    case SmapsEntry::Shared_Clean:
        return MappingModel::tr("Resident pages other processes map too, unmodified");
    case SmapsEntry::Shared_Dirty:
        return MappingModel::tr("Resident pages other processes map too, modified");
    case SmapsEntry::Private_Clean:
        return MappingModel::tr("Resident pages only this process maps, unmodified: can be dropped and read again");
    case SmapsEntry::Private_Dirty:
        return MappingModel::tr("Resident pages only this process maps, modified: freeing them needs swap");
    case SmapsEntry::Referenced:
        return MappingModel::tr("Pages accessed since the referenced bits were last cleared");
    case SmapsEntry::Anonymous:
        return MappingModel::tr("Pages not backed by a file, including private copies of file pages");
    case SmapsEntry::KSM:
        return MappingModel::tr("Pages merged by kernel same-page merging");
    case SmapsEntry::LazyFree:
        return MappingModel::tr("Pages released with MADV_FREE: reclaimed only under memory pressure");
    case SmapsEntry::AnonHugePages:
        return MappingModel::tr("Anonymous memory backed by transparent huge pages");
    case SmapsEntry::ShmemPmdMapped:
        return MappingModel::tr("Shared memory mapped with huge pages");
    case SmapsEntry::FilePmdMapped:
        return MappingModel::tr("File pages mapped with huge pages");
    case SmapsEntry::Shared_Hugetlb:
        return MappingModel::tr("hugetlbfs pages other processes map too (not counted in Rss)");
    case SmapsEntry::Private_Hugetlb:
        return MappingModel::tr("hugetlbfs pages only this process maps (not counted in Rss)");
    case SmapsEntry::Swap:
        return MappingModel::tr("Anonymous pages of this mapping that are swapped out");
    case SmapsEntry::SwapPss:
        return MappingModel::tr("Proportional share of swap: swap entries shared after fork are divided");
    case SmapsEntry::Locked:
        return MappingModel::tr("Pages locked in RAM (mlock)");
    case SmapsEntry::Size:
    case SmapsEntry::KeyCount:
        break;
    }
    return {};
}
}

int MappingModel::columnOfKey(SmapsEntry::Key key)
{
    return key >= SmapsEntry::KernelPageSize && key < SmapsEntry::KeyCount
        ? FirstSmapsKeyColumn + (key - SmapsEntry::KernelPageSize)
        : -1;
}

std::optional<SmapsEntry::Key> MappingModel::keyOfColumn(int column)
{
    if (column < FirstSmapsKeyColumn || column >= UssColumn)
        return std::nullopt;
    return SmapsEntry::Key(SmapsEntry::KernelPageSize + (column - FirstSmapsKeyColumn));
}

MappingModel::MappingModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int MappingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_mappings.size());
}

int MappingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const SmapsEntry *MappingModel::smapsOfRow(int row) const
{
    return m_smaps.isEmpty() ? nullptr : &m_smaps.at(row);
}

QVariant MappingModel::rawData(int row, int column) const
{
    const Mapping &mapping = m_mappings.at(row);
    switch (column) {
    case StartColumn:
        return mapping.start;
    case EndColumn:
        return mapping.end;
    case SizeColumn:
        return mapping.size() / 1024;
    case PermissionsColumn:
        return mapping.permissions();
    case OffsetColumn:
        return mapping.offset;
    case DeviceColumn:
        return mapping.device();
    case InodeColumn:
        return mapping.inode;
    case PathColumn:
        return mapping.path;
    case SegmentColumn:
        return int(m_classes.at(row).kind);
    default:
        break;
    }
    const SmapsEntry *entry = smapsOfRow(row);
    if (!entry)
        return {};
    if (const auto key = keyOfColumn(column))
        return entry->has(*key) ? QVariant(entry->value(*key)) : QVariant();
    switch (column) {
    case UssColumn:
        return entry->has(SmapsEntry::Private_Clean) || entry->has(SmapsEntry::Private_Dirty) ? QVariant(entry->uss())
                                                                                              : QVariant();
    case ThpEligibleColumn:
        return entry->thpEligible ? QVariant(*entry->thpEligible) : QVariant();
    case ProtectionKeyColumn:
        return entry->protectionKey ? QVariant(*entry->protectionKey) : QVariant();
    case VmFlagsColumn:
        return entry->vmFlags.isEmpty() ? QVariant() : QVariant(QString::fromLatin1(entry->vmFlags.join(' ')));
    default:
        return {};
    }
}

QVariant MappingModel::displayData(int row, int column) const
{
    const QVariant raw = rawData(row, column);
    if (!raw.isValid())
        return {};
    switch (column) {
    case StartColumn:
    case EndColumn:
        return Units::formatAddress(raw.toULongLong());
    case OffsetColumn:
        return QStringLiteral("0x%1").arg(raw.toULongLong(), 8, 16, QLatin1Char('0')); // maps prints 8 digits
    case InodeColumn:
    case ProtectionKeyColumn:
        return raw.toString(); // identifiers: no digit grouping
    case PathColumn:
        return m_mappings.at(row).deleted ? QVariant(raw.toString() + QStringLiteral(" (deleted)")) : raw;
    case SegmentColumn:
        return Segments::name(m_classes.at(row).kind);
    case ThpEligibleColumn:
        return raw.toBool() ? tr("yes") : tr("no");
    default:
        return isKbColumn(column) ? QVariant(Units::formatKb(raw.toULongLong())) : raw;
    }
}

QVariant MappingModel::toolTipData(int row, int column) const
{
    const Mapping &mapping = m_mappings.at(row);
    switch (column) {
    case PathColumn:
        if (mapping.deleted)
            return tr("%1\nThe file was deleted or replaced after it was mapped").arg(mapping.path);
        return mapping.path.isEmpty() ? QVariant() : QVariant(mapping.path);
    case SegmentColumn:
        return m_classes.at(row).kernelHalf ? tr("In the kernel half of the address space") : QVariant();
    case VmFlagsColumn: {
        const SmapsEntry *entry = smapsOfRow(row);
        if (!entry || entry->vmFlags.isEmpty())
            return {};
        QStringList lines;
        for (const QByteArray &flag : entry->vmFlags) {
            const QString description = SmapsEntry::vmFlagDescription(flag);
            lines.append(QString::fromLatin1(flag) + QStringLiteral(": ")
                         + (description.isEmpty() ? tr("unknown flag") : description));
        }
        return lines.join(QLatin1Char('\n'));
    }
    default:
        return {};
    }
}

QVariant MappingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::ToolTipRole:
        return toolTipData(row, column);
    case Qt::TextAlignmentRole:
        return ModelRoles::columnAlignment(isTextColumn(column));
    case ModelRoles::RawValueRole:
        return rawData(row, column);
    case ModelRoles::UnitRole:
        if (column == StartColumn || column == EndColumn)
            return QStringLiteral("address");
        return isKbColumn(column) ? QStringLiteral("kB") : QString();
    case ModelRoles::AddressRangeRole: {
        const Mapping &mapping = m_mappings.at(row);
        return QVariant::fromValue(qMakePair(mapping.start, mapping.end));
    }
    case ModelRoles::SegmentKindRole:
        return int(m_classes.at(row).kind);
    default:
        return {};
    }
}

QVariant MappingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole)
        return ModelRoles::columnAlignment(isTextColumn(section));
    if (const auto key = keyOfColumn(section)) {
        if (role == Qt::DisplayRole)
            return QString::fromLatin1(SmapsEntry::keyName(*key));
        if (role == Qt::ToolTipRole)
            return keyDescription(*key);
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case StartColumn:
            return tr("Start");
        case EndColumn:
            return tr("End");
        case SizeColumn:
            return tr("Size");
        case PermissionsColumn:
            return tr("Perms");
        case OffsetColumn:
            return tr("Offset");
        case DeviceColumn:
            return tr("Device");
        case InodeColumn:
            return tr("Inode");
        case PathColumn:
            return tr("Path");
        case SegmentColumn:
            return tr("Segment");
        case UssColumn:
            return tr("USS");
        case ThpEligibleColumn:
            return tr("THPeligible");
        case ProtectionKeyColumn:
            return tr("ProtectionKey");
        case VmFlagsColumn:
            return tr("VmFlags");
        default:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case StartColumn:
            return tr("First address of the mapping");
        case EndColumn:
            return tr("First address after the mapping");
        case SizeColumn:
            return tr("Virtual size: address space reserved, not memory used");
        case PermissionsColumn:
            return tr("r read, w write, x execute; p private (copy-on-write) or s shared");
        case OffsetColumn:
            return tr("Offset of the mapping in its file");
        case DeviceColumn:
            return tr("Device (major:minor) of the mapped file");
        case InodeColumn:
            return tr("Inode of the mapped file; 0 for anonymous memory");
        case PathColumn:
            return tr("Mapped file, or a pseudo-path such as [heap] or [stack]; empty for anonymous memory");
        case SegmentColumn:
            return tr("What the mapping is in the classic picture of a process's memory");
        case UssColumn:
            return tr("Unique set size: Private_Clean + Private_Dirty");
        case ThpEligibleColumn:
            return tr("Whether the mapping may use transparent huge pages");
        case ProtectionKeyColumn:
            return tr("Memory protection key (pkeys) of the mapping");
        case VmFlagsColumn:
            return tr("Kernel flags of the mapping; hover a cell for their meaning");
        default:
            break;
        }
    }
    return {};
}

void MappingModel::setMaps(const QList<Mapping> &mappings, const QList<SegmentClassification> &classes)
{
    Q_ASSERT(classes.size() == mappings.size());
    beginResetModel();
    m_mappings = mappings;
    m_classes = classes;
    m_classes.resize(m_mappings.size()); // guards data() against a short list in release builds
    m_smaps.clear();
    endResetModel();
}

void MappingModel::setSmaps(const QList<SmapsEntry> &entries)
{
    const bool sameRows = entries.size() == m_mappings.size()
        && std::equal(entries.cbegin(), entries.cend(), m_mappings.cbegin(),
                      [](const SmapsEntry &entry, const Mapping &mapping) {
                          return entry.mapping.start == mapping.start && entry.mapping.end == mapping.end;
                      });
    if (sameRows) {
        m_smaps = entries;
        if (!m_smaps.isEmpty())
            Q_EMIT dataChanged(index(0, FirstSmapsKeyColumn), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    QList<Mapping> mappings;
    mappings.reserve(entries.size());
    for (const SmapsEntry &entry : entries)
        mappings.append(entry.mapping);
    const QString executable = executablePathOf(m_mappings, m_classes);
    beginResetModel();
    m_classes = Segments::classify(mappings, executable);
    m_classes.resize(mappings.size());
    m_mappings = std::move(mappings);
    m_smaps = entries;
    endResetModel();
}

void MappingModel::clear()
{
    beginResetModel();
    m_mappings.clear();
    m_classes.clear();
    m_smaps.clear();
    endResetModel();
}

int MappingModel::rowOfAddress(quint64 address) const
{
    // The first mapping starting after address; the one before it is the only candidate.
    const auto after = std::upper_bound(m_mappings.cbegin(), m_mappings.cend(), address,
                                        [](quint64 value, const Mapping &mapping) { return value < mapping.start; });
    if (after == m_mappings.cbegin())
        return -1;
    const auto candidate = after - 1;
    return address < candidate->end ? int(candidate - m_mappings.cbegin()) : -1;
}

Mapping MappingModel::mappingAt(int row) const
{
    return row >= 0 && row < m_mappings.size() ? m_mappings.at(row) : Mapping();
}

SegmentClassification MappingModel::classificationAt(int row) const
{
    return row >= 0 && row < m_classes.size() ? m_classes.at(row) : SegmentClassification();
}

std::optional<SmapsEntry> MappingModel::smapsAt(int row) const
{
    const SmapsEntry *entry = row >= 0 && row < m_mappings.size() ? smapsOfRow(row) : nullptr;
    return entry ? std::optional(*entry) : std::nullopt;
}
