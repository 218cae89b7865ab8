// A workbook reckon wrote, read back for the tests that compare its cells with the figures (report_test.cpp,
// diff_workbook_test.cpp): its members unzipped, a sheet by its name, each cell's type, style and value, and each
// style's number format.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace reckon::testing {

// XML text with its five entities read (&lt; &gt; &quot; &amp;).
std::string unescape(std::string s);
// The text of a member of the workbook (a zip), with unzip.
std::string unzip(const std::string& xlsx, const std::string& member);
// The text of the sheet named `name` (the workbook's sheets are sheet1.xml, sheet2.xml… in the order workbook.xml lists them).
std::string sheet_named(const std::string& xlsx, const std::string& name);

// A cell: its type attribute ("" for a number, "inlineStr", "s", "b"), its style index, its value or inline text.
struct XCell {
    std::string type, style, value;
};
// The cells of a sheet by reference ("B2").
std::map<std::string, XCell> cells_of(const std::string& sheet);
// The number format of each cell style (index into cellXfs) of styles.xml.
std::vector<std::string> formats_of(const std::string& styles);

}  // namespace reckon::testing
