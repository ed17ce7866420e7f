"""The build's notebook runner reuses kernels; each notebook must still run as if in a fresh one."""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_cache import get_cache

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import warm_kernels  # noqa: E402


def notebook(path: Path, *sources: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return str(path)


def outputs(cache, uri: str) -> list[dict]:
    """The cached outputs of one notebook (the cache keeps one record per distinct notebook)."""
    record = next(r for r in cache.list_cache_records() if r.uri == uri)
    return [o for c in cache.get_cache_bundle(record.pk).nb.cells for o in c.outputs]


def text_of(cache, uri: str) -> str:
    return "".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in outputs(cache, uri))


@pytest.fixture
def run(tmp_path):
    def _run(uris: list[str], workers: int = 1, timeout: int = 30):
        cache = get_cache(str(tmp_path / "cache"))
        for uri in uris:
            cache.add_nb_to_project(uri)
        return cache, warm_kernels.execute(uris, cache, timeout=timeout, workers=workers, root=tmp_path)
    return _run


def test_one_kernel_runs_notebook_after_notebook_each_with_a_clean_namespace_in_its_own_folder(tmp_path, run):
    first = notebook(tmp_path / "a" / "first.ipynb", "import os\nsecret = 42\nprint('pid', os.getpid())")
    second = notebook(tmp_path / "b" / "second.ipynb",
                      "import os\nprint('pid', os.getpid())\nprint('cwd', os.getcwd())",
                      "print('leaked' if 'secret' in globals() else 'clean')",
                      "1 + 1")
    cache, report = run([first, second])
    assert report.succeeded == [first, second] and report.failed == []
    pid = lambda uri: text_of(cache, uri).split("pid ")[1].split()[0]  # noqa: E731
    assert pid(first) == pid(second), "the second notebook should reuse the first one's kernel"
    text = text_of(cache, second)
    assert f"cwd {tmp_path / 'b'}" in text
    assert "clean" in text and "leaked" not in text
    result = [o for o in outputs(cache, second) if o.output_type == "execute_result"]
    assert [o.execution_count for o in result] == [3] and result[0].data["text/plain"] == "2"


def test_a_failing_notebook_is_not_cached_and_the_next_one_gets_a_fresh_kernel(tmp_path, run):
    before = notebook(tmp_path / "before.ipynb", "import os\nprint('pid', os.getpid())  # before")
    broken = notebook(tmp_path / "broken.ipynb", "raise ValueError('this chapter is broken')")
    after = notebook(tmp_path / "after.ipynb", "import os\nprint('pid', os.getpid())  # after")
    cache, report = run([before, broken, after])
    assert report.succeeded == [before, after] and report.failed == [broken]
    assert cache.get_cached_project_nb(broken) is None
    assert "this chapter is broken" in cache.get_project_record(broken).traceback
    pid = lambda uri: text_of(cache, uri).split("pid ")[1].split()[0]  # noqa: E731
    assert pid(before) != pid(after), "after a failure the worker should start a new kernel"


def test_a_cell_over_the_timeout_fails_that_notebook_only(tmp_path, run):
    slow = notebook(tmp_path / "slow.ipynb", "import time\ntime.sleep(30)")
    quick = notebook(tmp_path / "quick.ipynb", "print('done')")
    cache, report = run([slow, quick], timeout=2)
    assert report.failed == [slow] and report.succeeded == [quick]
    assert "done" in text_of(cache, quick)


def test_two_workers_share_the_notebooks(tmp_path, run):
    uris = [notebook(tmp_path / f"n{i}.ipynb", f"import os\nprint('pid', os.getpid())  # {i}") for i in range(4)]
    cache, report = run(uris, workers=2)
    assert sorted(report.succeeded) == sorted(uris)
    pids = {text_of(cache, u).split("pid ")[1].split()[0] for u in uris}
    assert len(pids) == 2
