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

    // Pids of proxy rows firstRow..lastRow (what a view shows) whose rollup should be read.
    QList<int> pidsNeedingRollup(int firstRow, int lastRow) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_searchText;
    std::optional<int> m_searchPid; // m_searchText as a pid, when it is a number
};
