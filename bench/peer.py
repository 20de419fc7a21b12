"""The openpyxl peer crm is measured against: what a competent Python user
would write. It uses openpyxl's fastest modes where the output allows them
(write_only to write, read_only to read) and does no work crm does not also
do. Run by bench/bench.py.

  peer.py dump WORKBOOK.xlsx CELLS.json   every sheet's cells (preparation, not timed)
  peer.py write CELLS.json OUT.xlsx       write those sheets and cells, with the
                                          column widths and the Yes/Partial/No list
  peer.py read WORKBOOK.xlsx              read the CIS and CRM sheets, count answers
  peer.py batch CELLS.json DIR N          write N workbooks, read each back and check
                                          every answer is Yes, Partial or No
"""
import json
import os
import sys

import openpyxl
from openpyxl.worksheet.datavalidation import DataValidation


def dump(path, out):
    wb = openpyxl.load_workbook(path, read_only=True)
    cells = {}
    for ws in wb.worksheets:
        cells[ws.title] = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
    with open(out, "w") as f:
        json.dump(cells, f)


def write(cells, out):
    wb = openpyxl.Workbook(write_only=True)
    for title, rows in cells.items():
        ws = wb.create_sheet(title)
        # A write-only sheet takes its widths and lists before its rows.
        for col, width in zip("ABCDEFGHIJKLM", [15, 20, 20, 20, 20, 20, 20, 20, 21, 21, 21, 21, 27]):
            ws.column_dimensions[col].width = width
        if title.endswith("CRM Worksheet"):
            dv = DataValidation(type="list", formula1='"No,Partial,Yes"', allow_blank=True)
            dv.add("B5:B%d" % (len(rows) + 1))
            ws.data_validations.append(dv)
        for row in rows:
            ws.append([v if v != "" else None for v in row])
    wb.save(out)


def read(path):
    wb = openpyxl.load_workbook(path, read_only=True)
    answers = {}
    for ws in wb.worksheets:
        if "CRM" not in ws.title:
            continue
        header = None
        for row in ws.iter_rows(values_only=True):
            if header is None:
                if row and row[0] == "Control ID":
                    header = row
                continue
            if row and row[0]:
                answers[row[1]] = answers.get(row[1], 0) + 1
    for ws in wb.worksheets:
        if "CIS" in ws.title:
            sum(1 for _ in ws.iter_rows(values_only=True))
    return answers


def batch(cells, folder, n):
    os.makedirs(folder, exist_ok=True)
    for i in range(n):
        path = os.path.join(folder, "peer-%03d.xlsx" % i)
        write(cells, path)
        answers = read(path)
        bad = [a for a in answers if a not in ("Yes", "Partial", "No")]
        if bad:
            raise SystemExit("invalid answers %r in %s" % (bad, path))


def main(argv):
    cmd = argv[1]
    if cmd == "dump":
        dump(argv[2], argv[3])
    elif cmd == "write":
        write(json.load(open(argv[2])), argv[3])
    elif cmd == "read":
        print(read(argv[2]))
    elif cmd == "batch":
        batch(json.load(open(argv[2])), argv[3], int(argv[4]))
    elif cmd == "version":
        print(openpyxl.__version__)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
