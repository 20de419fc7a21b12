"""Times crm as whole processes next to an openpyxl peer and bare excelize,
and prints a Markdown table of medians, ratios and peak memory. Run it
through bench/run, which installs what it needs. BENCH_RUNS sets how many
runs each median takes (default 5)."""
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
PY = sys.executable
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
BATCH = 100


def sh(*cmd, ok=(0,), cwd=OUT):
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if r.returncode not in ok:
        raise SystemExit("%s failed (%d):\n%s" % (" ".join(cmd), r.returncode, r.stderr[-2000:]))
    return r


LOADS = []  # the one-minute load average before each timed run


def once(cmd, ok):
    """Wall seconds (timed here), CPU seconds (user + system) and peak RSS
    (MiB), from /usr/bin/time, of one whole process."""
    LOADS.append(float(open("/proc/loadavg").read().split()[0]))
    start = time.perf_counter()
    r = sh("/usr/bin/time", "-f", "@@ %U %S %M", *cmd, ok=ok)
    wall = time.perf_counter() - start
    user, system, peak = re.findall(r"@@ ([\d.]+) ([\d.]+) (\d+)", r.stderr)[-1]
    return wall, float(user) + float(system), int(peak) / 1024


def timed(*cmd, runs=RUNS, ok=(0,)):
    """Medians of wall and CPU seconds, and the highest peak RSS (MiB)."""
    return summarize([once(cmd, ok) for _ in range(runs)])


def summarize(samples):
    return (statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples), max(s[2] for s in samples))


def side_by_side(ours, theirs, runs=RUNS, ok=(0,), peer_ok=(0,)):
    """Times two commands alternately, so that a change in the machine's
    load falls on both alike."""
    a, b = [], []
    for _ in range(runs):
        a.append(once(ours, ok))
        b.append(once(theirs, peer_ok))
    return summarize(a), summarize(b)


def prepare():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    for prog in ("crm", "synthetic", "bare", "hello"):
        src = "./cmd/crm" if prog == "crm" else "./bench/" + prog
        sh("go", "build", "-o", os.path.join(OUT, prog), src, cwd=ROOT)
    high = open(os.path.join(ROOT, "testdata", "examples", "iaas-high.yaml")).read()
    open(os.path.join(OUT, "high.yaml"), "w").write(high)
    open(os.path.join(OUT, "high2.yaml"), "w").write(
        high.replace("Customers patch the operating systems", "Customers patch and scan the operating systems"))
    os.makedirs(os.path.join(OUT, "batch", "in"))
    for i in range(BATCH):
        open(os.path.join(OUT, "batch", "in", "high-%03d.yaml" % i), "w").write(
            high.replace("name: Northwind Compute", "name: Northwind Compute %03d" % i))
    # A 100-service offering: every row gives each service its own duty.
    services = "".join("  - {id: s%03d, name: Service %03d}\n" % (i, i) for i in range(BATCH))
    duties = "".join("      s%03d: Customers of Service %03d configure its access and logging for their tenants.\n" % (i, i) for i in range(BATCH))
    svc = high.replace("services:\n", "services:\n" + services, 1)
    svc = svc.replace("defaults:\n", "defaults:\n  - families: [AC, AT, AU, CA, CM, CP, IA, IR, MA, MP, PE, PL, PS, RA, SA, SC, SI, SR]\n    services:\n" + duties, 1)
    open(os.path.join(OUT, "services100.yaml"), "w").write(svc)
    sh("./crm", "validate", "services100.yaml")
    sh("./crm", "generate", "high.yaml", "-o", "high.xlsx")
    sh(PY, os.path.join(ROOT, "bench", "peer.py"), "dump", "high.xlsx", "cells.json")


def main():
    prepare()
    peer = os.path.join(ROOT, "bench", "peer.py")
    rows = []

    def row(work, ours, theirs=None, note=""):
        wall = "%.1f×" % (theirs[0] / ours[0]) if theirs else ""
        cpu = "%.1f×" % (theirs[1] / ours[1]) if theirs and ours[1] > 0 else ""
        rows.append((work, "%.3f" % ours[0], "%.3f" % theirs[0] if theirs else "", wall,
                     "%.3f" % ours[1], "%.3f" % theirs[1] if theirs else "", cpu,
                     "%.0f" % ours[2], "%.0f" % theirs[2] if theirs else "", note))

    hello = os.path.join(OUT, "hello")
    row("a Go hello-world", timed(hello), note="what any Go process pays to start")
    row("crm version", timed("./crm", "version"), note="start-up: every package's init, no work")
    row("High (791 rows): generate", *side_by_side(("./crm", "generate", "high.yaml", "-o", "g.xlsx"),
        (PY, peer, "write", "cells.json", "p.xlsx")), note="peer: openpyxl (write_only) writes the same sheets and cells")
    row("High: import", *side_by_side(("./crm", "import", "high.xlsx", "-o", "i.yaml"),
        (PY, peer, "read", "high.xlsx")), note="peer: openpyxl (read_only) reads the CIS and CRM sheets")
    row("High: validate the workbook", timed("./crm", "validate", "high.xlsx", ok=(0, 1)))
    row("High: validate the input", timed("./crm", "validate", "high.yaml"))
    row("High: diff two versions", timed("./crm", "diff", "high.yaml", "high2.yaml", ok=(1,)))
    ins = sorted(os.path.join("batch", "in", f) for f in os.listdir(os.path.join(OUT, "batch", "in")))
    os.makedirs(os.path.join(OUT, "batch", "xlsx"))
    os.makedirs(os.path.join(OUT, "batch", "yaml"))
    gen = timed("./crm", "generate", *ins, "--out-dir", "batch/xlsx", runs=3)
    xs = sorted(os.path.join("batch", "xlsx", f) for f in os.listdir(os.path.join(OUT, "batch", "xlsx")))
    imp = timed("./crm", "import", *xs, "--out-dir", "batch/yaml", runs=3)
    val = timed("./crm", "validate", "batch/xlsx", runs=3, ok=(0, 1))
    total = (gen[0] + imp[0] + val[0], gen[1] + imp[1] + val[1], max(gen[2], imp[2], val[2]))
    peer_batch = timed(PY, peer, "batch", "cells.json", "batch/peer", str(BATCH), runs=1)
    row("100 High CRMs: generate", gen)
    row("100 High CRMs: import", imp)
    row("100 High CRMs: validate", val)
    row("100 High CRMs: all three", total, peer_batch, "peer: one Python process writes, reads and checks 100 (crm validates them)")
    row("100-service offering: generate", timed("./crm", "generate", "services100.yaml", "-o", "s.xlsx"),
        note="791 rows, each with 100 services' duties")
    # A one-row workbook times what every run pays whatever its size
    # (start-up, the catalog, the workbook's other sheets).
    fixed = timed("./synthetic", "-rows", "1", "-o", "syn.xlsx")[0]
    for n in (7910, 79100):
        ours, bare = side_by_side(("./synthetic", "-rows", str(n), "-o", "syn.xlsx"), ("./bare", "-rows", str(n), "-o", "bare.xlsx"))
        row("%s rows (synthetic)" % format(n, ","), ours, bare,
            "peer: bare excelize, same cells; %.1f µs a row, %.1f µs past the %.3f s a one-row workbook takes"
            % (ours[0] / n * 1e6, (ours[0] - fixed) / (n - 1) * 1e6, fixed))

    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "?")
    go = sh("go", "version", cwd=ROOT).stdout.strip()
    exc = re.search(r"github.com/xuri/excelize/v2 (\S+)", open(os.path.join(ROOT, "go.mod")).read()).group(1)
    opx = sh(PY, peer, "version").stdout.strip()
    print("Measured %s on %d × %s, %.0f GiB; %s; excelize %s; Python %s, openpyxl %s; medians of %d runs (3 for batches, 1 for the peer's batch), crm and its peer alternating; one-minute load average before the runs %.2f–%.2f (median %.2f)."
          % (time.strftime("%Y-%m-%d"), os.cpu_count(), cpu, int(mem) / 1048576, go, exc, platform.python_version(), opx, RUNS,
             min(LOADS), max(LOADS), statistics.median(LOADS)))
    print()
    print("| work | crm wall s | peer wall s | wall ratio | crm CPU s | peer CPU s | CPU ratio | crm peak MiB | peer peak MiB | notes |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
