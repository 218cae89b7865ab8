// The read phase for workbooks (read_xlsx.hpp): the workbook's index. The zip's member names are checked
// before any member is read; then the package's relationships lead to the workbook part, whose sheets and
// relationships lead to each sheet's part, the styles (which cells show dates) and the shared strings.
// Each kind of part has a handler of its own: the zip's members in xlsx_part, the shared strings in
// xlsx_shared_strings, number formats and dates in xlsx_number_formats, a sheet's cells in xlsx_sheet.
#include "data/read_xlsx.hpp"

#include "core/base/read_file.hpp"

#include "data/xlsx_number_formats.hpp"
#include "data/xlsx_part.hpp"
#include "data/xlsx_shared_strings.hpp"
#include "data/xlsx_sheet.hpp"

#include <cctype>
#include <cstring>
#include <filesystem>
#include <map>
#include <stdexcept>

namespace reckon {

bool is_workbook(const std::string& file) {
    std::string ext = std::filesystem::path(file).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".xlsx";
}

namespace {

using xlsx::Handler;
using xlsx::attribute;

constexpr std::size_t max_members = 10000;

// The relationships of a part (_rels/*.rels): id -> target, and type.
struct Relationship {
    std::string id, target, type;
};

class RelationshipsHandler : public Handler {
public:
    std::vector<Relationship> found;
    void start(std::string_view name, const char** attrs) override {
        if (name != "Relationship") return;
        const char* id = attribute(attrs, "Id");
        const char* target = attribute(attrs, "Target");
        const char* type = attribute(attrs, "Type");
        const char* mode = attribute(attrs, "TargetMode");
        if (mode && std::string_view(mode) == "External") return;  // a link outside the workbook is never followed
        if (id && target) found.push_back({id, target, type ? type : ""});
    }
    void end(std::string_view) override {}
};

struct SheetEntry {
    std::string name, relationship;
};

// The workbook part (xl/workbook.xml): its sheets, named and pointing to their relationships, and its date system.
class WorkbookHandler : public Handler {
public:
    std::vector<SheetEntry> sheets;
    bool date1904 = false;
    void start(std::string_view name, const char** attrs) override {
        if (name == "workbookPr") {
            const char* d = attribute(attrs, "date1904");
            date1904 = d && (std::string_view(d) == "1" || std::string_view(d) == "true");
        } else if (name == "sheet") {
            const char* n = attribute(attrs, "name");
            const char* id = attribute(attrs, "id");
            if (n && id) sheets.push_back({n, id});
        }
    }
    void end(std::string_view) override {}
};

// Whether a relationship's type ends in `s` ("/styles").
bool type_ends(const Relationship& r, const char* s) {
    return r.type.size() >= std::strlen(s) && r.type.substr(r.type.size() - std::strlen(s)) == s;
}

}  // namespace

struct Workbook::Parts {
    std::string path;
    Limits limits;
    std::vector<std::string> names;
    std::map<std::string, std::string> members;  // sheet name -> its part
    std::shared_ptr<const std::vector<std::string>> strings = std::make_shared<const std::vector<std::string>>();
    std::shared_ptr<const std::vector<bool>> date_style = std::make_shared<const std::vector<bool>>();
    bool date1904 = false;

    [[noreturn]] void fail(const std::string& why) const { throw FileError(path, why); }

    // Reads one member through a handler, whole; a member that is missing is nothing to read when `optional`.
    bool parse(const std::string& member, Handler& h, bool optional, const std::string& shown) const {
        xlsx::PartReader part(path, member, h, shown, limits.file_size);
        if (!part.found()) {
            if (optional) return false;
            fail("the workbook has no part " + member + " (it is damaged, or not a workbook)");
        }
        while (part.step()) {
        }
        return true;
    }

    std::vector<Relationship> relationships(const std::string& member) const {
        RelationshipsHandler h;
        const std::string folder = xlsx::folder_of(member);
        parse(folder + "_rels/" + member.substr(folder.size()) + ".rels", h, true, "the relationships of " + member);
        return h.found;
    }

    // The file within the file-size limit, a zip, and every member's name one that stays within it, none
    // encrypted: all before any member is read.
    void check_members() const {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) fail("cannot open file");
        auto size = std::filesystem::file_size(path, ec);
        if (!ec && size > limits.file_size)
            fail(over_size_limit(size, limits.file_size));
        std::unique_ptr<void, int (*)(unzFile)> zip(unzOpen64(path.c_str()), unzClose);
        if (!zip) fail("this is not a workbook (.xlsx): it is not a zip file; an older .xls, or a workbook saved with a password, must be saved again as .xlsx");
        std::size_t count = 0;
        for (int r = unzGoToFirstFile(zip.get()); r == UNZ_OK; r = unzGoToNextFile(zip.get())) {
            if (++count > max_members) fail("the zip has more than " + std::to_string(max_members) + " members: this is not a workbook");
            unz_file_info64 info;
            char name[1024];
            if (unzGetCurrentFileInfo64(zip.get(), &info, name, sizeof name, nullptr, 0, nullptr, 0) != UNZ_OK || info.size_filename >= sizeof name)
                fail("the zip is damaged: a member's name cannot be read");
            if (xlsx::escapes(name)) fail("the zip has a member named '" + std::string(name) + "', which would escape the workbook: it is not read");
            if (info.flag & 1) fail("member " + std::string(name) + " is encrypted: save the workbook without a password");
        }
    }

    // The workbook part: the package's officeDocument, else where a workbook keeps it.
    std::string book_member() const {
        std::string book = "xl/workbook.xml";
        for (const auto& r : relationships(""))
            if (r.type.size() >= 15 && r.type.substr(r.type.size() - 15) == "/officeDocument")
                if (auto m = xlsx::resolve("", r.target)) book = *m;
        return book;
    }

    // The styles' part read for which cell styles show a date, and the shared strings' part for its texts.
    void read_styles_and_strings(const std::string& styles, const std::string& shared) {
        if (!styles.empty()) {
            xlsx::StylesHandler sh;
            parse(styles, sh, true, styles);
            date_style = std::make_shared<const std::vector<bool>>(std::move(sh.date_style));
        }
        if (!shared.empty()) {
            xlsx::SharedStringsHandler ss;
            parse(shared, ss, true, "the shared strings table (" + shared + ")");
            strings = std::make_shared<const std::vector<std::string>>(std::move(ss.strings));
        }
    }
};

Workbook::Workbook(const std::string& path, const Limits& limits) : parts_(std::make_unique<Parts>()) {
    Parts& p = *parts_;
    p.path = path;
    p.limits = limits;
    p.check_members();
    const std::string book = p.book_member();
    WorkbookHandler wb;
    p.parse(book, wb, false, book);
    p.date1904 = wb.date1904;
    std::map<std::string, std::string> targets;  // by relationship id
    std::string styles, strings;
    for (const auto& r : p.relationships(book)) {
        auto m = xlsx::resolve(xlsx::folder_of(book), r.target);
        if (!m) p.fail("the workbook points to a part outside it: " + r.target);
        targets[r.id] = *m;
        if (type_ends(r, "/styles")) styles = *m;
        if (type_ends(r, "/sharedStrings")) strings = *m;
    }
    for (const auto& s : wb.sheets) {
        auto t = targets.find(s.relationship);
        if (t == targets.end()) continue;  // a chart sheet or a dialog: no cells
        p.names.push_back(s.name);
        p.members[s.name] = t->second;
    }
    p.read_styles_and_strings(styles, strings);
}

Workbook::~Workbook() = default;

const std::string& Workbook::path() const { return parts_->path; }
const std::vector<std::string>& Workbook::sheets() const { return parts_->names; }

std::unique_ptr<RowReader> Workbook::rows(const std::string& name) const {
    const Parts& p = *parts_;
    auto m = p.members.find(name);
    if (m == p.members.end()) p.fail("the workbook has no sheet named '" + name + "'");
    return xlsx::sheet_rows(p.path, m->second, name, p.strings, p.date_style, p.date1904, p.limits.file_size);
}

}  // namespace reckon
