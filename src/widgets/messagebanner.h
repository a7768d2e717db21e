#pragma once

#include <QFrame>

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
    QString text() const;
    Level level() const { return m_level; }

private:
    QLabel *m_label;
    Level m_level = Level::Information;
};
