"""Open our workbooks in LibreOffice, headless, the way a commune's PC would.

Tests that need it call :func:`require_soffice` (a clear skip when LibreOffice is not installed)
and :func:`convert`, which runs ``soffice --headless --convert-to`` with a private user profile
(so that it neither touches nor waits for a user's running LibreOffice) and a timeout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

TIMEOUT = 180  # seconds; a first start of LibreOffice builds its profile


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    exe = soffice()
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed: cannot check that Excel files open")
    return exe


def convert(path: Path, out_dir: Path, to: str = "pdf", timeout: int = TIMEOUT) -> Path:
    """Convert ``path`` with LibreOffice into ``out_dir``; return the new file."""
    return convert_many([path], out_dir, to, timeout)[0]


def convert_many(
    paths: list[Path], out_dir: Path, to: str = "pdf", timeout: int = TIMEOUT
) -> list[Path]:
    """Convert ``paths`` with one LibreOffice run into ``out_dir``; return the new files.

    Fails the test (with LibreOffice's own output) when a conversion fails or times out.
    """
    exe = require_soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cashless-lo-profile-") as profile:
        cmd = [
            exe,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            to,
            "--outdir",
            str(out_dir),
            *map(str, paths),
        ]
        env = {**os.environ, "HOME": profile}
        try:
            done = subprocess.run(
                cmd, capture_output=True, text=True, timeout=timeout, env=env, check=False
            )
        except subprocess.TimeoutExpired as exc:
            pytest.fail(f"LibreOffice did not finish converting in {timeout} s: {exc}")
    targets = [out_dir / f"{p.stem}.{to.split(':')[0]}" for p in paths]
    missing = [t.name for t in targets if not t.is_file() or t.stat().st_size == 0]
    if done.returncode != 0 or missing or "Error" in done.stderr:
        pytest.fail(
            f"LibreOffice could not convert {missing or paths} (exit {done.returncode}):\n"
            f"{done.stdout}\n{done.stderr}"
        )
    return targets


def page_pixels(pdf: Path, page: int, dpi: int = 30) -> tuple[int, int, bytes]:
    """Page ``page`` (1-based) of ``pdf`` as raw RGB pixels: (width, height, bytes)."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        pytest.skip("poppler (pdftoppm) is not installed: cannot render the PDF")
    done = subprocess.run(
        [exe, "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    data = done.stdout  # binary PPM: "P6\n<w> <h>\n255\n" then RGB bytes
    parts = data.split(b"\n", 3)
    width, height = map(int, parts[1].split())
    return width, height, parts[3]


def count_colour(pixels: bytes, rgb: tuple[int, int, int], tolerance: int = 24) -> int:
    """How many pixels are within ``tolerance`` of ``rgb`` on every channel."""
    r0, g0, b0 = rgb
    n = 0
    for i in range(0, len(pixels) - 2, 3):
        if (
            abs(pixels[i] - r0) <= tolerance
            and abs(pixels[i + 1] - g0) <= tolerance
            and abs(pixels[i + 2] - b0) <= tolerance
        ):
            n += 1
    return n


def pdf_pages(pdf: Path) -> int:
    exe = shutil.which("pdfinfo")
    if exe is None:
        pytest.skip("poppler (pdfinfo) is not installed")
    out = subprocess.run([exe, str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def render_first_page(pdf: Path, png_base: Path, dpi: int = 60) -> Path:
    """The first page of ``pdf`` as a PNG (poppler's pdftoppm); skips when it is missing."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        pytest.skip("poppler (pdftoppm) is not installed: cannot render the PDF")
    subprocess.run(
        [exe, "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(png_base)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return png_base.with_suffix(".png")
