"""The publishing files: CI runs the README's own commands, Pages deploys only from main, and the
citation and issue form are well formed."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "book.yml"
CITATION = ROOT / "CITATION.cff"
CASE_FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "case_study.yml"


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def workflow() -> dict:
    return load(WORKFLOW)


def triggers(wf: dict) -> dict:
    on = wf.get("on", wf.get(True))      # YAML 1.1 reads a bare `on:` key as the boolean True
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return {name: None for name in on}
    return on or {}


def readme_commands() -> list[str]:
    """The commands in the shell code blocks of README.md's set-up section ("## Set up ..."),
    one per non-comment line: what a newcomer types to build and test, and so what CI must run."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    sections = [s for s in re.split(r"^## ", text, flags=re.M) if s.lower().startswith("set up")]
    section = sections[0] if sections else text
    blocks = re.findall(r"^```(?:bash|sh|shell|console)\s*\n(.*?)^```", section, flags=re.M | re.S)
    return [ln.strip().lstrip("$ ").strip() for block in blocks for ln in block.splitlines()
            if ln.strip() and not ln.strip().startswith("#")]


def readme_command(word: str) -> str:
    """The README command that builds ("build") or tests ("test")."""
    return next(c for c in readme_commands() if word in c)


def steps(wf: dict):
    for job_id, job in wf["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, job, step


def run_lines(step: dict) -> list[str]:
    return [ln.strip() for ln in str(step.get("run", "")).splitlines() if ln.strip()]


def jobs_using(wf: dict, action: str) -> list[tuple[str, dict, dict]]:
    return [(j, job, s) for j, job, s in steps(wf) if str(s.get("uses", "")).split("@")[0] == action]


def only_on_push_to_main(*conditions: str | None) -> bool:
    """Job and step conditions are ANDed, so one of them must allow only a push to main on its own."""
    def strict(cond: str) -> bool:
        return ("github.event_name == 'push'" in cond and "github.ref == 'refs/heads/main'" in cond
                and "||" not in cond and "!" not in cond)
    return any(strict(c.replace('"', "'")) for c in conditions if c)


def test_workflow_runs_on_push_to_main_and_pull_requests(workflow):
    on = triggers(workflow)
    assert "push" in on and "pull_request" in on, on
    assert (on["push"] or {}).get("branches") == ["main"], on["push"]


def test_readme_shows_a_build_and_a_test_command():
    commands = readme_commands()
    assert any("build" in c for c in commands) and any("test" in c for c in commands), commands


@pytest.mark.parametrize("command", readme_commands())
def test_ci_runs_each_readme_command_as_written(workflow, command):
    runners = [job_id for job_id, _, step in steps(workflow) if command in run_lines(step)]
    assert runners, f"no workflow step runs the README command {command!r}"


def test_build_and_tests_run_for_pushes_and_pull_requests(workflow):
    for command in (readme_command("build"), readme_command("test")):
        jobs = [job for _, job, step in steps(workflow) if command in run_lines(step)]
        assert any("push" in str(job.get("if", "push pull_request"))
                   and "pull_request" in str(job.get("if", "push pull_request")) for job in jobs), command


def test_pages_deploy_only_on_push_to_main(workflow):
    deploys = jobs_using(workflow, "actions/deploy-pages")
    assert deploys, "no job deploys to GitHub Pages"
    for job_id, job, step in deploys:
        assert only_on_push_to_main(job.get("if"), step.get("if")), f"job {job_id} may deploy outside a push to main"
        perms = job.get("permissions") or workflow.get("permissions") or {}
        assert perms.get("pages") == "write" and perms.get("id-token") == "write", perms
        needed = job.get("needs", [])
        needed = [needed] if isinstance(needed, str) else needed
        uploads = {j for j, _, _ in jobs_using(workflow, "actions/upload-pages-artifact")}
        assert uploads & set(needed), f"job {job_id} does not wait for the job that uploads the site"
        assert set(needed) >= {j for j, _, s in steps(workflow) if readme_command("test") in run_lines(s)}, \
            "deploy does not wait for the tests"
    for job_id, job, step in jobs_using(workflow, "actions/upload-pages-artifact"):
        assert only_on_push_to_main(job.get("if"), step.get("if")), job_id
        assert step["with"]["path"] == "_build/html"


def test_pull_requests_get_the_site_as_a_preview_artifact(workflow):
    previews = [(job, step) for _, job, step in jobs_using(workflow, "actions/upload-artifact")
                if "pull_request" in " ".join(str(x.get("if", "")) for x in (job, step))]
    assert previews, "no preview artifact for pull requests"
    assert any(step["with"]["path"] == "_build/html" for _, step in previews)


def test_the_weekly_job_checks_external_links_online(workflow):
    on = triggers(workflow)
    assert on.get("schedule"), "no scheduled run"
    checks = [(job, step) for _, job, step in steps(workflow)
              if any("scripts/external_links.py" in ln and "--check" in ln for ln in run_lines(step))]
    assert checks, "no step runs scripts/external_links.py --check"
    for job, _ in checks:
        assert "schedule" in str(job.get("if", "")), "the online link check must not run on pushes"


CFF_REQUIRED = ("cff-version", "message", "title", "authors")


def test_citation_has_the_required_keys_and_the_handbook_release():
    cff = load(CITATION)
    for key in CFF_REQUIRED:
        assert cff.get(key), f"CITATION.cff lacks {key}"
    assert cff["cff-version"] == "1.2.0"
    assert cff["title"] == "Human Learning Systems: a practical handbook"
    assert str(cff["version"]) == "0.1.0" and str(cff["date-released"]) == "2026-11-30"
    assert cff["license"] == "CC-BY-NC-4.0" and "MIT" in cff["message"] + cff.get("abstract", "")
    for author in cff["authors"]:
        assert author.get("name") or author.get("family-names"), author


def test_citation_references_both_main_sources():
    refs = load(CITATION)["references"]
    for ref in refs:
        assert ref.get("type") and ref.get("title") and ref.get("authors"), ref
    ebook = [r for r in refs if "Public Service for the Real World" in r["title"]]
    assert ebook and ebook[0]["isbn"] == "978-1-9161315-2-1" and ebook[0]["year"] == 2021
    equity = [r for r in refs if r["title"].startswith("From Implicit to Intentional")]
    assert equity and equity[0]["year"] == 2025
    assert [a["family-names"] for a in equity[0]["authors"]] == [
        "Winston", "Eichsteller", "Murali", "Diamond", "Plimmer", "Manners"]


def test_case_study_issue_form_is_a_body_of_inputs():
    form = load(CASE_FORM)
    assert form["name"] and form["description"]
    body = form["body"]
    assert isinstance(body, list) and body
    kinds = {"markdown", "input", "textarea", "dropdown", "checkboxes"}
    ids = []
    for element in body:
        assert element["type"] in kinds, element
        assert element.get("attributes"), element
        if element["type"] != "markdown":
            assert element["attributes"].get("label") and element.get("id"), element
            ids.append(element["id"])
    assert len(ids) == len(set(ids)), "duplicate ids in the issue form"
    for needed in ("name", "summary", "sources", "scales", "stages"):
        assert needed in ids, f"the form does not ask for {needed}"
