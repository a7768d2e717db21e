#include "freepanel.h"
#include "viewexport.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QImage>
#include <QLabel>
#include <QVBoxLayout>

#include <cstdio>
#include <optional>

FreePanel::FreePanel(QWidget *parent)
    : QWidget(parent)
    , m_formula(new QLabel(this))
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(18);
    const std::array<QString, ColumnCount> titles = {tr("total"), tr("used"), tr("free"),
                                                     tr("shared"), tr("buff/cache"), tr("available")};
    const std::array<QString, ColumnCount> tips = {
        tr("total: MemTotal, the RAM the kernel manages (physical memory minus firmware reservations and "
           "the kernel image). Swap: SwapTotal."),
        tr("used: total − available (procps-ng 4.0.1 and later), memory a new program could not get "
           "without swapping. Swap: SwapTotal − SwapFree."),
        tr("free: MemFree, memory holding nothing at all. Swap: SwapFree. Little free memory is normal: "
           "the kernel fills idle RAM with cache."),
        tr("shared: Shmem, tmpfs files and shared memory (SysV, POSIX, memfd, shared anonymous mappings). "
           "Also counted in buff/cache."),
        tr("buff/cache: Buffers + Cached + SReclaimable, block-device buffers, the page cache (file data, "
           "shmem included) and reclaimable kernel slab (dentries, inodes)."),
        tr("available: MemAvailable, the kernel's estimate of memory a new program can get without "
           "swapping: free memory plus the reclaimable part of cache and slab, minus reserves (Linux 3.14+).")};
    for (int column = 0; column < ColumnCount; ++column) {
        QLabel *header = new QLabel(titles[column], this);
        header->setFont(fixed);
        header->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        header->setToolTip(tips[column]);
        grid->addWidget(header, 0, column + 1);
        m_headers[column] = header;
    }
    const std::array<QString, RowCount> rowTitles = {tr("Mem:"), tr("Swap:")};
    for (int row = 0; row < RowCount; ++row) {
        auto *title = new QLabel(rowTitles[row], this);
        title->setFont(fixed);
        grid->addWidget(title, row + 1, 0);
        for (int column = 0; column < ColumnCount; ++column) {
            QLabel *cell = new QLabel(this);
            cell->setFont(fixed);
            cell->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            cell->setTextInteractionFlags(Qt::TextSelectableByMouse);
            grid->addWidget(cell, row + 1, column + 1);
            m_cells[row][column] = cell;
        }
    }
    m_formula->setWordWrap(true);
    m_formula->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(m_formula);
    layout->addStretch();
    setReport(FreeReport());
}

QString FreePanel::humanSize(quint64 kb)
{
    // procps-ng's scale_size() for -h, reproduced with the C library's printf so rounding matches:
    // plain bytes if they fit in 4 characters, else per unit "%.1f" of the float value, else the
    // truncated integer, whichever first fits in 5 characters.
    const long long bytes = static_cast<long long>(kb) * 1024;
    char text[64];
    if (std::snprintf(text, sizeof text, "%lldB", bytes) <= 4)
        return QString::fromLatin1(text);
    double power = 1024;
    for (const char unit : {'K', 'M', 'G', 'T', 'P', 'E'}) {
        const double scaled = double(bytes) / power;
        if (std::snprintf(text, sizeof text, "%.1f%ci", double(float(scaled)), unit) <= 5)
            break;
        if (std::snprintf(text, sizeof text, "%ld%ci", long(scaled), unit) <= 5)
            break;
        power *= 1024;
    }
    return QString::fromLatin1(text);
}

void FreePanel::setReport(const FreeReport &report)
{
    m_report = report;
    const auto show = [this](Row row, Column column, std::optional<quint64> kb) {
        QLabel *cell = m_cells[row][column];
        cell->setText(kb ? humanSize(*kb) : QString());
        cell->setToolTip(kb ? tr("%1 kB").arg(*kb) : QString());
    };
    show(MemRow, TotalColumn, report.total);
    show(MemRow, UsedColumn, report.used);
    show(MemRow, FreeColumn, report.free);
    show(MemRow, SharedColumn, report.shared);
    show(MemRow, BuffCacheColumn, report.buffCache);
    show(MemRow, AvailableColumn, report.available);
    show(SwapRow, TotalColumn, report.swapTotal);
    show(SwapRow, UsedColumn, report.swapUsed);
    show(SwapRow, FreeColumn, report.swapFree);
    show(SwapRow, SharedColumn, std::nullopt);
    show(SwapRow, BuffCacheColumn, std::nullopt);
    show(SwapRow, AvailableColumn, std::nullopt);

    const quint64 difference = report.used > report.usedLegacy ? report.used - report.usedLegacy
                                                               : report.usedLegacy - report.used;
    QString text = tr("used = total − available = %1 (procps-ng 4.0.1 and later, as above). The older "
                      "formula total − free − buffers − cache (procps-ng 3, htop; the chart's lowest band) "
                      "gives %2. They differ by %3 because cache includes memory that cannot simply be "
                      "dropped (shmem and tmpfs, dirty and mapped pages) and the kernel keeps reserves: "
                      "MemAvailable accounts for both, the older formula counts them as free to take.")
                       .arg(humanSize(report.used), humanSize(report.usedLegacy), humanSize(difference));
    if (report.availableEstimated)
        text += QLatin1Char(' ')
              + tr("This kernel reports no usable MemAvailable (before 3.14, or above MemTotal in some "
                   "containers): available is MemFree here, as free(1) does.");
    m_formula->setText(text);
}

QString FreePanel::cellText(Row row, Column column) const
{
    return m_cells[row][column]->text();
}

QString FreePanel::headerToolTip(Column column) const
{
    return m_headers[column]->toolTip();
}

QString FreePanel::formulaText() const
{
    return m_formula->text();
}

bool FreePanel::exportPng(const QString &path, QSize size, QString *error)
{
    // Laid out at the requested size for the picture, then put back: works for a hidden panel too
    // (the headless --export path never shows one).
    ensurePolished();
    const QSize saved = this->size();
    const QSize target = size.isEmpty() ? sizeHint() : size;
    resize(target);
    layout()->activate();
    QImage image(target, QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Window));
    render(&image);
    resize(saved);

    return writePngFile(path, image, error);
}
