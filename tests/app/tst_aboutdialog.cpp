#include "aboutdialog.h"
#include "addressspaceview.h"
#include "classicsegments.h"
#include "mainwindow.h"
#include "mappingmodel.h"
#include "mapsparser.h"
#include "shortcutsdialog.h"
#include "treeprocsource.h"

#include <QAction>
#include <QFile>
#include <QKeyEvent>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

namespace {
// The dialog's rows as group -> action -> shortcut text.
QMap<QString, QMap<QString, QString>> rowsOf(const ShortcutsDialog &dialog)
{
    QMap<QString, QMap<QString, QString>> rows;
    const auto *tree = dialog.findChild<QTreeWidget *>(QStringLiteral("shortcutTree"));
    if (!tree)
        return rows;
    for (int g = 0; g < tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *group = tree->topLevelItem(g);
        for (int r = 0; r < group->childCount(); ++r)
            rows[group->text(0)][group->child(r)->text(0)] = group->child(r)->text(1);
    }
    return rows;
}

QString native(const QKeySequence &key)
{
    return key.toString(QKeySequence::NativeText);
}
}

// Help ▸ About and Help ▸ Keyboard shortcuts, offscreen.
class TestAboutDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // MainWindow keeps settings
    }

    void aboutShowsTheProjectVersionAndComponents()
    {
        AboutDialog dialog;
        const auto *version = dialog.findChild<QLabel *>(QStringLiteral("versionLabel"));
        QVERIFY(version);
        QCOMPARE(version->text(), QStringLiteral(MEMATLAS_PROJECT_VERSION));
        QCOMPARE(AboutDialog::version(), QStringLiteral(MEMATLAS_PROJECT_VERSION));
        // The git revision row exists exactly when the build was configured from git.
        const auto *revision = dialog.findChild<QLabel *>(QStringLiteral("revisionLabel"));
        QCOMPARE(revision != nullptr, !AboutDialog::revision().isEmpty());
        if (revision)
            QVERIFY2(revision->text().contains(AboutDialog::revision()), qPrintable(revision->text()));

        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("licenseLabel"))->text().contains(QStringLiteral("GPL-2.0-or-later")));
        const QString qt = dialog.findChild<QLabel *>(QStringLiteral("qtLabel"))->text();
        QVERIFY2(qt.startsWith(QString::fromLatin1(qVersion())) && qt.contains(QStringLiteral(QT_VERSION_STR)), qPrintable(qt));
        const QString ksh = dialog.findChild<QLabel *>(QStringLiteral("ksyntaxhighlightingLabel"))->text();
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+$")).match(ksh).hasMatch(), qPrintable(ksh));
    }

    void aboutDrawsTheApplicationIcon()
    {
        AboutDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *icon = dialog.findChild<QLabel *>(QStringLiteral("iconLabel"));
        QVERIFY(icon);
        const QImage image = icon->grab().toImage();
        // The icon's bottom band is the map's code colour (#332288), its top band the stack's (#228833).
        const auto hasColour = [&image](QRgb wanted) {
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    if (image.pixel(x, y) == wanted)
                        return true;
            return false;
        };
        QVERIFY(hasColour(qRgb(0x33, 0x22, 0x88)));
        QVERIFY(hasColour(qRgb(0x22, 0x88, 0x33)));
    }

    void shortcutsListTheWindowsActions()
    {
        QMainWindow window;
        QMenu *tools = window.menuBar()->addMenu(QStringLiteral("&Tools"));
        tools->addAction(QStringLiteral("Do &thing"))->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
        tools->addAction(QStringLiteral("No key"));
        QAction *hidden = tools->addAction(QStringLiteral("Hidden"));
        hidden->setShortcut(QKeySequence(Qt::Key_F8));
        hidden->setVisible(false);
        QMenu *more = tools->addMenu(QStringLiteral("&More"));
        more->addAction(QStringLiteral("Deep"))->setShortcuts({QKeySequence(Qt::Key_F7), QKeySequence(Qt::CTRL | Qt::Key_7)});
        auto *loose = new QAction(QStringLiteral("Loose"), &window);
        loose->setShortcut(QKeySequence(Qt::Key_F9));
        window.addAction(loose);

        ShortcutsDialog dialog(&window);
        const auto rows = rowsOf(dialog);
        QCOMPARE(rows.value(QStringLiteral("Tools")).value(QStringLiteral("Do thing")),
                 native(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y)));
        QCOMPARE(rows.value(QStringLiteral("Tools")).value(QStringLiteral("More ▸ Deep")),
                 native(QKeySequence(Qt::Key_F7)) + QStringLiteral(", ") + native(QKeySequence(Qt::CTRL | Qt::Key_7)));
        QCOMPARE(rows.value(QStringLiteral("Tools")).size(), 2); // not "No key", not "Hidden"
        QCOMPARE(rows.value(QStringLiteral("Other")), (QMap<QString, QString>{{QStringLiteral("Loose"), native(QKeySequence(Qt::Key_F9))}}));

        // A shortcut changed after the dialog was made shows in the next one.
        loose->setShortcut(QKeySequence(Qt::Key_F10));
        QCOMPARE(rowsOf(ShortcutsDialog(&window)).value(QStringLiteral("Other")).value(QStringLiteral("Loose")),
                 native(QKeySequence(Qt::Key_F10)));
    }

    void shortcutsOfTheMainWindow()
    {
        MainWindow window(std::make_shared<TreeProcSource>(QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash")));
        const auto rows = rowsOf(ShortcutsDialog(&window));
        QCOMPARE(rows.value(QStringLiteral("File")).value(QStringLiteral("Quit")), native(QKeySequence(Qt::CTRL | Qt::Key_Q)));
        QVERIFY2(rows.value(QStringLiteral("Map")).value(QStringLiteral("Zoom in")).startsWith(native(QKeySequence::ZoomIn)),
                 qPrintable(rows.value(QStringLiteral("Map")).value(QStringLiteral("Zoom in"))));
    }

    void shortcutsListTheMapsKeys()
    {
        QMainWindow window;
        const auto rows = rowsOf(ShortcutsDialog(&window));
        QCOMPARE(rows.size(), 1);
        const QMap<QString, QString> map = rows.first();
        QCOMPARE(map.value(QStringLiteral("Zoom in")), QStringLiteral("+, ="));
        QCOMPARE(map.value(QStringLiteral("Scroll up a little")), native(QKeySequence(Qt::CTRL | Qt::Key_Up)));
        QCOMPARE(map.size(), ShortcutsDialog::mapKeys().size() + ShortcutsDialog::mapMouse().size());
    }

    // Every key the dialog documents for the map is one AddressSpaceView handles (accepts), on a real
    // process's mappings; a key it does not handle comes back ignored.
    void mapKeysAreTheMapsOwn()
    {
        QFile maps(QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash/12209/maps"));
        QVERIFY(maps.open(QIODevice::ReadOnly));
        const Parsed<QList<Mapping>> parsed = MapsParser::parse(maps.readAll());
        QVERIFY(parsed.ok());
        MappingModel model;
        model.setMaps(parsed.value, Segments::classify(parsed.value, QStringLiteral("/usr/bin/bash")));
        AddressSpaceView view;
        view.setModel(&model);
        view.resize(600, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        const auto accepted = [&view](QKeyCombination key) {
            QKeyEvent event(QEvent::KeyPress, key.key(), key.keyboardModifiers());
            QCoreApplication::sendEvent(&view, &event);
            return event.isAccepted();
        };
        QVERIFY(!accepted(QKeyCombination(Qt::Key_F12)));
        const QList<ShortcutsDialog::MapKey> keys = ShortcutsDialog::mapKeys();
        QVERIFY(!keys.isEmpty());
        for (const ShortcutsDialog::MapKey &key : keys) {
            for (const QKeySequence &sequence : key.keys)
                QVERIFY2(accepted(sequence[0]), qPrintable(native(sequence) + QStringLiteral(": ") + key.action));
        }
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
