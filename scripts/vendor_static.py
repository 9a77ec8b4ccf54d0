#!/usr/bin/env python3
"""Copy the front-end files the site needs from node_modules into taavon/static/vendor/.

Run with ``npm run vendor`` (or ``python3 scripts/vendor_static.py``) after ``npm ci``.
The copied files are committed, so the site never needs npm at run time.

The script is deterministic and idempotent: it first removes every directory it manages
under ``taavon/static/vendor/`` (and ``VENDORED.md``), then copies a fixed list of files and
writes ``VENDORED.md`` (package, version, licence, files) with no timestamps.

``sourceMappingURL`` comments are stripped from the copied files, because the ``.map`` files
are not vendored and Django's ManifestStaticFilesStorage (WhiteNoise's compressed variant)
fails ``collectstatic`` on references to missing files.

Stdlib only.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = REPO_ROOT / "node_modules"
PACKAGE_JSON = REPO_ROOT / "package.json"
VENDOR_DIR = REPO_ROOT / "taavon" / "static" / "vendor"
MANIFEST_NAME = "VENDORED.md"

# A whole line holding a source-map reference: `//# sourceMappingURL=...` (JS) or
# `/*# sourceMappingURL=... */` (CSS).
SOURCE_MAP_LINE = re.compile(
    rb"^[ \t]*(?://[#@][ \t]*sourceMappingURL=[^\r\n]*"
    rb"|/\*[#@][ \t]*sourceMappingURL=[^\r\n]*?\*/)[ \t]*(?:\r?\n|$)",
    re.MULTILINE,
)
STRIP_SUFFIXES = (".css", ".js")


@dataclass(frozen=True)
class Copy:
    """One file copied from ``node_modules/<package>/<src>`` to ``vendor/<dest_dir>/<dest>``."""

    src: str
    dest: str


@dataclass(frozen=True)
class BundledLicence:
    """Licence of third-party code embedded in a vendored bundle (e.g. Popper in Bootstrap)."""

    package: str
    src: str
    dest: str
    note: str


@dataclass(frozen=True)
class Vendored:
    package: str
    dest_dir: str
    files: tuple[Copy, ...]
    licences: tuple[Copy, ...]
    bundled: tuple[BundledLicence, ...] = field(default=())


PACKAGES: tuple[Vendored, ...] = (
    Vendored(
        package="bootstrap",
        dest_dir="bootstrap",
        files=(
            Copy("dist/css/bootstrap.rtl.min.css", "bootstrap.rtl.min.css"),
            Copy("dist/css/bootstrap.min.css", "bootstrap.min.css"),
            Copy("dist/js/bootstrap.bundle.min.js", "bootstrap.bundle.min.js"),
        ),
        licences=(Copy("LICENSE", "LICENSE"),),
        bundled=(
            BundledLicence(
                "@popperjs/core",
                "LICENSE.md",
                "LICENSE-popper.md",
                "Popper is bundled in bootstrap.bundle.min.js",
            ),
        ),
    ),
    Vendored(
        package="htmx.org",
        dest_dir="htmx",
        files=(Copy("dist/htmx.min.js", "htmx.min.js"),),
        licences=(Copy("LICENSE", "LICENSE"),),
    ),
    Vendored(
        package="vazirmatn",
        dest_dir="vazirmatn",
        # The package layout is kept so that the package's own font-face CSS keeps working.
        files=(
            Copy("Vazirmatn-Variable-font-face.css", "Vazirmatn-Variable-font-face.css"),
            Copy("fonts/webfonts/Vazirmatn[wght].woff2", "fonts/webfonts/Vazirmatn[wght].woff2"),
            Copy("fonts/ttf/Vazirmatn-Regular.ttf", "fonts/ttf/Vazirmatn-Regular.ttf"),
            Copy("fonts/ttf/Vazirmatn-Bold.ttf", "fonts/ttf/Vazirmatn-Bold.ttf"),
        ),
        licences=(Copy("OFL.txt", "OFL.txt"), Copy("AUTHORS.txt", "AUTHORS.txt")),
    ),
    Vendored(
        package="echarts",
        dest_dir="echarts",
        files=(
            Copy("dist/echarts.min.js", "echarts.min.js"),
            # Persian UI strings (toolbox etc.); registers locale "FA". Load after echarts.min.js.
            Copy("i18n/langFA.js", "langFA.js"),
        ),
        licences=(
            Copy("LICENSE", "LICENSE"),
            Copy("NOTICE", "NOTICE"),
            Copy("licenses/LICENSE-d3", "LICENSE-d3"),
        ),
        bundled=(
            BundledLicence(
                "zrender",
                "LICENSE",
                "LICENSE-zrender",
                "ZRender is bundled in echarts.min.js",
            ),
            BundledLicence(
                "tslib",
                "LICENSE.txt",
                "LICENSE-tslib.txt",
                "tslib helpers are bundled in echarts.min.js",
            ),
        ),
    ),
    Vendored(
        package="@majidh1/jalalidatepicker",
        dest_dir="jalalidatepicker",
        files=(
            Copy("dist/jalalidatepicker.min.js", "jalalidatepicker.min.js"),
            Copy("dist/jalalidatepicker.min.css", "jalalidatepicker.min.css"),
        ),
        licences=(Copy("LICENSE", "LICENSE"),),
    ),
)


class VendorError(Exception):
    """A problem the user must fix (reported without a traceback)."""


def read_package_meta(package: str) -> tuple[str, str]:
    """Return (version, licence) from ``node_modules/<package>/package.json``."""
    meta_path = NODE_MODULES / package / "package.json"
    if not meta_path.is_file():
        raise VendorError(f"{meta_path.relative_to(REPO_ROOT)} is missing; run `npm ci` first.")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    version = str(meta.get("version", ""))
    licence = meta.get("license", "")
    if isinstance(licence, dict):  # old-style {"type": ..., "url": ...}
        licence = licence.get("type", "")
    return version, str(licence) or "UNKNOWN"


def pinned_versions() -> dict[str, str]:
    data = json.loads(PACKAGE_JSON.read_text(encoding="utf-8"))
    deps: dict[str, str] = dict(data.get("dependencies", {}))
    return deps


def strip_source_maps(data: bytes) -> bytes:
    return SOURCE_MAP_LINE.sub(b"", data).rstrip(b"\r\n") + b"\n"


def copy_file(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    if src.suffix in STRIP_SUFFIXES:
        dest.write_bytes(strip_source_maps(src.read_bytes()))
    else:
        shutil.copyfile(src, dest)


def check_sources() -> None:
    """Fail before touching anything if node_modules is absent, stale or incomplete."""
    if not NODE_MODULES.is_dir():
        raise VendorError(
            f"{NODE_MODULES} does not exist. Run `npm ci` in {REPO_ROOT} first, "
            "then `npm run vendor`."
        )
    pins = pinned_versions()
    missing: list[str] = []
    for entry in PACKAGES:
        version, _ = read_package_meta(entry.package)
        pin = pins.get(entry.package)
        if pin is not None and pin != version:
            raise VendorError(
                f"node_modules has {entry.package} {version} but package.json pins {pin}; "
                "run `npm ci` first."
            )
        for item in (*entry.files, *entry.licences):
            if not (NODE_MODULES / entry.package / item.src).is_file():
                missing.append(f"{entry.package}/{item.src}")
        for bundled in entry.bundled:
            if not (NODE_MODULES / bundled.package / bundled.src).is_file():
                missing.append(f"{bundled.package}/{bundled.src}")
    if missing:
        raise VendorError(
            "expected files are missing from node_modules (did a package change its layout?):\n  "
            + "\n  ".join(missing)
        )


def clear_managed() -> None:
    for entry in PACKAGES:
        target = VENDOR_DIR / entry.dest_dir
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    manifest = VENDOR_DIR / MANIFEST_NAME
    if manifest.exists():
        manifest.unlink()


def human_size(size: int) -> str:
    return f"{size / 1024:.1f} KiB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.2f} MiB"


def vendor() -> list[str]:
    """Copy everything and return the lines of VENDORED.md."""
    lines = [
        "# Vendored front-end files",
        "",
        "Generated by `scripts/vendor_static.py` (`npm run vendor`) from `node_modules`;",
        "do not edit by hand. Versions are pinned in `package.json` / `package-lock.json`.",
        "`sourceMappingURL` comments are stripped (source maps are not vendored).",
        "Paths are relative to `taavon/static/`.",
        "",
        "| package | version | licence | files |",
        "| --- | --- | --- | --- |",
    ]
    details: list[str] = []
    total = 0
    for entry in PACKAGES:
        version, licence = read_package_meta(entry.package)
        dest_root = VENDOR_DIR / entry.dest_dir
        paths: list[str] = []
        for item in (*entry.files, *entry.licences):
            dest = dest_root / item.dest
            copy_file(NODE_MODULES / entry.package / item.src, dest)
            size = dest.stat().st_size
            total += size
            paths.append(f"vendor/{entry.dest_dir}/{item.dest}")
            details.append(f"- `vendor/{entry.dest_dir}/{item.dest}` ({human_size(size)})")
        for bundled in entry.bundled:
            b_version, b_licence = read_package_meta(bundled.package)
            dest = dest_root / bundled.dest
            copy_file(NODE_MODULES / bundled.package / bundled.src, dest)
            total += dest.stat().st_size
            paths.append(f"vendor/{entry.dest_dir}/{bundled.dest}")
            details.append(
                f"- `vendor/{entry.dest_dir}/{bundled.dest}`: {bundled.note} "
                f"({bundled.package}, {b_licence}; {b_version} in node_modules)"
            )
        files_cell = "<br>".join(f"`{p}`" for p in paths)
        lines.append(f"| `{entry.package}` | {version} | {licence} | {files_cell} |")
    lines += ["", "## Files", "", *details, "", f"Total: {human_size(total)}", ""]
    return lines


def main() -> int:
    try:
        check_sources()
        VENDOR_DIR.mkdir(parents=True, exist_ok=True)
        clear_managed()
        lines = vendor()
    except VendorError as exc:
        print(f"vendor_static: error: {exc}", file=sys.stderr)
        return 1
    (VENDOR_DIR / MANIFEST_NAME).write_text("\n".join(lines), encoding="utf-8")
    count = sum(len(e.files) + len(e.licences) + len(e.bundled) for e in PACKAGES)
    print(f"vendor_static: wrote {count} files to {VENDOR_DIR.relative_to(REPO_ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
