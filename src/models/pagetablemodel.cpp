#include "pagetablemodel.h"
#include "kpageflags.h"
#include "modelroles.h"
#include "pagemodel.h"
#include "units.h"

#include <QSaveFile>

#include <limits>

namespace {
constexpr quint64 PfnMask = (quint64(1) << 55) - 1; // pagemap bits 0-54; the flag bits are above

bool isTextColumn(int column)
{
    return column == PageTableModel::StateColumn || column == PageTableModel::FlagsColumn
        || column == PageTableModel::PageFlagsColumn || column == PageTableModel::MappingColumn;
}

bool isAddressColumn(int column)
{
    return column == PageTableModel::AddressColumn || column == PageTableModel::PhysicalAddressColumn;
}

// A frame number to show: present with a PFN the kernel did not hide. PFN 0 is never a page of a
// process, it is what a reader without CAP_SYS_ADMIN gets.
bool hasShownPfn(const PageModel &pages, const PageModel::Page &page)
{
    return page.entry.present && page.entry.pfn != 0 && !pages.pfnsHidden();
}

QString stateName(PageModel::State state)
{
    switch (state) {
    case PageModel::PresentAnon:
        return PageTableModel::tr("anonymous");
    case PageModel::PresentFile:
        return PageTableModel::tr("file or shared");
    case PageModel::Swapped:
        return PageTableModel::tr("swapped");
    case PageModel::NotPresent:
    case PageModel::StateCount:
        break;
    }
    return PageTableModel::tr("not present");
}

QString flagsText(const PageEntry &entry)
{
    QStringList flags;
    const auto add = [&flags](bool set, const char *name) {
        if (set)
            flags.append(QLatin1String(name));
    };
    add(entry.present, "present");
    add(entry.swapped, "swapped");
    add(entry.fileOrSharedAnon, "file/shared");
    add(entry.exclusive, "exclusive");
    add(entry.softDirty, "soft-dirty");
    add(entry.uffdWriteProtected, "uffd-wp");
    add(entry.guardRegion, "guard");
    return flags.join(QStringLiteral(", "));
}

QString hex(quint64 value)
{
    return QStringLiteral("0x%1").arg(value, 0, 16);
}

// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled.
QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}
} // namespace

PageTableModel::PageTableModel(PageModel *pages, QObject *parent)
    : QAbstractTableModel(parent)
    , m_pages(pages)
{
    connect(pages, &PageModel::snapshotAboutToChange, this, &PageTableModel::beginResetModel);
    connect(pages, &PageModel::snapshotChanged, this, &PageTableModel::endResetModel);
}

int PageTableModel::rowCount(const QModelIndex &parent) const
{
    // Views count rows in int; PageMapReader's page limit stays far below it.
    return parent.isValid() ? 0 : int(std::min<qint64>(m_pages->pageCount(), std::numeric_limits<int>::max()));
}

int PageTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PageTableModel::rawData(const PageModel::Page &page, int column) const
{
    const bool frame = page.frame.has_value();
    const bool swapped = page.entry.swapped && !page.entry.present;
    switch (column) {
    case AddressColumn:
        return page.address;
    case StateColumn:
        return int(page.state);
    case PfnColumn:
        return hasShownPfn(*m_pages, page) ? QVariant(page.entry.pfn) : QVariant();
    case PhysicalAddressColumn:
        return hasShownPfn(*m_pages, page) ? QVariant(page.entry.pfn * m_pages->snapshot()->pageSize) : QVariant();
    case FlagsColumn:
        return page.entry.raw & ~PfnMask;
    case PageFlagsColumn:
        return frame ? QVariant(page.frame->flags) : QVariant();
    case MapCountColumn:
        return frame ? QVariant(page.frame->mapCount) : QVariant();
    case SwapTypeColumn:
        return swapped ? QVariant(page.entry.swapType) : QVariant();
    case SwapOffsetColumn:
        return swapped ? QVariant(page.entry.swapOffset) : QVariant();
    case MappingColumn:
        return page.mapping >= 0 ? m_pages->snapshot()->mappings.at(page.mapping).path : QString();
    default:
        return {};
    }
}

QString PageTableModel::text(const PageModel::Page &page, int column) const
{
    const QVariant raw = rawData(page, column);
    switch (column) {
    case AddressColumn:
        return Units::formatAddress(page.address);
    case StateColumn:
        return stateName(page.state);
    case PfnColumn:
        if (!page.entry.present)
            return {};
        return raw.isValid() ? hex(raw.toULongLong()) : tr("hidden");
    case PhysicalAddressColumn:
        if (!page.entry.present)
            return {};
        return raw.isValid() ? Units::formatAddress(raw.toULongLong()) : tr("hidden");
    case FlagsColumn:
        return flagsText(page.entry);
    case PageFlagsColumn:
        return raw.isValid() ? KPageFlags::names(raw.toULongLong()).join(QLatin1Char(' ')) : QString();
    case SwapOffsetColumn:
        return raw.isValid() ? hex(raw.toULongLong()) : QString();
    default:
        return raw.toString();
    }
}

QVariant PageTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return text(m_pages->pageAt(index.row()), column);
    case ModelRoles::RawValueRole:
        return rawData(m_pages->pageAt(index.row()), column);
    case Qt::TextAlignmentRole:
        return ModelRoles::columnAlignment(isTextColumn(column));
    case ModelRoles::UnitRole:
        return isAddressColumn(column) ? QStringLiteral("address") : QString();
    default:
        return {};
    }
}

QVariant PageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole)
        return ModelRoles::columnAlignment(isTextColumn(section));
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case AddressColumn:
            return tr("Address");
        case StateColumn:
            return tr("State");
        case PfnColumn:
            return tr("PFN");
        case PhysicalAddressColumn:
            return tr("Physical address");
        case FlagsColumn:
            return tr("Flags");
        case PageFlagsColumn:
            return tr("Page flags");
        case MapCountColumn:
            return tr("Map count");
        case SwapTypeColumn:
            return tr("Swap type");
        case SwapOffsetColumn:
            return tr("Swap offset");
        case MappingColumn:
            return tr("Mapping");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case AddressColumn:
            return tr("Virtual address of the page");
        case StateColumn:
            return tr("In RAM (anonymous, or file and shared memory), swapped out, or not present");
        case PfnColumn:
            return tr("Physical frame number; hidden unless MemAtlas runs with CAP_SYS_ADMIN");
        case PhysicalAddressColumn:
            return tr("PFN times the page size");
        case FlagsColumn:
            return tr("What /proc/PID/pagemap says about the page");
        case PageFlagsColumn:
            return tr("What /proc/kpageflags says about the frame (root only)");
        case MapCountColumn:
            return tr("How many times the frame is mapped, from /proc/kpagecount (root only)");
        case SwapTypeColumn:
            return tr("Swap area of a swapped-out page");
        case SwapOffsetColumn:
            return tr("Slot of a swapped-out page in its swap area");
        case MappingColumn:
            return tr("The mapping the page belongs to; empty for anonymous memory");
        case ColumnCount:
            break;
        }
    }
    return {};
}

bool PageTableModel::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = path + QStringLiteral(": ") + file.errorString();
        return false;
    }
    QStringList fields;
    for (int column = 0; column < ColumnCount; ++column)
        fields.append(csvField(headerData(column, Qt::Horizontal).toString()));
    QByteArray buffer = fields.join(QLatin1Char(',')).toUtf8() + '\n';
    constexpr qsizetype FlushSize = 1 << 20; // written in blocks: millions of rows, one write each would crawl
    const int rows = rowCount();
    for (int row = 0; row < rows; ++row) {
        const PageModel::Page page = m_pages->pageAt(row);
        fields.clear();
        for (int column = 0; column < ColumnCount; ++column)
            fields.append(csvField(text(page, column)));
        buffer += fields.join(QLatin1Char(',')).toUtf8() + '\n';
        if (buffer.size() >= FlushSize) {
            file.write(buffer);
            buffer.clear();
        }
    }
    file.write(buffer);
    // QSaveFile remembers a failed write (a full disk) and then refuses to commit.
    if (!file.commit()) {
        if (error)
            *error = path + QStringLiteral(": ") + file.errorString();
        return false;
    }
    return true;
}
