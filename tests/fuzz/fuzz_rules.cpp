// libFuzzer target: bytes as a rule file -> parse, declare, check. Every
// outcome must be a program or diagnostics that render; nothing else.
#include "core/compile/compile.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto src = std::make_shared<reckon::SourceFile>("fuzz.reckon", std::string(reinterpret_cast<const char*>(data), size));
    try {
        auto p = reckon::compile(src);
    } catch (const reckon::CompileError& e) {
        std::string text = e.what();
        if (text.empty()) __builtin_trap();  // an error must say something
    } catch (const reckon::RequestError&) {
    }
    return 0;
}
