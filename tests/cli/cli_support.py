"""Shared by the CLI test scripts (check_cli.py, graph_cli.py): run the built moat and
assert its exit code; fail a case with a message."""
import subprocess
import sys


def run_moat(moat, *args, expect, env=None):
    """Runs `moat ARGS…`; exits the script with both outputs when the exit code is not `expect`."""
    proc = subprocess.run([moat, *args], capture_output=True, text=True, timeout=600, env=env)
    if proc.returncode != expect:
        sys.exit(f"moat {' '.join(args)}: exit {proc.returncode}, expected {expect}\n"
                 f"stdout:\n{proc.stdout[:4000]}\nstderr:\n{proc.stderr}")
    return proc


def check(condition, message):
    if not condition:
        sys.exit("FAILED: " + message)
