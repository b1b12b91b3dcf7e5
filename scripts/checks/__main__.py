"""`python -m scripts.checks`: every check (scripts/checks/all.py)."""

from scripts.checks.all import main

raise SystemExit(main())
