#pragma once

#include <QCoreApplication>
#include <QPainter>
#include <QSaveFile>
#include <QSize>
#include <QString>
#include <QSvgGenerator>

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
        return fail(QCoreApplication::translate("SvgExport", "Cannot write %1: %2").arg(path, file.errorString()));
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(), size));
    generator.setTitle(title);
    QPainter painter;
    if (!painter.begin(&generator)) {
        file.cancelWriting();
        return fail(QCoreApplication::translate("SvgExport", "Cannot start SVG output for %1").arg(path));
    }
    paint(painter);
    painter.end();
    if (!file.commit())
        return fail(QCoreApplication::translate("SvgExport", "Cannot write %1: %2").arg(path, file.errorString()));
    return true;
}
