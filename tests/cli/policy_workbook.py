#!/usr/bin/python3
"""Writes a workbook as another council keeps one: the Carlisle register renamed as Eden's, and a
Policy sheet in that council's own words (or, with "bad", one with a wrong value in each kind of row).

  /usr/bin/python3 policy_workbook.py DATASETS_DIR OUT.xlsx good|bad
"""
import importlib.util, json, os, sys

import openpyxl

datasets, out, kind = sys.argv[1], sys.argv[2], sys.argv[3]
spec = importlib.util.spec_from_file_location("template", os.path.join(datasets, "register-template.py"))
template = importlib.util.module_from_spec(spec)
spec.loader.exec_module(template)

with open(os.path.join(datasets, "carlisle-2004.json"), encoding="utf-8") as f:
    text = f.read().replace("Carlisle", "Eden").replace("Best Value Review", "Scrutiny review")
reg = json.loads(text)

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Partnerships"
ws.append([h if h != "City Vision themes" else "Corporate priorities" for h in template.HEADINGS])
for row in template.register_rows(reg, template.uk):
    ws.append(row)

policy = wb.create_sheet("Our policy")
policy.append(["Eden District Council: partnership framework settings"])
policy.append([])
policy.append(["Setting", "Our choice", "Notes"])
if kind == "good":
    rows = [
        ("What do we call our priorities?", "Corporate priorities"),
        ("Priority (one)", "Corporate priority"),
        ("Our word for service areas", "Service areas"),
        ("Our word for a service area", "Service area"),
        ("Policy document", "the Partnership Framework"),
        ("Review process", "the annual partnership health check"),
        ("Unit stretched at", "75%"),
        ("Council leads more than (share of partnerships)", 0.6),
        ("Significant partnership: council contribution (\u00a3)", "\u00a350,000"),
        ("Posts at risk when funding ends within", "6 months"),
        ("Source for the roles finding", "the Partnership Framework, section 3"),
    ]
else:
    rows = [
        ("Unit stretched at", "eighty"),
        ("Council leads more than (share of partnerships)", "150%"),
        ("Significant: the council is the accountable body", "sometimes"),
        ("Review overdue after (months)", "twelve"),
        ("Colour of the logo", "green"),
        ("Policy document", "the Partnership Framework"),
        ("Name of our policy", "the Partnership Protocol"),
    ]
for label, value in rows:
    policy.append([label, value, "as agreed by the Executive"])
template.save_reproducibly(wb, out)
