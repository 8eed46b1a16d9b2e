"""Scoring zhfin output against gold data, and the one definition of the held-out parts.

- `splits`: which gold records are held out (DuEE-Fin `frozen` by id hash, realnews `blind` by field);
- `passages`: zhfin event records against gold passages (realnews_dev), as the maintainers score them;
- `duee_fin`: DuEE-Fin argument-level scoring of zhfin output;
- `command`: what `zhfin evaluate` does (read, optionally run the pipeline, score, report).

Importing this package is cheap: the scorers load OpenCC and the pipeline only when used.
"""
