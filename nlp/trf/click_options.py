"""--model, --model-dir and --quantize for the commands that run the pipeline (extract, batch).

The decorated command receives one keyword, ``trf``: ``nlp.trf.TrfOptions`` for
``--model accurate``, None for the default ``--model fast``. A model folder that is
not there (or torch missing) ends the command with one line saying how to get it,
exit code 2. Light: torch loads only when the first document is tagged."""
from __future__ import annotations

import functools

import click

MODEL_HELP = ("fast: rules and the CRF party tagger (default); accurate: also a fine-tuned transformer tagging "
              "the parties of trigger clauses (optional: pip install \"zhfin[trf]\" and a model from zhfin train trf; "
              "slower, see docs/trf-card.md for what it gains). Example: --model accurate")
MODEL_DIR_HELP = ("The accurate model's folder [default: $ZHFIN_TRF_MODEL, else models/trf]. "
                  "Example: --model-dir ~/zhfin-trf")
QUANTIZE_HELP = ("Accurate mode on CPU: int8 quantises the model's Linear layers (faster, see docs/trf-card.md); "
                 "none keeps float32. Example: --quantize int8")


def model_options(command):
    """Adds the three options; the command gets ``trf=TrfOptions | None``."""
    @click.option("--quantize", type=click.Choice(["none", "int8"]), default="none", show_default=True,
                  help=QUANTIZE_HELP)
    @click.option("--model-dir", metavar="DIR", help=MODEL_DIR_HELP)
    @click.option("--model", "mode", type=click.Choice(["fast", "accurate"]), default="fast", show_default=True,
                  help=MODEL_HELP)
    @functools.wraps(command)
    def run(*args, mode="fast", model_dir=None, quantize="none", **kwargs):
        from ..user_options import usage_error
        from . import TrfUnavailable, options

        if mode == "fast" and model_dir:
            raise click.UsageError("--model-dir needs --model accurate")
        try:
            trf = options(mode, model_dir, quantize)
        except TrfUnavailable as exc:
            raise usage_error(str(exc)) from None
        return command(*args, trf=trf, **kwargs)

    return run
