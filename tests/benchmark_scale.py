"""Figures for a national portal: builds of 5, 100 and 1,000 plans against plain MkDocs. Prints, asserts nothing.

    .venv/bin/python tests/benchmark_scale.py 5 100 1000

For each size, in turns: a cold `mkdocs build --strict` (no saved work in .cache/), a baseline (plain
MkDocs with the same theme building the same pages, the built page bodies written out as files in a
docs_dir, without hooks), and a build from the saved work after one plan was edited (what a merge
costs: `mkdocs build --dirty` with .cache/ and the cold build's site, as the workflows keep them).
Wall and CPU time, peak memory (RSS of the biggest process, PSS of all of them together), time per
plan, site size. Also: the time from saving a plan to the new page served
by `mkdocs serve` (--preview-at), and what a browser transfers for a young-people plan page's first
load and for the first search (--transfer-at). Run it when few others use the CPU: the figures are
wall times.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from project import fetch, free_port  # noqa: E402
from synthetic import ROOT, make_project  # noqa: E402

MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", PLANSITE_PREVIEW="0")
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def _tree_memory_mb(root: int) -> float:
    """The memory of a process and all its descendants, from /proc, in MB: each one's proportional
    share (PSS), so that pages a fork shares with its parent are counted once."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            status = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("Pss:")), 0)
    return total / 1024


def run(command: list[str], cwd: Path) -> tuple[float, float, float, float, int]:
    """Wall seconds, CPU seconds (its children included), peak RSS of its biggest process and of all its
    processes together (sampled every 0.2 s) in MB, and exit code of one command."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    together = [0.0]
    ended = threading.Event()

    def sample() -> None:  # not process.poll(): that could reap the process before wait4 reads its usage
        while not ended.is_set():
            together[0] = max(together[0], _tree_memory_mb(process.pid))
            ended.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    ended.set()
    sampler.join(timeout=5)
    code = os.waitstatus_to_exitcode(status)
    if code:
        print(stderr.decode()[-3000:], file=sys.stderr)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, together[0], code


def _median(runs: list[tuple[float, float, float, float, int]]) -> tuple[float, float, float, float, int]:
    """The median wall and CPU time of several runs of one command; their highest memory; the worst exit code."""
    walls, cpus, rss, together, codes = zip(*runs)
    return statistics.median(walls), statistics.median(cpus), max(rss), max(together), max(codes)


def size_of(folder: Path) -> tuple[int, float]:
    """HTML pages and megabytes in a built site."""
    files = [f for f in folder.rglob("*") if f.is_file()]
    return sum(f.suffix == ".html" for f in files), sum(f.stat().st_size for f in files) / 1e6


def baseline_project(site: Path, dest: Path) -> Path:
    """Plain MkDocs, same theme and config, no hooks: every built page body as a Markdown file."""
    docs = dest / "docs"
    pages = sorted(site.rglob("index.html"))
    urls = {page.parent.relative_to(site).as_posix() for page in pages}
    folders = {url.rsplit("/", 1)[0] for url in urls if "/" in url}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        body = ARTICLE.search(html)
        if body is None or 'http-equiv="refresh"' in html:
            continue  # redirects
        url = page.parent.relative_to(site).as_posix()
        name = "index.md" if url == "." else (f"{url}/index.md" if url in folders else f"{url}.md")
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        title = TITLE.search(html).group(1).split(" - ")[0].replace('"', "'")
        target.write_text(
            f'---\ntitle: "{title}"\n---\n\n<div markdown="0">\n{body.group(1)}\n</div>\n', encoding="utf-8"
        )
    shutil.copytree(ROOT / "content" / "assets", docs / "assets", dirs_exist_ok=True)
    shutil.copytree(ROOT / "theme", dest / "theme", dirs_exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?ms)^hooks:\n(  - .*?\n)+", "", config)
    config = re.sub(r"(?ms)^watch:\n(  - .*?\n)+", "", config)
    config = re.sub(r"(?m)^docs_dir: content$", "docs_dir: docs", config)
    config = re.sub(r"(?m)^strict: true$", "strict: false", config)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


def cpu_seconds(pid: int) -> float:
    """CPU time a process has used (user + system), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


SUMMARY = re.compile(r"^summary: ([>|]-?\n  |['\"]?)", re.M)


def with_edited_summary(text: str, marker: str) -> str:
    """A plan file's text with a sentence put at the start of its summary: after a block's indicator
    and indent, or after a quoted summary's opening quote, or before a plain one."""
    edited, count = SUMMARY.subn(lambda found: f"{found.group(0)}{marker}. ", text, count=1)
    if not count:
        raise SystemExit("The plan to edit has no summary.")
    return edited


def plan_to_edit(project: Path) -> Path:
    """The last plan file, by name."""
    return sorted((project / "data" / "plans").glob("*.yml"))[-1]


def edit_to_preview(project: Path, plan: Path, slug: str, edits: int = 1) -> tuple[float, list[float], list[float]]:
    """Seconds from `mkdocs serve` starting to the site served, and for each of `edits` saves of a plan,
    from the save to its new page served (wall time, and the server's CPU time, which is what the wall
    time would be with a core to itself)."""
    port = free_port()
    start = time.perf_counter()
    server = subprocess.Popen(
        MKDOCS + ["serve", "--strict", "--dirty", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/plans/{slug}/"
    try:
        while fetch(url) is None:
            if server.poll() is not None or time.perf_counter() - start > 900:
                return float("nan"), float("nan"), float("nan")
            time.sleep(0.2)
        first = time.perf_counter() - start
        text = plan.read_text(encoding="utf-8")
        walls, cpus = [], []
        for _ in range(edits):
            time.sleep(2)  # let the watcher settle
            marker = f"Benchmark edit {time.time_ns()}"
            cpu = cpu_seconds(server.pid)
            saved = time.perf_counter()
            plan.write_text(with_edited_summary(text, marker), encoding="utf-8")
            while marker not in (fetch(url) or ""):
                if time.perf_counter() - saved > 300:
                    return first, walls + [float("nan")], cpus + [float("nan")]
                time.sleep(0.05)
            walls.append(time.perf_counter() - saved)
            cpus.append(cpu_seconds(server.pid) - cpu)
        return first, walls, cpus
    finally:
        server.terminate()
        server.wait(timeout=30)
        plan.write_text(text, encoding="utf-8")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # noqa: ANN002
        pass


def transfers(site: Path, slug: str, query: str = "safe") -> tuple[int, int, int]:
    """Compressed bytes a browser fetches: a young-people plan page's first load, the search page's, the
    first search."""
    from playwright.sync_api import sync_playwright

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    fetched: list[int] = []

    def count(response) -> None:  # noqa: ANN001
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - a redirect or aborted request has no body
            return
        fetched.append(min(len(body), len(gzip.compress(body, 6))))

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_context().new_page()
            page.on("response", count)
            page.goto(base + f"young-people/plans/{slug}/", wait_until="networkidle")
            page_load = sum(fetched)
            fetched.clear()
            page.goto(base + "young-people/search/", wait_until="networkidle")
            search_page = sum(fetched)
            fetched.clear()
            search = -1
            if page.locator("#ps-search-input").count():
                page.fill("#ps-search-input", query)
                page.wait_for_selector(".ps-search-result", timeout=30_000)
                page.wait_for_load_state("networkidle")
                search = sum(fetched)
            browser.close()
    finally:
        httpd.shutdown()
    return page_load, search_page, search


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "sizes", nargs="*", type=int, default=[5, 100, 1000], help="numbers of plans (default: 5 100 1000)"
    )
    parser.add_argument("--preview-at", type=int, default=100, help="measure edit-to-preview at this size (0: skip)")
    parser.add_argument(
        "--transfer-at", type=int, default=1000, help="measure transferred sizes at this size (0: skip)"
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=3,
        help="build and baseline this many times each, taking turns, "
        "and print the median (default 3: the machine's speed drifts); also the number of edits timed",
    )
    parser.add_argument("--keep", type=Path, help="keep the projects and sites in this folder")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="plansite-benchmark-"))
    print(
        f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at the start (wall times suffer when others "
        "build)"
    )
    started = time.perf_counter()
    print(
        f"Each size: {args.runs} turns of a cold build (no .cache/), plain MkDocs on the same pages, and a build"
        " from the saved work after one plan was edited (.cache/ and the cold build's site, `--dirty`, as"
        " ./run build and the workflows build); times are the median of the turns."
    )
    print(
        "Times are wall seconds / CPU seconds (CPU: all cores' work added up). 'cold x base' is each turn's cold"
        " build's wall time over the baseline's run just after it, the median over the turns. 'warm x cold' is"
        " the build after one edit over the cold build of the same turn. Peak memory: the biggest process (RSS)"
        " / all the build's processes at once (PSS: what forks share with the build is counted once), the most"
        " of any cold build."
    )
    print(
        f"{'plans':>6} {'pages':>6} {'cold s':>12} {'per plan ms':>12} {'peak MB':>11} {'site MB':>8} "
        f"{'baseline s':>12} {'cold x base':>12} {'warm s':>12} {'warm x cold':>12}"
    )
    per_plan = {}
    sites = {}
    try:
        for n in args.sizes:
            project = make_project(work / f"project-{n}", n)
            site = work / f"site-{n}"
            edited = plan_to_edit(project)
            colds, baselines, warms = [], [], []
            for turn in range(args.runs):  # the three take turns, so that a drift in speed hits them all
                shutil.rmtree(project / ".cache", ignore_errors=True)
                colds.append(run(MKDOCS + ["build", "--strict", "-d", str(site)], project))
                if colds[-1][4]:
                    break
                if not turn:
                    base = baseline_project(site, work / f"baseline-{n}")
                baselines.append(run(MKDOCS + ["build", "-d", str(work / f"baseline-site-{n}")], base))
                text = edited.read_text(encoding="utf-8")
                edited.write_text(with_edited_summary(text, f"Benchmark edit {turn}"), encoding="utf-8")
                # From the saved work, as ./run build and the workflows build: into the folder of the last build.
                warms.append(run(MKDOCS + ["build", "--strict", "--dirty", "-d", str(site)], project))
                edited.write_text(text, encoding="utf-8")
            if colds[-1][4] or any(warm[4] for warm in warms):
                print(f"{n:>6} build failed")
                continue
            wall, cpu, rss, rss_together, _ = _median(colds)
            base_wall, base_cpu, _, _, base_code = _median(baselines)
            warm_wall, warm_cpu, _, _, _ = _median(warms)
            cold_ratio = statistics.median(cold[0] / baseline[0] for cold, baseline in zip(colds, baselines))
            warm_ratio = statistics.median(warm[0] / cold[0] for cold, warm in zip(colds, warms))
            pages, megabytes = size_of(site)
            per_plan[n] = wall / n
            sites[n] = (project, site)
            ratio = f"{cold_ratio:.2f}" if not base_code else "nan"
            print(
                f"{n:>6} {pages:>6} {wall:>5.1f} /{cpu:>5.1f} {wall / n * 1000:>12.0f} {rss:>5.0f} "
                f"/{rss_together:>5.0f} {megabytes:>8.1f} "
                f"{base_wall:>5.1f} /{base_cpu:>5.1f} {ratio:>12} "
                f"{warm_wall:>5.1f} /{warm_cpu:>5.1f} {warm_ratio:>12.2f}"
            )
        if len(per_plan) > 1:
            small, large = min(per_plan), max(per_plan)
            print(
                f"per-plan wall time at {large} / per-plan wall time at {small}: "
                f"{per_plan[large] / per_plan[small]:.2f}"
            )
        if args.preview_at:
            project = make_project(work / f"serve-{args.preview_at}", args.preview_at)
            plan = plan_to_edit(project)
            first, edits, cpus = edit_to_preview(project, plan, plan.stem, args.runs)
            print(
                f"mkdocs serve --dirty at {args.preview_at} plans: first page served after {first:.1f} s; "
                f"edit to new page served: {statistics.median(edits):.2f} s wall, {statistics.median(cpus):.2f} s of "
                "the server's CPU"
                f" (median of {len(edits)} edits; each: {', '.join(f'{e:.2f}' for e in edits)} s)"
            )
        if args.transfer_at:
            if args.transfer_at not in sites:
                project = make_project(work / f"project-{args.transfer_at}", args.transfer_at)
                site = work / f"site-{args.transfer_at}"
                run(MKDOCS + ["build", "--strict", "-d", str(site)], project)  # for its site only
            else:
                site = sites[args.transfer_at][1]
            page, search_page, search = transfers(site, "occ-business-plan-2012-13")
            print(
                f"at {args.transfer_at} plans, compressed transfer: young-people plan page first load "
                f"{page / 1e3:.0f} KB; "
                f"search page {search_page / 1e3:.0f} KB; first search "
                f"{'not measured' if search < 0 else f'{search / 1e3:.0f} KB'}"
            )
        print(f"load average {os.getloadavg()[0]:.1f} at the end; benchmark took {time.perf_counter() - started:.0f} s")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
