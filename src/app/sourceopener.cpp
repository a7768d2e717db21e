#include "sourceopener.h"

#include "bundleprocsource.h"
#include "treeprocsource.h"

#include <QFileInfo>

std::shared_ptr<const ProcSource> SourceOpener::open(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = QStringLiteral("%1: no such file or directory").arg(path);
        return nullptr;
    }
    if (info.isDir()) {
        // A tree needs what the process list and the charts read: process directories or meminfo.
        auto tree = std::make_shared<TreeProcSource>(path);
        if (tree->pids().isEmpty() && !QFileInfo::exists(path + QStringLiteral("/meminfo"))) {
            *error = QStringLiteral("%1: not laid out like /proc (no process directories and no meminfo)").arg(path);
            return nullptr;
        }
        return tree;
    }
    return BundleProcSource::open(path, error);
}
