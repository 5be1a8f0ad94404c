"""The instructor workflow around nbgrader: course set-up, parallel autograding, reports, demo.

nbgrader stays the system of record (gradebook, exchange, feedback, export); this package adds
what it lacks: a ready course directory, isolated parallel autograding that writes the gradebook
exactly as sequential `nbgrader autograde` would, a cohort report and a one-command demo.
"""
