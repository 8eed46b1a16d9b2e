"""Registering zhfin's spaCy components once per process, whichever copy of zhfin comes first.

spaCy imports zhfin's component modules through its entry points (pyproject.toml) under
the installed name, `zhfin.…`; code in a clone imports the same modules as `nlp.…`. When
the two are different files (a clone beside an installed wheel), spaCy's own decorator
refuses the second registration (E004); here the first one stays and the second is a no-op."""
from __future__ import annotations

from spacy.language import Language


def factory(name: str, **options):
    """Like @Language.factory(name, …), unless a factory of that name is registered already."""
    def register(func):
        if not Language.has_factory(name):
            Language.factory(name, **options)(func)
        return func
    return register


def component(name: str, **options):
    """Like @Language.component(name, …), unless a component of that name is registered already."""
    def register(func):
        if not Language.has_factory(name):
            Language.component(name, **options)(func)
        return func
    return register
