import sys

from qcourse.cli import main

sys.exit(main())
