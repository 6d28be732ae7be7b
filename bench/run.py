"""draftlint against the floor: one command, one table.

    python bench/run.py [--quick] [--strict] [--profile] [--json OUT.json]

Run it with the Python of the environment draftlint is installed in (e.g. /work/venv/bin/python): the
`draftlint` script is looked for next to sys.executable, else `python -m draftlint` is used.

  --quick    fewer drafts and repetitions (~30 s instead of ~2 min)
  --strict   exit 1 when a target is missed (otherwise always exit 0 once the measurements ran)
  --profile  also print what dominates: heavy imports of `draftlint check` (-X importtime) and the top 15
             functions by cumulative time of the check_file loop (cProfile)
  --as-is    run the children with the environment as it is; by default bytecode is cached under
             bench/out/pycache (PYTHONPYCACHEPREFIX, PYTHONDONTWRITEBYTECODE unset): see child_env()
  --json     also write every raw measurement to this file (default bench/out/last-run.json)

See bench/README.md for what each number means.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

EXAMPLE = ROOT / "examples" / "A_RES_77_64.docx"
FLOOR = HERE / "floor.py"
WORKER = HERE / "worker.py"

TARGET_FRESH = 1.8   # fresh process: draftlint / floor
TARGET_FRESH_CONFIG = 2.0  # the same in a folder with a .draftlint.yaml that adds a house pack
TARGET_INPROC = 5.0  # per document, warm process: draftlint / floor (issue 16: "≤ 5× the floor's walk")
TARGET_LINEAR = 1.2  # cost(2000 paragraphs) / (50 x cost(40 paragraphs))
TARGET_MEMORY = 1.10  # peak RSS with 1,000 files / with 100 files
TARGET_SCAFFOLD = 0.5  # seconds, `draftlint scaffold` on the 77/64 example as a fresh process

PROFILES = {
    #         drafts fresh-runs inproc-rounds linear(small, big) mem-small
    "full":  dict(drafts=1000, fresh=21, rounds=2, lin_small=60, lin_big=6, mem_small=100),
    "quick": dict(drafts=200, fresh=15, rounds=1, lin_small=20, lin_big=3, mem_small=50),
}


def draftlint_cmd() -> list[str]:
    script = Path(sys.executable).parent / "draftlint"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "draftlint"]


# ru_maxrss of a child counts the memory of the process it was forked from (Linux keeps the high-water mark
# across exec), so children are started by this small helper, not by run.py itself (~30 MiB once it has
# imported the corpus builder): the helper (python -S, ~8 MiB) spawns the command, times it, waits for it
# with wait4 and writes "wall-seconds maxrss-KiB exit-code cpu-seconds" into the file given as its first argument.
HELPER = (
    "import os, sys, time\n"
    "out, cmd = sys.argv[1], sys.argv[2:]\n"
    "t = time.perf_counter()\n"
    "pid = os.posix_spawn(cmd[0], cmd, os.environ)\n"
    "_, status, usage = os.wait4(pid, 0)\n"
    "wall = time.perf_counter() - t\n"
    "with open(out, 'w') as f:\n"
    "    f.write(f'{wall} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)} {usage.ru_utime + usage.ru_stime}')\n"
)


def spawn(cmd: list[str], capture: bool = False) -> tuple[float, int, int, str, float]:
    """Wall seconds, peak RSS (KiB), exit code, standard output (if capture) and CPU seconds of one child."""
    fd, res = tempfile.mkstemp(prefix="draftlint-bench-", suffix=".res")
    os.close(fd)
    try:
        proc = subprocess.run([sys.executable, "-S", "-c", HELPER, res, *cmd], cwd=ROOT, text=True, env=child_env(),
                              stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                              stderr=subprocess.PIPE if capture else subprocess.DEVNULL)
        if proc.returncode != 0:
            raise SystemExit(f"bench: helper failed for {' '.join(cmd[:4])} ...: {proc.stderr}")
        wall, rss, rc, cpu = Path(res).read_text().split()
    finally:
        os.unlink(res)
    return float(wall), int(rss), int(rc), proc.stdout or "", float(cpu)


PYCACHE = HERE / "out" / "pycache"
BYTECODE = True  # --as-is turns it off


def child_env() -> dict:
    """The children's environment. By default bytecode is cached (under bench/out/pycache, so nothing is
    written beside the sources), as for any installed package: PYTHONDONTWRITEBYTECODE=1 and a source tree
    without __pycache__ would otherwise make every fresh `draftlint check` recompile draftlint."""
    env = dict(os.environ)
    if BYTECODE:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def run_child(cmd: list[str], ok=(0,)) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KiB) and CPU seconds of one child process, its output discarded."""
    wall, rss, rc, _, cpu = spawn(cmd)
    if rc not in ok:
        raise SystemExit(f"bench: {' '.join(cmd[:4])} ... exited {rc}")
    return wall, rss, cpu


def worker(*args: str) -> dict:
    wall, rss, rc, out, _ = spawn([sys.executable, str(WORKER), *args], capture=True)
    if rc != 0:
        raise SystemExit(f"bench: worker {' '.join(args[:2])} exited {rc}")
    return json.loads(out)


def listfile(paths: list[str]) -> str:
    fd, name = tempfile.mkstemp(prefix="draftlint-bench-", suffix=".txt")
    with os.fdopen(fd, "w") as f:
        f.write("\n".join(paths))
    return name


# ---------------------------------------------------------------- measurements

HOUSE_PACK = (ROOT / "examples" / "house.yaml").read_text(encoding="utf-8")  # the README's house pack


def configured_example() -> Path:
    """The example in a folder of its own with a `.draftlint.yaml` that adds a house pack (the README's), as in
    a drafting repository with a pre-commit hook."""
    folder = HERE / "out" / "configured"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "house.yaml").write_text(HOUSE_PACK, encoding="utf-8")
    (folder / ".draftlint.yaml").write_text("packs: [house.yaml]\n", encoding="utf-8")
    target = folder / EXAMPLE.name
    shutil.copyfile(EXAMPLE, target)
    return target


def fresh_process(runs: int, example: Path = EXAMPLE) -> dict:
    dl = draftlint_cmd() + ["check", "--exit-zero", str(example)]
    fl = [sys.executable, str(FLOOR), str(example)]
    run_child(dl), run_child(fl)  # warm the page cache and .pyc files
    t_dl, t_fl, rss_dl, rss_fl, c_dl, c_fl = [], [], [], [], [], []
    for k in range(runs):
        order = ((dl, t_dl, rss_dl, c_dl), (fl, t_fl, rss_fl, c_fl))
        for cmd, times, rss, cpus in (order if k % 2 == 0 else order[::-1]):
            wall, peak, cpu = run_child(cmd)
            times.append(wall)
            rss.append(peak)
            cpus.append(cpu)
    med = statistics.median
    return {"runs": runs, "draftlint_s": med(t_dl), "floor_s": med(t_fl),
            "draftlint_cpu_s": med(c_dl), "floor_cpu_s": med(c_fl),
            "draftlint_rss_kib": max(rss_dl), "floor_rss_kib": max(rss_fl),
            "ratio": med(t_dl) / med(t_fl), "cpu_ratio": med(c_dl) / med(c_fl)}


def scaffold(runs: int) -> dict:
    """`draftlint scaffold` on the 77/64 example, each run a new process writing a new file."""
    out_dir = Path(tempfile.mkdtemp(prefix="draftlint-bench-scaffold-"))
    times, cpus = [], []
    try:
        for k in range(runs + 1):
            cmd = draftlint_cmd() + ["scaffold", str(EXAMPLE), "-o", str(out_dir / f"next-{k}.docx")]
            wall, _, cpu = run_child(cmd)
            if k:  # the first run warms the caches
                times.append(wall)
                cpus.append(cpu)
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
    return {"runs": runs, "wall_s": statistics.median(times), "cpu_s": statistics.median(cpus)}


def in_process(files: list[str], rounds: int, mark: int) -> dict:
    lst = listfile(files)
    try:
        dl, fl = [], []
        for _ in range(rounds):
            fl.append(worker("loop", "floor", lst, str(mark)))
            dl.append(worker("loop", "draftlint", lst, str(mark)))
    finally:
        os.unlink(lst)
    mean = lambda rs, key: statistics.median(r[key] for r in rs)  # noqa: E731
    return {"n": len(files), "rounds": rounds,
            "draftlint_mean_s": mean(dl, "mean_s"), "floor_mean_s": mean(fl, "mean_s"),
            "draftlint_median_s": mean(dl, "median_s"), "floor_median_s": mean(fl, "median_s"),
            "draftlint_cpu_mean_s": mean(dl, "cpu_mean_s"), "floor_cpu_mean_s": mean(fl, "cpu_mean_s"),
            "draftlint_cpu_median_s": mean(dl, "cpu_median_s"), "floor_cpu_median_s": mean(fl, "cpu_median_s"),
            "ratio": mean(dl, "cpu_mean_s") / mean(fl, "cpu_mean_s"),
            "wall_ratio": mean(dl, "mean_s") / mean(fl, "mean_s"),
            "draftlint_rss_mark_kib": max(r["maxrss_mark_kib"] for r in dl),
            "draftlint_rss_end_kib": max(r["maxrss_end_kib"] for r in dl),
            "floor_rss_mark_kib": max(r["maxrss_mark_kib"] for r in fl),
            "floor_rss_end_kib": max(r["maxrss_end_kib"] for r in fl), "mark": mark}


def has_jobs() -> bool:
    out = subprocess.run(draftlint_cmd() + ["check", "--help"], capture_output=True, text=True, cwd=ROOT)
    return "--jobs" in out.stdout or "-j," in out.stdout


def batch(files: list[str], small: int) -> dict:
    base = draftlint_cmd() + ["check", "--exit-zero"]
    res = {"n": len(files), "cores": os.cpu_count()}
    if not has_jobs():
        res["jobs"] = False
        t1, rss1, c1 = run_child(base + files)
        res.update(j1_s=t1, j1_rss_kib=rss1, j1_cpu_s=c1)
    else:
        res["jobs"] = True
        t1, rss1, c1 = run_child(base + ["-j", "1"] + files)
        t2, rss2, c2 = run_child(base + ["-j", "2"] + files)
        res.update(j1_s=t1, j2_s=t2, j1_rss_kib=rss1, j2_rss_kib=rss2, j1_cpu_s=c1, j2_cpu_s=c2, speedup=t1 / t2)
    # Peak memory of the whole CLI (which keeps every result) with `small` files instead of all of them.
    _, res["small_rss_kib"], _ = run_child(base + (["-j", "1"] if res["jobs"] else []) + files[:small])
    res["small"] = small
    return res


def linearity(small: str, big: str, reps_small: int, reps_big: int) -> dict:
    dl = worker("linear", "draftlint", small, big, str(reps_small), str(reps_big))
    fl = worker("linear", "floor", small, big, str(reps_small), str(reps_big))
    scale = 2000 / 40
    return {"draftlint": dl, "floor": fl,
            "ratio": dl["cpu_big_s"] / (scale * dl["cpu_small_s"]),
            "floor_ratio": fl["cpu_big_s"] / (scale * fl["cpu_small_s"]),
            "wall_ratio": dl["big_s"] / (scale * dl["small_s"])}


# ---------------------------------------------------------------- profiling (--profile)

def import_profile(top: int = 15) -> str:
    cmd = [sys.executable, "-X", "importtime", "-m", "draftlint", "check", "--exit-zero", str(EXAMPLE)]
    subprocess.run(cmd, capture_output=True, cwd=ROOT, env=child_env())  # bytecode cached, as for the runs
    err = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=child_env()).stderr
    rows = []
    for line in err.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cum_us, name = line[len("import time:"):].split("|")
        rows.append((int(cum_us), int(self_us), name[1:].rstrip()))  # nested imports keep their indent
    total = sum(s for _, s, _ in rows)
    toplevel = [r for r in rows if not r[2].startswith(" ")]
    lines = [f"imports: {len(rows)} modules, {total / 1000:.1f} ms in all (self times summed; -X importtime "
             "inflates them)", "outermost imports (each with what it pulls in) by cumulative time:"]
    lines += [f"  {c / 1000:7.1f} ms  {n.strip()}" for c, _, n in sorted(toplevel, reverse=True)[:top]]
    lines.append("modules by self time:")
    lines += [f"  {s / 1000:7.1f} ms  {n.strip()}" for _, s, n in sorted(rows, key=lambda r: -r[1])[:top]]
    return "\n".join(lines)


def cprofile(files: list[str], top: int = 15) -> str:
    lst = listfile(files)
    try:
        out = subprocess.run([sys.executable, str(WORKER), "profile", lst, str(top)], check=True,
                             capture_output=True, text=True, cwd=ROOT).stdout
    finally:
        os.unlink(lst)
    return out


# ---------------------------------------------------------------- report

def ms(s: float) -> str:
    return f"{s * 1000:.2f} ms"


def mib(kib: int) -> str:
    return f"{kib / 1024:.1f} MiB"


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
            "load": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def table(r: dict) -> tuple[str, list[str]]:
    rows, missed = [], []

    def row(name, dl, fl, ratio, target, ok):
        verdict = "" if ok is None else ("ok" if ok else "MISSED")
        if ok is False:
            missed.append(name)
        rows.append((name, dl, fl, ratio, target, verdict))

    f = r["fresh"]
    row(f"fresh process, 1 draft (median of {f['runs']})", ms(f["draftlint_s"]), ms(f["floor_s"]),
        f"{f['ratio']:.2f}x", f"<= {TARGET_FRESH}x", f["ratio"] <= TARGET_FRESH)
    p = r["inproc"]
    sc = r["scaffold"]
    row("fresh process, CPU time (user+sys, median)", ms(f["draftlint_cpu_s"]), ms(f["floor_cpu_s"]),
        f"{f['cpu_ratio']:.2f}x", "", None)
    fc = r["fresh_config"]
    row(f"fresh process, .draftlint.yaml + house pack ({fc['runs']})", ms(fc["draftlint_s"]), ms(fc["floor_s"]),
        f"{fc['ratio']:.2f}x", f"<= {TARGET_FRESH_CONFIG}x", fc["ratio"] <= TARGET_FRESH_CONFIG)
    row(f"in process, CPU per draft (mean of {p['n']})", ms(p["draftlint_cpu_mean_s"]), ms(p["floor_cpu_mean_s"]),
        f"{p['ratio']:.2f}x", f"<= {TARGET_INPROC}x", p["ratio"] <= TARGET_INPROC)
    row("in process, CPU per draft (median)", ms(p["draftlint_cpu_median_s"]), ms(p["floor_cpu_median_s"]),
        f"{p['draftlint_cpu_median_s'] / p['floor_cpu_median_s']:.2f}x", "", None)
    row("in process, wall per draft (mean)", ms(p["draftlint_mean_s"]), ms(p["floor_mean_s"]),
        f"{p['wall_ratio']:.2f}x", "", None)
    b = r["batch"]
    if b["jobs"]:
        row(f"batch CLI -j 1, {b['n']} drafts: wall (per draft)", f"{b['j1_s']:.2f} s ({ms(b['j1_s'] / b['n'])})",
            "", "", "", None)
        row(f"batch CLI -j 2, {b['n']} drafts: wall (per draft)", f"{b['j2_s']:.2f} s ({ms(b['j2_s'] / b['n'])})",
            "", f"{b['speedup']:.2f}x faster", f"info ({b['cores']} cores)", None)
        row("batch CLI CPU time (user+sys), -j 1 -> -j 2", f"{b['j1_cpu_s']:.2f} s -> {b['j2_cpu_s']:.2f} s", "",
            f"{b['j2_cpu_s'] / b['j1_cpu_s']:.2f}x", "", None)
    else:
        row(f"batch CLI, {b['n']} drafts", f"{b['j1_s']:.2f} s", "", "n/a (no -j yet)", "", None)
    lin = r["linear"]
    d, fl = lin["draftlint"], lin["floor"]
    row("linearity: 40-paragraph draft (CPU, median)", ms(d["cpu_small_s"]), ms(fl["cpu_small_s"]), "", "", None)
    row("linearity: 2,000-paragraph draft (CPU, median)", ms(d["cpu_big_s"]), ms(fl["cpu_big_s"]), "", "", None)
    row("linearity: cost(2000) / (50 x cost(40))", f"{lin['ratio']:.2f}", f"{lin['floor_ratio']:.2f}",
        "", f"<= {TARGET_LINEAR}", lin["ratio"] <= TARGET_LINEAR)
    small, n = b["small"], b["n"]
    cli_growth = b["j1_rss_kib"] / b["small_rss_kib"]
    row(f"peak RSS, CLI -j 1: {small} -> {n} drafts", f"{mib(b['small_rss_kib'])} -> {mib(b['j1_rss_kib'])}",
        "", f"{cli_growth:.2f}x", f"<= {TARGET_MEMORY}x", cli_growth <= TARGET_MEMORY)
    loop_growth = p["draftlint_rss_end_kib"] / p["draftlint_rss_mark_kib"]
    row(f"peak RSS, check_file loop: {p['mark']} -> {p['n']}",
        f"{mib(p['draftlint_rss_mark_kib'])} -> {mib(p['draftlint_rss_end_kib'])}",
        f"{mib(p['floor_rss_mark_kib'])} -> {mib(p['floor_rss_end_kib'])}",
        f"{loop_growth:.2f}x", f"<= {TARGET_MEMORY}x", loop_growth <= TARGET_MEMORY)
    row(f"scaffold 77/64, fresh process (median of {sc['runs']})", ms(sc["wall_s"]), "", "",
        f"<= {TARGET_SCAFFOLD * 1000:.0f} ms", sc["wall_s"] <= TARGET_SCAFFOLD)
    row("peak RSS, fresh process, 1 draft", mib(f["draftlint_rss_kib"]), mib(f["floor_rss_kib"]),
        f"{f['draftlint_rss_kib'] / f['floor_rss_kib']:.2f}x", "", None)

    head = ("measurement", "draftlint", "floor", "ratio", "target", "")
    widths = [max(len(str(x[i])) for x in rows + [head]) for i in range(len(head))]
    fmt = lambda x: "  ".join(str(c).ljust(w) for c, w in zip(x, widths)).rstrip()  # noqa: E731
    lines = [fmt(head), fmt(["-" * w for w in widths])] + [fmt(x) for x in rows]
    return "\n".join(lines), missed


def main() -> int:
    ap = argparse.ArgumentParser(description="draftlint against the floor (see bench/README.md)")
    ap.add_argument("--quick", action="store_true", help="smaller run, under ~30 s")
    ap.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    ap.add_argument("--profile", action="store_true", help="also print -X importtime and cProfile summaries")
    ap.add_argument("--as-is", action="store_true",
                    help="run children with the environment as it is (no bytecode cache under bench/out/pycache)")
    ap.add_argument("--json", type=Path, default=HERE / "out" / "last-run.json", help="raw results file")
    args = ap.parse_args()
    cfg = PROFILES["quick" if args.quick else "full"]
    global BYTECODE
    BYTECODE = not args.as_is
    start = time.perf_counter()

    def step(msg):
        print(f"[{time.perf_counter() - start:5.1f} s] {msg}", file=sys.stderr, flush=True)

    step(f"corpus: {cfg['drafts']} drafts + linearity pair")
    manifest = corpus.generate(cfg["drafts"], quiet=False)
    files = corpus.draft_paths(manifest, cfg["drafts"])
    r = {"machine": machine(), "mode": "quick" if args.quick else "full", "config": cfg,
         "draftlint_cmd": draftlint_cmd(), "bytecode_cache": BYTECODE}
    step(f"fresh process x {cfg['fresh']} (interleaved)")
    r["fresh"] = fresh_process(cfg["fresh"])
    step(f"fresh process with a configuration and a house pack x {cfg['fresh']} (interleaved)")
    r["fresh_config"] = fresh_process(cfg["fresh"], configured_example())
    step("scaffold x 7")
    r["scaffold"] = scaffold(7)
    step(f"in process over {len(files)} drafts x {cfg['rounds']} round(s)")
    r["inproc"] = in_process(files, cfg["rounds"], cfg["mem_small"])
    step("batch CLI -j 1 / -j 2 and peak memory")
    r["batch"] = batch(files, cfg["mem_small"])
    step("linearity 40 vs 2,000 paragraphs")
    r["linear"] = linearity(manifest["linear"]["40"], manifest["linear"]["2000"], cfg["lin_small"], cfg["lin_big"])
    step("done")
    text, missed = table(r)
    m = r["machine"]
    print(f"\ndraftlint bench ({r['mode']}{', as-is' if not BYTECODE else ''}): {m['nproc']} x {m['cpu']}, "
          f"Python {m['python']}, {m['date']}, load {m['load']}, {time.perf_counter() - start:.0f} s\n")
    print(text)
    print("\n" + ("all targets met" if not missed else "targets missed: " + "; ".join(missed)))
    r["missed"] = missed
    if args.profile:
        print("\n== python -X importtime -m draftlint check", EXAMPLE.relative_to(ROOT))
        print(import_profile())
        print(f"\n== cProfile of the check_file loop over {min(len(files), 200)} drafts")
        print(cprofile(files[:200]))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(r, indent=1))
    return 1 if (missed and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
