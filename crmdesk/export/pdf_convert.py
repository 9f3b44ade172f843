"""Word documents to PDF through LibreOffice (`soffice --headless --convert-to pdf`).

LibreOffice runs with a profile of its own in a temporary folder, so it neither waits for nor
disturbs a LibreOffice window the user has open; many documents go through one start, which
is where most of the time goes. The PDFs are written atomically like every other document.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.export.atomic import write_atomically

CANDIDATES = (
    "soffice",
    "libreoffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
)
TIMEOUT = 300  # seconds for one conversion run


class NoLibreOffice(KnownError):
    def __init__(self) -> None:
        super().__init__(
            translatable("Messages", "LibreOffice is not installed, so no PDF can be made."),
            translatable("Messages", "Save the document as .docx, or install LibreOffice."),
        )


def find_soffice() -> str | None:
    """LibreOffice's soffice program, or None (CRMDESK_SOFFICE names another one)."""
    named = os.environ.get("CRMDESK_SOFFICE")
    if named is not None:
        return shutil.which(named) or (named if Path(named).is_file() else None)
    for candidate in CANDIDATES:
        found = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
        if found:
            return found
    return None


def convert_to_pdf(documents: Sequence[tuple[bytes, str | os.PathLike[str]]]) -> list[Path]:
    """Each (docx bytes, target .pdf path) converted in one LibreOffice run; the targets are
    written only once every conversion succeeded."""
    soffice = find_soffice()
    if soffice is None:
        raise NoLibreOffice()
    if not documents:
        return []
    with tempfile.TemporaryDirectory(prefix="crmdesk-pdf-") as work:
        folder = Path(work)
        sources = []
        for index, (data, _target) in enumerate(documents):
            source = folder / f"doc{index:05d}.docx"
            source.write_bytes(data)
            sources.append(source)
        profile = (folder / "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(folder / "out"),
                   *map(str, sources)]  # fmt: skip
        try:
            run = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise KnownError(
                translatable("Messages", "LibreOffice could not convert the document: %1."),
                values=(exc,),
            ) from exc
        pdfs = [folder / "out" / (s.stem + ".pdf") for s in sources]
        missing = [p for p in pdfs if not p.is_file()]
        if run.returncode != 0 or missing:
            detail = (run.stderr or run.stdout).decode(errors="replace").strip()[-300:]
            raise KnownError(
                translatable("Messages", "LibreOffice could not convert the document: %1."),
                values=(detail or run.returncode,),
            )
        return [
            write_atomically(target, pdf.read_bytes())
            for pdf, (_data, target) in zip(pdfs, documents, strict=True)
        ]
