#pragma once

#include <QString>

// Where and why a parser stopped. Parsers keep every record that was complete before the error, so
// a truncated file still shows what it has, with the error beside it.
struct ParseError
{
    int line = 0; // 1-based line of the input where parsing failed; 0 when not line-related
    QString message; // empty when there was no error

    bool isError() const { return !message.isEmpty(); }
    // "line 12: expected 'start-end' address range, got "zz-..."" (or the message alone)
    QString toString() const;
};

template<typename T>
struct Parsed
{
    T value{};
    ParseError error;

    bool ok() const { return !error.isError(); }
};
