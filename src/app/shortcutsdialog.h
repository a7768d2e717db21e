#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QPair>

class QTreeWidget;

// Help ▸ Keyboard shortcuts: every visible action of a window that has a shortcut, read from the
// window's menu bar, its own actions and the actions among its children when the dialog is made (so
// it always agrees with the menus), then the keys and mouse gestures the address-space map handles
// itself when it has focus.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    struct MapKey
    {
        QList<QKeySequence> keys;
        QString action;
    };

    explicit ShortcutsDialog(const QWidget *window, QWidget *parent = nullptr);

    // The keys AddressSpaceView::keyPressEvent handles, and its mouse gestures (gesture, action).
    static QList<MapKey> mapKeys();
    static QList<QPair<QString, QString>> mapMouse();

private:
    QTreeWidget *m_tree;
};
