// A request's parameters as the language server reads them, never trusting the client: a field of an
// object, or null; a string, a whole number or a position, or the request refused with InvalidParams.
// A request that cannot be answered as asked throws Refused, which the server sends back as an error.
// Private to the server's files (lsp_server.hpp).
#pragma once

#include "core/base/source.hpp"
#include "lsp/lsp_protocol.hpp"
#include "lsp/lsp_text.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace reckon::lsp {

// A request that cannot be answered as asked: the error to send back.
struct Refused : std::runtime_error {
    ErrorCode code;
    Refused(ErrorCode c, const std::string& why) : std::runtime_error(why), code(c) {}
};

// j[key], or null when j is not an object or has no such key.
const Json& field(const Json& j, const char* key);
// j[key] as a string, a whole number from 0, a position {line, character}; else Refused (invalid_params).
std::string text_field(const Json& j, const char* key);
std::uint32_t count_field(const Json& j, const char* key);
Position position_field(const Json& j, const char* key);

// The first of the diagnostics as one line, FILE:LINE:COL: message, to say why a request was refused.
std::string rendered_first(const std::vector<Diagnostic>& ds);

}  // namespace reckon::lsp
