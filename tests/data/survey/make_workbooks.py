#!/usr/bin/python3
"""Writes the survey workbooks the tests read: the wave of ratings.csv and respondents.csv as one workbook.

Run with Debian's /usr/bin/python3 (python3-openpyxl, python3-odf) from this folder:
    /usr/bin/python3 make_workbooks.py
survey.xlsx  openpyxl: sheets respondents then ratings, answers as number cells, the date as a date cell
survey.ods   odfpy, as LibreOffice writes: sheets ratings then respondents, numbers and date cells
The output is the same on every run (fixed times in the zip).
"""
import csv
import datetime
import importlib.util
import os

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))


def table(name):
    """The CSV's rows, numbers as numbers and dates as dates, as a spreadsheet holds them."""
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    out = [rows[0]]
    for row in rows[1:]:
        cells = []
        for v in row:
            if v.isdigit():
                cells.append(int(v))
            elif len(v) == 10 and v[4] == "-" and v[7] == "-":
                cells.append(datetime.date.fromisoformat(v))
            elif v == "":
                cells.append(None)
            else:
                cells.append(v)
        out.append(cells)
    return out


def xlsx(sheets, path):
    spec = importlib.util.spec_from_file_location("template", os.path.join(HERE, "../../../datasets/register-template.py"))
    template = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(template)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    template.save_reproducibly(wb, path)


def ods(sheets, path):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for title, rows in sheets:
        t = Table(name=title)
        for cells in rows:
            row = TableRow()
            for v in cells:
                if v is None:
                    c = TableCell()
                elif isinstance(v, int):
                    c = TableCell(valuetype="float", value=v)
                    c.addElement(P(text=str(v)))
                elif isinstance(v, datetime.date):
                    c = TableCell(valuetype="date", datevalue=v.isoformat())
                    c.addElement(P(text=v.strftime("%d/%m/%Y")))
                else:
                    c = TableCell(valuetype="string")
                    c.addElement(P(text=v))
                row.addElement(c)
            t.addElement(row)
        doc.spreadsheet.addElement(t)
    doc.save(path)
    # odfpy stamps the time into meta.xml and the zip: fix both so each run gives the same bytes.
    import re
    import zipfile
    with zipfile.ZipFile(path) as src:
        parts = [(i.filename, src.read(i.filename)) for i in src.infolist()]
    with zipfile.ZipFile(path, "w") as dst:
        for name, data in parts:
            if name == "meta.xml":
                data = re.sub(rb"<meta:(creation-date|generator)>[^<]*</meta:\1>", b"", data)
            info = zipfile.ZipInfo(name, date_time=(2005, 3, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            dst.writestr(info, data)


if __name__ == "__main__":
    ratings, respondents = table("ratings.csv"), table("respondents.csv")
    xlsx([("respondents", respondents), ("ratings", ratings)], os.path.join(HERE, "survey.xlsx"))
    ods([("ratings", ratings), ("respondents", respondents)], os.path.join(HERE, "survey.ods"))
