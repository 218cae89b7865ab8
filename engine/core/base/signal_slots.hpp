// What the signal handlers of each platform (signals_posix.cpp, signals_windows.cpp) share with signals.cpp:
// the two steps of an interrupt, each safe in a handler.
#pragma once

namespace reckon {

// The exit status of a run ended by an interrupt (SIGINT, SIGTERM, Ctrl-C, Ctrl-Break).
constexpr int interrupted_status = 130;

// True if a batch under StopOnSignal takes this interrupt as its own (and is now told to stop); false if no
// batch listens, a read that may wait for ever is under way, or it was told once already.
bool batch_stops_itself();

// Every temporary output file still open removed.
void remove_temp_files();

}  // namespace reckon
