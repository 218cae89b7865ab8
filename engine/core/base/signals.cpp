// Signals (signals.hpp): the temporary files kept in fixed slots, each a copy of its path, so that the handler
// touches no memory that another thread may free; it only unlinks them and ends the process, both safe in a
// signal handler.
#include "core/base/signals.hpp"

#include <signal.h>
#include <unistd.h>

#include <array>
#include <cstring>

namespace reckon {

namespace {

enum class SlotState : int { free, filling, held };

struct TempSlot {
    std::atomic<SlotState> state{SlotState::free};
    std::array<char, 4096> path{};
};

std::array<TempSlot, 64> temp_files;
std::atomic<std::atomic<bool>*> stop_flag{nullptr};
std::atomic<int> blocking_reads{0};

constexpr int interrupted_status = 130;

extern "C" void on_end_signal(int sig) {
    const bool interrupt = sig == SIGINT || sig == SIGTERM;
    std::atomic<bool>* flag = stop_flag.load();
    if (interrupt && flag && blocking_reads.load() == 0 && !flag->exchange(true)) return;  // the batch stops itself
    for (auto& s : temp_files)
        if (s.state.load() == SlotState::held) ::unlink(s.path.data());
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

TempFileGuard::TempFileGuard(const std::string& path) {
    if (path.size() >= TempSlot{}.path.size()) return;
    for (int i = 0; i < static_cast<int>(temp_files.size()); ++i) {
        TempSlot& s = temp_files[static_cast<std::size_t>(i)];
        SlotState expected = SlotState::free;
        if (!s.state.compare_exchange_strong(expected, SlotState::filling)) continue;
        std::memcpy(s.path.data(), path.c_str(), path.size() + 1);
        s.state.store(SlotState::held);
        slot_ = i;
        return;
    }
}

TempFileGuard::~TempFileGuard() {
    if (slot_ >= 0) temp_files[static_cast<std::size_t>(slot_)].state.store(SlotState::free);
}

StopOnSignal::StopOnSignal(std::atomic<bool>& flag) { stop_flag.store(&flag); }
StopOnSignal::~StopOnSignal() { stop_flag.store(nullptr); }

BlockingRead::BlockingRead() { blocking_reads.fetch_add(1); }
BlockingRead::~BlockingRead() { blocking_reads.fetch_sub(1); }

}  // namespace reckon
