#include "processfilterproxymodel.h"
#include "modelroles.h"
#include "processlistmodel.h"

ProcessFilterProxyModel::ProcessFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ModelRoles::RawValueRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ProcessFilterProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    Q_ASSERT_X(!sourceModel || qobject_cast<ProcessListModel *>(sourceModel), "ProcessFilterProxyModel",
               "the source must be a ProcessListModel");
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

ProcessListModel *ProcessFilterProxyModel::processModel() const
{
    return static_cast<ProcessListModel *>(sourceModel());
}

void ProcessFilterProxyModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    bool isNumber = false;
    const int pid = trimmed.toInt(&isNumber);
    m_searchPid = isNumber ? std::optional(pid) : std::nullopt;
    invalidateRowsFilter();
}

bool ProcessFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_searchText.isEmpty())
        return true;
    const auto raw = [&](int column) {
        return sourceModel()->index(sourceRow, column, sourceParent).data(ModelRoles::RawValueRole);
    };
    if (m_searchPid && raw(ProcessListModel::PidColumn).toInt() == *m_searchPid)
        return true;
    return raw(ProcessListModel::UserColumn).toString().contains(m_searchText, Qt::CaseInsensitive)
        || raw(ProcessListModel::CommandColumn).toString().contains(m_searchText, Qt::CaseInsensitive);
}

QList<int> ProcessFilterProxyModel::pidsNeedingRollup(int firstRow, int lastRow) const
{
    QList<int> pids;
    const ProcessListModel *source = processModel();
    if (!source)
        return pids;
    for (int row = qMax(firstRow, 0), last = qMin(lastRow, rowCount() - 1); row <= last; ++row) {
        const int sourceRow = mapToSource(index(row, 0)).row();
        if (source->needsRollup(sourceRow))
            pids.append(source->processAt(sourceRow).pid);
    }
    return pids;
}

ProcessFilterProxyModel::Totals ProcessFilterProxyModel::shownTotals() const
{
    Totals totals;
    const ProcessListModel *source = processModel();
    if (!source)
        return totals;
    totals.rows = rowCount();
    for (int row = 0; row < totals.rows; ++row) {
        const int sourceRow = mapToSource(index(row, 0)).row();
        const ProcessInfo info = source->processAt(sourceRow);
        totals.resKb += info.resKb;
        totals.shrKb += info.shrKb;
        if (const auto rollup = source->rollupAt(sourceRow)) {
            totals.pssKb += rollup->value(SmapsEntry::Pss);
            ++totals.rowsWithPss;
        }
    }
    return totals;
}
