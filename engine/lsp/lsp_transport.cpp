// The language server's framing: Content-Length headers read with bounds, bodies read exactly, and reading
// resynchronised at the next header after a frame it cannot measure.
#include "lsp/lsp_transport.hpp"

#include <cctype>
#include <string_view>

namespace reckon::lsp {

namespace {
constexpr std::size_t max_header_line = 1024, max_header_lines = 32;

// One header line without its "\r\n" (a bare "\n" is accepted); false at the end of the input. A line longer
// than a header may be is kept by its last max_header_line bytes (too_long set), where a header that follows
// the unmeasured body of a bad frame on the same line is.
bool header_line(std::istream& in, std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    for (int c; (c = in.get()) != EOF;) {
        if (c == '\n') {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            return true;
        }
        line.push_back(static_cast<char>(c));
        if (line.size() == 2 * max_header_line) {
            line.erase(0, max_header_line);
            too_long = true;
        }
    }
    return false;
}

bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

constexpr std::string_view length_name = "Content-Length";

// Where a Content-Length header starts inside a line that does not start with one: the rest of a bad frame's
// body, which its header did not measure, runs into the next message's header. npos when it does not.
std::size_t header_inside(const std::string& line) {
    for (std::size_t at = 1; at + length_name.size() < line.size(); ++at)
        if (line[at + length_name.size()] == ':' && same_name(std::string_view(line).substr(at, length_name.size()), length_name))
            return at;
    return std::string::npos;
}

// A header line: a name of letters, digits and '-', a colon, a value.
bool is_header(const std::string& line) {
    const auto colon = line.find(':');
    if (colon == 0 || colon == std::string::npos) return false;
    for (std::size_t i = 0; i < colon; ++i)
        if (!std::isalnum(static_cast<unsigned char>(line[i])) && line[i] != '-') return false;
    return true;
}

// The header block of a message, read line by line up to its empty line.
struct Header {
    long long length = -1;  // Content-Length, when given and a number
    std::string error;      // why the header is not usable
    std::size_t lines = 0;
    bool skipped = false;   // text that is no header was read past before it

    void add(const std::string& line, bool too_long) {
        if (++lines > max_header_lines || too_long) error = "a header is longer than the protocol allows";
        if (!is_header(line)) {
            if (error.empty()) error = "a header line is not 'Name: value': " + line.substr(0, 60);
            return;
        }
        const auto colon = line.find(':');
        std::string value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        while (!value.empty() && value.back() == ' ') value.pop_back();
        if (!same_name(std::string_view(line).substr(0, colon), length_name)) return;  // Content-Type and others are not needed
        long long n = 0;
        bool digits = !value.empty() && value.size() <= 18;  // at most 18 digits: n never overflows
        for (std::size_t i = 0; digits && i < value.size(); ++i) {
            if (!std::isdigit(static_cast<unsigned char>(value[i]))) digits = false;
            else n = n * 10 + (value[i] - '0');
        }
        if (!digits) error = "Content-Length is not a number of at most 18 digits: " + value.substr(0, 40);
        else length = n;
    }
};
}  // namespace

// A bad frame is reported and reading goes on at the next message: past the body its header announced, when it
// announced one; else the body's text, which is no header, is skipped up to the next line that is one (a
// Content-Length header found inside a line starts one).
Incoming read_message(std::istream& in, std::size_t max_body) {
    Incoming m;
    Header h;
    std::string line;
    bool too_long = false;
    while (true) {
        if (!header_line(in, line, too_long)) return m;  // the end, possibly inside a header
        if (const std::size_t at = header_inside(line); at != std::string::npos && (h.lines == 0 || !is_header(line))) {
            line.erase(0, at);  // the rest of a body before a new header: this message's header starts here
            h = Header{};
            h.skipped = true;
            too_long = false;
        }
        if (line.empty()) {
            if (h.lines == 0 && !h.skipped) continue;  // blank lines between messages
            break;
        }
        if (h.lines == 0 && !is_header(line)) {
            h.skipped = true;  // text outside a message: the rest of a bad frame's body, or noise
            continue;
        }
        h.add(line, too_long);
    }
    std::string error = h.error;
    if (h.lines == 0) error = "text outside a message was skipped, up to an empty line";
    if (error.empty() && h.length < 0) error = "the header has no Content-Length";
    if (error.empty() && static_cast<unsigned long long>(h.length) > max_body)
        error = "a message of " + std::to_string(h.length) + " bytes is larger than the " + std::to_string(max_body) + " accepted";
    if (!error.empty()) {
        if (h.length > 0) in.ignore(h.length);  // past the body the header announced, to find the next message
        m.frame = Frame::bad_header;  // reported; the input may end here, and the next read says so
        m.error = error;
        return m;
    }
    m.body.resize(static_cast<std::size_t>(h.length));
    in.read(m.body.data(), h.length);
    if (in.gcount() != h.length) return Incoming{};  // the input ended inside the body
    m.frame = Frame::message;
    return m;
}

void write_message(std::ostream& out, const std::string& body) {
    out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
    out.flush();
}

}  // namespace reckon::lsp
