"""pipeline serve in a real Chromium (Debian's, driven by Playwright): edit a master and the
open page shows the change; break it and the page shows the error at its line; fix it and
the error goes. Time from save to page is printed (-s shows it), not asserted."""
from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NAME = "idm2008-ws2-agenda.en"
WAIT_MS = 60_000  # a generous bound on a loaded machine; the figure itself is printed


@pytest.fixture()
def server(tmp_path: Path):
    """A sources folder (the English and French agenda, the English as a master) served
    on a free port; yields (base URL, master path)."""
    sources = tmp_path / "sources"
    sources.mkdir()
    for lang in ("en", "fr"):
        (sources / f"idm2008-ws2-agenda.{lang}.txt").write_bytes(
            (ROOT / f"sources/idm2008-ws2-agenda.{lang}.txt").read_bytes())
    master = sources / f"{NAME}.xml"
    r = subprocess.run([sys.executable, "-m", "pipeline", "parse", sources / f"{NAME}.txt",
                        "-o", master], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    (sources / f"{NAME}.txt").unlink()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--port", "0"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    try:
        lines = []
        for line in proc.stdout:
            lines.append(line)
            if m := re.search(r"serving build at (http://127\.0\.0\.1:\d+/)", line):
                break
        else:
            pytest.fail("pipeline serve did not start:\n" + "".join(lines))
        yield m.group(1), master
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def save(path: Path, old: str, new: str) -> float:
    """Replace old by new in path (as an editor saves); the time it was saved."""
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    return time.monotonic()


def test_edit_break_and_fix_a_master_in_the_browser(server) -> None:
    from support.tools import CHROMIUM_ARGS, chromium_path, require_tools

    require_tools("playwright", "chromium")
    from playwright.sync_api import expect, sync_playwright

    base, master = server
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), headless=True,
                                     args=list(CHROMIUM_ARGS))
        try:
            page = browser.new_page()
            page.goto(f"{base}html/{NAME}.html")
            expect(page.locator("h1, .item-title").first).to_be_visible()
            assert "SETTING THE SCENE" in page.inner_text("main")
            assert page.locator("#pipeline-errors").count() == 0

            saved = save(master, "SETTING THE SCENE", "SETTING THE SCENE ANEW")
            expect(page.locator("main")).to_contain_text("SETTING THE SCENE ANEW", timeout=WAIT_MS)
            print(f"\nedit shown {time.monotonic() - saved:.2f} s after the save")

            text = master.read_text("utf-8")
            line = text[:text.index('kind="keynote"')].count("\n") + 1
            saved = save(master, 'kind="keynote"', 'kind="speech"')
            panel = page.locator("#pipeline-errors")
            expect(panel).to_contain_text(f"{NAME}.xml:{line}: error: item kind=\"speech\" is not "
                                          "allowed: allowed values: registration", timeout=WAIT_MS)
            print(f"error shown {time.monotonic() - saved:.2f} s after the save")
            marked = page.locator("#pipeline-errors mark.error-line")
            assert marked.get_attribute("data-line") == str(line)
            assert 'kind="speech"' in marked.inner_text()
            assert "SETTING THE SCENE ANEW" in page.inner_text("main")  # the last good page

            save(master, 'kind="speech"', 'kind="keynote"')
            expect(panel).to_have_count(0, timeout=WAIT_MS)
            assert "SETTING THE SCENE ANEW" in page.inner_text("main")
        finally:
            browser.close()
