// `reckon fmt`, quantities: money written one way, as reckon prints it. An amount of a currency with a symbol
// (`7,689 GBP`, `7,689 GBP/year`) is written with the symbol (`£7,689`, `£7,689/year`), and a money rate written
// as a division (`£32,000 / 1 year`) as the rate (`£32,000/year`); the amounts grouped in threes. Outside
// strings only; what a formula means is unchanged (`reckon diff` shows no change).
#pragma once

#include <map>
#include <string>

namespace reckon {

// Currency name -> its symbol, for the currencies whose symbol a money literal can be written with.
using CurrencySymbols = std::map<std::string, std::string>;

// Whether `symbol` is one a money literal is written with ($, £, €, ¥ …: the grammar's currency_symbol).
bool money_symbol(const std::string& symbol);

// One line's code (comment removed) with its money written one way.
std::string money_written_once(const std::string& code, const CurrencySymbols& currencies);

}  // namespace reckon
