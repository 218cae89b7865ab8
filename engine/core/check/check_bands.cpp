// The bands of a banded table (`bands of hour -> …`): each row's band read
// from its ends, in the key's unit, and the bands of a key together, meeting
// end to end: no value in two, and none between the lowest and the highest in
// none.
#include "core/check/check.hpp"

#include <algorithm>

namespace reckon {

// A row's key of a banded table: a band, the same band as another row's or a new one; its text, as
// band_key_text(), or nullopt after an error.
std::optional<std::string> Checker::band_key(const ast::Decl& d, TableKey& key, const ast::RowEntry& entry) {
    if (!entry.band) {
        error(entry.where, "table '" + d.name + "' is keyed by bands of " + describe(key.type) +
                               ": write a band, as in '0 hour to 8 hour', 'over 8 hour to 16 hour' or '96 hour and over'");
        return std::nullopt;
    }
    Band b;
    b.text = entry.band->text;
    b.low_text = entry.band->low_text;
    b.high_text = entry.band->high_text;
    b.where = entry.where;
    b.low_in = entry.band->low_in;
    b.high_in = entry.band->high_in;
    const std::string what = "an end of a band of table '" + d.name + "'";
    for (auto [end, out] : {std::pair{entry.band->low.get(), &b.low}, std::pair{entry.band->high.get(), &b.high}}) {
        if (!end) continue;
        NodePtr n = constant(*end, key.type, what);
        if (!n) return std::nullopt;
        *out = n->value.n();
    }
    if (b.low && b.high && (*b.high < *b.low || (*b.high == *b.low && !(b.low_in && b.high_in)))) {
        error(entry.where, "band '" + b.text + "' holds no value: its high end is below its low end");
        return std::nullopt;
    }
    for (std::size_t i = 0; i < key.bands.size(); ++i)
        if (key.bands[i].same(b)) return band_key_text(static_cast<int>(i));
    key.bands.push_back(std::move(b));
    return band_key_text(static_cast<int>(key.bands.size() - 1));
}

// The bands of one key, in order: no two hold the same value, and no value between the lowest and the highest
// is in none.
void Checker::check_bands(const ast::Decl& d, const TableKey& key) {
    std::vector<std::size_t> order(key.bands.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto below = [&](std::size_t a, std::size_t b) {  // by low end: an open low end first, then the lower, then the one that holds it
        const Band &x = key.bands[a], &y = key.bands[b];
        if (!x.low || !y.low) return !x.low && y.low;
        if (*x.low != *y.low) return *x.low < *y.low;
        return x.low_in && !y.low_in;
    };
    std::stable_sort(order.begin(), order.end(), below);
    for (std::size_t i = 1; i < order.size(); ++i) {
        const Band &a = key.bands[order[i - 1]], &b = key.bands[order[i]];
        const std::string &a_high = a.high_text, &b_low = b.low_text;
        if (!a.high || !b.low || *a.high > *b.low || (*a.high == *b.low && a.high_in && b.low_in)) {
            // the values both hold: from b's low end to the lower of the two high ends
            const bool b_inside = b.high && (!a.high || *b.high < *a.high);
            const std::string upto = b_inside ? b.high_text : a_high;
            std::string both = !b.low ? "the values below " + b.high_text
                             : !a.high && !b.high ? "the values above " + b_low
                             : a.high && *a.high == *b.low ? b_low : "the values from " + b_low + " to " + upto;
            error(b.where, "band '" + b.text + "' overlaps band '" + a.text + "' of table '" + d.name + "': both hold " + both,
                  {"a value is in one band only: write 'over " + b_low + " to …' for a band that starts where another ends"});
        } else if (*a.high < *b.low || (!a.high_in && !b.low_in)) {
            std::string gap = *a.high == *b.low ? a_high : "the values between " + a_high + " and " + b_low;
            error(b.where, "there is a gap in the bands of table '" + d.name + "' before band '" + b.text + "': no band holds " + gap,
                  {"bands meet end to end: '0 hour to 8 hour', then 'over 8 hour to 16 hour'"});
        }
    }
}

}  // namespace reckon
