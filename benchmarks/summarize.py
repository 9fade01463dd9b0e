#!/usr/bin/env python3
"""Turns the JSON of bench_lpm, bench_packet_set, bench_load and bench_fwd into the
Markdown tables of benchmarks/README.md. Usage: python3 benchmarks/summarize.py [build-bench]"""

import json
import pathlib
import sys


def load(path):
    if not path.exists():
        return {}
    runs = json.loads(path.read_text())["benchmarks"]
    # With --benchmark_repetitions, the median of each benchmark stands for it.
    medians = {run["run_name"]: run for run in runs
               if run.get("run_type") == "aggregate" and run.get("aggregate_name") == "median"}
    chosen = {run["name"]: run for run in runs if run.get("run_type", "iteration") == "iteration"}
    for name, run in medians.items():
        chosen = {key: value for key, value in chosen.items() if value.get("run_name", key) != name}
        chosen[name] = run
    return chosen


def find(runs, prefix):
    """The run whose name starts with prefix (names may carry /iterations:N/manual_time)."""
    for name, run in runs.items():
        if name == prefix or name.startswith(prefix + "/"):
            return run
    return None


def millions(run):
    return f"{run['items_per_second'] / 1e6:.1f}" if run else "–"


def ratio(a, b):
    return f"{a / b:.2f}" if a and b else "–"


def ms(run):
    if not run:
        return "–"
    factor = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[run["time_unit"]]
    return f"{run['real_time'] * factor:.1f}"


def cpu_ms(run):
    factor = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[run["time_unit"]]
    return run["cpu_time"] * factor


def lpm_tables(runs):
    tables = [(mix, size) for mix in ("uniform", "bgp") for size in (1000, 100000, 1000000)]
    print("### Single lookups (million lookups per CPU-second)\n")
    print("| table | addresses | moat PrefixTable | moat PrefixIndex | rte_lpm | rte_lpm bulk | linear scan | "
          "PrefixIndex / rte_lpm |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for mix, size in tables:
        for kind in ("random", "inside"):
            row = {impl: find(runs, f"lookup/{impl}/{mix}/{size}/{kind}")
                   for impl in ("moat", "moat_index", "rte_lpm", "rte_lpm_bulk", "linear")}
            if not row["moat"]:
                continue
            index_rate = row["moat_index"]["items_per_second"] if row["moat_index"] else None
            dpdk_rate = row["rte_lpm"]["items_per_second"] if row["rte_lpm"] else None
            print(f"| {mix} {size:,} | {kind} | {millions(row['moat'])} | {millions(row['moat_index'])} | "
                  f"{millions(row['rte_lpm'])} | {millions(row['rte_lpm_bulk'])} | {millions(row['linear'])} | "
                  f"{ratio(index_rate, dpdk_rate)} |")

    print("\n### Memory and build time\n")
    print("| table | distinct | moat B/prefix (table / index only) | moat MiB | moat lookup MiB | rte_lpm B/prefix | "
          "rte_lpm MiB | moat / rte_lpm memory (table; lookup) | moat build ms | rte_lpm build ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for mix, size in tables:
        moat = find(runs, f"build/moat/{mix}/{size}")
        dpdk = find(runs, f"build/rte_lpm/{mix}/{size}")
        if not moat:
            continue
        dpdk_bpp = f"{dpdk['bytes_per_prefix']:,.0f}" if dpdk else "–"
        dpdk_mib = f"{dpdk['MiB']:.1f}" if dpdk else "–"
        mem_ratio = (f"{ratio(moat['MiB'], dpdk['MiB'])}; {ratio(moat['lookup_MiB'], dpdk['MiB'])}"
                     if dpdk else "–")
        print(f"| {mix} {size:,} | {moat['distinct']:,.0f} | {moat['bytes_per_prefix']:.1f} / "
              f"{moat['index_bytes_per_prefix']:.1f} | {moat['MiB']:.1f} | {moat['lookup_MiB']:.1f} | {dpdk_bpp} | "
              f"{dpdk_mib} | {mem_ratio} | {ms(moat)} | {ms(dpdk)} |")

    print("\n### PrefixTable::partition (queries of 1–8 prefixes /16–/32)\n")
    print("| table | queries / s | parts / query | parts / s |")
    print("|---|---:|---:|---:|")
    for mix, size in tables:
        run = find(runs, f"partition/moat/{mix}/{size}")
        if run:
            print(f"| {mix} {size:,} | {run['items_per_second'] / 1e6:.2f} M | {run['parts_per_query']:.1f} | "
                  f"{run['parts_per_second'] / 1e6:.2f} M |")


def packet_set_tables(runs):
    if not runs:
        return
    print("\n### PacketSet operations\n")
    print("| operation | a boxes × b boxes | CPU time | result boxes | box pairs / s |")
    print("|---|---|---:|---:|---:|")
    for name, run in runs.items():
        op, shape = name.split("/")[:2]
        t = cpu_ms(run)
        shown = f"{t:.2f} ms" if t >= 0.1 else f"{t * 1000:.1f} µs"
        print(f"| {op} | {run['a_boxes']:,.0f} × {run['b_boxes']:,.0f} | {shown} | {run['result_boxes']:,.0f} | "
              f"{run['box_pairs_per_second'] / 1e6:.1f} M |")


def load_tables(runs):
    if not runs:
        return
    print("\n### Loading Terraform state (CPU time)\n")
    print("| state | MB | bare nlohmann::json::parse MB/s | moat load MB/s | load / parse |")
    print("|---|---:|---:|---:|---:|")
    files = sorted({name.split("/")[1] for name in runs if name.startswith("load/")})
    for file in files:
        parse, loaded = find(runs, "parse/" + file), find(runs, "load/" + file)
        if not parse or not loaded:
            continue
        megabytes = loaded["bytes_per_second"] * cpu_ms(loaded) / 1e3 / 1e6
        print(f"| {file} | {megabytes:.1f} | {parse['bytes_per_second'] / 1e6:.1f} | "
              f"{loaded['bytes_per_second'] / 1e6:.1f} | {cpu_ms(loaded) / cpu_ms(parse):.2f} |")


def fwd_tables(runs):
    if not runs:
        return
    print("\n### Forwarding engine on a 1,000-VPC TGW estate (bench_fwd)\n")
    print("| benchmark | CPU time | VPCs | subnets | sources | routes | to TGW | isolated | peak RSS MiB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, run in runs.items():
        print(f"| {name.split('/')[0]} | {cpu_ms(run):.0f} ms | {run.get('vpcs', 0):,.0f} | "
              f"{run.get('subnets', 0):,.0f} | {run.get('sources', 0):,.0f} | {run.get('routes', 0):,.0f} | "
              f"{run.get('tgw_routes', 0):,.0f} | "
              f"{'yes' if run.get('isolated') else ('–' if 'isolated' not in run else 'no')} | "
              f"{run.get('peak_rss_MiB', 0):.0f} |")


def main():
    build = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "build-bench")
    lpm_tables(load(build / "bench_lpm.json"))
    packet_set_tables(load(build / "bench_packet_set.json"))
    load_tables(load(build / "bench_load.json"))
    fwd_tables(load(build / "bench_fwd.json"))


if __name__ == "__main__":
    main()
