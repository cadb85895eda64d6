#!/usr/bin/env bash
# Creates a realistic construction project folder for the demo: drawings, specifications, RFIs,
# submittals, photos, meeting minutes and schedules as small but valid files (PDF, PNG, JPEG,
# DOCX, XLSX), with plausible modification times. A few names are ones Procore rejects or stores
# differently (characters like : | ?, a space before the extension dot, two names differing only
# in case, a decomposed accent), so the demo shows Trestle's name rules at work.
# Usage: installer/make-demo-share.sh <dir>    (idempotent: existing files are rewritten)
set -euo pipefail
if [ $# -ne 1 ] || [ -z "$1" ]; then
    echo "usage: $0 <dir>" >&2
    exit 2
fi
mkdir -p "$1"
exec python3 - "$1" <<'PY'
import os, struct, sys, time, unicodedata, zipfile, zlib

root = sys.argv[1]
PROJECT = "Riverside Medical Office Building"
made = []

def path(rel):
    full = os.path.join(root, rel)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    return full

def stamp(full, date):
    t = time.mktime(time.strptime(date, "%Y-%m-%d %H:%M"))
    os.utime(full, (t, t))

def pdf(rel, title, date, lines=()):
    """A one-page PDF with a title block; offsets in the xref table are exact."""
    text = ["BT /F1 18 Tf 50 760 Td (%s) Tj ET" % esc(title),
            "BT /F1 10 Tf 50 740 Td (%s) Tj ET" % esc(PROJECT)]
    y = 710
    for line in lines:
        text.append("BT /F1 10 Tf 50 %d Td (%s) Tj ET" % (y, esc(line)))
        y -= 16
    text.append("0.5 w 40 40 532 712 re S")
    stream = "\n".join(text).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Title (%s) /Producer (Trestle demo share) >>" % esc(title).encode("latin-1"),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    write(rel, bytes(out), date)

def esc(s):
    s = s.encode("latin-1", "replace").decode("latin-1")
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

def png(rel, width, height, rgb, date):
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    write(rel, data, date)

def jpeg(rel, width, height, date):
    """A baseline grey JPEG: every 8x8 block is flat mid-grey, so each block is DC difference 0
    then end-of-block; with one-code Huffman tables that is two 0 bits a block."""
    seg = lambda marker, body: b"\xff" + bytes([marker]) + struct.pack(">H", len(body) + 2) + body
    blocks = ((width + 7) // 8) * ((height + 7) // 8)
    bits = "00" * blocks
    bits += "1" * (-len(bits) % 8)
    scan = bytearray()
    for i in range(0, len(bits), 8):
        byte = int(bits[i:i + 8], 2)
        scan.append(byte)
        if byte == 0xFF:
            scan.append(0)
    data = (b"\xff\xd8"
            + seg(0xE0, b"JFIF\x00\x01\x01\x00\x00\x48\x00\x48\x00\x00")
            + seg(0xDB, b"\x00" + b"\x01" * 64)
            + seg(0xC0, b"\x08" + struct.pack(">HH", height, width) + b"\x01\x01\x11\x00")
            + seg(0xC4, b"\x00" + b"\x01" + b"\x00" * 15 + b"\x00")   # DC table 0: one code "0" -> category 0
            + seg(0xC4, b"\x10" + b"\x01" + b"\x00" * 15 + b"\x00")   # AC table 0: one code "0" -> EOB
            + seg(0xDA, b"\x01\x01\x00\x00\x3f\x00")
            + bytes(scan) + b"\xff\xd9")
    write(rel, data, date)

def docx(rel, title, paragraphs, date):
    body = "".join("<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>" % xml(p)
                   for p in [title] + list(paragraphs))
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '</Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>',
        "word/document.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            + body + '</w:body></w:document>',
    }
    zipped(rel, files, date)

def xlsx(rel, rows, date):
    def cell(ref, value):
        if isinstance(value, (int, float)):
            return '<c r="%s"><v>%s</v></c>' % (ref, value)
        return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, xml(value))
    sheet = "".join('<row r="%d">%s</row>' % (r + 1, "".join(cell("%s%d" % (chr(65 + c), r + 1), v)
                                                               for c, v in enumerate(row)))
                    for r, row in enumerate(rows))
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '</Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + sheet + '</sheetData></worksheet>',
    }
    zipped(rel, files, date)

def xml(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def zipped(rel, files, date):
    full = path(rel)
    with zipfile.ZipFile(full, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(zipfile.ZipInfo(name, time.strptime(date, "%Y-%m-%d %H:%M")[:6]), text)
    stamp(full, date)
    made.append(rel)

def write(rel, data, date):
    full = path(rel)
    with open(full, "wb") as f:
        f.write(data)
    stamp(full, date)
    made.append(rel)

# Drawings: sheet number and title, as a drawing log names them.
sheets = [
    ("Architectural", "A-001 Cover Sheet and Drawing Index", "2026-09-14 09:12"),
    ("Architectural", "A-101 Floor Plan Level 1", "2026-10-28 16:40"),
    ("Architectural", "A-102 Floor Plan Level 2", "2026-10-28 16:41"),
    ("Architectural", "A-201 Exterior Elevations", "2026-10-02 11:05"),
    ("Architectural", "A-301 Building Sections", "2026-10-02 11:07"),
    ("Architectural", "A-501 Wall Sections and Details", "2026-11-03 08:55"),
    ("Structural", "S-101 Foundation Plan", "2026-09-22 14:30"),
    ("Structural", "S-201 Level 2 Framing Plan", "2026-10-19 10:15"),
    ("Structural", "S-501 Typical Concrete Details", "2026-10-19 10:16"),
    ("MEP", "M-101 HVAC Plan Level 1", "2026-10-07 13:20"),
    ("MEP", "E-101 Lighting Plan Level 1", "2026-10-07 13:22"),
    ("MEP", "P-101 Plumbing Plan Level 1", "2026-10-07 13:25"),
]
for discipline, sheet, date in sheets:
    pdf("Drawings/%s/%s.pdf" % (discipline, sheet), sheet, date,
        ["Issued for construction", "Revision 2 - %s" % date[:10], "Scale: 1/8\" = 1'-0\""])

specs = [
    ("Division 01 - General Requirements", "01 33 00 Submittal Procedures"),
    ("Division 03 - Concrete", "03 30 00 Cast-in-Place Concrete"),
    ("Division 03 - Concrete", "03 35 00 Concrete Finishing"),
    ("Division 05 - Metals", "05 12 00 Structural Steel Framing"),
    ("Division 08 - Openings", "08 11 13 Hollow Metal Doors and Frames"),
    ("Division 08 - Openings", "08 71 00 Door Hardware"),
    ("Division 09 - Finishes", "09 29 00 Gypsum Board"),
    ("Division 09 - Finishes", "09 91 23 Interior Painting"),
]
for division, section, in specs:
    pdf("Specifications/%s/%s.pdf" % (division, section), "Section " + section, "2026-08-30 17:00",
        ["Part 1 - General", "Part 2 - Products", "Part 3 - Execution"])

rfis = [
    ("RFI-012 Elevator pit depth", "2026-10-21 09:30"),
    ("RFI-013 Curtain wall anchor spacing", "2026-10-29 15:10"),
    ("RFI-014 Slab edge detail", "2026-11-04 10:45"),
    ("RFI-015 Door hardware at stair 2", "2026-11-11 14:05"),
]
for rfi, date in rfis:
    pdf("RFIs/%s.pdf" % rfi, rfi, date, ["Question: please confirm the detail shown.",
                                         "Response required by: one week from issue."])
docx("RFIs/RFI-016 Roof drain location.docx", "RFI-016 Roof drain location",
     ["Question: the roof drain on A-101 conflicts with beam B-12 on S-201.", "Proposed: shift drain 600 mm east."],
     "2026-11-18 11:20")

pdf("Submittals/05 12 00-001 Structural steel shop drawings.pdf", "05 12 00-001 Structural steel shop drawings",
    "2026-10-12 08:30", ["Status: Approved as noted"])
pdf("Submittals/03 30 00-002 Concrete mix designs.pdf", "03 30 00-002 Concrete mix designs", "2026-09-25 16:00",
    ["Status: Approved"])
xlsx("Submittals/08 11 13-003 Door schedule.xlsx",
     [["Door", "Room", "Size", "Frame", "Hardware set"], ["101A", "Lobby", "3070", "HM", 1],
      ["102", "Exam 1", "3070", "HM", 4], ["103", "Exam 2", "3070", "HM", 4], ["201", "Office", "3070", "HM", 2]],
     "2026-11-06 13:45")
pdf("Submittals/09 29 00-001 Gypsum board product data.pdf", "09 29 00-001 Gypsum board product data",
    "2026-11-13 10:00", ["Status: Revise and resubmit"])

for folder, names, date in [
    ("Photos/2026-11-02 Site walk", ["IMG_0412.jpg", "IMG_0413.jpg", "IMG_0415.jpg"], "2026-11-02 10:"),
    ("Photos/2026-11-16 Level 2 slab pour", ["IMG_0519.jpg", "IMG_0520.jpg"], "2026-11-16 07:"),
]:
    for minute, name in enumerate(names):
        jpeg("%s/%s" % (folder, name), 320, 240, date + "%02d" % (10 + minute * 3))
png("Photos/Site logistics plan.png", 160, 120, (214, 226, 240), "2026-09-10 12:00")

docx("Meeting Minutes/OAC Meeting 012 2026-11-05.docx", "Owner-Architect-Contractor meeting 012",
     ["Attendees: owner, architect, GC", "1. Schedule: level 2 pour moved to 16 Nov.", "2. RFI-014 answered."],
     "2026-11-05 17:30")
docx("Meeting Minutes/OAC Meeting 013 2026-11-19.docx", "Owner-Architect-Contractor meeting 013",
     ["1. Curtain wall mock-up review on 3 Dec.", "2. Submittal 09 29 00-001 to be resubmitted."],
     "2026-11-19 17:15")
xlsx("Schedules/Master Schedule rev 7.xlsx",
     [["Activity", "Start", "Finish", "Days"], ["Foundations", "2026-08-03", "2026-09-18", 35],
      ["Level 2 deck", "2026-10-26", "2026-11-16", 16], ["Roof", "2026-12-01", "2026-12-19", 15]],
     "2026-11-20 09:00")

# Names Procore rejects or stores differently (DESIGN.md: name rules are data, shown in the plan).
pdf("RFIs/RFI-017 Beam clash at grid C|4?.pdf", "RFI-017 Beam clash at grid C/4", "2026-11-20 16:20")
pdf("Submittals/Door hardware: level 2 .pdf", "Door hardware level 2", "2026-11-21 09:40")
docx("Meeting Minutes/Agenda.docx", "Agenda (final)", ["Safety, schedule, RFIs, submittals"], "2026-11-24 08:00")
docx("Meeting Minutes/agenda.docx", "agenda (draft)", ["Safety, schedule"], "2026-11-23 18:00")
pdf(unicodedata.normalize("NFD", "Specifications/Division 09 - Finishes/09 72 00 Façade wall coverings.pdf"),
    "Section 09 72 00 Facade wall coverings", "2026-08-30 17:00")

print("demo share: %d files in %s" % (len(made), root))
PY
