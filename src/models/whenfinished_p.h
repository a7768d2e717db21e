#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

// Calls done(result) on receiver's thread once future has finished. A QFutureWatcher owned by the
// receiver does the hand-over, so nothing is delivered after the receiver is gone (QFuture::then
// with a context object asserts on a destroyed context in Qt 6.4).
template<typename T, typename Done>
void whenFinished(QObject *receiver, const QFuture<T> &future, Done &&done)
{
    auto *watcher = new QFutureWatcher<T>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver,
                     [watcher, done = std::forward<Done>(done)]() mutable {
                         watcher->deleteLater();
                         done(watcher->result());
                     });
    watcher->setFuture(future);
}
