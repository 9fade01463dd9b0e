#!/usr/bin/python3
"""Scaling curves of moat over generated estates (issue 9), for benchmarks/README.md.

For each size: gen_estate.py writes a closed estate (no internet path) and the same
estate with one injected leak, each with its moat.json; then
  * bench_estate on the closed estate: parse vs load, environment, the closed-profile
    check, one trace, peak RSS of the process;
  * bench_estate on the leaky estate: the time to find the leak (the two no-internet
    intents), which must report exactly the leak;
  * `/usr/bin/time -v moat check --format json` on the closed estate: what a CI job pays
    end to end (wall, CPU, peak RSS).
Results go to OUT/scale.json, a Markdown table to OUT/scale.md (and stdout), and, when
gnuplot is installed, OUT/scale.svg (or --plot FILE). The growth order of each curve is the least-squares
slope of log(time) over log(routes).

--trace-only measures only the trace: the closed estates (generated if absent), bench_estate
on each (--repeat N: the median of N traces, 5 by default), and a table of bench_estate's default trace (on-prem network over Direct Connect and
the transit gateway to a spoke's ALB on TCP 443) to OUT/trace.json and OUT/trace.md.

  /usr/bin/python3 benchmarks/scale.py [--build build-bench] [--out build-bench/scale]
                                       [--sizes xs,s,m,l,xl] [--plot FILE]
                                       [--trace-only [--repeat N]]
Standard library only.
"""

import argparse
import json
import math
import os
import pathlib
import re
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    return result


def generate(out, size, leak):
    name = "%s-%s" % (size, "leak" if leak else "closed")
    state = out / (name + ".tfstate")
    scenario = out / (name + ".json")
    summary_file = out / (name + ".summary.json")
    if not (state.exists() and scenario.exists() and summary_file.exists()):
        command = [sys.executable, str(ROOT / "benchmarks" / "gen_estate.py"), "--size", size, "--egress", "none",
                   "--seed", "1", "--summary", "--scenario", str(scenario), "--output", str(state)]
        if leak:
            command.append("--inject-leak")
        result = run(command)
        if result.returncode != 0:
            sys.exit("gen_estate.py failed: %s\n%s" % (" ".join(command), result.stderr))
        summary_file.write_text(result.stderr)
    return state, scenario, json.loads(summary_file.read_text())


def bench_estate(build, scenario, repeat=5):
    result = run([str(build / "benchmarks" / "bench_estate"), str(scenario), "--repeat", str(repeat)])
    if result.returncode != 0:
        sys.exit("bench_estate %s failed:\n%s" % (scenario, result.stderr))
    return json.loads(result.stdout)


def time_cli(build, scenario):
    """`moat check` end to end under /usr/bin/time -v: wall, user+sys, peak RSS."""
    time_file = scenario.with_suffix(".time")
    command = ["/usr/bin/time", "-v", "-o", str(time_file), str(build / "tools" / "moat"), "check", str(scenario),
               "--format", "json"]
    result = run(command)
    if result.returncode not in (0, 1):
        sys.exit("moat check %s: exit %d\n%s" % (scenario, result.returncode, result.stderr))
    text = time_file.read_text()

    def field(label):
        return re.search(re.escape(label) + r":\s*(\S+)", text).group(1)

    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    report = json.loads(result.stdout)
    return {"exit": result.returncode, "wall_s": seconds,
            "cpu_s": float(field("User time (seconds)")) + float(field("System time (seconds)")),
            "peak_rss_mib": int(field("Maximum resident set size (kbytes)")) / 1024.0,
            "intents": len(report["intents"]), "failed": sum(1 for i in report["intents"] if not i["holds"])}


def slope(xs, ys):
    """Least-squares slope of log(y) over log(x): the empirical growth order."""
    points = [(math.log(x), math.log(y)) for x, y in zip(xs, ys) if x > 0 and y > 0]
    if len(points) < 2:
        return float("nan")
    mx = sum(p[0] for p in points) / len(points)
    my = sum(p[1] for p in points) / len(points)
    sxx = sum((p[0] - mx) ** 2 for p in points)
    return sum((p[0] - mx) * (p[1] - my) for p in points) / sxx if sxx else float("nan")


COLUMNS = [  # (heading, function of a result row)
    ("size", lambda r: r["size"]),
    ("VPCs", lambda r: r["closed"]["model"]["vpcs"]),
    ("subnets", lambda r: r["closed"]["model"]["subnets"]),
    ("routes", lambda r: r["closed"]["model"]["routes"]),
    ("SG rules", lambda r: r["closed"]["model"]["security_group_rules"]),
    ("state MB", lambda r: "%.1f" % (r["closed"]["state_bytes"] / 1e6)),
    ("parse s", lambda r: "%.3f" % r["closed"]["parse"]["cpu_s"]),
    ("load s", lambda r: "%.3f" % r["closed"]["load"]["cpu_s"]),
    ("load/parse", lambda r: "%.2f" % (r["closed"]["load"]["cpu_s"] / r["closed"]["parse"]["cpu_s"])),
    ("intents", lambda r: r["closed"]["intent_count"]),
    ("analysis s", lambda r: "%.3f" % analysis(r)),
    ("check CLI s", lambda r: "%.2f" % r["cli"]["cpu_s"]),
    ("peak MiB", lambda r: "%.0f" % r["cli"]["peak_rss_mib"]),
    ("trace ms", lambda r: "%.2f" % (r["closed"]["trace"]["cpu_s"] * 1e3)),
    ("find leak s", lambda r: "%.3f" % r["leak"]["find_leak"]["cpu_s"]),
]


def analysis(row):
    """CPU seconds after loading: graph, intents, check."""
    closed = row["closed"]
    return closed["environment"]["cpu_s"] + closed["intents"]["cpu_s"] + closed["check"]["cpu_s"]


def markdown(rows):
    lines = ["| " + " | ".join(c[0] for c in COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for row in rows:
        lines.append("| " + " | ".join(str(c[1](row)) for c in COLUMNS) + " |")
    routes = [r["closed"]["model"]["routes"] for r in rows]
    lines.append("")
    lines.append("Empirical growth order (least-squares slope of log time over log routes):")
    lines.append("")
    for label, values in (("parse", [r["closed"]["parse"]["cpu_s"] for r in rows]),
                          ("load", [r["closed"]["load"]["cpu_s"] for r in rows]),
                          ("analysis after loading", [analysis(r) for r in rows]),
                          ("moat check end to end", [r["cli"]["cpu_s"] for r in rows]),
                          ("peak memory", [r["cli"]["peak_rss_mib"] for r in rows]),
                          ("find the leak", [r["leak"]["find_leak"]["cpu_s"] for r in rows]),
                          ("one trace", [r["closed"]["trace"]["cpu_s"] for r in rows])):
        lines.append("- %s: n^%.2f" % (label, slope(routes, values)))
    return "\n".join(lines) + "\n"


def plot(out, rows, svg):
    gnuplot = shutil.which("gnuplot")
    if not gnuplot:
        print("scale.py: gnuplot not installed (apt-get install gnuplot-nox): no plot", file=sys.stderr)
        return
    data = out / "scale.dat"
    with data.open("w") as f:
        f.write("# routes parse load analysis check_cli find_leak peak_mib\n")
        for r in rows:
            f.write("%d %g %g %g %g %g %g\n" % (r["closed"]["model"]["routes"], r["closed"]["parse"]["cpu_s"],
                                                 r["closed"]["load"]["cpu_s"], analysis(r), r["cli"]["cpu_s"],
                                                 r["leak"]["find_leak"]["cpu_s"], r["cli"]["peak_rss_mib"]))
    script = """
set terminal svg size 900,420 dynamic font 'sans,11'
set output '{svg}'
set multiplot layout 1,2
set logscale xy
set grid
set key top left
set xlabel 'VPC routes'
set ylabel 'CPU seconds'
set title 'moat on generated estates'
plot '{dat}' using 1:2 with linespoints title 'bare JSON parse', \\
     '{dat}' using 1:3 with linespoints title 'load (parse + model)', \\
     '{dat}' using 1:4 with linespoints title 'closed-profile analysis', \\
     '{dat}' using 1:5 with linespoints title 'moat check (CLI, total)', \\
     '{dat}' using 1:6 with linespoints title 'find the injected leak'
set ylabel 'MiB'
set title 'peak resident memory of moat check'
plot '{dat}' using 1:7 with linespoints title 'peak RSS'
unset multiplot
""".format(svg=svg, dat=data)
    result = run([gnuplot], input=script)
    if result.returncode != 0:
        print("scale.py: gnuplot failed:\n" + result.stderr, file=sys.stderr)


def trace_markdown(rows):
    """The trace of each closed estate: the flow, its parts, CPU and wall time, growth order."""
    lines = ["| size | VPCs | routes | from | to | delivered parts | dropped parts | delivered | trace ms (CPU) "
             "| trace ms (wall) | fastest ms (CPU) |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        t = r["closed"]["trace"]
        lines.append("| %s | %d | %d | %s | %s | %d | %d | %s | %.2f | %.2f | %.2f |" % (
            r["size"], r["closed"]["model"]["vpcs"], r["closed"]["model"]["routes"], t["from"], t["to"],
            t["delivered_parts"], t["dropped_parts"], "yes" if t["delivered"] else "no", t["cpu_s"] * 1e3,
            t["wall_s"] * 1e3, t["min_cpu_s"] * 1e3))
    routes = [r["closed"]["model"]["routes"] for r in rows]
    lines.append("")
    lines.append("Empirical growth order of one trace (least-squares slope of log CPU time over log routes): "
                 "n^%.2f (median), n^%.2f (fastest)" % (slope(routes, [r["closed"]["trace"]["cpu_s"] for r in rows]),
                                                       slope(routes, [r["closed"]["trace"]["min_cpu_s"] for r in rows])))
    return "\n".join(lines) + "\n"


def warn_undelivered_trace(row):
    if not row["closed"].get("trace", {}).get("delivered"):
        print("scale.py: warning: %s: the traced flow is not delivered" % row["size"], file=sys.stderr)


def write_results(out, name, rows, table):
    """OUT/NAME.json (the rows), OUT/NAME.md and stdout (the table)."""
    (out / (name + ".json")).write_text(json.dumps(rows, indent=2) + "\n")
    (out / (name + ".md")).write_text(table)
    print(table)


def trace_only(build, out, sizes, repeat):
    rows = []
    for size in sizes:
        print("scale.py: %s (trace only)" % size, file=sys.stderr)
        _, scenario, summary = generate(out, size, leak=False)
        rows.append({"size": size, "summary": summary, "closed": bench_estate(build, scenario, repeat)})
        warn_undelivered_trace(rows[-1])
    write_results(out, "trace", rows, trace_markdown(rows))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=str(ROOT / "build-bench"), help="a build with MOAT_BUILD_BENCHMARKS=ON")
    parser.add_argument("--out", default=None, help="where estates and results go (default BUILD/scale)")
    parser.add_argument("--sizes", default="xs,s,m,l,xl", help="gen_estate.py --size presets, smallest first")
    parser.add_argument("--plot", default=None,
                        help="where the SVG plot goes (default OUT/scale.svg; benchmarks/README.md shows benchmarks/scale.svg)")
    parser.add_argument("--trace-only", action="store_true",
                        help="measure only the trace, on the closed estates (OUT/trace.json, OUT/trace.md)")
    parser.add_argument("--repeat", type=int, default=5,
                        help="bench_estate --repeat with --trace-only: the trace is the median of this many runs")
    args = parser.parse_args()
    build = pathlib.Path(args.build).resolve()
    out = pathlib.Path(args.out).resolve() if args.out else build / "scale"
    out.mkdir(parents=True, exist_ok=True)
    if args.trace_only:
        trace_only(build, out, args.sizes.split(","), args.repeat)
        return
    rows = []
    for size in args.sizes.split(","):
        print("scale.py: %s" % size, file=sys.stderr)
        _, closed_scenario, closed_summary = generate(out, size, leak=False)
        _, leak_scenario, leak_summary = generate(out, size, leak=True)
        row = {"size": size, "summary": closed_summary, "closed": bench_estate(build, closed_scenario),
               "leak": bench_estate(build, leak_scenario), "cli": time_cli(build, closed_scenario),
               "leak_place": leak_summary.get("leak")}
        if row["closed"]["failed_intents"] != 0:
            print("scale.py: warning: %s: %d intents fail on the closed estate" % (size, row["closed"]["failed_intents"]),
                  file=sys.stderr)
        warn_undelivered_trace(row)
        if not row["leak"]["leaks_found"]:
            print("scale.py: warning: %s: the injected leak was not found" % size, file=sys.stderr)
        rows.append(row)
    write_results(out, "scale", rows, markdown(rows))
    plot(out, rows, pathlib.Path(args.plot).resolve() if args.plot else out / "scale.svg")


if __name__ == "__main__":
    main()
