"""Build geokit's wheel from the repository's files and install it into a fresh virtualenv.

Used by ``tests/test_wheel.py`` (the pure wheel a plain ``pip install`` gives),
``tests/test_compiled.py`` and ``bench/bench_geoparse.py`` (the compiled wheel,
``GEOKIT_COMPILE=1``, see ``setup.py``).

To stay fast and offline, the fresh virtualenv sees the dependencies already installed
in the development environment: a ``.pth`` file lists the development site-packages (a
plain path line, so its editable-install hooks are not run), and only the wheel is
installed, with ``--no-deps``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    """Run ``cmd``; fail with its output when it exits non-zero."""
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, **kw)
    assert done.returncode == 0, f"{cmd[:3]} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done


def source_files() -> list[str]:
    """The repository's files: tracked, or new and not ignored."""
    listed = run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT
    ).stdout.split("\0")
    return sorted(name for name in listed if name and (ROOT / name).is_file())


def source_digest() -> str:
    """A digest of the files a wheel is built from: a cached build is reused while it matches."""
    h = hashlib.sha256()
    for name in source_files():
        if name.startswith(("geokit/", "setup.py", "pyproject.toml")):
            h.update(name.encode() + b"\0" + (ROOT / name).read_bytes() + b"\0")
    return h.hexdigest()[:16]


def build_wheel(work: Path, *, compiled: bool = False) -> Path:
    """Copy the repository's files into ``work/src`` and build the wheel into ``work/dist``."""
    src, dist = work / "src", work / "dist"
    for name in source_files():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, src / name)
    env = {k: v for k, v in os.environ.items() if k != "GEOKIT_COMPILE"}
    if compiled:
        env["GEOKIT_COMPILE"] = "1"
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
    run([*pip_wheel, "-w", str(dist), str(src)], env=env)
    (whl,) = dist.glob("geokit-*.whl")
    return whl


def venv_with(wheel: Path, env_dir: Path) -> Path:
    """Make a virtualenv in ``env_dir`` that sees the development dependencies; install ``wheel``."""
    run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)])
    python = env_dir / "bin" / "python"
    purelib = run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
    ).stdout.strip()
    Path(purelib, "geokit-dev-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    run([*pip, "install", "--quiet", "--no-deps", "--no-index", str(wheel)])
    return env_dir
