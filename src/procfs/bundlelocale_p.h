#pragma once

#include <clocale>
#include <locale.h>

// libarchive converts path names and link targets between UTF-8 (what pax headers hold) and the
// thread's locale. Under the C locale, common for scripts and services, a name like "/opt/ü" cannot
// be converted and comes out empty, silently. Bundle reading and writing therefore run under
// C.UTF-8 for the calling thread only (uselocale), leaving the process's locale alone. Where
// C.UTF-8 does not exist (glibc before 2.35 without the locale installed), the locale stays as it is.
class ScopedUtf8Locale
{
public:
    ScopedUtf8Locale()
        : m_utf8(newlocale(LC_CTYPE_MASK, "C.UTF-8", nullptr))
        , m_previous(m_utf8 ? uselocale(m_utf8) : nullptr)
    {
    }
    ~ScopedUtf8Locale()
    {
        if (m_utf8) {
            uselocale(m_previous);
            freelocale(m_utf8);
        }
    }
    ScopedUtf8Locale(const ScopedUtf8Locale &) = delete;
    ScopedUtf8Locale &operator=(const ScopedUtf8Locale &) = delete;

private:
    locale_t m_utf8;
    locale_t m_previous;
};
