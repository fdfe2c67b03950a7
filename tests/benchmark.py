"""Speed and size figures for the site: run with `.venv/bin/python tests/benchmark.py`. Prints, asserts nothing."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from plansite.catalogue import load_catalogue  # noqa: E402
from plansite.check.reading import measure_site, report  # noqa: E402
from plansite.errors import Problems  # noqa: E402
from plansite.outputs import all_files  # noqa: E402
from plansite.read.document import MAX_BYTES, read_document  # noqa: E402


def timed(action, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    print(f"load and check all data:       {timed(lambda: load_catalogue(ROOT / 'data')) * 1000:8.0f} ms (median of 5)")
    catalogue = load_catalogue(ROOT / "data")
    outputs = list(all_files(catalogue, "https://example.org/"))
    print(
        "open data and feeds:           "
        f"{timed(lambda: list(all_files(catalogue, 'https://example.org/'))) * 1000:8.0f} ms (median of 5)"
    )
    print(f"  files, total size:           {len(outputs):8d} files, {sum(len(b) for _, b in outputs) / 1e6:.2f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.yml"
        big.write_text("summary: |-\n" + "  All work and no play.\n" * (MAX_BYTES // 20), encoding="utf-8")
        print(
            f"refuse a {big.stat().st_size / 1e6:.1f} MB file:          "
            f"{timed(lambda: read_document(big, 'big.yml', Problems())) * 1000:8.1f} ms"
        )
        near = Path(tmp) / "near.yml"
        near.write_text("summary: |-\n" + "  All work and no play.\n" * ((MAX_BYTES - 10_000) // 24), encoding="utf-8")
        print(
            f"read a {near.stat().st_size / 1e6:.2f} MB file (just allowed): "
            f"{timed(lambda: read_document(near, 'near.yml', Problems()), 3) * 1000:8.0f} ms"
        )
        site = Path(tmp) / "site"
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        print(f"mkdocs build --strict:         {time.perf_counter() - start:8.1f} s")
        pages = list(site.rglob("*.html"))
        sizes = sorted((p.stat().st_size, p.relative_to(site).as_posix()) for p in pages)
        total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
        print(f"HTML pages:                    {len(pages):8d}")
        print(f"whole site:                    {total / 1e6:8.2f} MB")
        print(f"median page:                   {statistics.median(s for s, _ in sizes) / 1e3:8.1f} kB")
        print(f"largest page:                  {sizes[-1][0] / 1e3:8.1f} kB ({sizes[-1][1]})")
        table, ok = report(measure_site(site))
        print("reading level of young-people pages:", table.splitlines()[-1], "(within limits)" if ok else "(TOO HARD)")


if __name__ == "__main__":
    main()
