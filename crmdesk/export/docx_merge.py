"""Many filled copies of one template as one document, a page break between them.

The copies come from the same template, so the styles, numbering, headers and the relations
their bodies point at (images, links) are the first copy's: appending each later body after a
page break keeps every reference valid without re-mapping relations.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn


def combine(documents: Sequence[bytes]) -> bytes:
    """One .docx holding each document in turn, each starting on a new page."""
    if not documents:
        raise ValueError("nothing to combine")
    first = Document(io.BytesIO(documents[0]))
    body = first.element.body
    section = body.find(qn("w:sectPr"))
    for data in documents[1:]:
        page_break = first.add_paragraph()
        page_break.add_run().add_break(WD_BREAK.PAGE)  # add_paragraph keeps it before sectPr
        other = Document(io.BytesIO(data)).element.body
        for child in list(other):
            if child.tag == qn("w:sectPr"):
                continue
            if section is not None:
                section.addprevious(copy.deepcopy(child))
            else:
                body.append(copy.deepcopy(child))
    out = io.BytesIO()
    first.save(out)
    return out.getvalue()
