"""`python -m zhfin …` (or `python -m nlp …` in a clone): the zhfin command line."""
from .cli import main

main(prog_name="zhfin")
