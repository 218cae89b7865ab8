// Threads with a stack sized for the depth limits, so that a formula nested
// as deep as limits().depth allows, or a rule file as deep as
// limits().nesting, is checked and evaluated without running out of stack.
#pragma once

#include <functional>

namespace reckon {

// Runs f on a new thread whose stack fits limits().depth, and waits for it.
// An exception thrown by f is thrown again here.
void run_with_deep_stack(const std::function<void()>& f);

// Starts f on such a thread; join() waits for it and throws again what f threw.
class DeepThread {
public:
    explicit DeepThread(std::function<void()> f);
    DeepThread(DeepThread&& o) noexcept;
    DeepThread(const DeepThread&) = delete;
    ~DeepThread();
    void join();

    struct State;  // the function, and what it threw

private:
    State* s_;
};

}  // namespace reckon
