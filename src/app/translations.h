#pragma once

#include <QString>
#include <QStringList>

// The languages of the user interface and how the one in use is chosen: the --language option,
// else the one picked in View ▸ Language (kept in the settings), else the system's locale.
class Translations
{
public:
    static QStringList languages(); // "en", "zh_CN"
    static QString nativeName(const QString &language); // "English", "简体中文"

    // The language picked in the menu; empty: follow the system.
    static QString chosen();
    static void setChosen(const QString &language);
    // What chosen (or the override) resolves to on this system: one of languages().
    static QString resolve(const QString &override = QString());

    // Loads and installs our and Qt's translations for language; false (and English stays) when ours
    // is missing. Call once, after the QApplication exists and before any window is built.
    static bool install(const QString &language);
};
