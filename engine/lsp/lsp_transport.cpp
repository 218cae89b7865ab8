// The language server's framing: Content-Length headers read with bounds, bodies read exactly.
#include "lsp/lsp_transport.hpp"

#include <cctype>

namespace reckon::lsp {

namespace {
constexpr std::size_t max_header_line = 1024, max_header_lines = 32;

// One header line without its "\r\n" (a bare "\n" is accepted); false at the end of the input.
bool header_line(std::istream& in, std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    for (int c; (c = in.get()) != EOF;) {
        if (c == '\n') {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            return true;
        }
        if (line.size() < max_header_line) line.push_back(static_cast<char>(c));
        else too_long = true;
    }
    return false;
}

bool same_name(const std::string& a, const char* b) {
    std::size_t i = 0;
    for (; i < a.size() && b[i]; ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return i == a.size() && !b[i];
}
}  // namespace

Incoming read_message(std::istream& in, std::size_t max_body) {
    Incoming m;
    std::string line, error;
    long long length = -1;
    std::size_t lines = 0;
    bool too_long = false, any = false;
    while (true) {
        if (!header_line(in, line, too_long)) return m;  // the end, possibly inside a header
        if (line.empty()) {
            if (!any) continue;  // blank lines between messages
            break;
        }
        any = true;
        if (++lines > max_header_lines || too_long) {
            error = "a header is longer than the protocol allows";
            continue;
        }
        const auto colon = line.find(':');
        if (colon == std::string::npos) {
            error = "a header line is not 'Name: value': " + line.substr(0, 60);
            continue;
        }
        std::string name = line.substr(0, colon), value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        while (!value.empty() && value.back() == ' ') value.pop_back();
        if (!same_name(name, "Content-Length")) continue;  // Content-Type and others are not needed
        long long n = 0;
        bool digits = !value.empty() && value.size() <= 18;  // at most 18 digits: n never overflows
        for (std::size_t i = 0; digits && i < value.size(); ++i) {
            if (!std::isdigit(static_cast<unsigned char>(value[i]))) digits = false;
            else n = n * 10 + (value[i] - '0');
        }
        if (!digits) error = "Content-Length is not a number of at most 18 digits: " + value.substr(0, 40);
        else length = n;
    }
    if (error.empty() && length < 0) error = "the header has no Content-Length";
    if (error.empty() && static_cast<unsigned long long>(length) > max_body)
        error = "a message of " + std::to_string(length) + " bytes is larger than the " + std::to_string(max_body) + " accepted";
    if (!error.empty()) {
        if (length > 0) in.ignore(length);  // past the body the header announced, to find the next message
        m.frame = Frame::bad_header;  // reported; the input may end here, and the next read says so
        m.error = error;
        return m;
    }
    m.body.resize(static_cast<std::size_t>(length));
    in.read(m.body.data(), length);
    if (in.gcount() != length) return Incoming{};  // the input ended inside the body
    m.frame = Frame::message;
    return m;
}

void write_message(std::ostream& out, const std::string& body) {
    out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
    out.flush();
}

}  // namespace reckon::lsp
