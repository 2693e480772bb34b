"""The performance bench: a generated corpus, the pipeline timed on it, pandoc alone as baseline.

Run from the repository root: ``.venv/bin/python -m tests.bench.run`` (``--help`` for options).
"""
