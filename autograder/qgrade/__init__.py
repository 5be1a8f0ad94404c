"""qgrade: grade learners' Qiskit circuits against mathematical truth and say what is wrong."""

__version__ = "0.1.0"
