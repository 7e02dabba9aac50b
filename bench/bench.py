#!/usr/bin/env python3
"""Benchmark cchc-extract end to end on a generated corpus; prints figures, asserts nothing.

    python bench/bench.py                    # 2000 text documents, 100 PDFs
    python bench/bench.py --docs 500 --pdfs 40 --corpus corpus/docs

It builds N documents of 5-15 KB from the text files under ``--corpus`` (paragraphs reshuffled
with a fixed seed, so every document is different and every run builds the same corpus), writes
them as .txt and renders the first M as PDF (fpdf2, DejaVu Sans), then measures through the CLI,
as a user runs it:

* text: documents/s and MB/s with -j 1 and -j <all cores>;
* PDF: our total time against pdfplumber's own ``extract_text`` on the same files;
* per-stage time (in-process, stage functions wrapped with a timer);
* cold start: one text document, new interpreter, end to end;
* peak memory of the whole process tree (parent + workers; RSS sum and PSS, which counts shared
  pages once), for a batch of N/4 and of N documents: it must not grow with the batch size.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def build_corpus(sources: list[Path], n: int, out: Path) -> list[Path]:
    texts = [s.read_text(encoding="utf-8") for s in sources]
    paragraphs = [p.strip() for t in texts for p in t.split("\n\n") if p.strip()]
    if not paragraphs:
        raise SystemExit(f"no text paragraphs found in {[str(s) for s in sources]}")
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        rng = random.Random(i)
        size = rng.randint(5_000, 15_000)
        parts = [f"Số: {i + 1}/KH-UBND\n\nKẾ HOẠCH\nCải cách hành chính năm {2020 + i % 6}"]
        length = len(parts[0].encode())
        while length < size:
            parts.append(rng.choice(paragraphs))
            length += len(parts[-1].encode()) + 2
        path = out / f"doc{i:05d}.txt"
        path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def render_pdfs(texts: list[Path], out: Path) -> list[Path]:
    from fpdf import FPDF

    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for src in texts:
        pdf = FPDF()
        pdf.add_font("DejaVu", fname=FONT)
        pdf.set_font("DejaVu", size=11)
        pdf.add_page()
        pdf.multi_cell(0, 6, src.read_text(encoding="utf-8"))
        path = out / (src.stem + ".pdf")
        pdf.output(str(path))
        paths.append(path)
    return paths


class TreeMemory:
    """Samples the memory of a process and its children every 20 ms (Linux /proc)."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_rss, self.peak_pss = pid, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        pids, frontier = [self.pid], [self.pid]
        while frontier:
            pid = frontier.pop()
            try:
                children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            except OSError:
                continue
            pids += map(int, children)
            frontier += map(int, children)
        return pids

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = pss = 0
            for pid in self._tree():
                try:
                    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                        if line.startswith("Rss:"):
                            rss += int(line.split()[1]) * 1024
                        elif line.startswith("Pss:"):
                            pss += int(line.split()[1]) * 1024
                except OSError:
                    pass
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
            self._stop.wait(0.02)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def cli(args: list[str]) -> tuple[float, TreeMemory, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "cchc_extract", *args], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    mem = TreeMemory(proc.pid)
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    mem.stop()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"cchc-extract failed ({proc.returncode}): {err}")
    return elapsed, mem, err.strip().splitlines()[-1] if err.strip() else ""


def mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB"


def stage_times(paths: list[Path]) -> dict[str, float]:
    """Run the pipeline in this process with each stage function wrapped by a timer."""
    sys.path.insert(0, str(ROOT))
    import importlib

    from cchc_extract import api

    totals: dict[str, float] = {}
    stages = [("read", "cchc_extract.api", "read_bytes"), ("normalize", "cchc_extract.api", "normalize"),
              ("segment", "cchc_extract.text.segment", "segment"),
              ("metadata", "cchc_extract.parse.metadata", "read_metadata"),
              ("citations", "cchc_extract.parse.citations", "find_references"),
              ("targets", "cchc_extract.parse.targets", "find_targets"),
              ("validate", "cchc_extract.api", "check"), ("to_json", "cchc_extract.api", "to_json")]

    def timed(label, fn):
        @functools.wraps(fn)
        def wrapper(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                totals[label] = totals.get(label, 0.0) + time.perf_counter() - t
        return wrapper

    for label, module, name in stages:
        try:
            mod = importlib.import_module(module)
        except ImportError:
            continue
        if hasattr(mod, name):
            setattr(mod, name, timed(label, getattr(mod, name)))
    api.extract_text("Tỷ lệ đạt trên 95%.")  # warm-up, not counted
    totals.clear()
    start = time.perf_counter()
    for p in paths:
        api.to_json(api.extract_file(p))
    totals["total"] = time.perf_counter() - start
    return totals


def pdfplumber_time(paths: list[Path]) -> float:
    code = ("import sys, time, pdfplumber\nt = time.perf_counter()\n"
            "for p in sys.argv[1:]:\n    with pdfplumber.open(p) as pdf:\n"
            "        '\\n'.join(page.extract_text() or '' for page in pdf.pages)\n"
            "print(time.perf_counter() - t)")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *map(str, paths)], check=True, capture_output=True)
    return time.perf_counter() - start  # includes interpreter and import start-up, as ours does


def pypdfium2_time(paths: list[Path]) -> float:
    """Raw text extraction with pypdfium2 (the library under our PDF reader), same conditions."""
    code = ("import sys, time, pypdfium2 as pdfium\n"
            "for p in sys.argv[1:]:\n    pdf = pdfium.PdfDocument(p)\n"
            "    '\\n'.join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))\n"
            "    pdf.close()\n")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *map(str, paths)], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--pdfs", type=int, default=100)
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus" / "docs")
    ap.add_argument("--work", type=Path, default=None, help="where to build the corpus (default: a temp dir)")
    ap.add_argument("--stage-docs", type=int, default=200, help="documents timed per stage")
    args = ap.parse_args()

    # An installed package has its bytecode compiled (pip does it); an editable checkout run with
    # PYTHONDONTWRITEBYTECODE would compile every module from source at each start instead.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "cchc_extract")], check=True)
    sources = sorted(p for p in args.corpus.rglob("*.txt")) if args.corpus.is_dir() else []
    if not sources:
        raise SystemExit(f"no .txt documents under {args.corpus}")
    work = args.work or Path(tempfile.mkdtemp(prefix="cchc-bench-"))
    cores = os.cpu_count() or 1
    texts = build_corpus(sources, args.docs, work / "text")
    pdfs = render_pdfs(texts[: args.pdfs], work / "pdf")
    size = sum(p.stat().st_size for p in texts)
    print(f"corpus: {len(texts)} text documents ({size / len(texts) / 1024:.1f} KB average, "
          f"{size / 2**20:.1f} MB) and {len(pdfs)} PDFs built from {len(sources)} files in {args.corpus}")
    print(f"machine: {cores} cores, Python {sys.version.split()[0]}")

    for jobs in (1, cores):
        out = work / f"out-j{jobs}"
        elapsed, mem, summary = cli(["extract", str(work / "text"), "-o", str(out), "-j", str(jobs),
                                     "--force"])
        print(f"text -j {jobs}: {elapsed:.2f} s, {len(texts) / elapsed:.0f} docs/s, "
              f"{size / 2**20 / elapsed:.2f} MB/s, peak memory {mb(mem.peak_pss)} PSS "
              f"({mb(mem.peak_rss)} RSS sum)  [{summary}]")
    same = all((work / "out-j1" / p.name).read_bytes() == (work / f"out-j{cores}" / p.name).read_bytes()
               for p in (work / "out-j1").glob("*.json"))
    print(f"outputs byte-identical across -j 1 and -j {cores}: {same}")

    quarter = work / "quarter"
    quarter.mkdir(exist_ok=True)
    for p in texts[: max(1, len(texts) // 4)]:
        shutil.copy(p, quarter / p.name)
    _, mem_q, _ = cli(["extract", str(quarter), "-o", str(work / "out-q"), "-j", str(cores), "--force"])
    print(f"peak memory, -j {cores}: {len(texts) // 4} docs {mb(mem_q.peak_pss)} PSS; "
          f"{len(texts)} docs {mb(mem.peak_pss)} PSS")

    plumber, raw = pdfplumber_time(pdfs), pypdfium2_time(pdfs)
    for jobs in (1, cores):
        elapsed, mem, summary = cli(["extract", str(work / "pdf"), "-o", str(work / f"pdf-out-j{jobs}"),
                                     "-j", str(jobs), "--force"])
        print(f"pdf -j {jobs}: {elapsed:.2f} s for {len(pdfs)} PDFs = {elapsed / plumber:.2f} x pdfplumber "
              f"extract_text ({plumber:.2f} s, one process), {elapsed / raw:.2f} x pypdfium2 raw text "
              f"({raw:.2f} s)  [{summary}]")

    colds = []
    for _ in range(5):
        elapsed, _, _ = cli(["extract", str(texts[0]), "-o", str(work / "cold"), "-j", "1", "--force"])
        colds.append(elapsed)
    print(f"cold start, one text document end to end: median {statistics.median(colds):.2f} s, "
          f"best {min(colds):.2f} s")

    totals = stage_times(texts[: args.stage_docs])
    n = min(args.stage_docs, len(texts))
    print(f"per-stage time, in one process over {n} text documents (ms per document):")
    for label, seconds in totals.items():
        print(f"  {label:<10} {seconds * 1000 / n:8.2f}")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
