#pragma once

#include "lesson.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class MessageBanner;
class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;

// The lessons: their list, the current step's text, Back and Next. Showing a step carries out its
// actions by emitting one signal per action, in the lesson's order; whoever owns the views obeys them
// (this panel knows nothing of the views). Going back re-applies a step's actions except its demo
// commands, which change the demo process and are not undone by going back.
class LessonsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LessonsPanel(QWidget *parent = nullptr);

    // Replaces the lessons; errors (LessonLibrary::errors()) are shown above them. The lesson and step
    // shown stay shown, without acting again, when that lesson is still there: reloading the lessons
    // after the language changed (they are translated as they are read) keeps the class's place.
    void setLessons(const QList<Lesson> &lessons, const QStringList &errors = {});
    const QList<Lesson> &lessons() const { return m_lessons; }

    // Shows the first step of a lesson and acts on it; false when there is no such lesson.
    bool startLesson(const QString &id);
    QString currentLessonId() const; // empty while no lesson is chosen
    int currentStep() const { return m_step; } // 0-based; -1 while no lesson is chosen

public Q_SLOTS:
    void next();
    void back();

Q_SIGNALS:
    void showView(const QString &view); // LessonTargets::views()
    void highlightRegions(const QStringList &regions); // Segments::id()s; empty: highlight nothing
    void selectSeries(const QString &series); // a MemoryHistory series name
    void openPages(const QString &region); // the page views, on the mappings of a Segments::id()
    void runDemo(const QString &command); // LessonTargets::demoCommands()
    void setTrueScale(bool trueScale); // the map's scale: true, or compressed
    void showSchematic32(bool show);
    void showSegmentBrackets(bool show);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showStep(int step);
    void act(const LessonStep &step, bool runDemos);
    void retranslate();
    void updateListHeight();

    QList<Lesson> m_lessons;
    int m_lesson = -1;
    int m_step = -1;
    MessageBanner *m_banner;
    QListWidget *m_list;
    QLabel *m_title;
    QTextBrowser *m_text;
    QPushButton *m_back;
    QLabel *m_position;
    QPushButton *m_next;
};
