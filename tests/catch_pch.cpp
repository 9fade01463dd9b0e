// Gives moat_catch_main one source that takes the precompiled header, so that CMake emits
// the rule that builds it (catch_main.cpp skips the PCH; the suites REUSE_FROM it).
