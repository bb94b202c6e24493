#!/usr/bin/python3
"""Writes the spreadsheet registers that `partnermap import` reads, in the layout of the template:

  register-template.csv / .xlsx   the headings, one worked example row and notes on each column; the
                                  workbook's sheets of Business Units, organisations and themes
  register-template-units.csv, -organisations.csv, -themes.csv
                                  those sheets for a CSV register (import ... --with FILE.csv)
  carlisle-2004.csv / .xlsx       the Carlisle register (carlisle-2004.json) in that layout, the
                                  workbook with its units' capacities and organisations' sectors

Run from anywhere with Debian's Python (it needs python3-openpyxl): /usr/bin/python3 datasets/register-template.py
The output is the same every time (fixed dates inside the XLSX), so the committed files can be checked.
"""
import csv, datetime, io, json, os, re, zipfile

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill

HERE = os.path.dirname(os.path.abspath(__file__))

# (heading, what to write, example)
COLUMNS = [
    ("Id", "Optional: a short id for the partnership; made from its name when left empty", "cdrp"),
    ("Partnership", "Required: the partnership's name", "Carlisle Crime and Disorder Reduction Partnership"),
    ("Nature", "Required: strategic, operational, funding or project", "strategic"),
    ("Council role", "lead, support, observer or not a member", "lead"),
    ("Lead partner", "The lead organisation(s); the council's own name when it leads", "Carlisle City Council"),
    ("Partners", "The other members, separated by ';'; a role other than support in brackets: Name (observer)",
     "Cumbria Constabulary; Cumbria Fire and Rescue Service; Government Office for the North West (observer)"),
    ("City Vision themes", "The themes it serves, separated by ';'", "Safer communities; Health and wellbeing"),
    ("Business Units and hours", "Council staff time: Unit: hours a month, the officer in brackets if named; separated by ';'",
     "Community Services: 24 (Community Safety Co-ordinator); Housing Services: 12"),
    ("Budget", "Total budget, pounds a year (85000 or \u00a385,000)", "150000"),
    ("Council contribution", "The council's part of the budget, pounds a year", "25000"),
    ("Accountable body", "The organisation that holds the money", "Carlisle City Council"),
    ("Parent partnership", "The partnership this one is a sub-partnership of (its name or id)", ""),
    ("Stage", "deciding, establishing, running, evaluating or exiting", "running"),
    ("Start", "Date: day/month/year (1/4/1999) or 1999-04-01", "01/04/1999"),
    ("End", "Date; empty when ongoing", ""),
    ("Indicators", "How benefit is measured, separated by ';'", "British Crime Survey comparator crimes; Fear of crime survey"),
    ("Evaluation", "Any evaluation of the partnership", "Three-yearly crime and disorder audit"),
    ("Management", "How the partnership is run", "Responsible Authorities Group quarterly"),
    ("Exit strategy", "mainstreaming, succession, exit or none", "mainstreaming"),
    ("Risk", "high, medium or low", "medium"),
    ("Last review", "Date of the last review", "15/03/2004"),
    ("Permanent posts", "Council posts that depend on the partnership's funding", "1"),
    ("Posts funded until", "Date the funding for those posts ends", "31/03/2005"),
    ("Survey responses", "Stakeholder survey: responses", "18"),
    ("Satisfied", "Stakeholder survey: how many were satisfied", "12"),
]
HEADINGS = [c[0] for c in COLUMNS]

# The rest of the register, each a sheet of its own in the workbook and a CSV of its own beside the
# register's CSV: (sheet, file suffix, headings, notes, example rows).
OTHER_SHEETS = [
    ("Business Units", "units", ["Business Unit", "Hours available a month"],
     "Optional: each Business Unit, with the hours a month its staff can give to partnership work. A unit left "
     "out (or its hours left empty) is written with its capacity not recorded, never as over capacity.",
     [["Community Services", 190], ["Housing Services", 120]]),
    ("Organisations", "organisations", ["Organisation", "Sector"],
     "Optional: each organisation with its sector (public, voluntary, private, community...).",
     [["Carlisle City Council", "public"], ["Cumbria Constabulary", "public"],
      ["Cumbria Fire and Rescue Service", "public"], ["Government Office for the North West", "public"]]),
    ("Themes", "themes", ["Theme"],
     "Optional: the City Vision themes or corporate priorities, including any no partnership serves yet.",
     [["Safer communities"], ["Health and wellbeing"], ["Economic prosperity"]]),
]
# The Policy sheet: (setting in an officer's words, default, what it does). `partnermap import` reads
# the setting by its words, so a council may reword them; a Value left empty keeps the default.
POLICY = [
    ("Word for one theme (singular)", "theme", "What the council calls one of its priorities, as inside a sentence: Corporate priority, Council Plan outcome"),
    ("Word for themes (plural)", "themes", "The same, for more than one: Corporate priorities"),
    ("Word for one Business Unit (singular)", "Business Unit", "What the council calls a part of itself that gives staff time: Service area, Directorate"),
    ("Word for Business Units (plural)", "Business Units", "The same, for more than one: Service areas"),
    ("Name of the partnership policy", "the partnership policy", "The document the thresholds come from, as inside a sentence: the Partnership Framework"),
    ("Name of the partnership review", "the partnership review", "The review each partnership is given: the annual partnership health check"),
    ("Stretched from (% of capacity)", "85%", "A Business Unit giving this share of its capacity or more is stretched"),
    ("Over capacity above (% of capacity)", "100%", "A Business Unit giving more than this share of its capacity is over capacity"),
    ("Most partnerships the council should lead (%)", "50%", "Leading more than this share of its active partnerships, the council dominates them"),
    ("Low satisfaction below (% satisfied)", "60%", "A partnership whose stakeholder survey has fewer satisfied than this is a finding"),
    ("Review overdue after (months)", "6", "Months after a partnership's last review when the next is overdue"),
    ("Posts at risk when funding ends within (months)", "12", "Council posts are at risk when their funding ends within this many months"),
    ("Significant: council contribution of at least (\u00a3 a year)", "30000", "A council contribution this large makes a partnership significant; none: not a criterion"),
    ("Significant: total budget of at least (\u00a3 a year)", "none", "A total budget this large makes a partnership significant; none: not a criterion"),
    ("Significant: the council is the accountable body", "yes", "yes: the council holding the money makes a partnership significant"),
    ("Significant: rated high risk", "no", "yes: a high risk rating makes a partnership significant"),
    ("Significant: runs this many years or longer", "none", "Running this many years or longer makes a partnership significant; none: not a criterion"),
    ("Significant when this many of those hold", "1", "How many of the significance criteria above must hold (1 to the number switched on)"),
] + [(f"Source cited by the \u201c{check}\u201d finding", "", f"The document and paragraph the {what} finding cites; empty: none")
     for check, what in (("roles", "council's roles"), ("no theme", "no-theme"), ("no role", "no-role"),
                         ("no benefit", "no-benefit"), ("no risk", "no-risk"), ("no exit", "no-exit"),
                         ("posts at risk", "posts-at-risk"), ("review overdue", "review-overdue"),
                         ("significant governance", "significant-governance"), ("no staff time", "no-staff-time"),
                         ("low satisfaction", "low-satisfaction"))]

NOTES = ("Partnership register for partnermap: one row per partnership, headings on the next row. Lists in a cell "
         "are separated by ';'. Dates as day/month/year (31/12/2005) or 2005-12-31; money in pounds a year; hours "
         "a month. Replace the example row with your partnerships, then: partnermap import register.csv -o "
         "register.json --council \"Your Council\"")


def uk(iso):
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def number(v):
    return str(int(v)) if float(v).is_integer() else repr(v)


def register_rows(reg, dates):
    """One row per partnership, in the template's columns. `dates` turns an ISO date into the cell."""
    orgs = {o["id"]: o["name"] for o in reg["organisations"]}
    units = {u["id"]: u["name"] for u in reg["business_units"]}
    themes = {t["id"]: t["name"] for t in reg["themes"]}
    parts = {p["id"]: p["name"] for p in reg["partnerships"]}
    council = reg["council"]
    rows = []
    for p in reg["partnerships"]:
        members = p["members"]
        role = next((m["role"] for m in members if m["org"] == council), "not a member")
        leads = [orgs[m["org"]] for m in members if m["role"] == "lead"]
        partners = [orgs[m["org"]] + ("" if m["role"] == "support" else f" ({m['role']})")
                    for m in members if m["role"] != "lead" and m["org"] != council]
        commitments = []
        for c in p.get("commitments", []):
            text = f"{units[c['unit']]}: {number(c['hours'])}"
            if c.get("officer"):
                text += f" ({c['officer']})"
            commitments.append(text)
        budget, posts, survey = p.get("budget"), p.get("posts"), p.get("survey")
        cells = {
            "Id": p["id"], "Partnership": p["name"], "Nature": p["nature"], "Council role": role,
            "Lead partner": "; ".join(leads), "Partners": "; ".join(partners),
            "City Vision themes": "; ".join(themes[t] for t in p.get("themes", [])),
            "Business Units and hours": "; ".join(commitments),
            "Budget": budget["total"] if budget else None, "Council contribution": budget["council"] if budget else None,
            "Accountable body": orgs.get(p.get("accountable_body"), ""), "Parent partnership": parts.get(p.get("parent"), ""),
            "Stage": p.get("stage", ""), "Start": dates(p.get("start")), "End": dates(p.get("end")),
            "Indicators": "; ".join(p.get("indicators", [])), "Evaluation": p.get("evaluation", ""),
            "Management": p.get("management", ""), "Exit strategy": p.get("exit_strategy", ""), "Risk": p.get("risk", ""),
            "Last review": dates(p.get("last_review")),
            "Permanent posts": posts.get("permanent") if posts else None,
            "Posts funded until": dates(posts.get("funded_until")) if posts else "",
            "Survey responses": survey["responses"] if survey else None, "Satisfied": survey["satisfied"] if survey else None,
        }
        rows.append([cells[h] for h in HEADINGS])
    return rows


def write_csv(path, rows, notes=None):
    with open(path, "w", newline="", encoding="utf-8-sig") as f:  # with a byte-order mark, for Excel
        w = csv.writer(f, lineterminator="\r\n")
        if notes:
            w.writerow([notes])
        w.writerow(HEADINGS)
        for r in rows:
            w.writerow(["" if v is None else (number(v) if isinstance(v, (int, float)) else v) for v in r])


def shared_strings(files):
    """openpyxl writes text as inline strings, which liborcus 0.17 does not read; Excel itself writes a
    shared-string table. Move the text into one, as Excel would."""
    strings, index = [], {}

    def to_shared(m):
        attrs, text = m.group(1), m.group(3)
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return b"<c" + attrs + b' t="s"><v>' + str(index[text]).encode() + b"</v></c>"

    pattern = re.compile(rb'<c([^>]*?) t="inlineStr"><is><t( xml:space="preserve")?>(.*?)</t></is></c>', re.S)
    empty = re.compile(rb'<c([^>]*?) t="inlineStr"></c>')
    for name in list(files):
        if name.startswith("xl/worksheets/"):
            files[name] = empty.sub(rb"<c\1/>", pattern.sub(to_shared, files[name]))
    sst = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(strings), len(strings))
    for t in strings:
        sst += b'<si><t xml:space="preserve">' + t + b"</t></si>"
    files["xl/sharedStrings.xml"] = sst + b"</sst>"
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    files["xl/_rels/workbook.xml.rels"] = files["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml" Id="rIdSST"/></Relationships>')


def save_reproducibly(wb, path):
    """openpyxl stamps the time into the file; rewrite the zip with fixed times so each run gives the same bytes."""
    fixed = datetime.datetime(2004, 9, 1)
    wb.properties.created = wb.properties.modified = fixed
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as src:
        files = {info.filename: src.read(info.filename) for info in src.infolist()}
    shared_strings(files)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in files.items():
            info = zipfile.ZipInfo(name)
            if info.filename == "docProps/core.xml":
                data = data.replace(b"openpyxl", b"partnermap")
            if info.filename.startswith("xl/_rels/"):
                # Relative targets: some readers (liborcus 0.17) cannot follow absolute ones.
                data = data.replace(b'Target="/xl/', b'Target="')
            out = zipfile.ZipInfo(info.filename, date_time=(2004, 9, 1, 0, 0, 0))
            out.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(out, data)


def register_sheet(ws, rows):
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    fill = PatternFill("solid", fgColor="DCE6F0")
    ws.append(HEADINGS)
    for cell in ws[1]:
        cell.font, cell.alignment, cell.fill = bold, wrap, fill
    for r in rows:
        ws.append(r)
    for col, h in enumerate(HEADINGS, start=1):
        letter = openpyxl.utils.get_column_letter(col)
        ws.column_dimensions[letter].width = 40 if h in ("Partnership", "Partners", "Business Units and hours",
                                                          "Indicators", "Management") else 16
        for cell in ws[letter][1:]:
            cell.alignment = wrap
            if isinstance(cell.value, datetime.date):
                cell.number_format = "dd/mm/yyyy"
            elif h in ("Budget", "Council contribution") and cell.value is not None:
                cell.number_format = "\u00a3#,##0"
    ws.freeze_panes = "C2"


def other_sheet(wb, title, headings, rows):
    ws = wb.create_sheet(title)
    ws.append(headings)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in rows:
        ws.append(r)
    ws.column_dimensions["A"].width = 44
    ws.column_dimensions["B"].width = 26


def write_plain_csv(path, headings, rows):
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(headings)
        for r in rows:
            w.writerow(r)
def policy_sheet(wb):
    """The council's words and thresholds, one setting a row; the Value column is the officer's to fill."""
    ws = wb.create_sheet("Policy")
    ws.append(["Setting", "Value", "Default", "What it does"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for label, default, meaning in POLICY:
        ws.append([label, None, default, meaning])
    for letter, width in (("A", 52), ("B", 30), ("C", 24), ("D", 100)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "B2"


def as_date(iso):
    return datetime.date.fromisoformat(iso) if iso else None


def main():
    example = [[c[2] or None for c in COLUMNS]]
    for i, h in enumerate(HEADINGS):
        if h in ("Budget", "Council contribution", "Permanent posts", "Survey responses", "Satisfied"):
            example[0][i] = int(example[0][i])
    write_csv(os.path.join(HERE, "register-template.csv"), example, NOTES)

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Register"
    xlsx_example = [list(example[0])]
    for i, h in enumerate(HEADINGS):
        if h in ("Start", "End", "Last review", "Posts funded until") and xlsx_example[0][i]:
            d, m, y = xlsx_example[0][i].split("/")
            xlsx_example[0][i] = datetime.date(int(y), int(m), int(d))
    register_sheet(ws, xlsx_example)
    notes = wb.create_sheet("Notes")
    notes.append(["Column", "What to write", "Example"])
    for cell in notes[1]:
        cell.font = Font(bold=True)
    for c in COLUMNS:
        notes.append(list(c))
    for title, _, headings, note, _ in OTHER_SHEETS:
        notes.append([f"Sheet \"{title}\"", note, ", ".join(headings)])
    notes.append([])
    notes.append([NOTES.replace("register.csv", "register.xlsx").replace("headings on the next row", "headings on row 1 of the Register sheet")])
    for letter, width in (("A", 26), ("B", 90), ("C", 60)):
        notes.column_dimensions[letter].width = width
    for title, suffix, headings, _, rows in OTHER_SHEETS:
        other_sheet(wb, title, headings, rows)
        write_plain_csv(os.path.join(HERE, f"register-template-{suffix}.csv"), headings, rows)
    policy_sheet(wb)
    save_reproducibly(wb, os.path.join(HERE, "register-template.xlsx"))

    with open(os.path.join(HERE, "carlisle-2004.json"), encoding="utf-8") as f:
        reg = json.load(f)
    write_csv(os.path.join(HERE, "carlisle-2004.csv"), register_rows(reg, uk))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Register"
    register_sheet(ws, register_rows(reg, as_date))
    other_sheet(wb, "Business Units", ["Business Unit", "Hours available a month"],
                [[u["name"], u["capacity_hours"]] for u in reg["business_units"] if u.get("capacity_hours")])
    other_sheet(wb, "Organisations", ["Organisation", "Sector"],
                [[o["name"], o["sector"]] for o in reg["organisations"] if o.get("sector")])
    save_reproducibly(wb, os.path.join(HERE, "carlisle-2004.xlsx"))


if __name__ == "__main__":
    main()
