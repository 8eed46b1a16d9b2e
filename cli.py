"""Run zhfin from a clone: `python cli.py extract article.txt` is `zhfin extract article.txt`.

The command line lives in nlp/cli.py (installed as zhfin.cli); this file only
lets a clone run it without installing."""
from nlp.cli import main

if __name__ == "__main__":
    main(prog_name="zhfin")  # usage lines and hints name the installed command
