#!/usr/bin/env python3
"""The analyst's alternative to reckon, for bench/run: methodology A (the Sussex complex client costing) in
Python, exactly, as an analyst would write it well: PyYAML's C loader (Debian's python3-yaml) to read each
case file, fractions.Fraction for every figure, and a JSON line per case with each output to the penny.

    bench/peer.py CASE_FILE_OR_FOLDER...

It reads and checks what it uses, but does not give reckon's diagnostics; tests/scale_test.cpp checks that
its totals are reckon's, to the penny, so that the comparison is of like with like.
"""
import json
import os
import sys
from fractions import Fraction as F

import yaml

Loader = yaml.CSafeLoader  # the C loader: without it PyYAML is several times slower

ON_COSTS = F(20, 100)
WORKING_HOURS = 1650
HOSTEL_STANDARD = F("195") + F("201.10")
STAFF = {"deputy_manager": 36110, "keyworker": 29896, "night_hostel_worker": 22083, "supported_housing_assistant": 24118}
GP_CONSULTATION = F(36)  # round(11.7 minutes x £3.10 a minute, £1), half away from zero


def rate(salary):
    return F(salary) * (1 + ON_COSTS) / WORKING_HOURS


def number(x, what):
    if isinstance(x, bool) or not isinstance(x, (int, float, str)):
        raise ValueError(f"{what}: expected a number, found {x!r}")
    f = F(str(x))
    if f < 0:
        raise ValueError(f"{what}: expected at least 0, found {x}")
    return f


def custody_charge(minutes):
    hours = minutes // 60
    bands = max(1, -(-hours // 8))
    return 359 + 205 * (bands - 1)


def evaluate(c):
    p, police, hostel, drugs, nhs = c["probation"], c["police"], c["hostel"], c["drug_services"], c["nhs"]
    out = {}
    out["probation"] = rate(32000) * sum(number(a["hours"], "hours") for a in p["activities"])
    hours = (number(police["searches"], "searches") * 2 * F(20, 60) + number(police["arrests"], "arrests") * F(13, 2)
             + number(police["intelligence_reports"], "intelligence_reports") * F(10, 60)
             + number(police["iom_appointment_hours"], "iom_appointment_hours"))
    out["police_constable_hours"] = hours
    out["police_constable_time"] = rate(31917) * hours
    out["police_custody"] = F(sum(custody_charge(int(number(m, "custody_minutes"))) for m in police["custody_minutes"]))
    out["police"] = out["police_constable_time"] + out["police_custody"]
    out["court"] = number(c["court"]["summary_cases"], "summary_cases") * 104
    staff = hostel["additional_staff_hours_per_week"]
    out["hostel_additional_staff_weekly"] = sum(number(staff[k], k) * F(s, WORKING_HOURS) for k, s in STAFF.items())
    out["hostel_weekly"] = HOSTEL_STANDARD + out["hostel_additional_staff_weekly"]
    weeks = number(hostel["resident_weeks"], "resident_weeks") - number(hostel["days_in_prison_during_stay"], "days") / 7
    out["hostel"] = out["hostel_weekly"] * weeks
    out["drug_worker_weekly"] = rate(24000) * (number(drugs["contact_hours_per_week"], "contact") + number(drugs["paperwork_hours_per_week"], "paperwork"))
    prescribing = 51 if drugs.get("prescribed", False) else 0
    out["drug_services"] = (out["drug_worker_weekly"] + prescribing) * number(drugs["weeks_in_contact"], "weeks_in_contact")
    out["prison_weekly"] = F(45000, 52)
    out["prison"] = out["prison_weekly"] * number(c["prison"]["weeks_in_custody"], "weeks_in_custody")
    out["nhs"] = (number(nhs["weeks_in_community"], "weeks") * (number(nhs["gp_consultations_per_week"], "gp") * GP_CONSULTATION
                  + number(nhs["prescriptions_per_week"], "prescriptions") * F("42.70"))
                  + number(nhs["non_elective_admissions"], "admissions") * 549)
    out["total"] = sum(out[k] for k in ("probation", "police", "court", "hostel", "drug_services", "prison", "nhs"))
    return out


def pennies(x):
    """x to the penny, half away from zero, as text."""
    sign = "-" if x < 0 else ""
    p = (abs(x) * 100 + F(1, 2)).__floor__()
    return f"{sign}{p // 100}.{p % 100:02d}"


def files(args):
    for a in args:
        if os.path.isdir(a):
            for name in sorted(os.listdir(a)):
                if name.endswith((".yaml", ".yml")):
                    yield os.path.join(a, name)
        else:
            yield a


def main():
    write = sys.stdout.write
    failed = 0
    for path in files(sys.argv[1:]):
        try:
            with open(path, "rb") as f:
                c = yaml.load(f, Loader=Loader)
            out = evaluate(c)
            write(json.dumps({"case": c["case"], "file": path, "outputs": {k: pennies(v) for k, v in out.items()}}) + "\n")
        except Exception as e:  # one bad case never stops the others
            failed += 1
            sys.stderr.write(f"{path}: error: {e}\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
