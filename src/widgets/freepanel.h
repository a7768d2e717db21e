#pragma once

#include "freereport.h"

#include <QWidget>

#include <array>

class QLabel;

// The `free -h` table (Mem and Swap rows) for one FreeReport, with a tooltip on every column header
// saying which kernel field it comes from, and a line saying which "used" formula the table uses and
// what the older one gives, since the two disagree and tools differ in which they print.
class FreePanel : public QWidget
{
    Q_OBJECT
public:
    enum Row { MemRow, SwapRow, RowCount };
    enum Column { TotalColumn, UsedColumn, FreeColumn, SharedColumn, BuffCacheColumn, AvailableColumn, ColumnCount };

    explicit FreePanel(QWidget *parent = nullptr);

    void setReport(const FreeReport &report);
    FreeReport report() const { return m_report; }

    // What the panel shows: a cell ("23Gi"; empty where free prints nothing), a header's tooltip and
    // the line about the "used" formulas.
    QString cellText(Row row, Column column) const;
    QString headerToolTip(Column column) const;
    QString formulaText() const;

    // kB as `free -h` prints it: powers of 1024, the shortest of "0B", "8.7Mi", "385Mi", "23Gi".
    static QString humanSize(quint64 kb);

    // Renders the panel at size (its size hint when empty) into a PNG written whole or not at all.
    bool exportPng(const QString &path, QSize size, QString *error);

private:
    FreeReport m_report;
    std::array<QLabel *, ColumnCount> m_headers{};
    std::array<std::array<QLabel *, ColumnCount>, RowCount> m_cells{};
    QLabel *m_formula;
};
