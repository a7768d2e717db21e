#include "processlistmodel.h"
#include "modelroles.h"
#include "units.h"

#include <QLocale>

#include <algorithm>
#include <limits>

namespace {
bool isTextColumn(int column)
{
    return column == ProcessListModel::UserColumn || column == ProcessListModel::CommandColumn;
}

bool isRollupColumn(int column)
{
    return column == ProcessListModel::PssColumn || column == ProcessListModel::UssColumn
        || column == ProcessListModel::SwapColumn;
}

bool isKbColumn(int column)
{
    return column == ProcessListModel::VirtColumn || column == ProcessListModel::ResColumn
        || column == ProcessListModel::ShrColumn || isRollupColumn(column);
}

// Values a row shows; a change in any of them needs dataChanged.
bool sameShownValues(const ProcessInfo &a, const ProcessInfo &b)
{
    return a.user == b.user && a.kernelThread == b.kernelThread && a.virtKb == b.virtKb && a.resKb == b.resKb
        && a.shrKb == b.shrKb && a.minflt == b.minflt && a.majflt == b.majflt;
}

// A pid that now runs another program (exec, or pid reuse) has a rollup that no longer describes it.
bool sameIdentity(const ProcessInfo &a, const ProcessInfo &b)
{
    return a.uid == b.uid && a.name == b.name && a.arguments == b.arguments;
}

bool pidLess(const ProcessInfo &a, const ProcessInfo &b)
{
    return a.pid < b.pid;
}
}

ProcessListModel::ProcessListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int ProcessListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProcessListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<quint64> ProcessListModel::kbValue(const Row &row, int column)
{
    switch (column) {
    case VirtColumn:
        return row.info.virtKb;
    case ResColumn:
        return row.info.resKb;
    case ShrColumn:
        return row.info.shrKb;
    default:
        break;
    }
    if (!row.rollup)
        return std::nullopt;
    const SmapsEntry &rollup = *row.rollup;
    switch (column) {
    case PssColumn:
        return rollup.has(SmapsEntry::Pss) ? std::optional(rollup.value(SmapsEntry::Pss)) : std::nullopt;
    case UssColumn:
        return rollup.has(SmapsEntry::Private_Clean) || rollup.has(SmapsEntry::Private_Dirty)
            ? std::optional(rollup.uss())
            : std::nullopt;
    case SwapColumn:
        return rollup.has(SmapsEntry::Swap) ? std::optional(rollup.value(SmapsEntry::Swap)) : std::nullopt;
    default:
        return std::nullopt;
    }
}

QVariant ProcessListModel::rawData(const Row &row, int column) const
{
    switch (column) {
    case PidColumn:
        return row.info.pid;
    case UserColumn:
        return row.info.user;
    case CommandColumn:
        return row.info.commandLine();
    case MemPercentColumn:
        return m_memTotalKb > 0 ? QVariant(ProcessInfo::memPercent(row.info.resKb, m_memTotalKb)) : QVariant();
    case MinorFaultsColumn:
        return row.info.minflt;
    case MajorFaultsColumn:
        return row.info.majflt;
    default:
        if (const auto kb = kbValue(row, column))
            return *kb;
        return {};
    }
}

QVariant ProcessListModel::displayData(const Row &row, int column) const
{
    const QLocale locale;
    switch (column) {
    case PidColumn:
        return QString::number(row.info.pid); // no digit grouping: pids are identifiers
    case MemPercentColumn: {
        const QVariant percent = rawData(row, column);
        return percent.isValid() ? locale.toString(percent.toDouble(), 'f', 1) : QVariant();
    }
    case MinorFaultsColumn:
        return locale.toString(row.info.minflt);
    case MajorFaultsColumn:
        return locale.toString(row.info.majflt);
    default:
        if (const auto kb = kbValue(row, column))
            return Units::formatKb(*kb);
        return rawData(row, column);
    }
}

QVariant ProcessListModel::toolTipData(const Row &row, int column) const
{
    if (column == CommandColumn)
        return row.info.commandLine();
    if (!isRollupColumn(column) || kbValue(row, column))
        return {};
    if (row.info.kernelThread)
        return tr("Kernel thread: it has no user address space");
    if (!row.rollupError.isEmpty())
        return tr("Not available: %1").arg(row.rollupError);
    return tr("Read from smaps_rollup when the row is shown");
}

QVariant ProcessListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
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
        if (column == MemPercentColumn)
            return QStringLiteral("%");
        return isKbColumn(column) ? QStringLiteral("kB") : QString();
    case ModelRoles::PidRole:
        return row.info.pid;
    case ModelRoles::RowErrorRole:
        return row.rollupError.isEmpty() ? QVariant() : QVariant(row.rollupError);
    default:
        return {};
    }
}

QVariant ProcessListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole)
        return ModelRoles::columnAlignment(isTextColumn(section));
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case PidColumn:
            return tr("PID");
        case UserColumn:
            return tr("User");
        case CommandColumn:
            return tr("Command");
        case VirtColumn:
            return tr("VIRT");
        case ResColumn:
            return tr("RES");
        case ShrColumn:
            return tr("SHR");
        case MemPercentColumn:
            return tr("%MEM");
        case PssColumn:
            return tr("PSS");
        case UssColumn:
            return tr("USS");
        case SwapColumn:
            return tr("Swap");
        case MinorFaultsColumn:
            return tr("Minor faults");
        case MajorFaultsColumn:
            return tr("Major faults");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case PidColumn:
            return tr("Process ID");
        case UserColumn:
            return tr("Owner of the process (real user ID)");
        case CommandColumn:
            return tr("Command line (/proc/PID/cmdline); kernel threads in [brackets]");
        case VirtColumn:
            return tr("Virtual size (VmSize): all mapped address space, including reserved and never-touched "
                      "memory. Says little about real memory use.");
        case ResColumn:
            return tr("Resident set size (VmRSS): this process's pages that are in RAM now, including pages "
                      "shared with other processes.");
        case ShrColumn:
            return tr("Shared (RssFile + RssShmem): resident file-backed and shared-memory pages. Other processes "
                      "may map the same pages and each counts them in full, so SHR (and RES) cannot be summed "
                      "across processes; sum PSS instead.");
        case MemPercentColumn:
            return tr("RES as a percentage of MemTotal, as top computes it");
        case PssColumn:
            return tr("Proportional set size (smaps_rollup): private pages plus each shared page divided by the "
                      "number of processes mapping it. PSS sums correctly across processes.");
        case UssColumn:
            return tr("Unique set size (smaps_rollup Private_Clean + Private_Dirty): memory only this process "
                      "maps, roughly what its exit would free.");
        case SwapColumn:
            return tr("Swapped-out memory of this process (smaps_rollup Swap)");
        case MinorFaultsColumn:
            return tr("Minor page faults (/proc/PID/stat field 10): resolved without disk I/O");
        case MajorFaultsColumn:
            return tr("Major page faults (/proc/PID/stat field 12): had to wait for disk I/O");
        case ColumnCount:
            break;
        }
    }
    return {};
}

bool ProcessListModel::updateRow(Row &row, const ProcessInfo &info)
{
    const bool sameProcess = sameIdentity(row.info, info);
    if (!sameProcess) {
        row.rollup.reset();
        row.rollupError.clear();
    }
    const bool changed = !sameProcess || !sameShownValues(row.info, info);
    row.info = info;
    return changed;
}

void ProcessListModel::emitRowsChanged(int firstRow, int lastRow)
{
    Q_EMIT dataChanged(index(firstRow, 0), index(lastRow, ColumnCount - 1));
}

void ProcessListModel::setProcesses(const QList<ProcessInfo> &processes, quint64 memTotalKb)
{
    QList<ProcessInfo> incoming = processes;
    std::sort(incoming.begin(), incoming.end(), pidLess);
    incoming.erase(std::unique(incoming.begin(), incoming.end(),
                               [](const ProcessInfo &a, const ProcessInfo &b) { return a.pid == b.pid; }),
                   incoming.end());
    const auto isIncoming = [&incoming](int pid) {
        ProcessInfo key;
        key.pid = pid;
        return std::binary_search(incoming.cbegin(), incoming.cend(), key, pidLess);
    };

    ++m_generation;
    const bool totalChanged = memTotalKb != m_memTotalKb; // changes every row's %MEM
    m_memTotalKb = memTotalKb;

    // Remove runs of gone pids, the last run first so the row numbers of earlier runs stay valid.
    for (int last = int(m_rows.size()) - 1; last >= 0;) {
        if (isIncoming(m_rows.at(last).info.pid)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !isIncoming(m_rows.at(first - 1).info.pid))
            --first;
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }

    // Every remaining row's pid is in incoming and both are sorted: walk them together, updating
    // survivors and inserting each run of new pids before the survivor that follows it.
    int row = 0;
    int changedFirst = -1;
    const auto flushChanged = [&]() {
        if (changedFirst >= 0)
            emitRowsChanged(changedFirst, row - 1);
        changedFirst = -1;
    };
    for (qsizetype i = 0; i < incoming.size();) {
        if (row < m_rows.size() && m_rows.at(row).info.pid == incoming.at(i).pid) {
            if (updateRow(m_rows[row], incoming.at(i)) || totalChanged) {
                if (changedFirst < 0)
                    changedFirst = row;
            } else {
                flushChanged();
            }
            ++row;
            ++i;
            continue;
        }
        flushChanged();
        const int nextPid = row < m_rows.size() ? m_rows.at(row).info.pid : std::numeric_limits<int>::max();
        qsizetype end = i;
        while (end < incoming.size() && incoming.at(end).pid < nextPid)
            ++end;
        const int count = int(end - i);
        beginInsertRows({}, row, row + count - 1);
        for (qsizetype k = i; k < end; ++k)
            m_rows.insert(row + (k - i), Row{incoming.at(k), std::nullopt, 0, QString()});
        endInsertRows();
        row += count;
        i = end;
    }
    flushChanged();
}

void ProcessListModel::setRollup(int pid, const SmapsEntry &rollup)
{
    const int row = rowOfPid(pid);
    if (row < 0)
        return;
    Row &target = m_rows[row];
    target.rollup = rollup;
    target.rollupGeneration = m_generation;
    target.rollupError.clear();
    emitRowsChanged(row, row);
}

void ProcessListModel::setRollupError(int pid, const QString &why)
{
    const int row = rowOfPid(pid);
    if (row < 0)
        return;
    Row &target = m_rows[row];
    target.rollup.reset(); // old values next to an error would read as current
    target.rollupError = why;
    emitRowsChanged(row, row);
}

bool ProcessListModel::needsRollup(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return false;
    const Row &target = m_rows.at(row);
    if (target.info.kernelThread || !target.rollupError.isEmpty())
        return false;
    return !target.rollup || target.rollupGeneration < m_generation;
}

QList<int> ProcessListModel::pidsNeedingRollup(int firstRow, int lastRow) const
{
    QList<int> pids;
    for (int row = qMax(firstRow, 0), last = qMin(lastRow, int(m_rows.size()) - 1); row <= last; ++row) {
        if (needsRollup(row))
            pids.append(m_rows.at(row).info.pid);
    }
    return pids;
}

int ProcessListModel::rowOfPid(int pid) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), pid,
                                     [](const Row &row, int value) { return row.info.pid < value; });
    return it != m_rows.cend() && it->info.pid == pid ? int(it - m_rows.cbegin()) : -1;
}

ProcessInfo ProcessListModel::processAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).info : ProcessInfo();
}

std::optional<SmapsEntry> ProcessListModel::rollupAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).rollup : std::nullopt;
}
