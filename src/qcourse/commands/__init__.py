"""Sub-commands of `qcourse`; each module exposes `register(subparsers)`."""
