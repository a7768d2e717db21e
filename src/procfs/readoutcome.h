#pragma once

#include "procsource.h"

#include <QString>

// How a multi-file read ended: the value, or the status and message of the read that failed.
template<typename T>
struct ReadOutcome
{
    T value{}; // what was read; incomplete when the read failed or was cancelled
    ReadResult::Status status = ReadResult::Status::Ok; // stays Ok when the bytes were read but made no sense
    QString error; // names the file and the reason; empty on success and on cancel
    bool cancelled = false;

    bool ok() const { return error.isEmpty() && !cancelled; }
};
