#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSize>
#include <QString>
#include <QSvgGenerator>

// Export helpers shared by the views: every file is written through QSaveFile, so it is complete or
// untouched, and error gets a one-line reason on failure.

// An image of size logical pixels at devicePixelRatio, filled with background, then paint(QPainter &).
template<typename Paint>
QImage renderViewImage(const QSize &size, qreal devicePixelRatio, const QColor &background, Paint paint)
{
    QImage image(size * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(background);
    QPainter painter(&image);
    paint(painter);
    return image;
}

inline bool writePngFile(const QString &path, const QImage &image, QString *error)
{
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QCoreApplication::translate("ViewExport", "Cannot write %1: %2").arg(path, file.errorString()));
    if (!image.save(&file, "PNG")) {
        file.cancelWriting();
        return fail(QCoreApplication::translate("ViewExport", "Cannot encode %1 as PNG").arg(path));
    }
    if (!file.commit())
        return fail(QCoreApplication::translate("ViewExport", "Cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

// Writes an SVG of size through QSaveFile, so the file is complete or untouched; paint(QPainter &)
// draws the picture in [0, size). error gets a one-line reason on failure.
template<typename Paint>
bool writeSvgFile(const QString &path, const QSize &size, const QString &title, Paint paint, QString *error)
{
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QCoreApplication::translate("ViewExport", "Cannot write %1: %2").arg(path, file.errorString()));
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(), size));
    generator.setTitle(title);
    QPainter painter;
    if (!painter.begin(&generator)) {
        file.cancelWriting();
        return fail(QCoreApplication::translate("ViewExport", "Cannot start SVG output for %1").arg(path));
    }
    paint(painter);
    painter.end();
    if (!file.commit())
        return fail(QCoreApplication::translate("ViewExport", "Cannot write %1: %2").arg(path, file.errorString()));
    return true;
}
