// The signals that end a run on POSIX (signals.hpp): SIGHUP, SIGINT, SIGTERM and SIGPIPE, one handler for all.
#include "core/base/signal_slots.hpp"
#include "core/base/signals.hpp"

#include <signal.h>
#include <unistd.h>

namespace reckon {

namespace {
extern "C" void on_end_signal(int sig) {
    const bool interrupt = sig == SIGINT || sig == SIGTERM;
    if (interrupt && batch_stops_itself()) return;
    remove_temp_files();
    if (interrupt) {
        // write(2) is safe in a handler; the status alone would leave a person at the terminal guessing.
        static constexpr char said[] = "reckon: interrupted; no file was left half-written\n";
        [[maybe_unused]] const auto n = ::write(STDERR_FILENO, said, sizeof said - 1);
        ::_exit(interrupted_status);
    }
    ::signal(sig, SIG_DFL);  // SIGHUP, SIGPIPE: the process ends as the signal ends it, once this handler returns
    ::raise(sig);
}
}  // namespace

void catch_signals() {
    struct sigaction action {};
    action.sa_handler = on_end_signal;
    sigemptyset(&action.sa_mask);
    for (int sig : {SIGHUP, SIGINT, SIGTERM, SIGPIPE}) sigaddset(&action.sa_mask, sig);  // one handler at a time
    action.sa_flags = SA_RESTART;
    for (int sig : {SIGHUP, SIGINT, SIGTERM, SIGPIPE}) ::sigaction(sig, &action, nullptr);
}

}  // namespace reckon
