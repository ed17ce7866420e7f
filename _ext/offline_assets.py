"""Make the built book work offline: vendor JS from node_modules, rewrite Altair CDN URLs,
fail (-W) on leftover CDN URLs."""
from __future__ import annotations
import importlib.util, json, re, shutil, time
from pathlib import Path
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)
VENDOR_FILES = {
    "vega/build/vega.min.js": "vega.min.js",
    "vega-lite/build/vega-lite.min.js": "vega-lite.min.js",
    "vega-embed/build/vega-embed.min.js": "vega-embed.min.js",
    "requirejs/require.js": "require.js",
}
VENDOR_DIRS = {  # src dir -> (dest, patterns or None = everything)
    "mathjax/es5": ("mathjax", None),
    "@jupyter-widgets/html-manager/dist": (
        "html-manager", ("embed-amd.js", "*.woff2", "*.woff", "*.ttf", "*.eot", "*.svg")),
}
REQUIRE_CONFIG_JS = """(function () {
  var here = document.currentScript.src.replace(/[^/]*$/, "");
  require.config({paths: {
    "@jupyter-widgets": here + "html-manager",
    "@jupyter-widgets/html-manager/dist": here + "html-manager"
  }});
})();
"""
ALTAIR_CDN = re.compile(
    r"https://cdn\.jsdelivr\.net/npm/(vega-lite|vega-embed|vega-lib|vega)(@[^\"'?\s]*)?\?noext")
ALTAIR_FILE = {"vega": "vega.min.js", "vega-lib": "vega.min.js",
               "vega-lite": "vega-lite.min.js", "vega-embed": "vega-embed.min.js"}
CDN_HOSTS = re.compile(
    r"(https?:)?//(cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com|"
    r"code\.jquery\.com|ajax\.googleapis\.com|fonts\.googleapis\.com)/[^\"'\s)]*")

def _node_modules(app):
    """The first of the configured node_modules folders that exists (a workshop pack lists its own,
    then the handbook's, so it builds offline without a second `npm ci`)."""
    wanted = app.config.offline_node_modules
    folders = [Path(app.srcdir, f).resolve() for f in ([wanted] if isinstance(wanted, str) else wanted)]
    return next((f for f in folders if (f / ".package-lock.json").exists()), folders[0])

def _check_sources(app):
    if app.builder.format != "html":
        return
    nm = _node_modules(app)
    missing = [s for s in [*VENDOR_FILES, *VENDOR_DIRS] if not (nm / s).exists()]
    if missing:
        raise RuntimeError(f"offline_assets: missing under {nm} (run `npm ci`): {missing}")
    app._offline_started = time.time()
    spec = importlib.util.find_spec("altair")
    if spec is None or spec.origin is None:
        return
    # read the versions from Altair's source instead of importing it (saves a second per build)
    v5 = Path(spec.origin).parent / "vegalite" / "v5"
    def const(path, name):
        m = re.search(rf'^{name}(?::\s*\w+)?\s*=\s*"v?([^"]+)"', path.read_text(encoding="utf-8"), re.M)
        return m.group(1) if m else ""
    wanted = {"vega": const(v5 / "display.py", "VEGA_VERSION"),
              "vega-lite": const(v5 / "schema" / "__init__.py", "SCHEMA_VERSION"),
              "vega-embed": const(v5 / "display.py", "VEGAEMBED_VERSION")}
    for pkg, spec in wanted.items():
        have = json.loads((nm / pkg / "package.json").read_text())["version"]
        if not (have == spec or have.startswith(spec + ".")):
            logger.warning("offline_assets: Altair expects %s@%s but node_modules has %s",
                           pkg, spec, have, type="offline_assets", subtype="version")

def _sync(src, dst):
    st = src.stat()
    if dst.exists():
        dt = dst.stat()
        if dt.st_size == st.st_size and int(dt.st_mtime) == int(st.st_mtime):
            return
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dst)

VENDOR_REF = re.compile(r"_static/jsvendor/([A-Za-z0-9_./-]+)")
BUNDLE_ENTRY = {"mathjax": "tex-mml-chtml.js", "html-manager": "embed-amd.js"}   # dir -> its entry script


def used_vendor_files(out: Path) -> set[str]:
    """The vendored files some built page loads: by name, or as part of a bundle whose entry it loads."""
    used = set()
    for page in out.rglob("*.html"):
        if not page.relative_to(out).parts[0].startswith("_"):
            used.update(VENDOR_REF.findall(page.read_text(encoding="utf-8")))
    return used


def _build_finished(app, exc):
    if exc is not None or app.builder.format != "html":
        return
    out = Path(app.outdir); vendor = out / "_static" / "jsvendor"; nm = _node_modules(app)
    started = getattr(app, "_offline_started", 0)
    for page in out.rglob("*.html"):   # idempotent; also covers chart HTML inside widget state
        if page.stat().st_mtime < started - 1:
            continue                   # not written by this build: rewritten and checked before
        text = page.read_text(encoding="utf-8")
        prefix = "../" * (len(page.relative_to(out).parts) - 1) + "_static/jsvendor/"
        new = ALTAIR_CDN.sub(lambda m: f"{prefix}{ALTAIR_FILE[m.group(1)]}?noext", text)
        if new != text:
            page.write_text(new, encoding="utf-8")
        for m in CDN_HOSTS.finditer(new):
            if not m.group(0).startswith("https://unpkg.com/thebe@"):
                logger.warning("offline_assets: %s still references a CDN: %s",
                               page.relative_to(out), m.group(0),
                               type="offline_assets", subtype="cdn")
    used = used_vendor_files(out)
    wanted = set()
    for src, dst in VENDOR_FILES.items():
        if dst in used:
            _sync(nm / src, vendor / dst); wanted.add(vendor / dst)
    for src, (dst, patterns) in VENDOR_DIRS.items():
        if f"{dst}/{BUNDLE_ENTRY[dst]}" not in used:
            continue
        for pat in patterns or ("**/*",):
            for f in (nm / src).glob(pat):
                if f.is_file():
                    _sync(f, vendor / dst / f.relative_to(nm / src)); wanted.add(vendor / dst / f.relative_to(nm / src))
    if "require-config.js" in used:
        (vendor / "require-config.js").write_text(REQUIRE_CONFIG_JS, encoding="utf-8"); wanted.add(vendor / "require-config.js")
    for old in [f for f in vendor.rglob("*") if f.is_file() and f not in wanted] if vendor.is_dir() else []:
        old.unlink()              # vendored by an earlier build, loaded by no page now
    for folder in sorted((d for d in vendor.rglob("*") if d.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()


def _dedupe_scripts(app, pagename, templatename, context, doctree):
    files = context.get("script_files")
    if not files:
        return
    seen, unique = set(), []
    for js in files:
        key = (getattr(js, "filename", js) or "",
               tuple(sorted(getattr(js, "attributes", {}).items())))
        if key not in seen:
            seen.add(key); unique.append(js)
    context["script_files"] = unique

def setup(app: Sphinx):
    app.add_config_value("offline_node_modules", "node_modules", "html", types=[str, list])
    app.connect("builder-inited", _check_sources)
    app.connect("build-finished", _build_finished)
    app.connect("html-page-context", _dedupe_scripts)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
