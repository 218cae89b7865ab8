#include "core/base/big_stack.hpp"

#include "core/base/limits.hpp"

#include <pthread.h>

#include <exception>
#include <stdexcept>
#include <utility>

namespace reckon {

struct DeepThread::State {
    std::function<void()> f;
    std::exception_ptr error;
    pthread_t thread{};
    bool joined = false;
};

namespace {
void* start(void* arg) {
    auto* s = static_cast<DeepThread::State*>(arg);
    try {
        s->f();
    } catch (...) {
        s->error = std::current_exception();
    }
    return nullptr;
}

// Generous: a level of formula takes a few hundred bytes of stack, several
// times that under the sanitizers; the pages are only used when reached.
std::size_t stack_bytes(const Limits& limits) {
    return (64u << 20) + static_cast<std::size_t>(limits.depth + limits.nesting) * (16u << 10);
}
}  // namespace

DeepThread::DeepThread(const Limits& limits, std::function<void()> f) : s_(new State{std::move(f), nullptr, {}, false}) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, stack_bytes(limits));
    int rc = pthread_create(&s_->thread, &attr, start, s_);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        delete s_;
        s_ = nullptr;
        throw std::runtime_error("cannot start a thread");
    }
}

DeepThread::DeepThread(DeepThread&& o) noexcept : s_(o.s_) { o.s_ = nullptr; }

void DeepThread::join() {
    if (!s_ || s_->joined) return;
    pthread_join(s_->thread, nullptr);
    s_->joined = true;
    if (s_->error) std::rethrow_exception(std::exchange(s_->error, nullptr));
}

DeepThread::~DeepThread() {
    if (!s_) return;
    if (!s_->joined) pthread_join(s_->thread, nullptr);
    delete s_;
}

Limits default_limits() { return Limits{}; }

void run_with_deep_stack(const Limits& limits, const std::function<void()>& f) {
    DeepThread t(limits, f);
    t.join();
}

}  // namespace reckon
