"""Makes the project's `scripts` package importable from every hook, wherever mkdocs is run from.

MkDocs puts a hook's own folder on sys.path while it imports the hook, so each hook starts with
`import project_path  # noqa: F401`.
"""

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
