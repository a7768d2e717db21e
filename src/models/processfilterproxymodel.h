#pragma once

#include <QList>
#include <QSortFilterProxyModel>
#include <QString>

#include <optional>

class ProcessListModel;

// Sorts a ProcessListModel by raw values (RES as a number, not as "1.5 MiB" text) and filters it by
// a search text: a row matches when its pid equals the text, or its user or command line contains it
// (case-insensitive).
class ProcessFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ProcessFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;
    ProcessListModel *processModel() const;

    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);

    // Sums over the rows the filter lets through. RES and SHR count a shared page once per process
    // that maps it, so their sums overstate; PSS divides each page among its sharers and sums right.
    struct Totals
    {
        int rows = 0;
        quint64 resKb = 0;
        quint64 shrKb = 0;
        quint64 pssKb = 0;
        int rowsWithPss = 0; // PSS is read only for rows shown on screen and readable
    };
    Totals shownTotals() const;

    // Pids of proxy rows firstRow..lastRow (what a view shows) whose rollup should be read.
    QList<int> pidsNeedingRollup(int firstRow, int lastRow) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_searchText;
    std::optional<int> m_searchPid; // m_searchText as a pid, when it is a number
};
