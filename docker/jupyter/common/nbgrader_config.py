"""nbgrader settings every server of the course shares: which course, and where its exchange is.

The hub passes both through the environment (see docker/jupyterhub_config.py), so one image serves
any course and the same file works in a container and in the local test hub.
"""

import os

c = get_config()  # noqa: F821 (provided by traitlets when nbgrader loads this file)

c.CourseDirectory.course_id = os.environ.get("QCOURSE_COURSE_ID", "qcourse")
c.Exchange.root = os.environ.get("QCOURSE_EXCHANGE_ROOT", "/srv/nbgrader/exchange")
# The formgrader service sets QCOURSE_COURSE_DIR; a learner's server never reads a course directory.
if os.environ.get("QCOURSE_COURSE_DIR"):
    c.CourseDirectory.root = os.environ["QCOURSE_COURSE_DIR"]
