// The console events that end a run on Windows (signals.hpp): Ctrl-C and Ctrl-Break answered as SIGINT is on
// POSIX; the console closed, a log-off or a shut-down as SIGHUP (the temporary files removed, then the end).
// Windows runs the handler on a thread of its own, so it may do what the POSIX handler does.
#include "core/base/signal_slots.hpp"
#include "core/base/signals.hpp"

#include <windows.h>

#include <cstdio>
#include <cstdlib>

namespace reckon {

namespace {
BOOL WINAPI on_console_event(DWORD event) {
    const bool interrupt = event == CTRL_C_EVENT || event == CTRL_BREAK_EVENT;
    if (interrupt && batch_stops_itself()) return TRUE;
    remove_temp_files();
    if (interrupt) std::fputs("reckon: interrupted; no file was left half-written\n", stderr);  // as on POSIX
    std::_Exit(interrupt ? interrupted_status : 1);
}
}  // namespace

void catch_signals() { SetConsoleCtrlHandler(on_console_event, TRUE); }

}  // namespace reckon
