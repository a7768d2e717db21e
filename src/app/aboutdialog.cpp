#include "aboutdialog.h"

#include "buildinfo.h"

#include <ksyntaxhighlighting_version.h>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace {
QLabel *selectableLabel(const QString &text, const QString &objectName)
{
    auto *label = new QLabel(text);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse); // bug reports quote these
    return label;
}
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About MemAtlas"));

    auto *icon = new QLabel;
    icon->setObjectName(QStringLiteral("iconLabel"));
    icon->setPixmap(QIcon(QStringLiteral(":/icons/mematlas.svg")).pixmap(64, 64));
    auto *title = new QLabel(QStringLiteral("<b><big>MemAtlas</big></b>"));
    auto *summary = new QLabel(tr("See Linux memory: address spaces, pages and frames, free and cache."));
    summary->setWordWrap(true);
    auto *heading = new QVBoxLayout;
    heading->addWidget(title);
    heading->addWidget(summary);
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(heading, 1);

    auto *facts = new QFormLayout;
    facts->addRow(tr("Version:"), selectableLabel(version(), QStringLiteral("versionLabel")));
    if (!revision().isEmpty())
        facts->addRow(tr("Built from:"), selectableLabel(tr("git %1").arg(revision()), QStringLiteral("revisionLabel")));
    auto *license = new QLabel(tr("<a href=\"https://www.gnu.org/licenses/old-licenses/gpl-2.0.html\">GNU General Public "
                                  "License, version 2 or later</a> (GPL-2.0-or-later)"));
    license->setObjectName(QStringLiteral("licenseLabel"));
    license->setOpenExternalLinks(true);
    facts->addRow(tr("License:"), license);
    facts->addRow(tr("Qt:"), selectableLabel(tr("%1 (built with %2)").arg(QString::fromLatin1(qVersion()),
                                                                           QStringLiteral(QT_VERSION_STR)),
                                             QStringLiteral("qtLabel")));
    facts->addRow(tr("KSyntaxHighlighting:"),
                  selectableLabel(QStringLiteral(SyntaxHighlighting_VERSION_STRING), QStringLiteral("ksyntaxhighlightingLabel")));

    auto *warranty = new QLabel(tr("MemAtlas comes with ABSOLUTELY NO WARRANTY. It is free software: you may "
                                   "redistribute and change it under the terms of the license."));
    warranty->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(facts);
    layout->addWidget(warranty);
    layout->addWidget(buttons);
}

QString AboutDialog::version()
{
    return QString::fromLatin1(BuildInfo::Version);
}

QString AboutDialog::revision()
{
    return QString::fromLatin1(BuildInfo::GitRevision);
}
