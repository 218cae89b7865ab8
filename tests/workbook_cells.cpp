// A workbook reckon wrote, read back (workbook_cells.hpp).
#include "workbook_cells.hpp"

#include "support.hpp"

#include <doctest/doctest.h>

#include <regex>

namespace reckon::testing {

std::string unescape(std::string s) {
    for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}})
        for (std::size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, from.size(), to);
    return s;
}

std::string unzip(const std::string& xlsx, const std::string& member) {
    Run r = run_program("/usr/bin/unzip", {"-p", xlsx, member});
    REQUIRE(r.status == 0);
    return r.out;
}

std::string sheet_named(const std::string& xlsx, const std::string& name) {
    const std::string book = unzip(xlsx, "xl/workbook.xml");
    static const std::regex sheet("<sheet name=\"([^\"]*)\"");
    int n = 0;
    for (auto it = std::sregex_iterator(book.begin(), book.end(), sheet); it != std::sregex_iterator(); ++it) {
        ++n;
        if ((*it)[1] == name) return unzip(xlsx, "xl/worksheets/sheet" + std::to_string(n) + ".xml");
    }
    FAIL("the workbook has no sheet " << name);
    return "";
}

std::map<std::string, XCell> cells_of(const std::string& sheet) {
    static const std::regex c(R"re(<c r="([A-Z]+[0-9]+)"( s="([0-9]+)")?( t="([a-zA-Z]+)")?>(<v>([^<]*)</v>|<is><t[^>]*>([^<]*)</t></is>)</c>)re");
    std::map<std::string, XCell> out;
    for (auto it = std::sregex_iterator(sheet.begin(), sheet.end(), c); it != std::sregex_iterator(); ++it)
        out[(*it)[1]] = {(*it)[5], (*it)[3], (*it)[7].matched ? std::string((*it)[7]) : unescape((*it)[8])};
    return out;
}

std::vector<std::string> formats_of(const std::string& styles) {
    std::map<std::string, std::string> custom{{"0", "General"}, {"14", "m/d/yyyy"}};
    static const std::regex fmt(R"re(<numFmt numFmtId="([0-9]+)" formatCode="([^"]*)"/>)re");
    for (auto it = std::sregex_iterator(styles.begin(), styles.end(), fmt); it != std::sregex_iterator(); ++it)
        custom[(*it)[1]] = unescape((*it)[2]);
    std::vector<std::string> out;
    auto xfs = styles.substr(styles.find("<cellXfs"));
    static const std::regex xf(R"re(<xf numFmtId="([0-9]+)")re");
    for (auto it = std::sregex_iterator(xfs.begin(), xfs.end(), xf); it != std::sregex_iterator(); ++it)
        out.push_back(custom.count((*it)[1]) ? custom[(*it)[1]] : "builtin " + std::string((*it)[1]));
    return out;
}

}  // namespace reckon::testing
