#pragma once

#include "treeprocsource.h"

// This machine's /proc.
class LiveProcSource : public TreeProcSource
{
public:
    LiveProcSource();

    Kind kind() const override;
    QString description() const override;
    quint64 pageSize() const override;
};
