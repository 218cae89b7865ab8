// The evaluation tree the checker builds from a formula: every name resolved to a slot, every unit checked, each
// operation a kind of its own (`Op`), read by the evaluator and by the compiled code made from it.
#pragma once

#include "core/base/source.hpp"
#include "core/program/types.hpp"

#include <memory>
#include <vector>

namespace reckon {

enum class Op {
    constant,               // value
    param, input, rule,     // slot
    local,                  // slot in the current frame
    field,                  // kids[0].items()[slot]
    neg, not_, abs_,
    add, sub, mul, div,
    eq, ne, lt, le, gt, ge,
    and_, or_,
    if_,                    // kids: cond, then, else
    let_,                   // slot = kids[0]; kids[1]
    call,                   // slot = function index; kids = arguments
    round_,                 // kids: value; step (base units), mode; value: the step as written, for explanations
    min_, max_,             // kids: two or more values
    sum, count, least, most,  // slot = loop variable; kids: list, element (or null), filter (or null)
    date_add, date_sub,     // date ± quantity (kids[1] in base units; step = base units per day)
    date_diff,              // date - date, in base units (step = base units per day)
    is_given,               // kids[0] is not absent
    otherwise,              // kids[0], or kids[1] when it is absent
    lookup,                 // slot = table; kids[0] = key
    pick,                   // kids[0] = a grouped value; kids[1] = the member
    make_date,              // kids: year, month, day (numbers)
    financial_year,         // kids[0] = date: the calendar year in which its financial year (from 1 April) starts
    collect,                // like sum: the elements, as a list
    cases,                  // in a cohort rule: the cases of the batch, as a list of records
    dated,                  // kids[0] = the date that picks; then the values, earliest first; value: their dates (a list)
    power,                  // kids: a number, a whole number: the exact power
    numbers,                // kids: two whole numbers: the list of the whole numbers from the first to the second
    mean_of,                // kids: a sum and a count over one list: the sum divided by the count (an error when none)
    median_of,              // kids[0] = a collect: the middle element in order, or the mean of the two middle ones
    add_months,             // kids: a date, a whole number of months: the date that many months on (the day kept, or the month's last)
    months_between,         // kids: two dates: the whole months from the first to the second
    end_of_month,           // kids[0] = a date: the last day of its month
};

struct Node {
    Op op;
    Location where;
    int slot = -1;
    RoundMode mode = RoundMode::half_away;
    Number step;
    Value value;
    std::vector<std::unique_ptr<Node>> kids;
    int constant = -1;  // a part that reads only the run: its slot in Program::constants (fold_constants.hpp)
};
using NodePtr = std::unique_ptr<Node>;

}  // namespace reckon
