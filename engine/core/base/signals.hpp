// The process's answer to the catchable signals that end a run: SIGHUP,
// SIGINT, SIGTERM and SIGPIPE. Every temporary output file still open is
// removed first, so none is left beside its target; then the process ends as
// the signal asks (SIGINT and SIGTERM with the exit status 130, interrupted).
// A batch running its cases asks instead to be told of SIGINT and SIGTERM
// (StopOnSignal): it finishes no more cases and says how far it got, unless a
// read that may wait for ever (a pipe, a device) is under way, or a second
// signal comes. A signal handler can reach only the process's own state, so
// this is the one place where reckon keeps any.
#pragma once

#include <atomic>
#include <string>

namespace reckon {

// The handlers installed; once, before any command runs.
void catch_signals();

// A temporary file, removed if a signal ends the process while this lives.
class TempFileGuard {
public:
    explicit TempFileGuard(const std::string& path);
    ~TempFileGuard();
    TempFileGuard(const TempFileGuard&) = delete;
    TempFileGuard& operator=(const TempFileGuard&) = delete;

private:
    int slot_ = -1;  // -1: not held (a path too long to keep; it is still removed on every other way out)
};

// While it lives, the first SIGINT or SIGTERM sets `flag` rather than ending the process.
class StopOnSignal {
public:
    explicit StopOnSignal(std::atomic<bool>& flag);
    ~StopOnSignal();
    StopOnSignal(const StopOnSignal&) = delete;
    StopOnSignal& operator=(const StopOnSignal&) = delete;
};

// While it lives, a read that may wait for ever is under way (a pipe or a device): SIGINT and SIGTERM end the
// process at once, even under StopOnSignal.
class BlockingRead {
public:
    BlockingRead();
    ~BlockingRead();
    BlockingRead(const BlockingRead&) = delete;
    BlockingRead& operator=(const BlockingRead&) = delete;
};

}  // namespace reckon
