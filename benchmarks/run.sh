#!/usr/bin/env bash
# Builds and runs moat's benchmarks: a Release build in build-bench/ with the DPDK
# rte_lpm comparison, console output plus JSON in build-bench/<benchmark>.json, and the
# peak memory of each program from /usr/bin/time -v.
#
#   bash scripts/install-deps --bench && bash benchmarks/run.sh
#   bash benchmarks/run.sh --benchmark_filter='lookup/.*/bgp'   # extra args go to every program
#
# Environment: MOAT_BENCH_DPDK=OFF skips DPDK; JOBS (default 2) sets build parallelism;
# BENCHMARKS (default "bench_lpm bench_packet_set bench_load bench_fwd") picks the programs.
# bench_load reads build-bench/estate-{s,m,l,xl}.tfstate (gen_estate.py --size presets,
# about 4, 14, 43 and 142 MB), generated if absent (MOAT_BENCH_STATES, colon-separated
# paths, overrides the list). The scaling curves of issue 9 come from benchmarks/scale.py.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-bench"
dpdk="${MOAT_BENCH_DPDK:-ON}"
jobs="${JOBS:-2}"
read -r -a programs <<<"${BENCHMARKS:-bench_lpm bench_packet_set bench_load bench_fwd}"

generator=()
if command -v ninja >/dev/null; then generator=(-G Ninja); fi
# GCC 12 at -O3 reports a false positive that -Werror turns into a failed build: -Wrestrict
# inside std::string operator+ (GCC bug 105329, lib/net/port_set.cpp).
cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS="-Wno-restrict" \
  -DMOAT_BUILD_BENCHMARKS=ON -DMOAT_BENCH_DPDK="$dpdk" -DMOAT_BUILD_TESTS=OFF -DMOAT_BUILD_TOOLS=ON -DMOAT_BUILD_PYTHON=OFF
# bench_estate and the CLI too: benchmarks/scale.py runs them from this build.
cmake --build "$build" -j"$jobs" --target "${programs[@]}" bench_estate moat_cli

if [[ " ${programs[*]} " == *" bench_load "* && -z "${MOAT_BENCH_STATES:-}" ]]; then
  states=()
  for size in s m l xl; do  # see gen_estate.py --help
    state="$build/estate-$size.tfstate"
    [[ -f "$state" ]] || /usr/bin/python3 "$root/benchmarks/gen_estate.py" --size "$size" --seed 1 --output "$state"
    states+=("$state")
  done
  MOAT_BENCH_STATES="$(IFS=:; echo "${states[*]}")"
  export MOAT_BENCH_STATES
fi

echo "== machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)," \
  "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
for program in "${programs[@]}"; do
  echo "== $program"
  /usr/bin/time -v -o "$build/$program.time" "$build/benchmarks/$program" \
    --benchmark_out="$build/$program.json" --benchmark_out_format=json "$@"
  grep -E 'Maximum resident set size|Elapsed \(wall clock\)' "$build/$program.time" | sed "s/^\s*/$program: /"
done
echo "== JSON results in $build/*.json"
