"""The IPython extension `qgrade.ipython`: what a course notebook's kernel needs before any
cell has run. `qcourse lab` starts every kernel with it (`--ext qgrade.ipython`), so that a
test cell run right after a kernel restart, before even the set-up cell, already says which
cell to run first; the set-up cell does the same again (and more) where no lab started the
kernel. Load it by hand with `%load_ext qgrade.ipython`.
"""

from __future__ import annotations

from typing import Any


def load_ipython_extension(shell: Any) -> None:
    from qgrade.names import explain_name_errors
    from qgrade.plots import localize_figures

    explain_name_errors(shell)
    localize_figures(shell)
