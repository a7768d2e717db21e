#pragma once

#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>

class DemoProcess;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

// Buttons that drive the demo process (Start, Stop, one per command) and a short log that says
// in plain words what each reply means. The panel does not own the DemoProcess; whoever does
// decides when it ends. Command buttons are enabled only while the demo runs.
class DemoPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DemoPanel(DemoProcess *demo, QWidget *parent = nullptr);

    // The log line for one reply: "Heap end rose 2.1 MiB to 0x…: 4096 small blocks of 512 B came from brk."
    static QString describe(const QJsonObject &reply);
    QString logText() const;
    // The button of a demo command ("small", "touch", ...), for the owner and for tests.
    QPushButton *commandButton(const QString &command) const;
    QPushButton *startButton() const { return m_startButton; }
    QPushButton *stopButton() const { return m_stopButton; }

signals:
    void demoStarted(qint64 pid);
    // Where the last reply says to look, [start, end) in the demo's (or its child's) address space.
    void regionOfInterest(quint64 start, quint64 end);

private:
    // A button named name that sends command() when clicked.
    QPushButton *makeCommandButton(const QString &name, const QString &text, const QString &toolTip,
                                   std::function<QString()> command);
    QSpinBox *makeSpinBox(int minimum, int maximum, int value, const QString &suffix, const QString &toolTip);
    void addLog(const QString &line);
    void updateState();

    QPointer<DemoProcess> m_demo;
    QPushButton *m_startButton;
    QPushButton *m_stopButton;
    QLabel *m_pidLabel;
    QList<QPushButton *> m_commandButtons;
    QList<QSpinBox *> m_spinBoxes;
    QPlainTextEdit *m_log;
};
