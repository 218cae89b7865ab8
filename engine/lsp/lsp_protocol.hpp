// The language server's messages as the protocol (LSP 3.17, JSON-RPC 2.0) writes them: JSON objects whose
// keys keep their order, and the error codes a response may carry.
#pragma once

#include <nlohmann/json.hpp>

namespace reckon::lsp {

using Json = nlohmann::ordered_json;

// The protocol's error codes used here.
enum class ErrorCode { parse_error, invalid_request, method_not_found, invalid_params, internal_error, server_not_initialized, request_failed };
int error_number(ErrorCode c);

}  // namespace reckon::lsp
