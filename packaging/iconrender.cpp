// mematlas-iconrender: draws the SVG application icon as one PNG size for the icon theme, at build
// time, with Qt's own SVG renderer (the build already needs Qt Svg; no other converter required).
// Usage: mematlas-iconrender ICON.svg SIZE OUT.png

#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

// No QGuiApplication: raster painting needs none, and a build machine has no display. The icon has
// no text, the one part of SVG that would need the font database.
int main(int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    bool ok = false;
    const int size = args.value(2).toInt(&ok);
    if (args.size() != 4 || !ok || size < 8 || size > 1024) {
        std::fprintf(stderr, "usage: mematlas-iconrender ICON.svg SIZE(8..1024) OUT.png\n");
        return 1;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "mematlas-iconrender: %s is not a readable SVG file\n", qPrintable(args.at(1)));
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    if (!image.save(args.at(3), "PNG")) {
        std::fprintf(stderr, "mematlas-iconrender: cannot write %s\n", qPrintable(args.at(3)));
        return 1;
    }
    return 0;
}
