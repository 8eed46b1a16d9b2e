"""--lexicon, --triggers and --ner-model for the commands that run the pipeline (extract, batch).

The decorated command receives one keyword, ``user``: the checked files as a
``userdata.UserData`` (None when none is given). A bad file ends the command with
one line naming the file and line, exit code 2 (a usage error)."""
from __future__ import annotations

import functools

import click

LEXICON_HELP = ("Your own names, a TSV file with a header row: name, type (COMPANY, ORG or INVESTOR), "
                "optional aliases separated by |. They win over the built-in guesses. "
                "Example: --lexicon my_names.tsv")
TRIGGERS_HELP = ("Your own trigger phrases, a TSV file with a header row: event (funding, listing), "
                 "pattern (a regex) or phrase (literal text), optional stage. Example: --triggers my_triggers.tsv")
NER_MODEL_HELP = ("A name recogniser of your own (a spaCy model folder, as zhfin train ner writes it) instead of "
                  "models/ner; implies --names model. Example: --ner-model models/my_ner")


def usage_error(message: str) -> click.ClickException:
    """One line and exit code 2, as for a usage error, without click's usage text."""
    error = click.ClickException(message)
    error.exit_code = 2
    return error


def user_data_options(command):
    """Adds the three options; the command gets ``user=UserData | None``."""
    @click.option("--ner-model", type=click.Path(exists=True, file_okay=False), metavar="DIR", help=NER_MODEL_HELP)
    @click.option("--triggers", type=click.Path(exists=True, dir_okay=False), metavar="FILE", help=TRIGGERS_HELP)
    @click.option("--lexicon", type=click.Path(exists=True, dir_okay=False), metavar="FILE", help=LEXICON_HELP)
    @functools.wraps(command)
    def run(*args, lexicon=None, triggers=None, ner_model=None, **kwargs):
        from .userdata import UserDataError, load

        try:
            user = load(lexicon, triggers, ner_model)
        except UserDataError as exc:
            raise usage_error(str(exc)) from None
        return command(*args, user=user, **kwargs)

    return run
