#include "headlessexport.h"

#include "addressspaceview.h"
#include "framecensus.h"
#include "freepanel.h"
#include "freereport.h"
#include "mainwindow.h"
#include "mappingmodel.h"
#include "mapsparser.h"
#include "meminfo.h"
#include "meminfosampler.h"
#include "memorychartwidget.h"
#include "memoryhistory.h"
#include "pagemapreader.h"
#include "pagemapview.h"
#include "pagemodel.h"
#include "physicalview.h"
#include "segmentkind.h"
#include "viewexport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

namespace {
// Larger than any screen or print we know of, small enough that a QImage of it can be allocated.
constexpr int MaxSide = 16384;

QString extensionOf(const QString &path)
{
    return QFileInfo(path).suffix().toLower();
}

bool requireProcess(const HeadlessExport::Request &request, QString *error)
{
    if (request.pid <= 0) {
        *error = QStringLiteral("--export %1 needs --pid PID").arg(request.view);
        return false;
    }
    if (!request.source->processExists(request.pid)) {
        *error = QStringLiteral("process %1 does not exist in %2").arg(request.pid).arg(request.source->description());
        return false;
    }
    return true;
}

bool requireExtension(const HeadlessExport::Request &request, const QStringList &allowed, QString *error)
{
    if (allowed.contains(extensionOf(request.outputPath)))
        return true;
    *error = QStringLiteral("%1: the %2 view is written as %3").arg(request.outputPath, request.view,
                                                                   allowed.join(QStringLiteral(", .")).prepend(QLatin1Char('.')));
    return false;
}
}

QStringList HeadlessExport::views()
{
    return {QStringLiteral("map"), QStringLiteral("pages"), QStringLiteral("physical"), QStringLiteral("charts"),
            QStringLiteral("free"), QStringLiteral("window")};
}

bool HeadlessExport::parseSize(const QString &text, QSize *size)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,5})x(\\d{1,5})$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return false;
    const int width = match.captured(1).toInt();
    const int height = match.captured(2).toInt();
    if (width < 16 || height < 16 || width > MaxSide || height > MaxSide)
        return false;
    *size = QSize(width, height);
    return true;
}

bool HeadlessExport::parseRange(const QString &text, QPair<quint64, quint64> *range)
{
    static const QRegularExpression pattern(QStringLiteral("^(?:0x)?([0-9a-fA-F]{1,16})-(?:0x)?([0-9a-fA-F]{1,16})$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return false;
    const quint64 start = match.captured(1).toULongLong(nullptr, 16);
    const quint64 end = match.captured(2).toULongLong(nullptr, 16);
    if (end <= start)
        return false;
    *range = {start, end};
    return true;
}

bool HeadlessExport::parseDuration(const QString &text, int *milliseconds)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,7})(ms|s|m|h)?$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return false;
    const qint64 value = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    const qint64 factor = unit == QStringLiteral("s") ? 1000
                        : unit == QStringLiteral("m") ? 60'000
                        : unit == QStringLiteral("h") ? 3'600'000
                                                      : 1;
    const qint64 result = value * factor;
    if (result > std::numeric_limits<int>::max())
        return false;
    *milliseconds = int(result);
    return true;
}

int HeadlessExport::run(const Request &request, QString *error)
{
    // A script's second run must not silently replace the picture a person kept (the GUI asks instead).
    if (!request.overwrite && QFileInfo::exists(request.outputPath)) {
        *error = QStringLiteral("%1: already exists (use --force to overwrite)").arg(request.outputPath);
        return 1;
    }
    bool ok = false;
    if (request.view == QStringLiteral("map"))
        ok = exportMap(request, error);
    else if (request.view == QStringLiteral("pages") || request.view == QStringLiteral("physical"))
        ok = exportPages(request, error);
    else if (request.view == QStringLiteral("charts"))
        ok = exportCharts(request, error);
    else if (request.view == QStringLiteral("free"))
        ok = exportFree(request, error);
    else if (request.view == QStringLiteral("window"))
        ok = exportWindow(request, error);
    else
        *error = QStringLiteral("unknown view \"%1\" (one of: %2)").arg(request.view, views().join(QStringLiteral(", ")));
    return ok ? 0 : 1;
}

bool HeadlessExport::exportMap(const Request &request, QString *error)
{
    if (!requireExtension(request, {QStringLiteral("png"), QStringLiteral("svg")}, error) || !requireProcess(request, error))
        return false;
    if (request.scale != QStringLiteral("true") && request.scale != QStringLiteral("compressed")) {
        *error = QStringLiteral("--scale is true or compressed, not \"%1\"").arg(request.scale);
        return false;
    }
    const ProcSource &source = *request.source;
    const QString mapsPath = QStringLiteral("%1/maps").arg(request.pid);
    const ReadResult read = source.readFile(mapsPath);
    if (!read.ok()) {
        *error = read.message;
        return false;
    }
    const Parsed<QList<Mapping>> maps = MapsParser::parse(read.data);
    if (!maps.ok()) {
        *error = source.rootPath() + QLatin1Char('/') + mapsPath + QStringLiteral(": ") + maps.error.toString();
        return false;
    }
    if (maps.value.isEmpty()) {
        *error = QStringLiteral("process %1 has no address space (a kernel thread or a zombie): nothing to draw").arg(request.pid);
        return false;
    }

    MappingModel model;
    model.setMaps(maps.value, Segments::classify(maps.value, source.readLink(QStringLiteral("%1/exe").arg(request.pid))));
    AddressSpaceView view;
    view.setModel(&model);
    view.setScaleMode(request.scale == QStringLiteral("true") ? AddressSpaceView::ScaleMode::TrueScale
                                                              : AddressSpaceView::ScaleMode::Compressed);
    view.resize(request.size);
    if (extensionOf(request.outputPath) == QStringLiteral("svg"))
        return view.exportSvg(request.outputPath, request.size, error);
    return view.exportPng(request.outputPath, request.size, request.devicePixelRatio, error);
}

bool HeadlessExport::exportPages(const Request &request, QString *error)
{
    if (!requireExtension(request, {QStringLiteral("png")}, error) || !requireProcess(request, error))
        return false;
    const ReadOutcome<PageMapSnapshot> read = PageMapReader(*request.source).read(request.pid, request.ranges);
    if (!read.ok()) {
        *error = read.error;
        return false;
    }
    if (read.value.pageCount == 0) {
        *error = QStringLiteral("process %1 has no readable pages in the requested range").arg(request.pid);
        return false;
    }
    PageModel model;
    model.setSnapshot(std::make_shared<const PageMapSnapshot>(read.value));
    if (request.view == QStringLiteral("pages")) {
        PageMapView view;
        view.setModel(&model);
        view.resize(request.size);
        return view.exportPng(request.outputPath, request.size, request.devicePixelRatio, error);
    }
    PhysicalView view;
    view.setModel(&model);
    if (model.frameInfoError().isEmpty()) {
        ReadOutcome<FrameCensus> census = FrameCensus::read(*request.source, 4096);
        if (census.ok())
            view.setCensus(std::make_shared<const FrameCensus>(std::move(census.value)));
    }
    view.resize(request.size);
    return view.exportPng(request.outputPath, request.size, request.devicePixelRatio, error);
}

bool HeadlessExport::exportCharts(const Request &request, QString *error)
{
    if (!requireExtension(request, {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("csv")}, error))
        return false;
    if (request.intervalMs < MeminfoSampler::MinIntervalMs || request.intervalMs > MeminfoSampler::MaxIntervalMs) {
        *error = QStringLiteral("--interval must lie between %1 ms and %2 ms")
                     .arg(MeminfoSampler::MinIntervalMs)
                     .arg(MeminfoSampler::MaxIntervalMs);
        return false;
    }
    MemoryHistory history;
    MeminfoSampler sampler(request.source, &history);
    sampler.setInterval(request.intervalMs);
    sampler.resume();
    QEventLoop loop;
    QTimer::singleShot(request.durationMs, &loop, &QEventLoop::quit);
    loop.exec();
    sampler.pause();
    if (!sampler.lastError().isEmpty() && history.isEmpty()) {
        *error = sampler.lastError();
        return false;
    }

    MemoryChartWidget chart;
    chart.setHistory(&history);
    chart.resize(request.size);
    chart.showRecent(0); // the whole capture, not the default last five minutes
    const QString extension = extensionOf(request.outputPath);
    if (extension == QStringLiteral("csv"))
        return chart.exportCsv(request.outputPath, error);
    if (extension == QStringLiteral("svg"))
        return chart.exportSvg(request.outputPath, request.size, error);
    return chart.exportPng(request.outputPath, request.size, request.devicePixelRatio, error);
}

bool HeadlessExport::exportFree(const Request &request, QString *error)
{
    if (!requireExtension(request, {QStringLiteral("png")}, error))
        return false;
    const ReadResult read = request.source->readFile(QStringLiteral("meminfo"));
    if (!read.ok()) {
        *error = read.message;
        return false;
    }
    const Parsed<Meminfo> meminfo = Meminfo::parse(read.data);
    if (!meminfo.ok()) {
        *error = request.source->rootPath() + QStringLiteral("/meminfo: ") + meminfo.error.toString();
        return false;
    }
    FreePanel panel;
    panel.setReport(FreeReport::fromMeminfo(meminfo.value));
    return panel.exportPng(request.outputPath, request.size, error);
}

bool HeadlessExport::exportWindow(const Request &request, QString *error)
{
    // The whole main window as it first appears, for a README or a slide. A fresh settings file, so
    // the picture does not depend on how this user last left the window.
    if (!requireExtension(request, {QStringLiteral("png")}, error))
        return false;
    if (request.pid > 0 && !requireProcess(request, error))
        return false;
    QTemporaryDir settings;
    QSettings::setPath(QSettings::defaultFormat(), QSettings::UserScope, settings.path());
    MainWindow window(request.source, request.pid);
    window.resize(request.size);
    window.show();
    // The list, the mappings and smaps arrive from worker threads; the chart wants a few samples.
    QElapsedTimer waited;
    waited.start();
    constexpr int MinimumMs = 1500;
    constexpr int MaximumMs = 30'000;
    QEventLoop loop;
    QTimer poll;
    poll.callOnTimeout(&loop, [&] {
        if ((waited.elapsed() >= MinimumMs && window.isSettled()) || waited.elapsed() >= MaximumMs)
            loop.quit();
    });
    poll.start(50);
    loop.exec();
    if (!window.isSettled()) {
        *error = QStringLiteral("the window was still reading %1 after %2 s").arg(request.source->description()).arg(MaximumMs / 1000);
        return false;
    }
    QImage image(request.size * request.devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(request.devicePixelRatio);
    window.render(&image);
    return writePngFile(request.outputPath, image, error);
}
