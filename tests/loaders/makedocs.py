"""PDF and Word files the tests (and benchmarks) write themselves, with fpdf2 and python-docx.

Each writer lays out what analysts' files have: running headers and footers with page numbers,
long paragraphs that wrap (and a word hyphenated at a line end), tables, two columns, and a page
that is only an image, as a scanner makes it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fpdf import FPDF

#: Page 1: a paragraph long enough to wrap over several lines.
MEETING = ("The Committee on Data of the International Science Council (CODATA) and the Chinese Academy "
           "of Sciences held a joint workshop in Beijing on 12 May 2019 to discuss open research data "
           "policies and the sharing of scientific data across borders.")
#: Page 2: a sentence whose page the evidence must give.
SIGNING = "On 3 June 2019 CODATA and the Chinese Academy of Sciences signed a memorandum of understanding in Paris."


class _Report(FPDF):
    running_header = "CODATA Annual Report 2019"
    scanning = False  # a scanned page, put in as an image: no running header or footer of ours

    def header(self):
        if self.scanning:
            return
        self.set_font("helvetica", size=9)
        self.cell(0, 8, self.running_header, align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self):
        if self.scanning:
            return
        self.set_y(-15)
        self.set_font("helvetica", size=9)
        self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")


def _pdf(title: str | None = "Annual Report 2019", author: str | None = "CODATA Secretariat",
         created: dt.datetime | None = dt.datetime(2019, 7, 1, 9, 30, tzinfo=dt.timezone.utc)) -> _Report:
    pdf = _Report()
    pdf.set_auto_page_break(True, margin=20)
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    if created:
        pdf.set_creation_date(created)
    pdf.set_font("helvetica", size=11)
    return pdf


def _paragraph(pdf: FPDF, text: str) -> None:
    pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)


def report_pdf(path: Path, *, hyphenated: bool = True) -> Path:
    """Two pages of text with running header and footer; page 2 holds :data:`SIGNING`.

    With ``hyphenated``, page 2 starts with a paragraph whose line breaks after "coopera-".
    """
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("helvetica", "B", 14)
    pdf.cell(0, 10, "Annual Report 2019", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=11)
    _paragraph(pdf, MEETING)
    pdf.add_page()
    if hyphenated:
        # the line break falls inside "cooperation", as a typesetter hyphenates it
        pdf.cell(0, 6, "The two bodies agreed to strengthen their long-standing coopera-", new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 6, "tion on data-sharing in the years to come.", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    _paragraph(pdf, SIGNING)
    pdf.output(str(path))
    return path


def table_pdf(path: Path) -> Path:
    """One page: a sentence and a table of participants (organisation, country)."""
    pdf = _pdf(title="Participants")
    pdf.add_page()
    _paragraph(pdf, "The following organisations took part in the roundtable.")
    with pdf.table(col_widths=(110, 60)) as table:
        for row in (("Organisation", "Country"), ("Chinese Academy of Sciences", "China"),
                    ("National Center for Atmospheric Research", "United States")):
            r = table.row()
            for cell in row:
                r.cell(cell)
    pdf.output(str(path))
    return path


#: The two columns of :func:`columns_pdf`, each a paragraph that must come out whole.
LEFT = ("The first column reports that the Beijing Institute of Genomics hosted a delegation from the "
        "European Bioinformatics Institute in March 2018 to plan the exchange of omics data between "
        "the two institutes.")
RIGHT = ("The second column reports that the Japan Science and Technology Agency joined the project "
         "later that year and funded two research fellowships in Tokyo.")


def columns_pdf(path: Path) -> Path:
    """One page in two columns: :data:`LEFT` fills the first, :data:`RIGHT` the second."""
    pdf = _pdf(title="Two columns")
    pdf.add_page()
    with pdf.text_columns(ncols=2, gutter=10) as cols:
        cols.write(LEFT)
        cols.ln()
        cols.new_column()
        cols.write(RIGHT)
    pdf.output(str(path))
    return path


def _scan_image():
    from PIL import Image, ImageDraw

    img = Image.new("L", (800, 1000), 255)
    ImageDraw.Draw(img).text((60, 80), "Memorandum of understanding (scanned)", fill=0)
    return img


def scanned_pdf(path: Path, *, text_pages: int = 0) -> Path:
    """``text_pages`` pages of text, then a page that is only an image (no text layer)."""
    pdf = _pdf(title="Signed MoU")
    for n in range(text_pages):
        pdf.add_page()
        _paragraph(pdf, (MEETING, SIGNING)[n % 2])
    pdf.scanning = True
    pdf.add_page()
    pdf.image(_scan_image(), x=10, y=10, w=190)
    pdf.output(str(path))
    return path


def image_only_pdf(path: Path) -> Path:
    """A PDF as a scanner writes it: one image per page, no header or footer, no text at all."""
    pdf = FPDF()
    pdf.set_title("Signed MoU")
    pdf.add_page()
    pdf.image(_scan_image(), x=10, y=10, w=190)
    pdf.output(str(path))
    return path


def report_docx(path: Path) -> Path:
    """A Word file: core properties, a heading, paragraphs, a table, a header and a footer, a page break."""
    import docx

    d = docx.Document()
    d.core_properties.title = "Meeting report"
    d.core_properties.author = "Jane Doe"
    d.core_properties.created = dt.datetime(2020, 2, 14, 10, 0)
    d.core_properties.modified = dt.datetime(2020, 3, 1, 10, 0)
    section = d.sections[0]
    section.header.paragraphs[0].text = "CONFIDENTIAL DRAFT"
    section.footer.paragraphs[0].text = "Meeting report - page footer"
    d.add_heading("Meeting report", level=1)
    d.add_paragraph(MEETING)
    table = d.add_table(rows=3, cols=2)
    for r, row in enumerate((("Organisation", "Country"), ("Chinese Academy of Sciences", "China"),
                             ("National Center for Atmospheric Research", "United States"))):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    d.add_paragraph("Main outcomes:")
    d.add_paragraph("a shared catalogue of data sets", style="List Bullet")
    d.add_page_break()
    d.add_paragraph(SIGNING)
    d.save(str(path))
    return path
