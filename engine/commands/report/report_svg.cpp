// The drawing primitives of the report's charts (report_svg.hpp).
#include "commands/report/report_svg.hpp"

#include "commands/present/html.hpp"
#include "core/base/number.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace reckon::svg {

std::string fmt_num(double x, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
    return buf;
}

double tick_step(double span, double ticks) {
    if (span <= 0) return 1;
    double raw = span / ticks, mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double f : {1.0, 2.0, 5.0, 10.0})
        if (raw <= f * mag) return f * mag;
    return 10 * mag;
}

std::string tick_label(double x, double step) {
    int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step)));
    std::string text = fmt_num(x, decimals);
    bool negative = !text.empty() && text[0] == '-';
    return (negative ? "-" : "") + group_thousands(negative ? text.substr(1) : text);
}

Scale span_of(double lo, double hi, double width) {
    Scale s;
    if (hi <= lo) hi = lo + std::max(1.0, std::fabs(lo) / 100);
    s.step = tick_step(hi - lo, std::max(2.0, std::floor(width / 90)));
    s.lo = std::floor(lo / s.step) * s.step;
    s.hi = std::ceil(hi / s.step) * s.step;
    return s;
}

std::string line(double x1, double y1, double x2, double y2, const char* colour, bool dashed) {
    return "<line x1=\"" + fmt_num(x1, 1) + "\" y1=\"" + fmt_num(y1, 1) + "\" x2=\"" + fmt_num(x2, 1) + "\" y2=\"" + fmt_num(y2, 1) +
           "\" stroke=\"" + colour + "\"" + (dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>";
}

std::string ticks(const Scale& sc, const std::function<double(double)>& x_of, double top, double bottom) {
    std::string t;
    for (double v = sc.lo; v <= sc.hi + sc.step / 2; v += sc.step) {
        const double x = x_of(v);
        t += line(x, top, x, bottom, "#dde3e8");
        t += "<text class=\"tick\" x=\"" + fmt_num(x, 1) + "\" y=\"" + fmt_num(bottom + 15, 1) +
             "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#38424c\">" + escape_html(tick_label(v, sc.step)) + "</text>\n";
    }
    return t;
}

std::string svg_open(const std::string& title, double width, double height, int id) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart" + std::to_string(id) + "\" viewBox=\"0 0 " +
           fmt_num(width, 0) + " " + fmt_num(height, 0) + "\" width=\"" + fmt_num(width, 0) + "\" height=\"" + fmt_num(height, 0) +
           "\">\n<title id=\"chart" + std::to_string(id) + "\">" + escape_html(title) + "</title>\n";
}

}  // namespace reckon::svg
