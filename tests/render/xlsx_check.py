# Reads the matrix back from the XLSX with openpyxl and compares every cell with the CSV.
# The CSV neutralises formulas with a leading apostrophe; the XLSX stores such text as a string
# cell instead, so the apostrophe is taken off before comparing. Prints OK or the differences.
import csv, datetime, re, sys
import openpyxl

xlsx_path, csv_path = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(xlsx_path)
assert wb.sheetnames[:3] == ["Matrix", "Capacity", "Review findings"], wb.sheetnames
ws = wb["Matrix"]
assert ws.freeze_panes == "B2", ws.freeze_panes
assert ws.auto_filter.ref, "no autofilter"
assert ws.conditional_formatting is not None
cap = wb["Capacity"]
assert len(list(cap.conditional_formatting)) > 0, "capacity sheet has no conditional colours"

def text(v):
    if v is None:
        return ""
    if isinstance(v, str):
        # Control characters are stored escaped as _xHHHH_ (Excel decodes them; openpyxl does not).
        v = re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), v)
    if isinstance(v, datetime.datetime):
        return v.date().isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)

def unneutralise(s):
    if len(s) > 1 and s[0] == "'" and s[1] in "=+-@\t\r":
        return s[1:]
    return s

with open(csv_path, newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f))
problems = []
if ws.max_row != len(rows):
    problems.append(f"rows: xlsx {ws.max_row}, csv {len(rows)}")
for r, row in enumerate(rows, start=1):
    for c, want in enumerate(row, start=1):
        cell = ws.cell(row=r, column=c)
        got = text(cell.value)
        if got != unneutralise(want):
            problems.append(f"R{r}C{c}: xlsx {got!r} csv {want!r}")
        if cell.data_type == "f":
            problems.append(f"R{r}C{c}: stored as a formula: {got!r}")
print("OK" if not problems else "\n".join(problems[:20]))
