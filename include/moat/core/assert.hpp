#pragma once
// MOAT_ASSERT(cond, message): checks an invariant of moat's own code (a bug if it fails).
// Active unless NDEBUG is defined and MOAT_KEEP_ASSERTS is not; aborts with file and line.

#include <cstdio>
#include <cstdlib>

#if !defined(NDEBUG) || defined(MOAT_KEEP_ASSERTS)
#define MOAT_ASSERT(cond, message)                                                          \
  do {                                                                                      \
    if (!(cond)) {                                                                          \
      std::fprintf(stderr, "[moat.assert] %s:%d: %s (%s)\n", __FILE__, __LINE__, message, #cond); \
      std::abort();                                                                         \
    }                                                                                       \
  } while (false)
#else
#define MOAT_ASSERT(cond, message) ((void)0)
#endif
