# Every notebook kernel of the classroom image loads qgrade's IPython extension before any cell
# runs, as `qcourse lab`'s own kernel does: a test cell run right after a kernel restart (before
# the set-up cell) then says which cell to run first, and Qiskit's plot labels follow the
# notebook's language. IPython reads this file from /etc/ipython for every user.
c = get_config()  # noqa: F821
c.InteractiveShellApp.extensions = ["qgrade.ipython"]
