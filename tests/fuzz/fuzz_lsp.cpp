// libFuzzer target: a hostile client. The bytes are what a client sends `reckon lsp` after a fixed opening
// (initialize, and a small rule file opened): framing, JSON and requests on a half-typed file, read as the
// server reads stdin. Every message must be answered without a crash, a hang or a sanitizer report, and every
// message the server sends must be one JSON object.
#include "lsp/lsp_server.hpp"
#include "lsp/lsp_transport.hpp"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

namespace {
std::string framed(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

const std::string opening =
    framed(R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}})") +
    framed(R"({"jsonrpc":"2.0","method":"initialized","params":{}})") +
    framed(R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///fuzz/a.reckon","languageId":"reckon","version":1,"text":"unit hour\ncurrency GBP \"£\"\ntype Grade = one of band5, band6\nparam rate = £20 / 1 hour source \"x\"\ninput hours: hour\ninput grade: Grade\nfn f(g: Grade) -> number = if g == Grade.band5 then 1 else 2\noutput cost: GBP = hours * rate * f(grade)\ntest \"t\" case \"c.yaml\"\n  expect cost == £40\n"}}})");
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(opening + std::string(reinterpret_cast<const char*>(data), size));
    reckon::Limits limits;
    limits.file_size = 1 << 16;
    reckon::lsp::Server server(limits, "fuzz");
    for (int messages = 0; messages < 200 && !server.exited(); ++messages) {
        const reckon::lsp::Incoming m = reckon::lsp::read_message(in, 1 << 20);
        if (m.frame == reckon::lsp::Frame::end) break;
        const auto out = m.frame == reckon::lsp::Frame::message ? server.handle(m.body) : server.bad_frame(m.error);
        for (const auto& o : out)
            if (o.empty() || o.front() != '{' || o.back() != '}') __builtin_trap();  // every message a JSON object
    }
    return 0;
}
