"""qcourse: the platform around the Qiskit curriculum (build, nbgrader, self-study, reports)."""

__version__ = "0.1.0"
