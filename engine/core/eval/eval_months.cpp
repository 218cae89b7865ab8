// Evaluation of month arithmetic on dates (add_months, months_between, end_of_month) and of the averages of a
// list (mean, median), exactly. A month on from the 31st is the next month's last day, as a spreadsheet's EDATE
// gives it; the whole months between two dates are those that add_months can add to the first without passing
// the second.
#include "core/eval/eval.hpp"

#include <algorithm>

namespace reckon {

namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int y, unsigned m) {
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

// The date `months` months on from `day` (days since 1970-01-01): the same day of the month, or its last.
long months_on(long day, long months) {
    int y;
    unsigned m, d;
    civil_from_days(day, y, m, d);
    const long total = static_cast<long>(y) * 12 + static_cast<long>(m - 1) + months;
    const long ny = total >= 0 ? total / 12 : -((-total + 11) / 12);
    const unsigned nm = static_cast<unsigned>(total - ny * 12 + 1);
    return days_from_civil(static_cast<int>(ny), nm, std::min(d, days_in_month(static_cast<int>(ny), nm)));
}

// The whole months from a to b (b not before a).
long whole_months(long a, long b) {
    int ya, yb;
    unsigned ma, mb, da, db;
    civil_from_days(a, ya, ma, da);
    civil_from_days(b, yb, mb, db);
    long m = (static_cast<long>(yb) - ya) * 12 + (static_cast<long>(mb) - static_cast<long>(ma));
    while (m > 0 && months_on(a, m) > b) --m;
    return m;
}

// Dates as the language writes them: years 1 to 99,999 either side of zero, as date() takes them; a date beyond
// is an error, never a year that overflows.
constexpr int last_year = 99999;
bool in_calendar(const Number& day) {
    static const Number first(days_from_civil(-last_year, 1, 1)), last(days_from_civil(last_year, 12, 31));
    return day >= first && day <= last;
}

}  // namespace

Value Evaluator::months(const Node& n) {
    const Number given = eval(*n.kids[0]).n();
    if (!in_calendar(given)) throw EvalError(n.where, "a date beyond the year 99,999: month arithmetic takes dates of years up to 99,999");
    const long day = given.convert_to<long>();
    if (n.op == Op::add_months) {
        const Number k = eval(*n.kids[1]).n();
        if (!k.is_integer() || abs(k) > 1200000)
            throw EvalError(n.where, "add_months() moves a date by a whole number of months (at most 1,200,000), not " + format_trimmed(k, 6));
        int y;
        unsigned m, d;
        civil_from_days(day, y, m, d);
        const Number year = Number(y) + (Number(static_cast<long>(m) - 1) + k) / 12;
        if (abs(year) > last_year) throw EvalError(n.where, "add_months() gives a date beyond the year 99,999");
        return Value::date(months_on(day, k.convert_to<long>()));
    }
    if (n.op == Op::months_between) {
        const Number to = eval(*n.kids[1]).n();
        if (!in_calendar(to)) throw EvalError(n.where, "a date beyond the year 99,999: month arithmetic takes dates of years up to 99,999");
        const long other = to.convert_to<long>();
        return Value::number(Number(other >= day ? whole_months(day, other) : -whole_months(other, day)));
    }
    int y;  // end_of_month
    unsigned m, d;
    civil_from_days(day, y, m, d);
    return Value::date(days_from_civil(y, m, days_in_month(y, m)));
}

Value Evaluator::average(const Node& n) {
    if (n.op == Op::mean_of) {
        const Value total = eval(*n.kids[0]);
        const Number count = eval(*n.kids[1]).n();
        if (count == 0) throw EvalError(n.where, "the mean of no elements: mean() was given nothing to average (an empty list, or none passed its where)");
        return Value::number(total.n() / count);
    }
    const Value all = eval(*n.kids[0]);
    std::vector<Number> xs;
    for (const auto& v : *all.items()) xs.push_back(v.n());
    if (xs.empty()) throw EvalError(n.where, "the median of no elements: median() was given nothing (an empty list, or none passed its where)");
    std::sort(xs.begin(), xs.end());
    const std::size_t mid = xs.size() / 2;
    return Value::number(xs.size() % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2);
}

}  // namespace reckon
