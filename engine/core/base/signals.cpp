// Signals (signals.hpp): the temporary files kept in fixed slots, each a copy of its path, so that the handler
// touches no memory that another thread may free; it only removes them and ends the process, both safe in a
// signal handler. How the handler is installed is the platform's (signals_posix.cpp, signals_windows.cpp).
#include "core/base/signals.hpp"

#include "core/base/signal_slots.hpp"

#include <unistd.h>  // unlink, safe in a signal handler (mingw-w64 has it too)

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

}  // namespace

bool batch_stops_itself() {
    std::atomic<bool>* flag = stop_flag.load();
    return flag && blocking_reads.load() == 0 && !flag->exchange(true);
}

void remove_temp_files() {
    for (auto& s : temp_files)
        if (s.state.load() == SlotState::held) ::unlink(s.path.data());
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
