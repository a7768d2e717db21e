#pragma once

#include <QFrame>
#include <QStringList>

class QLabel;

// A strip at the top of a view that says in plain words why something is missing or stale:
// "Process 4242 exited", "/proc/1/smaps: permission denied ...". Hidden when there is nothing to say.
class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Level { Information, Warning, Error };

    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(Level level, const QString &text);
    void clearMessage();
    // Each line a reason; no lines hides the banner.
    void showLines(Level level, const QStringList &lines);
    QString text() const;
    bool isShown() const { return !isHidden(); }
    QString shownText() const { return isShown() ? text() : QString(); } // empty while hidden
    Level level() const { return m_level; }

private:
    QLabel *m_label;
    Level m_level = Level::Information;
};
