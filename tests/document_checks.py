"""Reading rendered documents back: PDF through poppler (pdftotext, pdffonts, pdfinfo), DOCX through
python-docx, XLSX through openpyxl; LibreOffice headless for DOCX/XLSX → PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

MM = 72 / 25.4


def pdf_text(path, *args: str) -> str:
    out = subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True, encoding="utf-8",
                         check=True).stdout
    assert unicodedata.is_normalized("NFC", out)
    return out


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_fonts_embedded(path) -> None:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    fonts = out.splitlines()[2:]
    assert fonts, out
    for line in fonts:
        name, emb = line.split()[0], line.split()[-5]
        assert emb == "yes" and "LiberationSerif" in name, out


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def size(self) -> float:
        """The font size in points: poppler's word box is 0.893 em high for Liberation Serif."""
        return (self.y1 - self.y0) / 0.8931


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: tuple[Word, ...]

    def line_with(self, fragment: str, below: float = 0) -> list[Word]:
        """The words of `fragment` where they stand on one visual line (the first such line lower on the page
        than `below`), from its first word to the line's end."""
        wanted = fragment.split()
        for word in self.words:
            if word.text != wanted[0] or word.y0 < below:
                continue
            line = sorted((w for w in self.words if abs(w.y0 - word.y0) < 1.5), key=lambda w: w.x0)
            start = line.index(word)
            if [w.text for w in line[start:start + len(wanted)]] == wanted:
                return line[start:]
        raise AssertionError(f"{fragment!r} not on the page")


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def pdf_pages(path) -> list[Page]:
    import html

    out = pdf_text(path, "-bbox")
    pages = []
    for width, height, body in _PAGE.findall(out):
        words = tuple(Word(float(a), float(b), float(c), float(d), html.unescape(t))
                      for a, b, c, d, t in _WORD.findall(body))
        pages.append(Page(float(width), float(height), words))
    return pages


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_with_libreoffice(files: list[Path], out_dir: Path) -> dict[Path, Path]:
    """Convert every file to PDF in one LibreOffice run (a private profile, so a user's open LibreOffice does
    not interfere); asserts the run succeeded and made each PDF."""
    out_dir.mkdir(parents=True, exist_ok=True)
    # "list.docx" and "list.xlsx" would both become "list.pdf": convert copies named by their format.
    staged = {f: out_dir / f"{f.stem}_{f.suffix.lstrip('.')}{f.suffix}" for f in files}
    for source, copy in staged.items():
        shutil.copyfile(source, copy)
    profile = out_dir / "lo-profile"
    proc = subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out_dir), *map(str, staged.values())],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    made = {f: out_dir / f"{copy.stem}.pdf" for f, copy in staged.items()}
    missing = [str(f) for f, pdf in made.items() if not pdf.exists()]
    assert not missing, f"LibreOffice made no PDF of {missing}: {proc.stdout} {proc.stderr}"
    return made
