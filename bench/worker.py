"""The in-process half of the benchmark; bench/run.py starts it in a fresh process per measurement.

    python bench/worker.py loop   draftlint|floor LISTFILE [MARK]
    python bench/worker.py linear draftlint|floor SMALL.docx BIG.docx REPS_SMALL REPS_BIG
    python bench/worker.py profile LISTFILE [TOP]

loop    warms up on the first file (imports and lazy imports done), then times every file of LISTFILE (one path
        per line) with draftlint.lint.engine.check_file or the floor; prints one JSON object: n, total_s, mean_s,
        median_s (wall), cpu_mean_s, cpu_median_s (process CPU time), and ru_maxrss (KiB) after MARK files and after all of them (results are not kept).
linear  times the small and the big draft alternately; prints their median seconds (wall and CPU).
profile cProfile of the check_file loop over LISTFILE; prints the TOP (15) functions by cumulative time.
"""
from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def reader(tool: str):
    if tool == "draftlint":
        from draftlint.lint.engine import check_file

        return check_file
    if tool == "floor":
        from floor import floor_read

        return floor_read
    raise SystemExit(f"worker: unknown tool {tool!r}")


def maxrss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def loop(tool: str, listfile: str, mark: int = 100) -> dict:
    files = Path(listfile).read_text().split("\n")
    files = [f for f in files if f]
    fn = reader(tool)
    fn(files[0])  # warm: first-call imports, caches
    times, cpus = [], []
    rss_mark = None
    perf, cpu = time.perf_counter, time.process_time
    start, cstart = perf(), cpu()
    for k, path in enumerate(files, 1):
        t0, c0 = perf(), cpu()
        fn(path)
        cpus.append(cpu() - c0)
        times.append(perf() - t0)
        if k == mark:
            rss_mark = maxrss_kib()
    total, ctotal = perf() - start, cpu() - cstart
    return {"tool": tool, "n": len(files), "total_s": total, "mean_s": total / len(files),
            "median_s": statistics.median(times), "cpu_mean_s": ctotal / len(files),
            "cpu_median_s": statistics.median(cpus), "mark": mark, "maxrss_mark_kib": rss_mark,
            "maxrss_end_kib": maxrss_kib()}


def linear(tool: str, small: str, big: str, reps_small: int, reps_big: int) -> dict:
    fn = reader(tool)
    fn(small)
    fn(big)
    ts, tb, cs, cb = [], [], [], []
    per = max(1, reps_small // reps_big)
    perf, cpu = time.perf_counter, time.process_time
    for _ in range(reps_big):
        t0, c0 = perf(), cpu()
        fn(big)
        cb.append(cpu() - c0)
        tb.append(perf() - t0)
        for _ in range(per):
            t0, c0 = perf(), cpu()
            fn(small)
            cs.append(cpu() - c0)
            ts.append(perf() - t0)
    med = statistics.median
    return {"tool": tool, "small_s": med(ts), "big_s": med(tb), "cpu_small_s": med(cs), "cpu_big_s": med(cb),
            "reps_small": len(ts), "reps_big": len(tb)}


def profile(listfile: str, top: int = 15) -> None:
    import cProfile
    import pstats

    files = [f for f in Path(listfile).read_text().split("\n") if f]
    fn = reader("draftlint")
    fn(files[0])
    prof = cProfile.Profile()
    prof.enable()
    for path in files:
        fn(path)
    prof.disable()
    stats = pstats.Stats(prof, stream=sys.stdout)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def main(argv: list[str]) -> None:
    mode, args = argv[0], argv[1:]
    if mode == "loop":
        print(json.dumps(loop(args[0], args[1], int(args[2]) if len(args) > 2 else 100)))
    elif mode == "linear":
        print(json.dumps(linear(args[0], args[1], args[2], int(args[3]), int(args[4]))))
    elif mode == "profile":
        profile(args[0], int(args[1]) if len(args) > 1 else 15)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
