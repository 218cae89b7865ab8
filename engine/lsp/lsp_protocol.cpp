// The protocol's error codes (lsp_protocol.hpp), as JSON-RPC and LSP number them.
#include "lsp/lsp_protocol.hpp"

namespace reckon::lsp {

int error_number(ErrorCode c) {
    switch (c) {
        case ErrorCode::parse_error: return -32700;
        case ErrorCode::invalid_request: return -32600;
        case ErrorCode::method_not_found: return -32601;
        case ErrorCode::invalid_params: return -32602;
        case ErrorCode::internal_error: return -32603;
        case ErrorCode::server_not_initialized: return -32002;
        case ErrorCode::request_failed: return -32803;
    }
    return -32603;
}

}  // namespace reckon::lsp
