#include "commands/browser/browser_page.hpp"

#include "commands/present/html.hpp"

#include <algorithm>
#include <cctype>

namespace reckon {

extern const char* const browser_engine_script;
extern const char* const interactive_page_script;
extern const char* const playground_page_script;

namespace {

// JSON put inline in a <script> element: every '<' as \u003c (JSON has it only in strings, where the two are the
// same text), so that no "</script" or "<!--" from a file the page carries can end or change the element.
std::string json_in_script(const std::string& json) {
    std::string out;
    out.reserve(json.size());
    for (char c : json) out += c == '<' ? std::string("\\u003c") : std::string(1, c);
    return out;
}

// Code put inline: "</script" (of any case) would end the element; in a string or a pattern, "<\/" is the same.
std::string code_in_script(std::string code) {
    for (std::size_t at = 0; (at = code.find("</", at)) != std::string::npos; at += 2)
        if (code.size() >= at + 8 && std::equal(code.begin() + at + 2, code.begin() + at + 8, "script",
                                                [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
            code.replace(at, 2, "<\\/");
    return code;
}

const char* script_of(PageScript s) {
    switch (s) {
        case PageScript::interactive: return interactive_page_script;
        case PageScript::playground: return playground_page_script;
    }
    return "";
}

}  // namespace

std::string base64(const std::string& bytes) {
    static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        unsigned v = 0;
        for (std::size_t k = 0; k < 3; ++k) v = v << 8 | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        for (std::size_t k = 0; k < 4; ++k) out += k <= n ? digits[(v >> (18 - 6 * k)) & 63] : '=';
    }
    return out;
}

bool utf8_text(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c == 0 ? 0 : c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
        i += n;
    }
    return true;
}

std::string browser_page_head(const std::string& title, const std::string& reckon_version, const std::string& style) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "script-src 'unsafe-inline' 'wasm-unsafe-eval'; img-src data:\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"generator\" content=\"reckon " + escape_html(reckon_version) + "\">\n<title>" + escape_html(title) +
           "</title>\n<style>" + style + "</style>\n</head>\n<body>\n";
}

std::string browser_page_end(const std::string& data_json, const WebEngine& engine, PageScript script) {
    return "<script type=\"application/json\" id=\"reckon-bundle\">" + json_in_script(data_json) + "</script>\n"
           "<script type=\"application/octet-stream\" id=\"reckon-wasm\">" + base64(engine.wasm_gz) + "</script>\n"
           "<script>\n" + code_in_script(engine.module_js) + "\n</script>\n<script>\n" + code_in_script(browser_engine_script) +
           "</script>\n<script>\n" + code_in_script(script_of(script)) + "</script>\n</body>\n</html>\n";
}

}  // namespace reckon
