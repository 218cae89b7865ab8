// The language server's framing (LSP 3.17, "Base Protocol"): each message a header of `Name: value` lines
// ending in an empty line, with Content-Length, then that many bytes of JSON. Reading never trusts the
// client: a header line, a header block and a body each have a bound, and a message that breaks the framing
// is reported, not fatal.
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>

namespace reckon::lsp {

enum class Frame {
    message,     // `body` holds one message
    bad_header,  // the header had no usable Content-Length, or was too long: `error` says why; reading goes on
    end,         // the input ended (between messages, or inside one)
};

struct Incoming {
    Frame frame = Frame::end;
    std::string body;
    std::string error;
};

// The next message of `in`; a body of more than max_body bytes is read past and reported as bad_header.
Incoming read_message(std::istream& in, std::size_t max_body);

// One message, framed, flushed.
void write_message(std::ostream& out, const std::string& body);

}  // namespace reckon::lsp
