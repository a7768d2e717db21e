#include "demopanel.h"

#include "addressformat.h"
#include "demoprocess.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

namespace {
constexpr int MaxLogLines = 200;
}

DemoPanel::DemoPanel(DemoProcess *demo, QWidget *parent)
    : QWidget(parent)
    , m_demo(demo)
    , m_startButton(new QPushButton(tr("&Start the demo"), this))
    , m_stopButton(new QPushButton(tr("S&top"), this))
    , m_pidLabel(new QLabel(this))
    , m_log(new QPlainTextEdit(this))
{
    m_startButton->setToolTip(tr("Start mematlas-demo, a small process whose memory changes when you press the "
                                 "buttons below. Open it in the map and the page view to watch."));
    m_stopButton->setToolTip(tr("End the demo process (and its child, if it has one)."));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(MaxLogLines);
    m_log->setObjectName(QStringLiteral("demoLog"));

    // A form whose rows move their buttons below the heading when the dock is narrow, so the demo
    // never makes the window wider than the screen.
    auto *commands = new QFormLayout;
    commands->setRowWrapPolicy(QFormLayout::WrapLongRows);
    const auto row = [&](const QString &heading, const QList<QWidget *> &widgets) {
        auto *line = new QHBoxLayout;
        for (QWidget *widget : widgets)
            line->addWidget(widget);
        line->addStretch();
        commands->addRow(heading, line);
    };
    QSpinBox *count = makeSpinBox(1, 1'000'000, 4096, tr(" blocks"), tr("How many blocks to allocate"));
    QSpinBox *size = makeSpinBox(8, 64 * 1024, 512, tr(" B"),
                                 tr("Bytes per block: below the 128 KiB mmap threshold, so they come from the heap"));
    row(tr("Heap (brk):"),
        {makeCommandButton(QStringLiteral("small"), tr("malloc small blocks"),
                           tr("malloc many small blocks and write to them: the [heap] grows through brk"),
                           [count, size] { return QStringLiteral("small %1 %2").arg(count->value()).arg(size->value()); }),
         count, size,
         makeCommandButton(QStringLiteral("free-small"), tr("Free them"),
                           tr("free the small blocks (all but the highest): the heap does not shrink, "
                              "malloc keeps the memory for reuse"),
                           [] { return QStringLiteral("free-small"); })});

    QSpinBox *largeMiB = makeSpinBox(1, 4096, 64, tr(" MiB"), tr("Size of the large block"));
    row(tr("mmap:"),
        {makeCommandButton(QStringLiteral("large"), tr("malloc a large block"),
                           tr("malloc one block above the 128 KiB threshold: it gets an anonymous mapping "
                              "of its own, with no page in RAM yet"),
                           [largeMiB] { return QStringLiteral("large %1M").arg(largeMiB->value()); }),
         largeMiB,
         makeCommandButton(QStringLiteral("touch"), tr("Touch its pages"),
                           tr("Write one byte to every page of the large block: each first write is a "
                              "page fault, and the page turns present"),
                           [] { return QStringLiteral("touch"); }),
         makeCommandButton(QStringLiteral("free-large"), tr("Free it"),
                           tr("free the large block: its mapping goes back to the system at once"),
                           [] { return QStringLiteral("free-large"); })});

    row(tr("File:"),
        {makeCommandButton(QStringLiteral("mapfile"), tr("Map a file"),
                           tr("mmap a new 1 MiB file read-only and read it: a file-backed mapping of "
                              "page-cache pages"),
                           [] { return QStringLiteral("mapfile"); }),
         makeCommandButton(QStringLiteral("unmapfile"), tr("Unmap it"), tr("munmap the file"),
                           [] { return QStringLiteral("unmapfile"); })});

    row(tr("fork:"),
        {makeCommandButton(QStringLiteral("fork"), tr("Fork a child"),
                           tr("fork a child process: it shares every page with the demo, copy-on-write"),
                           [] { return QStringLiteral("fork"); }),
         makeCommandButton(QStringLiteral("child-write"), tr("Child writes"),
                           tr("The child writes one byte into a shared page: copy-on-write gives it its "
                              "own copy"),
                           [] { return QStringLiteral("child-write"); }),
         makeCommandButton(QStringLiteral("child-exit"), tr("Child exits"), tr("End the child and reap it"),
                           [] { return QStringLiteral("child-exit"); })});

    QSpinBox *stackKiB = makeSpinBox(1, 64 * 1024, 1024, tr(" KiB"),
                                     tr("Stack to use; the demo refuses more than its stack limit (ulimit -s) allows"));
    row(tr("Stack:"),
        {makeCommandButton(QStringLiteral("stack"), tr("Grow the stack"),
                           tr("Recurse until this much stack is used: [stack] grows down, and stays grown"),
                           [stackKiB] { return QStringLiteral("stack %1").arg(stackKiB->value()); }),
         stackKiB});

    auto *top = new QHBoxLayout;
    top->addWidget(m_startButton);
    top->addWidget(m_stopButton);
    top->addWidget(makeCommandButton(QStringLiteral("status"), tr("Status"),
                                     tr("Addresses, sizes and page-fault counts of the demo"),
                                     [] { return QStringLiteral("status"); }));
    top->addWidget(makeCommandButton(QStringLiteral("reset"), tr("Reset"),
                                     tr("End the child, free every block and unmap the file: start a lesson afresh"),
                                     [] { return QStringLiteral("reset"); }));
    top->addStretch();
    // Its own line, wrapped: "Demo pid 30862, its child 30864" must not widen the dock.
    m_pidLabel->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_pidLabel);
    layout->addLayout(commands);
    layout->addWidget(m_log, 1);

    connect(m_startButton, &QPushButton::clicked, this, [this] {
        if (m_demo)
            m_demo->start();
    });
    connect(m_stopButton, &QPushButton::clicked, this, [this] {
        if (m_demo)
            m_demo->stop();
    });
    if (m_demo) {
        connect(m_demo, &DemoProcess::started, this, [this](qint64 pid) {
            addLog(tr("Started the demo process, pid %1.").arg(pid));
            updateState();
            emit demoStarted(pid);
        });
        connect(m_demo, &DemoProcess::finished, this, [this] {
            addLog(tr("The demo process has ended."));
            updateState();
        });
        connect(m_demo, &DemoProcess::failed, this, &DemoPanel::addLog);
        connect(m_demo, &DemoProcess::replied, this, [this](const QString &, const QJsonObject &reply) {
            addLog(describe(reply));
            updateState();
        });
        connect(m_demo, &DemoProcess::regionOfInterestChanged, this, &DemoPanel::regionOfInterest);
        connect(m_demo, &QObject::destroyed, this, &DemoPanel::updateState, Qt::QueuedConnection);
    }
    updateState();
}

QPushButton *DemoPanel::makeCommandButton(const QString &name, const QString &text, const QString &toolTip,
                                           std::function<QString()> command)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(name);
    button->setToolTip(toolTip);
    m_commandButtons.append(button);
    connect(button, &QPushButton::clicked, this, [this, command = std::move(command)] {
        if (m_demo)
            m_demo->send(command());
    });
    return button;
}

QSpinBox *DemoPanel::makeSpinBox(int minimum, int maximum, int value, const QString &suffix, const QString &toolTip)
{
    auto *spinBox = new QSpinBox(this);
    spinBox->setRange(minimum, maximum);
    spinBox->setValue(value);
    spinBox->setSuffix(suffix);
    spinBox->setToolTip(toolTip);
    m_spinBoxes.append(spinBox);
    return spinBox;
}

QPushButton *DemoPanel::commandButton(const QString &command) const
{
    for (QPushButton *button : m_commandButtons) {
        if (button->objectName() == command)
            return button;
    }
    return nullptr;
}

QString DemoPanel::logText() const
{
    return m_log->toPlainText();
}

void DemoPanel::addLog(const QString &line)
{
    m_log->appendPlainText(line);
}

void DemoPanel::updateState()
{
    const bool running = m_demo && m_demo->isRunning();
    m_startButton->setEnabled(m_demo && !running);
    m_stopButton->setEnabled(running);
    for (QPushButton *button : std::as_const(m_commandButtons))
        button->setEnabled(running);
    for (QSpinBox *spinBox : std::as_const(m_spinBoxes))
        spinBox->setEnabled(running);
    if (!running)
        m_pidLabel->setText(tr("The demo is not running."));
    else if (m_demo->childPid() > 0)
        m_pidLabel->setText(tr("Demo pid %1, its child %2").arg(m_demo->pid()).arg(m_demo->childPid()));
    else
        m_pidLabel->setText(tr("Demo pid %1").arg(m_demo->pid()));
}

QString DemoPanel::describe(const QJsonObject &reply)
{
    const QString command = reply.value(QLatin1String("command")).toString();
    if (!reply.value(QLatin1String("ok")).toBool())
        return tr("%1 refused: %2").arg(command, reply.value(QLatin1String("error")).toString());
    const auto number = [&](const char *key) { return quint64(reply.value(QLatin1String(key)).toInteger()); };
    const auto address = [&](const char *key) { return DemoProcess::address(reply, QLatin1String(key)); };
    const auto hex = [&](const char *key) { return AddressFormat::hex(address(key)); };
    const auto size = [&](const char *key) { return AddressFormat::size(number(key)); };
    const auto is = [&](const char *name) { return command == QLatin1String(name); };
    // Counts fill %n, so a translation can pick its plural form.
    const auto count = [&](const char *key) {
        return int(qMin(number(key), quint64(std::numeric_limits<int>::max())));
    };

    if (is("small")) {
        const quint64 before = address("brkBefore");
        const quint64 after = address("brkAfter");
        if (address("heapStart") == 0)
            return tr("Allocated %n small block(s) of %1, but this malloc does not use brk: there is no [heap].", "",
                      count("count"))
                .arg(size("size"));
        if (after > before)
            return tr("Heap end rose by %1, to %2: %n small block(s) of %3 came from brk.", "", count("count"))
                .arg(AddressFormat::size(after - before), hex("brkAfter"), size("size"));
        return tr("Heap end stayed at %1: %n small block(s) of %2 reused memory that malloc had kept.", "",
                  count("count"))
            .arg(hex("brkAfter"), size("size"));
    }
    if (is("free-small")) {
        if (reply.value(QLatin1String("heapShrank")).toBool())
            return tr("Freed %n small block(s); the heap end fell to %1: glibc gave free memory at its top back.", "",
                      count("freed"))
                .arg(hex("brkAfter"));
        return tr("Freed %n small block(s); the heap end stayed at %1: malloc keeps freed brk memory for reuse, and "
                  "the highest block (%2) is still in use.",
                  "", count("freed"))
            .arg(hex("brkAfter"), hex("kept"));
    }
    if (is("large"))
        return tr("malloc(%1) got an anonymous mapping of its own at %2, as it is above the 128 KiB mmap threshold. "
                  "None of its pages is in RAM yet.")
            .arg(size("size"), hex("address"));
    if (is("touch") || is("mapfile")) {
        const quint64 minor = number("minfltAfter") - number("minfltBefore");
        const quint64 major = number("majfltAfter") - number("majfltBefore");
        if (is("mapfile"))
            return tr("Mapped %1 (%2) read-only at %3 and read its %n page(s): %4 minor, %5 major page faults. Its "
                      "pages are page-cache pages, shared with everyone reading the file.",
                      "", count("pages"))
                .arg(reply.value(QLatin1String("path")).toString(), size("size"), hex("address"))
                .arg(minor)
                .arg(major);
        if (minor + major == 0)
            return tr("Touched %n page(s) of the large block: no page fault, they were in RAM already.", "",
                      count("pages"));
        return tr("Touched %n page(s) of the large block: %1 minor, %2 major page faults. Each first write to a page "
                  "faults, and the kernel gives it a frame.",
                  "", count("pages"))
            .arg(minor)
            .arg(major);
    }
    if (is("free-large"))
        return tr("free() returned the %1 mapping at %2 to the system: it is gone from the map.")
            .arg(size("size"), hex("address"));
    if (is("unmapfile"))
        return tr("Unmapped %1 from %2.").arg(reply.value(QLatin1String("path")).toString(), hex("address"));
    if (is("fork"))
        return tr("Forked child %1: it shares every page with the demo until one of them writes (copy-on-write).")
            .arg(number("childPid"));
    if (is("child-write"))
        return tr("Child %1 wrote to %2: copy-on-write gave it its own copy of that page; the demo keeps the original.")
            .arg(QString::number(number("childPid")), hex("address"));
    if (is("child-exit"))
        return tr("Child %1 exited and was reaped.").arg(number("childPid"));
    if (is("stack"))
        return tr("Recursion used %1 of stack, down to %2; the kernel keeps the [stack] mapping grown.")
            .arg(AddressFormat::size(number("kib") * 1024), hex("lowest"));
    if (is("reset"))
        return tr("Reset: no child, no blocks, no mapped file. The heap still ends at %1: malloc keeps its brk memory.")
            .arg(hex("brk"));
    if (is("status"))
        return tr("Demo pid %1: heap %2 to %3, %n small block(s), %4 minor and %5 major page faults so far.", "",
                  count("smallBlocks"))
            .arg(QString::number(number("pid")), hex("heapStart"), hex("brk"))
            .arg(number("minflt"))
            .arg(number("majflt"));
    return tr("%1 done.").arg(command);
}
