"""Packaging: the build tree is importable, and `cmake --install` puts the package where
/usr/bin/python3 looks for it."""

import os
import pathlib
import subprocess
import sys

import pytest

import moat


def test_the_package_and_extension_sit_together_in_the_build_tree():
    package = pathlib.Path(moat.__file__).parent
    assert pathlib.Path(moat._moat.__file__).parent == package
    assert (package / "py.typed").exists() and (package / "_moat.pyi").exists()
    assert moat.__version__.count(".") == 2


def test_help_documents_the_api():
    assert "dns:NAME" in moat.Network.__doc__
    for method in (moat.Network.trace, moat.Network.check, moat.Network.resolve, moat.Network.reachability_matrix,
                   moat.load, moat.load_scenario):
        assert method.__doc__ and len(method.__doc__) > 80, method.__name__
    assert "protocol" in str(__import__("inspect").signature(moat.Network.trace))


def test_cmake_install_puts_the_package_on_the_system_python_path(tmp_path):
    build = os.environ.get("MOAT_BUILD_DIR")
    cmake = os.environ.get("MOAT_CMAKE", "cmake")
    if not build:
        pytest.skip("MOAT_BUILD_DIR is not set")
    prefix = "/usr/local"
    subprocess.run([cmake, "--install", build, "--component", "python", "--prefix", prefix], check=True,
                   env={**os.environ, "DESTDIR": str(tmp_path)}, capture_output=True, text=True)
    installed = sorted(tmp_path.glob("usr/local/lib/python3*/dist-packages/moat/_moat*.so"))
    assert len(installed) == 1, list(tmp_path.rglob("*"))
    site = installed[0].parent.parent
    system_path = subprocess.run(["/usr/bin/python3", "-c", "import sys; print('\\n'.join(sys.path))"],
                                 capture_output=True, text=True, check=True, env={}).stdout.split("\n")
    assert "/" + str(site.relative_to(tmp_path)) in system_path
    probe = subprocess.run([sys.executable, "-c", "import moat; print(moat.__file__); moat.load"],
                           capture_output=True, text=True, env={"PYTHONPATH": str(site)}, check=True)
    assert probe.stdout.strip() == str(site / "moat" / "__init__.py")
