"""zhfin command line: `extract` one article, `batch` a corpus, `evaluate` against gold,
`export` a batch as tables, `info` on this installation, `train` the models (and `view`,
`report`, `import`: nlp/review, nlp/exchange).

    zhfin extract article.txt
    zhfin extract page.html --published 2025-12-30 --format json
    cat article.txt | zhfin extract - --format jsonl
    zhfin batch news.jsonl --output out/ --workers 4
    zhfin evaluate --gold ../shared/data/realnews_dev/passages.jsonl --split blind
    zhfin export out/ --to parquet
    zhfin info --json

Installed as the `zhfin` command (zhfin.cli); from a clone, `python cli.py …` is the same.
"""
from __future__ import annotations

import sys
import traceback

import click

from .document import InputError
from .trf.click_options import model_options
from .user_options import user_data_options

FORMATS = ("table", "jsonl", "json")
INSTRUMENT_HELP = ("Keep only funding events of these instruments, comma-separated: equity (VC/PE, angel, strategic "
                   "rounds), placement (定增, 配股 of listed companies), debt (bonds, notes, loans, credit lines). "
                   "Listing events are always kept. Default: all. Example: --instrument equity,placement")


def _instruments(ctx, param, value: str | None):
    """--instrument equity,placement -> ("equity", "placement"); a bad name is a usage error."""
    if not value:
        return None
    from .pipeline import INSTRUMENTS

    chosen = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    bad = [v for v in chosen if v not in INSTRUMENTS]
    if bad or not chosen:
        raise click.BadParameter(f"{', '.join(bad) or value!r}: choose from {', '.join(INSTRUMENTS)}")
    return chosen
NAMES_HELP = ("rules: lexicon, suffix and role rules; model: also the trained name recogniser "
              "(models/ner): more names found, about four times slower. Example: --names model")


class CleanErrors(click.Group):
    """Bad input and unexpected failures end with one line on stderr, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (InputError, OSError) as exc:
            raise click.ClickException(str(exc)) from None
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001 - last line of defence for the user
            if ctx.params.get("debug") or "--debug" in sys.argv:
                traceback.print_exc()
            raise click.ClickException(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)") from None


@click.group(cls=CleanErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.version_option(package_name="zhfin", message="zhfin %(version)s")
def main(debug: bool) -> None:
    """Extract funding and listing events from Chinese financial news."""


@main.command()
@click.argument("path", type=str)
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD) to resolve 今天, 12月19日 … against. "
              "Example: --published 2025-12-30")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="table (default on a terminal), jsonl (one event per line, default when piped), json (the docs "
                   "record). Example: --format json")
@click.option("--input-format", type=click.Choice(["auto", "txt", "html"]), default="auto", show_default=True,
              help="How to read PATH: auto tells HTML by its suffix or its tags. Example: --input-format html")
@click.option("--names", type=click.Choice(["rules", "model"]), default="rules", show_default=True,
              help=NAMES_HELP)
@click.option("--instrument", "instruments", metavar="LIST", callback=_instruments, help=INSTRUMENT_HELP)
@user_data_options
@model_options
def extract(path: str, published: str | None, fmt: str | None, input_format: str, names: str,
            instruments: tuple[str, ...] | None, user=None, trf=None) -> None:
    """Extract events from one article: a file (txt or HTML, any common encoding) or - for stdin.

    \b
    Examples:
      zhfin extract article.txt
      zhfin extract article.txt --published 2025-12-30 --format json
      curl -s URL | zhfin extract - --format jsonl
      zhfin extract article.txt --instrument equity
      zhfin extract article.txt --lexicon my_names.tsv --triggers my_triggers.tsv
      zhfin extract article.txt --model accurate --model-dir models/trf
    """
    import json

    from .io import readers, writers
    from .pipeline import load, parse_published

    parse_published(published)  # reject a bad date before any work
    document = readers.read_stdin(input_format) if path == "-" else readers.read_path(path, input_format)
    document.published = published
    record = load("all", names, instruments, user, trf)(document)
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt == "json":
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for event in record["events"]:
            click.echo(writers.dumps(event))
    else:
        writers.print_table(record)


@main.command()
@click.argument("inputs", metavar="INPUT…", nargs=-1, required=True, type=str)
@click.option("--output", "-o", "output", required=True, type=click.Path(file_okay=False),
              help="Output folder. Example: --output out/")
@click.option("--id-field", help="Field with the document id (default: id, doc_id, …). Example: --id-field uuid")
@click.option("--text-field", help="Field with the article text (default: text, content, …). "
              "Example: --text-field body_text")
@click.option("--title-field", help="Field with the title (default: title, headline). Example: --title-field head")
@click.option("--published-field", help="Field with the publication date (default: published, publish_date, "
              "pub_date, date, …). Example: --published-field crawl_date")
@click.option("--workers", "-j", type=click.IntRange(min=1), help="Worker processes (default: the machine's cores). "
              "Example: --workers 8")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local processes, or Dask distributed. Example: --engine dask")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler address; without it "
              "--engine dask starts a local cluster. Example: --scheduler tcp://10.0.0.5:8786")
@click.option("--resume", is_flag=True, help="Continue an interrupted run in OUTPUT, skipping finished documents. "
              "Example: --resume")
@click.option("--overwrite", is_flag=True, help="Replace the results of an earlier run in OUTPUT. Without it (or "
              "--resume) a non-empty OUTPUT is refused. Example: --overwrite")
@click.option("--doc-timeout", type=click.FloatRange(min=0), default=60.0, show_default=True, metavar="SECONDS",
              help="Time budget per document: one over it is stopped, its worker process replaced, and it becomes "
                   "an error record (reason timeout); the run goes on. 0: no budget. Example: 300 "
                   "for long annual reports. Local engine only.")
@click.option("--entities", type=click.Choice(["events", "all"]), default="events", show_default=True,
              help="events: skip the expensive stages on text without a candidate trigger; all: tag every document. "
                   "Example: --entities all")
@click.option("--max-chars", type=click.IntRange(min=1), default=5_000_000, show_default=True,
              help="Longer documents become an error record (too large). Example: --max-chars 200000")
@click.option("--chunk-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Documents per task sent to a worker. Example: --chunk-size 16")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a terminal). "
              "Example: --no-progress")
@click.option("--duee", is_flag=True, help="Also write OUTPUT/duee.jsonl: one DuEE-Fin line per input document. "
              "Example: --duee")
@click.option("--keep-text", is_flag=True, help="Store each document's text in its docs.jsonl record (field text, "
              "the text every offset points into), for review without the input. Example: --keep-text")
@click.option("--names", type=click.Choice(["rules", "model"]), default="rules", show_default=True,
              help=NAMES_HELP)
@click.option("--instrument", "instruments", metavar="LIST", callback=_instruments, help=INSTRUMENT_HELP)
@user_data_options
@model_options
def batch(inputs: tuple[str, ...], output: str, **options) -> None:
    """Run a corpus: JSON lines (.jsonl, .jsonl.gz; DuEE-Fin too), txt/html files,
    folders of them (recursively), or - for stdin.

    Writes OUTPUT/docs.jsonl (one record per input document), events.jsonl (one
    event per line), errors.jsonl (one line per document that failed, with the
    reason and line number) and summary.json. One run at a time writes to an
    OUTPUT folder; a second is refused.

    \b
    Exit codes:
      0    every document processed
      1    the run finished, some documents failed (errors.jsonl says why)
      2    usage: a bad option, a missing input, OUTPUT busy or not empty
      3    operational: disk full, a worker process lost (its document is
           recorded as "worker lost"), an internal error; what is written
           is valid: fix the cause and run again with --resume
      130  interrupted: run again with --resume to finish

    \b
    Examples:
      zhfin batch news.jsonl --output out/ --text-field content
      zhfin batch news/ more.jsonl.gz --output out/ --workers 8
      zhfin batch news.jsonl --output out/ --resume
      zhfin batch news.jsonl --output out/ --overwrite --doc-timeout 300
      zhfin batch news.jsonl --output out/ --engine dask --scheduler tcp://host:8786
      zhfin batch duee_dev.jsonl --output out/ --duee
      zhfin batch news.jsonl --output out/ --lexicon my_names.tsv
      zhfin batch news.jsonl --output out/ --model accurate --quantize int8
    """
    from .batch import OperationalError, run_batch

    try:
        summary = run_batch(list(inputs), output, **options)
    except InputError as exc:  # a missing input; OUTPUT busy or not empty
        raise _BatchExit(str(exc), 2) from None
    except OperationalError as exc:
        raise _BatchExit(str(exc), 3) from None
    except Exception as exc:  # noqa: BLE001 - the run stopped, not a document: operational too
        if "--debug" in sys.argv:
            traceback.print_exc()
        raise _BatchExit(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)", 3) from None
    state = "interrupted: " if summary["interrupted"] else ""
    click.echo(f"{state}{summary['documents']} documents, {summary['events']} events, "
               f"{summary['failed']} failed -> {output}", err=True)
    if summary["interrupted"]:
        click.echo("run again with --resume to finish", err=True)
        sys.exit(130)
    if summary["workers_lost"]:
        click.echo(f"{summary['workers_lost']} worker process(es) died (out of memory?); a document one held is "
                   "recorded as 'worker lost'", err=True)
        sys.exit(3)
    if summary["failed"]:
        sys.exit(1)


class _BatchExit(click.ClickException):
    """One line on stderr and the exit code `batch --help` lists for it."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code


@main.command()
@click.option("--gold", required=True, type=str, metavar="FILE",
              help="Gold: DuEE-Fin JSON lines {id, text, event_list}, or gold passages {id, text, gold, must_not, "
                   "split, genre} (JSON lines or {\"passages\": [...]}); the format is detected. "
                   "Example: --gold ../shared/data/realnews_dev/passages.jsonl")
@click.option("--pred", type=str, metavar="PATH",
              help="Predictions: a batch output folder, its events.jsonl or docs.jsonl, or (DuEE-Fin gold only) "
                   "DuEE-Fin lines such as duee.jsonl of `batch --duee`. Without it, evaluate runs the pipeline "
                   "on the gold's texts. Example: --pred out/")
@click.option("--split", metavar="NAME", help="Score one part: train or blind (gold passages), dev or frozen "
              "(DuEE-Fin, by a hash of the id). Example: --split blind")
@click.option("--by-genre", is_flag=True, help="Also one line per genre (gold passages). Example: --by-genre")
@click.option("--by-slot", is_flag=True, help="Also one line per slot field (amount, date, investors …; gold "
              "passages): which values are missed and which are given wrongly. Example: --split blind --by-slot")
@click.option("--errors", is_flag=True, help="Also print the errors, one per line, to read them: missed and false "
              "events, wrong slots, must-not hits / missing and spurious arguments. Only on train or dev. "
              "Example: --split train --errors")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON. Example: --json")
@click.option("--names", type=click.Choice(["rules", "model"]), help=f"Without --pred: {NAMES_HELP} [default: rules]")
def evaluate(gold: str, pred: str | None, split: str | None, by_genre: bool, by_slot: bool, errors: bool,
             as_json: bool, names: str | None) -> None:
    """Score events against gold. Gold passages (realnews_dev): event and slot
    precision, recall and F1 overall, per type and per genre, and must-not
    violations, as ../shared/eval/score_events.py scores them. DuEE-Fin:
    argument-level precision, recall and F1 per event type and role, matched
    exactly.

    Held-out parts (blind, frozen) are for measuring only: --errors refuses them.

    \b
    Examples:
      zhfin evaluate --gold ../shared/data/realnews_dev/passages.jsonl --split blind
      zhfin evaluate --gold ../shared/data/realnews_dev/passages.jsonl --split train --errors
      zhfin evaluate --gold ../shared/data/realnews_dev/passages.jsonl --split blind --by-slot
      zhfin evaluate --gold ../shared/data/duee_fin/train_partial.jsonl --split frozen
      zhfin batch passages.jsonl --output out/ && zhfin evaluate --gold passages.jsonl --pred out/ --by-genre
      zhfin batch dev.jsonl --output out/ --duee --entities all && zhfin evaluate --gold dev.jsonl --pred out/duee.jsonl
    """
    from .evaluation.command import Request
    from .evaluation.command import evaluate as run_evaluation

    outcome = run_evaluation(Request(gold, pred, split, by_genre, as_json, errors, names, by_slot))
    for warning in outcome.warnings:
        click.echo(warning, err=True)
    click.echo(outcome.text)


from .train.commands import train  # noqa: E402  (light: the training code loads when a command runs)

main.add_command(train)


@main.command()
@click.argument("folder", metavar="DIR", type=str)
@click.option("--to", "fmt", required=True,
              type=click.Choice(["csv", "parquet", "doccano", "label-studio", "brat", "docbin"]),
              help="Table format: csv (UTF-8, a header line) or parquet (typed columns; needs pyarrow: "
                   "pip install \"zhfin[tables]\"). Example: --to parquet. Or an annotation format to correct "
                   "the results in: doccano, label-studio, brat, docbin (spaCy DocBin) [default folder: DIR/FORMAT]; "
                   "zhfin import reads doccano and label-studio back. Example: --to doccano")
@click.option("--output", "-o", type=click.Path(file_okay=False), metavar="FOLDER",
              help="Where the tables go [default: DIR/tables]. Example: --output ~/tables/run1")
def export(folder: str, fmt: str, output: str | None) -> None:
    """Write the results of a batch run as flat tables: DIR/tables/events,
    investors, entities and docs (.csv or .parquet).

    DIR is a batch output folder (its docs.jsonl, else events.jsonl) or one of
    those files. events: one row per event, typed columns such as amount_value,
    amount_currency, amount_text, amount_start, date_start, and investors joined
    with ";". investors: one row per investor with its role (lead, follow,
    lender). entities: one row per entity. docs: one row per document.

    \b
    Examples:
      zhfin export out/ --to parquet
      zhfin export out/ --to csv --output tables/
      duckdb -c "select company, amount_value from 'out/tables/events.parquet'"
      zhfin export out/ --to doccano      # out/doccano/: correct there, then zhfin import
    """
    if fmt not in ("csv", "parquet"):  # annotation tools: nlp/exchange
        from .exchange.commands import run_export

        return run_export(folder, fmt, output)
    from .tables.export import export as export_tables

    result = export_tables(folder, fmt, output)
    if result.skipped_lines:
        click.echo(f"skipped {len(result.skipped_lines)} unreadable line(s) (first: line "
                   f"{result.skipped_lines[0]}; a run killed mid-line?)", err=True)
    counts = ", ".join(f"{result.rows[name]} {name}" for name in result.files)
    click.echo(f"{counts} -> {result.folder}", err=True)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the block batch writes to summary.json as "
              "info). Example: zhfin info --json")
def info(as_json: bool) -> None:
    """Which zhfin this is: its version, the git commit when run from a clone,
    the models with their SHA-256, and the Python and package versions.

    \b
    Examples:
      zhfin info
      zhfin info --json > provenance.json
    """
    import json

    from .info import info as collect, render

    data = collect()
    click.echo(json.dumps(data, ensure_ascii=False, indent=2) if as_json else render(data))


# view, report, import (nlp/review, nlp/exchange): light, as train; their code loads when they run
from .review.commands import report, view  # noqa: E402
from .exchange.commands import import_command  # noqa: E402

main.add_command(view)
main.add_command(report)
main.add_command(import_command)


if __name__ == "__main__":
    main()
