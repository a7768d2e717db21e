#pragma once

#include <QDialog>

// Help ▸ About: which MemAtlas this is (the CMake project version, and the git revision the build
// was configured from when there was one), its licence, and the Qt and KSyntaxHighlighting it was
// built with and runs on.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The project version (CMakeLists.txt), e.g. "0.1.0".
    static QString version();
    // `git describe` at configure time, e.g. "v0.1.0-12-g3f2a1bc"; empty without git.
    static QString revision();
};
