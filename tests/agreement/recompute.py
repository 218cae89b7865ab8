"""Explain's steps worked again (issue 36, item 3: an explanation's leaves, multiplied out, give its root exactly).

explain --format json gives each number it shows exactly (`exact`, in the base units of its unit, `exact_unit`).
A step whose formula is arithmetic over what it uses (+, -, *, /, parentheses, numbers and percentages written out,
the figures it names and the calls of a function it shows with one value) is worked again here from its uses' exact
values, with Python's fractions, and must give the step's own exact value. Step by step, the leaves an explanation
shows (params, inputs, table rows) then give its root exactly, wherever every step on the way is arithmetic. A leaf
(nothing under it) is not worked again. A step that reads anything else (a sum over a list or the cases, a table, a condition, a literal with a unit, a rounding)
is not worked again here; it is counted, so that the test says how much it covered. The engine's own evaluator is
not used: this is a second implementation of the arithmetic, over what explain shows.
"""
import re
from fractions import Fraction

TOKEN = re.compile(r"\s*(?:(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\d+(?:\.\d+)?%?)"
                   r"|(?P<name>[A-Za-z_][A-Za-z_0-9]*(?:\.[A-Za-z_][A-Za-z_0-9]*)*)|(?P<op>[-+*/(),]))")


class NotArithmetic(Exception):
    """The formula reads something this check does not work again."""


def tokens(text):
    out, pos, text = [], 0, text.strip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise NotArithmetic(text[pos:])
        pos = m.end()
        kind = m.lastgroup
        out.append((kind, m.group(kind)))
    return out


def literal(text):
    percent = text.endswith("%")
    value = Fraction(text.rstrip("%").replace(",", ""))
    return value / 100 if percent else value


class Steps:
    """A parser of one formula's arithmetic over `values` (name: Fraction) and `calls` (function name: Fraction)."""

    def __init__(self, text, values, calls):
        self.toks, self.at, self.values, self.calls = tokens(text), 0, values, calls

    def peek(self):
        return self.toks[self.at] if self.at < len(self.toks) else (None, None)

    def take(self):
        tok = self.peek()
        self.at += 1
        return tok

    def whole(self):
        v = self.expr()
        if self.at != len(self.toks):
            raise NotArithmetic(self.peek()[1])
        return v

    def expr(self):
        v = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            v = v + self.term() if self.take()[1] == "+" else v - self.term()
        return v

    def term(self):
        v = self.unary()
        while self.peek() in (("op", "*"), ("op", "/")):
            if self.take()[1] == "*":
                v = v * self.unary()
            else:
                d = self.unary()
                if d == 0:
                    raise NotArithmetic("a division by zero")
                v = v / d
        return v

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return -self.unary()
        return self.atom()

    def atom(self):
        kind, text = self.take()
        if kind == "num":
            if self.peek()[0] == "name":  # a quantity written with its unit (1 year)
                raise NotArithmetic(self.peek()[1])
            return literal(text)
        if kind == "op" and text == "(":
            v = self.expr()
            if self.take() != ("op", ")"):
                raise NotArithmetic("(")
            return v
        if kind == "name" and self.peek() == ("op", "("):
            return self.call(text)
        if kind == "name" and text in self.values:
            return self.values[text]
        raise NotArithmetic(text)

    def call(self, name):
        """A call of a function explain shows with one exact value: its arguments are skipped, whole."""
        if name not in self.calls:
            raise NotArithmetic(name)
        depth = 0
        while True:
            kind, text = self.take()
            if kind is None:
                raise NotArithmetic(name)
            depth += {"(": 1, ")": -1}.get(text, 0) if kind == "op" else 0
            if depth == 0:
                return self.calls[name]


def known(uses):
    """What a step's formula may read: each use's exact value by name, and each function's, where it was called
    with one exact value (two entries of one function with different values: neither)."""
    values, calls, doubtful = {}, {}, set()
    for u in uses:
        if "exact" not in u:
            continue
        if u["kind"] == "fn":
            fn = u["name"].split("(", 1)[0]
            if fn in calls and calls[fn] != Fraction(u["exact"]):
                doubtful.add(fn)
            calls[fn] = Fraction(u["exact"])
        else:
            values[u["name"]] = Fraction(u["exact"])
    for fn in doubtful:
        del calls[fn]
    return values, calls


def work_again(d):
    """The step's value worked again from its uses (a Fraction), or None where it is not arithmetic. A leaf (a
    param written out, an input, a value set for the run: nothing under it) is no step: its formula, if any, may
    not be where its value came from (--param, the run data, a draw)."""
    uses = d.get("uses", [])
    if "exact" not in d or "formula" not in d or not uses or d.get("rounding") or d.get("shown_above"):
        return None
    values, calls = known(uses)
    try:
        return Steps(d["formula"], values, calls).whole()
    except (NotArithmetic, RecursionError):  # RecursionError: parentheses nested deeper than Python's stack
        return None
