#!/usr/bin/python3
"""Writes the workbooks the import's reader tests read, as each writer makes them.

Run with Debian's /usr/bin/python3 (python3-openpyxl, python3-odf) from this folder:
    /usr/bin/python3 make_workbooks.py
openpyxl-register.xlsx  openpyxl: inline strings, absolute part paths, ISO date cells, formulas saved
                        without results, a hidden and a very hidden sheet before the register
openpyxl-error.xlsx     openpyxl: an #N/A error cell in the register
openpyxl-1904.xlsx      openpyxl: the 1904 date system, with day 0 as a Start
phonetic.xlsx           by hand, as Excel writes Japanese text: rich text runs with a phonetic run
bad-shared-index.xlsx   by hand: a cell naming shared text number 7 of 2
broken-xml.xlsx         by hand: the second sheet's XML has a closing tag that does not match
unterminated-reference.xlsx  by hand: an & in an attribute that starts no reference, a ';' later
binary.xlsb             by hand: the parts an Excel Binary Workbook names, with no content
register.ods            odfpy, as LibreOffice writes: text, numbers, dates, a formula with its result, an
                        error result, a notes sheet and a hidden sheet before the register
broken.ods              register.ods with a closing tag in content.xml that does not match
not-utf8.ods            register.ods with a Windows-1252 byte in content.xml
surrogate.ods           register.ods with a cell naming half of a UTF-16 pair (&#xD800;)
not-utf8.xlsx           by hand: a Windows-1252 byte in the sheet's XML
nested-spreadsheet.ods  register.ods with a cell holding a spreadsheet of its own (found by fuzzing:
                        liborcus stopped the program on a failed assertion)
unterminated-value.ods  register.ods with content.xml ending inside a quoted attribute value that holds
                        a reference (found by fuzzing: liborcus read past its buffer)
"""
import datetime
import zipfile

import openpyxl

HEADS = ["Partnership", "Nature", "Council role", "Lead partner", "Partners", "Budget", "Start"]


def openpyxl_register():
    wb = openpyxl.Workbook()
    wb.iso_dates = True  # dates as t="d" cells
    lookups = wb.active
    lookups.title = "Lookups"
    lookups.append(HEADS)
    lookups.append(["Not a partnership", "project", "lead", "The Council", "", 1, None])
    lookups.sheet_state = "hidden"
    archive = wb.create_sheet("Archive")
    archive.append(HEADS)
    archive.append(["Old partnership", "project", "lead", "The Council", "", 1, None])
    archive.sheet_state = "veryHidden"
    ws = wb.create_sheet("Register")
    ws.append(HEADS)
    ws.append(["Crime and Disorder", "strategic", "lead", "The Council", "Police; Health", 150000,
               datetime.date(1999, 4, 1)])
    ws.append(["Town Centre", "project", "support", "Chamber", "The Council", None, datetime.date(2003, 12, 31)])
    ws["F3"] = "=F2/10"  # openpyxl stores the formula without a result
    ws.append(["Total", None, None, None, None, "=SUM(F2:F3)", None])
    wb.active = 2
    wb.save("openpyxl-register.xlsx")


def openpyxl_error():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Register"
    ws.append(HEADS)
    ws.append(["Crime and Disorder", "strategic", "lead", "The Council", "Police", "#N/A", None])
    wb.save("openpyxl-error.xlsx")


def openpyxl_1904():
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Register"
    ws.append(HEADS)
    ws.append(["Crime and Disorder", "strategic", "lead", "The Council", "Police", 1, 0])
    wb.save("openpyxl-1904.xlsx")


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def hand_made(path, sheets, shared):
    """sheets: list of (name, sheetData XML); shared: list of <si> bodies."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        entries = "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (n, _) in enumerate(sheets))
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook {NS}><sheets>{entries}</sheets></workbook>')
        rels = "".join(
            f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
        rels += ('<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                 'Target="sharedStrings.xml"/>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships '
                   f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        for i, (_, data) in enumerate(sheets):
            xml = f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet {NS}><sheetData>{data}</sheetData></worksheet>'
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml", xml.encode().replace(b"@E9@", b"\xe9"))  # a raw byte
        items = "".join(f"<si>{s}</si>" for s in shared)
        z.writestr("xl/sharedStrings.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?>\n<sst {NS} count="{len(shared)}" uniqueCount="{len(shared)}">{items}</sst>')


def head_row(first_shared):
    return '<row r="1">' + "".join(f'<c r="{chr(65 + i)}1" t="s"><v>{first_shared + i}</v></c>' for i in range(5)) + "</row>"


HEAD_ITEMS = [f"<t>{h}</t>" for h in HEADS[:5]]


def phonetic():
    # Excel's rich text: runs <r><t>, and a phonetic run <rPh> giving the reading; <phoneticPr> after.
    name = ('<r><t>Tokyo </t></r><r><rPr><b/></rPr><t>東京</t></r>'
            '<rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>')
    row = ('<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="inlineStr"><is><t>project</t></is></c>'
           '<c r="C2" t="inlineStr"><is><t>lead</t></is></c>'
           '<c r="D2" t="inlineStr"><is><r><t>The </t></r><r><t>Council</t></r><rPh sb="0" eb="3"><t>ザ</t></rPh></is></c></row>')
    hand_made("phonetic.xlsx", [("Register", head_row(0) + row)], HEAD_ITEMS + [name])


def bad_shared_index():
    row = ('<row r="2"><c r="A2" t="s"><v>7</v></c><c r="B2" t="inlineStr"><is><t>project</t></is></c>'
           '<c r="C2" t="inlineStr"><is><t>lead</t></is></c><c r="D2" t="inlineStr"><is><t>The Council</t></is></c></row>')
    hand_made("bad-shared-index.xlsx", [("Register", head_row(0) + row)], HEAD_ITEMS)


def broken_xml():
    good = head_row(0)
    broken = '<row r="1"><c r="A1"><v>1</v></row>'
    hand_made("broken-xml.xlsx", [("Register", good), ("Notes", broken)], HEAD_ITEMS)


def not_utf8():
    row = ('<row r="2"><c r="A2" t="inlineStr"><is><t>Caf@E9@</t></is></c><c r="B2" t="inlineStr"><is><t>project</t></is></c></row>')
    hand_made("not-utf8.xlsx", [("Register", head_row(0) + row)], HEAD_ITEMS)


def unterminated_reference():
    row = '<row r="2" spans="&x"><c r="A2" t="inlineStr"><is><t>Police; Health</t></is></c></row>'
    hand_made("unterminated-reference.xlsx", [("Register", head_row(0) + row)], HEAD_ITEMS)


def binary_workbook():
    with zipfile.ZipFile("binary.xlsb", "w") as z:
        z.writestr("_rels/.rels", ROOT_RELS.replace("xl/workbook.xml", "xl/workbook.bin"))
        z.writestr("xl/workbook.bin", b"\x83\x01\x00")


def ods_register():
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableProperties
    from odf.table import Table, TableRow, TableCell
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    hide = Style(name="ta2", family="table")
    hide.addElement(TableProperties(display="false"))
    doc.automaticstyles.addElement(hide)

    def text(value):
        c = TableCell(valuetype="string")
        c.addElement(P(text=value))
        return c

    def number(value):
        c = TableCell(valuetype="float", value=value)
        c.addElement(P(text=str(value)))
        return c

    def date(value):
        c = TableCell(valuetype="date", datevalue=value)
        c.addElement(P(text=value))
        return c

    notes = Table(name="Notes")
    row = TableRow()
    row.addElement(text("Keep one row per partnership."))
    notes.addElement(row)
    doc.spreadsheet.addElement(notes)
    old = Table(name="Old register", stylename=hide)
    for cells in [[text(h) for h in HEADS], [text("Old partnership"), text("project"), text("lead"), text("The Council")]]:
        row = TableRow()
        for c in cells:
            row.addElement(c)
        old.addElement(row)
    doc.spreadsheet.addElement(old)
    reg = Table(name="Register 2004")
    formula = TableCell(valuetype="float", value=5000, formula="of:=[.F2]/30")
    formula.addElement(P(text="5000"))
    error = TableCell(valuetype="string", stringvalue="", formula="of:=NA()")
    error.addElement(P(text="#N/A"))
    rows = [[text(h) for h in HEADS],
            [text("Crime and Disorder"), text("strategic"), text("lead"), text("The Council"), text("Police; Health"),
             number(150000), date("1999-04-01")],
            [text("Town Centre"), text("project"), text("support"), text("Chamber"), text("The Council"),
             formula, date("2003-12-31")],
            [text("Shared Services"), text("project"), text("support"), text("Chamber"), text("The Council"),
             error, date("2004-01-01")]]
    for cells in rows:
        row = TableRow()
        for c in cells:
            row.addElement(c)
        reg.addElement(row)
    doc.spreadsheet.addElement(reg)
    doc.save("register.ods")
    damaged("broken.ods", b"</text:p></table:table-cell>", b"</text:p></table:table-row>")
    damaged("not-utf8.ods", b"Crime and Disorder", b"Caf\xe9 and Disorder")
    damaged("surrogate.ods", b"Crime and Disorder", b"Crime &#xD800; Disorder")
    damaged("nested-spreadsheet.ods", b"<text:p>Crime and Disorder",
            b'<office:body><office:spreadsheet><table:table table:name="Inner"></table:table></office:spreadsheet>'
            b"</office:body><text:p>Crime and Disorder")
    unterminated_value()


def unterminated_value():
    """register.ods with content.xml ending in a table name whose quote never closes, after a reference."""
    with zipfile.ZipFile("register.ods") as good, zipfile.ZipFile("unterminated-value.ods", "w") as bad:
        for item in good.infolist():
            data = good.read(item.filename)
            if item.filename == "content.xml":
                cut = data.index(b'table:name="') + len(b'table:name="')
                data = data[:cut] + b"Partners &amp; themes/>"
            bad.writestr(item, data)


def damaged(path, old, new):
    """register.ods with `old` in content.xml replaced by `new`."""
    with zipfile.ZipFile("register.ods") as good, zipfile.ZipFile(path, "w") as bad:
        for item in good.infolist():
            data = good.read(item.filename)
            if item.filename == "content.xml":
                data = data.replace(old, new, 1)
            bad.writestr(item, data)


if __name__ == "__main__":
    openpyxl_register()
    openpyxl_error()
    openpyxl_1904()
    phonetic()
    bad_shared_index()
    broken_xml()
    binary_workbook()
    not_utf8()
    unterminated_reference()
    ods_register()
