import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # instructor_fixture, instructor_support
