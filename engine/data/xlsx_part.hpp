// The workbook's zip members as XML (read_xlsx.hpp): a member inflated a block at a time straight into
// expat, which calls a handler of the part's own kind; and the names of members, checked so that none
// escapes the zip and resolved as relationships name them. Private to the workbook reader's files.
#pragma once

#include <expat.h>
#include <unzip.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace reckon::xlsx {

// "x:row" -> "row": SpreadsheetML may be written with a namespace prefix.
std::string_view local(const char* name);

// The value of an element's attribute (by its local name), or null.
const char* attribute(const char** attrs, std::string_view name);

// What a part's handler sees; a handler that finds a problem sets `problem` and the parse stops.
class Handler {
public:
    virtual ~Handler() = default;
    virtual void start(std::string_view name, const char** attrs) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view) {}
    std::string problem;
    XML_Parser parser = nullptr;

protected:
    void fail(std::string why) {
        if (problem.empty()) problem = std::move(why);
        XML_StopParser(parser, XML_FALSE);
    }
};

// Members are named by the zip; a name that would escape it is refused.
bool escapes(const std::string& name);

// A relationship's target, relative to the folder of the part that names it, as a member's name.
std::optional<std::string> resolve(const std::string& folder, const std::string& target);

// The folder of a member, with its '/' ("xl/" of "xl/workbook.xml"), or "".
std::string folder_of(const std::string& member);

// One part of the zip, inflated a block at a time into expat, which calls a
// handler. It has a handle on the zip of its own, so that several parts (a
// sheet of cases and a sheet of a list) can be read at once.
class PartReader {
public:
    // max_bytes bounds what the part inflates to; a sheet, which is read a
    // row at a time and so may be large, may also inflate to 200 times its
    // size in the zip (a zip bomb inflates by a thousand).
    PartReader(const std::string& path, const std::string& member, Handler& h, std::string shown, std::uint64_t max_bytes,
               bool sheet = false);
    PartReader(const PartReader&) = delete;
    PartReader& operator=(const PartReader&) = delete;

    bool found() const { return zip_.current || done_; }

    // Inflates and parses one block; false once the part is done.
    bool step();

private:
    [[noreturn]] void fail(const std::string& why) const;
    // The parser made ready to call the handler, with no DOCTYPE and no external entity.
    void set_up_parser(Handler& h);

    // The zip and its member open for reading, closed however the reader ends (its constructor may throw).
    struct Zip {
        unzFile z = nullptr;
        bool current = false;
        ~Zip() {
            if (current) unzCloseCurrentFile(z);
            if (z) unzClose(z);
        }
    };

    Zip zip_;  // first: destroyed last
    std::string path_, shown_;
    Handler& h_;
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser_;
    std::vector<char> buffer_;
    std::uint64_t total_ = 0, max_ = 0, limit_ = 0;
    bool done_ = false;
};

}  // namespace reckon::xlsx
