// A request's parameters (lsp_params.hpp): each field looked up without assuming the message's shape,
// and read as the type the protocol gives it, or the request is refused with what was expected.
#include "lsp/lsp_params.hpp"

namespace reckon::lsp {

const Json& field(const Json& j, const char* key) {
    static const Json null;
    if (!j.is_object()) return null;
    auto it = j.find(key);
    return it == j.end() ? null : *it;
}

std::string text_field(const Json& j, const char* key) {
    const Json& v = field(j, key);
    if (!v.is_string()) throw Refused(ErrorCode::invalid_params, std::string("expected '") + key + "', a string");
    return v.get<std::string>();
}

std::uint32_t count_field(const Json& j, const char* key) {
    const Json& v = field(j, key);
    if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() > 0x7fffffffLL)
        throw Refused(ErrorCode::invalid_params, std::string("expected '") + key + "', a whole number from 0");
    return static_cast<std::uint32_t>(v.get<long long>());
}

Position position_field(const Json& j, const char* key) {
    const Json& p = field(j, key);
    if (!p.is_object()) throw Refused(ErrorCode::invalid_params, std::string("expected '") + key + "', a position {line, character}");
    return Position{count_field(p, "line"), count_field(p, "character")};
}

std::string rendered_first(const std::vector<Diagnostic>& ds) {
    if (ds.empty()) return "";
    const Diagnostic& d = ds.front();
    return (d.where.known() ? d.where.str() + ": " : "") + d.message;
}

}  // namespace reckon::lsp
