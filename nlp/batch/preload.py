"""Imported once by the forkserver of the local pool (never by users): loads and
warms the pipeline there, so every worker forks with the dictionaries and
compiled patterns already in memory (shared copy-on-write) instead of loading
them itself."""
from __future__ import annotations

try:
    from .work import warm_up

    warm_up(("all", "rules"))  # the lazily loaded resources are shared by every mode
except Exception:  # noqa: BLE001 - a worker then simply loads what it needs itself
    pass
