// The deep stack in the browser (WebAssembly, one thread): the C stack is the one the module was linked with
// (engine/cli/CMakeLists.txt), so f runs where it is called, and the browser's own stack bounds the depth. There is no second thread to start: a
// run of several cases at once (--jobs above 1) is refused with a message, not left waiting.
#include "core/base/big_stack.hpp"

#include <stdexcept>

namespace reckon {

struct DeepThread::State {};

Limits default_limits() {
    Limits limits;
    limits.depth = 1000;  // 1,500 runs in Node.js's and Chromium's stack of about 1 MB; 2,000 does not
    return limits;
}

void run_with_deep_stack(const Limits&, const std::function<void()>& f) { f(); }

DeepThread::DeepThread(const Limits&, std::function<void()>) : s_(nullptr) {
    throw std::runtime_error("this build of reckon (WebAssembly) runs one case at a time: give --jobs 1");
}

DeepThread::DeepThread(DeepThread&& o) noexcept : s_(o.s_) { o.s_ = nullptr; }

void DeepThread::join() {}

DeepThread::~DeepThread() = default;

}  // namespace reckon
