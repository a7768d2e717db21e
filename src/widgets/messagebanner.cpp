#include "messagebanner.h"

#include <QHBoxLayout>
#include <QLabel>

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label);
    hide();
}

void MessageBanner::showMessage(Level level, const QString &text)
{
    m_level = level;
    m_label->setText(text);
    // Tinted from the palette's own colours, so the banner reads in light and dark themes alike.
    QPalette pal = palette();
    const QColor base = pal.color(QPalette::Window);
    const QColor tint = level == Level::Error ? QColor(220, 50, 47)
                      : level == Level::Warning ? QColor(230, 160, 0)
                                                : QColor(38, 139, 210);
    const auto mix = [&](int a, int b) { return (a * 3 + b) / 4; };
    pal.setColor(QPalette::Window, QColor(mix(base.red(), tint.red()), mix(base.green(), tint.green()),
                                          mix(base.blue(), tint.blue())));
    setPalette(pal);
    show();
}

void MessageBanner::clearMessage()
{
    m_label->clear();
    hide();
}

void MessageBanner::showLines(Level level, const QStringList &lines)
{
    if (lines.isEmpty())
        clearMessage();
    else
        showMessage(level, lines.join(QLatin1Char('\n')));
}

QString MessageBanner::text() const
{
    return m_label->text();
}
