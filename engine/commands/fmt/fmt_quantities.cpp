// `reckon fmt`, quantities: each money amount rewritten to the spelling reckon prints, outside strings.
#include "commands/fmt/fmt_quantities.hpp"

#include "core/base/number.hpp"

#include <algorithm>
#include <functional>
#include <regex>

namespace reckon {
namespace {

// `code` with `rewrite` applied to each part outside a string; the strings as they are.
std::string outside_strings(const std::string& code, const std::function<std::string(const std::string&)>& rewrite) {
    std::string out;
    std::size_t at = 0;
    while (at < code.size()) {
        const std::size_t quote = code.find('"', at);
        out += rewrite(code.substr(at, quote == std::string::npos ? std::string::npos : quote - at));
        if (quote == std::string::npos) break;
        std::size_t end = quote + 1;  // the string, as it is
        while (end < code.size() && code[end] != '"') end += code[end] == '\\' ? 2 : 1;
        out += code.substr(quote, std::min(end + 1, code.size()) - quote);
        at = end + 1;
    }
    return out;
}

// An amount as reckon prints money: grouped in threes.
std::string grouped(std::string digits) {
    digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
    return group_thousands(digits);
}

// A money rate written as a division, `£32,000 / 1 year`, as reckon writes rates: `£32,000/year`; not after a
// '/' (`a / £5 / 1 week` is a / £5 / week, which `a / £5/week` is not).
std::string rates_written_once(std::string part) {
    static const std::regex rate("(£|\\$|€)([0-9][0-9,]*(?:\\.[0-9]+)?) / 1 ([A-Za-z_][A-Za-z_0-9]*)([^A-Za-z_0-9^]|$)");
    std::string done;
    std::smatch m;
    while (std::regex_search(part, m, rate)) {
        const std::string before = done + m.prefix().str();
        const auto last = before.find_last_not_of(' ');
        const bool after_slash = last != std::string::npos && before[last] == '/';
        done = before + (after_slash ? m[0].str().substr(0, m[0].length() - m[4].length())
                                     : m[1].str() + m[2].str() + "/" + m[3].str());
        part = m[4].str() + m.suffix().str();
    }
    return done + part;
}

// `7,689 GBP` and `7,689 GBP/year` as `£7,689` and `£7,689/year`: a number whose unit is a currency alone, or a
// currency per one unit. A comma groups only when exactly three digits follow it, as the grammar reads numbers.
std::string symbols_written(std::string part, const CurrencySymbols& currencies) {
    if (currencies.empty()) return part;
    std::string names;
    for (const auto& [name, symbol] : currencies) names += (names.empty() ? "" : "|") + name;
    const std::regex amount("(^|[^A-Za-z0-9_.])([0-9]+(?:,[0-9]{3}(?![0-9]))*(?:\\.[0-9]+)?) ?(" + names +
                            ")(/[A-Za-z_][A-Za-z_0-9]*)?(?![A-Za-z_0-9^*/])");
    std::string done;
    std::smatch m;
    while (std::regex_search(part, m, amount)) {
        done += m.prefix().str() + m[1].str() + currencies.at(m[3].str()) + grouped(m[2].str()) + m[4].str();
        part = m.suffix().str();
    }
    return done + part;
}

}  // namespace

bool money_symbol(const std::string& symbol) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(symbol[i]); };
    if (symbol == "$") return true;
    if (symbol.size() == 2) return byte(0) == 0xC2 && byte(1) >= 0xA2 && byte(1) <= 0xA5;  // U+00A2 to U+00A5
    if (symbol.size() == 3) return byte(0) == 0xE2 && byte(1) == 0x82 && byte(2) >= 0xA0 && byte(2) <= 0xBF;  // U+20A0 to U+20BF
    return false;
}

std::string money_written_once(const std::string& code, const CurrencySymbols& currencies) {
    return outside_strings(code, [&](const std::string& part) { return rates_written_once(symbols_written(part, currencies)); });
}

}  // namespace reckon
