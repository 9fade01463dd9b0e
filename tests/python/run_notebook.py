#!/usr/bin/env python3
"""Execute a notebook headlessly (CTest): run_notebook.py NOTEBOOK.

Fails (exit 1) on any cell error, and when the stored notebook carries outputs (they
are kept out of the repository). The kernel is this interpreter (/usr/bin/python3 under
CTest), so it imports the moat package from PYTHONPATH like the tests do; Jupyter's
runtime and IPython files go to a temporary directory."""

import json
import os
import pathlib
import sys
import tempfile

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main() -> int:
    path = pathlib.Path(sys.argv[1]).resolve()
    notebook = nbformat.read(path, as_version=4)
    stored = [i for i, c in enumerate(notebook.cells) if c.cell_type == "code" and (c.outputs or c.execution_count)]
    if stored:
        print(f"{path}: cells {stored} are stored with outputs; clear them before committing", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as scratch:
        kernel = pathlib.Path(scratch, "kernels", "python3")
        kernel.mkdir(parents=True)
        (kernel / "kernel.json").write_text(json.dumps({
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3 (moat tests)", "language": "python"}))
        os.environ.update(JUPYTER_PATH=scratch, JUPYTER_RUNTIME_DIR=os.path.join(scratch, "runtime"),
                          JUPYTER_CONFIG_DIR=os.path.join(scratch, "config"), IPYTHONDIR=os.path.join(scratch, "ipython"))
        client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent)}})
        try:
            client.execute()
        except CellExecutionError as error:
            print(f"{path}: a cell failed:\n{error}", file=sys.stderr)
            return 1
    code_cells = [c for c in notebook.cells if c.cell_type == "code"]
    print(f"{path}: {len(code_cells)} code cells ran without error")
    return 0


if __name__ == "__main__":
    sys.exit(main())
