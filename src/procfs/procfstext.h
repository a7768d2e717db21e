#pragma once

#include <QCoreApplication>

// Messages procfs gives to the user: translated where the GUI installed a translator, English in
// mematlas-capture and the tests (no translator there).
class ProcfsText
{
    Q_DECLARE_TR_FUNCTIONS(Procfs)
};
