#pragma once

#include <QtGlobal>

#include <chrono>

// The clock keydesk-startup-bench stamps each launch with and the launched program reads at its
// first paint (FirstPaint.h): steady_clock, CLOCK_MONOTONIC on Linux, one clock for the whole
// machine, so a time read in the parent and one read in the child subtract.
namespace launchclock {

// The parent's reading just before it started the process, in nanoseconds.
constexpr auto kLaunchedVariable = "KEYDESK_BENCH_LAUNCHED_NS";

inline qint64 nowNs()
{
    using namespace std::chrono;
    return duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace launchclock
