#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFont>
#include <QHash>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
struct Row
{
    QString group;
    QString action;
    QList<QKeySequence> keys;
};

QString keysText(const QList<QKeySequence> &keys)
{
    QStringList texts;
    for (const QKeySequence &key : keys)
        texts.append(key.toString(QKeySequence::NativeText));
    return texts.join(QStringLiteral(", "));
}

bool listable(const QAction *action)
{
    return action->isVisible() && !action->isSeparator() && !action->menu() && !action->shortcuts().isEmpty();
}

// A menu's actions in menu order, under its top-level title; a submenu's title prefixes its actions.
void collectMenu(const QMenu *menu, const QString &group, const QString &prefix, QList<Row> *rows,
                 QSet<const QAction *> *seen)
{
    const QList<QAction *> actions = menu->actions();
    for (const QAction *action : actions) {
        seen->insert(action);
        if (const QMenu *submenu = action->menu(); submenu && action->isVisible())
            collectMenu(submenu, group, prefix + action->iconText() + QStringLiteral(" ▸ "), rows, seen);
        else if (listable(action))
            rows->append({group, prefix + action->iconText(), action->shortcuts()});
    }
}
}

ShortcutsDialog::ShortcutsDialog(const QWidget *window, QWidget *parent)
    : QDialog(parent)
    , m_tree(new QTreeWidget)
{
    setWindowTitle(tr("Keyboard Shortcuts"));

    QList<Row> rows;
    QSet<const QAction *> seen;
    if (const auto *menuBar = window->findChild<const QMenuBar *>()) {
        const QList<QAction *> menus = menuBar->actions();
        for (const QAction *action : menus) {
            if (const QMenu *menu = action->menu(); menu && action->isVisible())
                collectMenu(menu, action->iconText(), QString(), &rows, &seen);
        }
    }
    // Shortcuts outside the menus: the window's own actions and those of its child widgets.
    const QList<QAction *> loose = window->actions() + window->findChildren<QAction *>();
    for (const QAction *action : loose) {
        if (!seen.contains(action) && listable(action))
            rows.append({tr("Other"), action->iconText(), action->shortcuts()});
        seen.insert(action);
    }
    const QString mapGroup = tr("Address-space map (when it has focus)");
    const QList<MapKey> keys = mapKeys();
    for (const MapKey &key : keys)
        rows.append({mapGroup, key.action, key.keys});

    m_tree->setObjectName(QStringLiteral("shortcutTree"));
    m_tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_tree->setRootIsDecorated(false);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    QHash<QString, QTreeWidgetItem *> groups;
    const auto groupItem = [this, &groups](const QString &name) {
        QTreeWidgetItem *&item = groups[name];
        if (!item) {
            item = new QTreeWidgetItem(m_tree, {name});
            item->setFirstColumnSpanned(true);
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
        }
        return item;
    };
    for (const Row &row : std::as_const(rows))
        new QTreeWidgetItem(groupItem(row.group), {row.action, keysText(row.keys)});
    const QList<QPair<QString, QString>> gestures = mapMouse();
    for (const auto &[gesture, action] : gestures)
        new QTreeWidgetItem(groupItem(mapGroup), {action, gesture});
    m_tree->expandAll();
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree);
    layout->addWidget(buttons);
    resize(640, 640);
}

// Mirrors AddressSpaceView::keyPressEvent; tst_aboutdialog checks that the map handles every key listed.
QList<ShortcutsDialog::MapKey> ShortcutsDialog::mapKeys()
{
    return {
        {{QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)}, tr("Zoom in")},
        {{QKeySequence(Qt::Key_Minus)}, tr("Zoom out")},
        {{QKeySequence(Qt::Key_Home)}, tr("Fit the whole process")},
        {{QKeySequence(Qt::Key_Up)}, tr("Select the mapping above (higher addresses)")},
        {{QKeySequence(Qt::Key_Down)}, tr("Select the mapping below (lower addresses)")},
        {{QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)}, tr("Zoom to the selected mapping")},
        {{QKeySequence(Qt::Key_PageUp)}, tr("Scroll up by a screen")},
        {{QKeySequence(Qt::Key_PageDown)}, tr("Scroll down by a screen")},
        {{QKeySequence(Qt::CTRL | Qt::Key_Up)}, tr("Scroll up a little")},
        {{QKeySequence(Qt::CTRL | Qt::Key_Down)}, tr("Scroll down a little")},
    };
}

QList<QPair<QString, QString>> ShortcutsDialog::mapMouse()
{
    return {
        {tr("Wheel, Ctrl+Wheel, pinch"), tr("Zoom around the pointer")},
        {tr("Drag, Shift+Wheel, touchpad"), tr("Scroll")},
        {tr("Click"), tr("Select a mapping")},
        {tr("Double-click"), tr("Zoom to a mapping")},
    };
}
