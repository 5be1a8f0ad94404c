"""Bring a learner's notebook up to a new release of its module without losing their answers.

Cells are matched by nbgrader `grade_id`. The merged notebook is the new release, except:

- a solution cell the learner changed keeps the learner's source (and outputs); an untouched
  starter (its nbgrader checksum still matches) takes the new release's starter;
- cells the learner added (no nbgrader id) stay, placed after the same nbgrader cell they
  followed; answers to exercises the new release dropped are kept at the end, unlocked.

Everything else (prose, lesson code, tests, hints, the set-up cell) comes from the new release.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

import nbformat
from nbgrader.utils import compute_checksum

from qcourse.gradecells import grade_id, is_solution_cell, nbgrader_meta

SELFSTUDY_KEY = "qcourse_selfstudy"  # cell metadata marking cells the lab adds itself


@dataclass
class MergeReport:
    kept_answers: list[str] = field(default_factory=list)  # grade_ids of kept solution cells
    kept_own_cells: int = 0
    orphaned_answers: list[str] = field(default_factory=list)  # exercise gone from the release


def is_lab_cell(cell: nbformat.NotebookNode) -> bool:
    return SELFSTUDY_KEY in cell.get("metadata", {})


def learner_changed(cell: nbformat.NotebookNode) -> bool:
    """True when a solution cell differs from the starter it was released with."""
    stored = nbgrader_meta(cell).get("checksum")
    if not stored:
        return True  # no way to tell: keep it
    try:
        return compute_checksum(cell) != stored
    except Exception:  # a cell with broken metadata: keeping it is the safe side
        return True


def merge_notebooks(
    learner: nbformat.NotebookNode, release: nbformat.NotebookNode
) -> tuple[nbformat.NotebookNode, MergeReport]:
    report = MergeReport()
    answers = {
        gid: cell
        for cell in learner.cells
        if (gid := grade_id(cell)) and is_solution_cell(cell) and learner_changed(cell)
    }
    # learner's own cells, keyed by the nbgrader cell they follow (None: before any)
    own_after: dict[str | None, list[nbformat.NotebookNode]] = {}
    anchor: str | None = None
    for cell in learner.cells:
        gid = grade_id(cell)
        if gid:
            anchor = gid
        elif not is_lab_cell(cell):
            own_after.setdefault(anchor, []).append(cell)

    report.kept_own_cells = sum(len(group) for group in own_after.values())
    merged = copy.deepcopy(release)
    cells = list(own_after.pop(None, []))
    release_ids = set()
    for cell in merged.cells:
        gid = grade_id(cell)
        if gid and gid in answers and is_solution_cell(cell):
            cell = _with_learner_source(cell, answers[gid])
            report.kept_answers.append(gid)
        cells.append(cell)
        if gid:
            release_ids.add(gid)
            cells.extend(own_after.pop(gid, []))
    for gid, cell in answers.items():
        if gid not in release_ids:
            orphan = copy.deepcopy(cell)
            orphan.metadata.pop("nbgrader", None)
            cells.append(orphan)
            report.orphaned_answers.append(gid)
    for leftover in own_after.values():  # their anchor is gone from the release
        cells.extend(leftover)
    merged.cells = cells
    return merged, report


def _with_learner_source(
    release_cell: nbformat.NotebookNode, learner_cell: nbformat.NotebookNode
) -> nbformat.NotebookNode:
    cell = copy.deepcopy(release_cell)
    cell.source = learner_cell.source
    if cell.cell_type == "code" and learner_cell.get("cell_type") == "code":
        cell.outputs = copy.deepcopy(learner_cell.get("outputs", []))
        cell.execution_count = learner_cell.get("execution_count")
    return cell
