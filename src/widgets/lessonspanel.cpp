#include "lessonspanel.h"

#include "lessonlibrary.h"
#include "messagebanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

namespace {
// Rows the lesson list shows before it scrolls: the text below matters more.
constexpr int VisibleLessons = 6;

int indexOf(const QList<Lesson> &lessons, const QString &id)
{
    const auto found = std::find_if(lessons.cbegin(), lessons.cend(), [&id](const Lesson &l) { return l.id == id; });
    return found == lessons.cend() ? -1 : int(found - lessons.cbegin());
}
}

LessonsPanel::LessonsPanel(QWidget *parent)
    : QWidget(parent)
    , m_banner(new MessageBanner(this))
    , m_list(new QListWidget(this))
    , m_title(new QLabel(this))
    , m_text(new QTextBrowser(this))
    , m_back(new QPushButton(this))
    , m_position(new QLabel(this))
    , m_next(new QPushButton(this))
{
    m_list->setObjectName(QStringLiteral("lessonList"));
    m_title->setObjectName(QStringLiteral("lessonTitle"));
    m_text->setObjectName(QStringLiteral("stepText"));
    m_back->setObjectName(QStringLiteral("backButton"));
    m_position->setObjectName(QStringLiteral("stepPosition"));
    m_next->setObjectName(QStringLiteral("nextButton"));

    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    if (titleFont.pointSizeF() > 0)
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_text->setOpenLinks(false); // the markup has no links; nothing may navigate away from the step
    m_position->setAlignment(Qt::AlignCenter);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addWidget(m_position, 1);
    buttons->addWidget(m_next);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_list);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);

    // Selection, not the current row: a list taking the focus makes its first row current, and a
    // lesson must start only when someone chooses it.
    connect(m_list, &QListWidget::itemSelectionChanged, this, [this] {
        const int row = m_list->currentRow();
        if (m_list->currentItem() && m_list->currentItem()->isSelected() && row < m_lessons.size())
            startLesson(m_lessons[row].id);
    });
    connect(m_back, &QPushButton::clicked, this, &LessonsPanel::back);
    connect(m_next, &QPushButton::clicked, this, &LessonsPanel::next);

    retranslate();
}

void LessonsPanel::setLessons(const QList<Lesson> &lessons, const QStringList &errors)
{
    const QString shownId = currentLessonId();
    m_lessons = lessons;
    // The errors name files and quote markup: shown as plain text, whatever they hold.
    m_banner->showLines(MessageBanner::Level::Warning,
                        errors.isEmpty() ? QStringList()
                                         : QStringList(Qt::convertFromPlainText(errors.join(QLatin1Char('\n')))));

    m_lesson = indexOf(m_lessons, shownId);
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const Lesson &lesson : std::as_const(m_lessons)) {
        auto *item = new QListWidgetItem(lesson.title, m_list);
        item->setToolTip(lesson.file);
    }
    m_list->setCurrentRow(m_lesson);
    updateListHeight();
    showStep(m_lesson < 0 ? -1 : std::min<int>(m_step, int(m_lessons[m_lesson].steps.size()) - 1));
}

bool LessonsPanel::startLesson(const QString &id)
{
    const int lesson = indexOf(m_lessons, id);
    if (lesson < 0)
        return false;
    m_lesson = lesson;
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentRow(m_lesson);
    }
    showStep(0);
    act(m_lessons[m_lesson].steps[0], true);
    return true;
}

QString LessonsPanel::currentLessonId() const
{
    return m_lesson < 0 ? QString() : m_lessons[m_lesson].id;
}

void LessonsPanel::next()
{
    if (m_lesson < 0 || m_step + 1 >= m_lessons[m_lesson].steps.size())
        return;
    showStep(m_step + 1);
    act(m_lessons[m_lesson].steps[m_step], true);
}

void LessonsPanel::back()
{
    if (m_lesson < 0 || m_step <= 0)
        return;
    showStep(m_step - 1);
    act(m_lessons[m_lesson].steps[m_step], false);
}

void LessonsPanel::showStep(int step)
{
    m_step = m_lesson < 0 ? -1 : step;
    if (m_step < 0) {
        m_title->clear();
        m_text->setHtml(QStringLiteral("<p>") + tr("Choose a lesson. Each step points at the live views: "
                                                   "Next and Back move through the steps.")
                        + QStringLiteral("</p>"));
    } else {
        const Lesson &lesson = m_lessons[m_lesson];
        m_title->setText(lesson.title);
        m_text->setHtml(lesson.steps[m_step].text);
    }
    const int count = m_lesson < 0 ? 0 : int(m_lessons[m_lesson].steps.size());
    m_back->setEnabled(m_step > 0);
    m_next->setEnabled(m_step >= 0 && m_step + 1 < count);
    m_position->setText(m_step < 0 ? QString() : tr("Step %1 of %2").arg(m_step + 1).arg(count));
}

void LessonsPanel::act(const LessonStep &step, bool runDemos)
{
    for (const LessonAction &action : step.actions) {
        const QString target = action.targets.value(0);
        switch (action.kind) {
        case LessonAction::Kind::View:
            Q_EMIT showView(target);
            break;
        case LessonAction::Kind::Highlight:
            Q_EMIT highlightRegions(action.targets);
            break;
        case LessonAction::Kind::Series:
            Q_EMIT selectSeries(target);
            break;
        case LessonAction::Kind::Pages:
            Q_EMIT openPages(target);
            break;
        case LessonAction::Kind::Demo:
            if (runDemos)
                Q_EMIT runDemo(target);
            break;
        case LessonAction::Kind::Scale:
            Q_EMIT setTrueScale(target == QLatin1String("true"));
            break;
        case LessonAction::Kind::Schematic32:
            Q_EMIT showSchematic32(action.enabled);
            break;
        case LessonAction::Kind::Brackets:
            Q_EMIT showSegmentBrackets(action.enabled);
            break;
        }
    }
}

void LessonsPanel::retranslate()
{
    m_back->setText(tr("&Back"));
    m_next->setText(tr("&Next"));
    const QStringList directories = LessonLibrary::userDirectories();
    m_list->setToolTip(directories.isEmpty() ? QString()
                                             : tr("Add your own lessons as .json files in %1").arg(directories.last()));
    showStep(m_step);
}

void LessonsPanel::updateListHeight()
{
    const int rows = std::clamp(int(m_lessons.size()), 1, VisibleLessons);
    const int rowHeight = m_list->count() > 0 ? m_list->sizeHintForRow(0) : m_list->fontMetrics().height();
    m_list->setMaximumHeight(rows * rowHeight + 2 * m_list->frameWidth() + 2);
}

void LessonsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
