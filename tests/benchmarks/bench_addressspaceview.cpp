// Times the address-space view on a synthetic process with 60,000 mappings (a JIT-heavy browser
// process has that many): model read and layout in both scales, and repaints of a 1200x900 picture
// at fit, after 10 zoom steps, and after pans. Goal: layout a few ms, each repaint <= 16 ms.
//
//   bench_addressspaceview [mappings]

#include "addressspacelayout.h"
#include "addressspaceview.h"
#include "mappingmodel.h"
#include "segmentkind.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace {
const QSize PictureSize(1200, 900);

// A top-down layout: executable and heap low, 60,000 mappings growing down from below the stack,
// libraries, anonymous regions and thread stacks with guards, a gap now and then.
QList<Mapping> syntheticProcess(int count)
{
    QList<Mapping> mappings;
    auto add = [&](quint64 start, quint64 end, const char *perms, const QString &path) {
        Mapping m;
        m.start = start;
        m.end = end;
        m.readable = perms[0] == 'r';
        m.writable = perms[1] == 'w';
        m.executable = perms[2] == 'x';
        m.path = path;
        m.inode = path.startsWith(QLatin1Char('/')) ? 1000 + quint64(mappings.size()) : 0;
        mappings.append(m);
    };
    const QString exe = QStringLiteral("/usr/lib/firefox/firefox");
    quint64 at = 0x555555554000;
    for (const char *perms : { "r--", "r-x", "r--", "rw-" }) {
        add(at, at + 0x10000, perms, exe);
        at += 0x10000;
    }
    add(0x555556000000, 0x555556400000, "rw-", QStringLiteral("[heap]"));

    std::vector<Mapping> area;
    quint64 top = 0x7ff000000000;
    unsigned seed = 1;
    for (int i = 0; i < count; ++i) {
        seed = seed * 1103515245u + 12345u;
        const quint64 pages = 1 + (seed >> 16) % (i % 50 == 0 ? 4096 : 32);
        const quint64 end = top - ((seed >> 8) % 7 == 0 ? 0x10000 : 0); // a gap now and then
        const quint64 start = end - pages * 4096;
        static const char *const perms[] = { "r--", "r-x", "rw-", "---" };
        const char *p = perms[i % 4];
        const QString path = i % 3 == 0 ? QStringLiteral("/usr/lib/x86_64-linux-gnu/lib%1.so.1").arg(i / 12) : QString();
        Mapping m;
        m.start = start;
        m.end = end;
        m.readable = p[0] == 'r';
        m.writable = p[1] == 'w';
        m.executable = p[2] == 'x';
        m.path = path;
        m.inode = path.isEmpty() ? 0 : 5000 + quint64(i);
        area.push_back(m);
        top = start;
    }
    std::reverse(area.begin(), area.end());
    for (const Mapping &m : area)
        mappings.append(m);
    add(0x7ffffffde000, 0x7ffffffff000, "rw-", QStringLiteral("[stack]"));
    add(0xffffffffff600000, 0xffffffffff601000, "--x", QStringLiteral("[vsyscall]"));
    return mappings;
}

double milliseconds(const std::function<void()> &work, int repeats)
{
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2]; // median
}

void send(QWidget *widget, QEvent *event)
{
    QApplication::sendEvent(widget, event);
}
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 60000;

    const QList<Mapping> mappings = syntheticProcess(count);
    MappingModel model;
    const double modelMs = milliseconds([&] { model.setMaps(mappings, Segments::classify(mappings, QString())); }, 3);
    std::printf("mappings: %lld\n", static_cast<long long>(model.rowCount()));
    std::printf("MappingModel::setMaps + classify:  %8.2f ms\n", modelMs);

    AddressSpaceLayout layout;
    std::printf("read model (roles of every row):   %8.2f ms\n", milliseconds([&] { layout.readModel(&model); }, 5));
    std::printf("layout, compressed scale:          %8.2f ms\n",
                milliseconds([&] { layout.build(AddressScale::Mode::Compressed, AddressWidth::Auto); }, 9));
    std::printf("layout, true scale:                %8.2f ms\n",
                milliseconds([&] { layout.build(AddressScale::Mode::TrueScale, AddressWidth::Auto); }, 9));

    AddressSpaceView view;
    view.setModel(&model);
    view.resize(PictureSize);
    view.setShowSegmentBrackets(true);
    QImage image(PictureSize, QImage::Format_ARGB32_Premultiplied);
    auto repaint = [&] {
        QPainter painter(&image);
        view.paint(painter, QRect(QPoint(), PictureSize));
    };
    for (auto mode : { AddressSpaceView::ScaleMode::Compressed, AddressSpaceView::ScaleMode::TrueScale }) {
        view.setScaleMode(mode);
        view.fitProcess();
        // Zoom toward the middle of the 60,000 mappings.
        const QPoint cursor = view.mappingRect(model.rowCount() / 2).center().toPoint();
        const char *name = mode == AddressSpaceView::ScaleMode::Compressed ? "compressed" : "true scale";
        repaint(); // the layout for this mode is built on first use
        std::printf("%-10s repaint at fit:               %8.2f ms\n", name, milliseconds(repaint, 15));
        // 10 zoom steps toward the mmap area, each followed by a repaint, as a user's wheel does.
        const double zoomMs = milliseconds(
            [&] {
                view.fitProcess();
                for (int step = 0; step < 10; ++step) {
                    QWheelEvent wheel(cursor, view.mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton, {},
                                      Qt::NoScrollPhase, false);
                    send(&view, &wheel);
                    repaint();
                }
            },
            5);
        std::printf("%-10s 10 zoom steps + repaints:     %8.2f ms (%.2f ms each)\n", name, zoomMs, zoomMs / 10);
        std::printf("%-10s repaint after 10 zoom steps:  %8.2f ms\n", name, milliseconds(repaint, 15));
        const double panMs = milliseconds(
            [&] {
                for (int key : { Qt::Key_PageDown, Qt::Key_PageDown, Qt::Key_PageUp, Qt::Key_PageUp }) {
                    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier);
                    send(&view, &press);
                    repaint();
                }
            },
            5);
        std::printf("%-10s pan + repaint:                %8.2f ms each\n", name, panMs / 4);
        std::printf("%-10s renderImage 1200x900:         %8.2f ms\n", name,
                    milliseconds([&] { view.renderImage(PictureSize); }, 9));
    }
    return 0;
}
