// Threads with a stack sized for the depth limits, so that a formula nested
// as deep as the depth limit allows, or a rule file as deep as the nesting
// limit, is checked and evaluated without running out of stack.
#pragma once

#include "core/base/limits.hpp"

#include <functional>

namespace reckon {

// The limits by default, as the stack allows them: the command line's own (Limits{}), or, in the browser, whose
// stack is the browser's (about 1 MB), formulas within formulas to 1,000 levels rather than 4,000, so that a
// ruleset deeper than that is an error at its line rather than the engine stopped.
Limits default_limits();

// Runs f on a new thread whose stack fits the limits' depth and nesting, and
// waits for it. An exception thrown by f is thrown again here.
void run_with_deep_stack(const Limits& limits, const std::function<void()>& f);

// Starts f on such a thread; join() waits for it and throws again what f threw.
class DeepThread {
public:
    DeepThread(const Limits& limits, std::function<void()> f);
    DeepThread(DeepThread&& o) noexcept;
    DeepThread(const DeepThread&) = delete;
    ~DeepThread();
    void join();

    struct State;  // the function, and what it threw

private:
    State* s_;
};

}  // namespace reckon
