"""`zhfin view` and `zhfin report`: the click commands (added to the group in nlp/cli.py).
Nothing heavy is imported until a command runs."""
from __future__ import annotations

from pathlib import Path

import click

from ..user_options import user_data_options

OUTPUT_HELP = "The HTML file to write (one file, nothing else needed to open it). Example: --output {example}"


def _instruments(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    from ..pipeline import INSTRUMENTS

    chosen = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    bad = [v for v in chosen if v not in INSTRUMENTS]
    if bad or not chosen:
        raise click.BadParameter(f"{', '.join(bad) or value!r}: choose from {', '.join(INSTRUMENTS)}",
                                 param_hint="--instrument")
    return chosen


def _write(path: str, html: str) -> None:
    try:
        Path(path).write_text(html, encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"{path}: cannot write ({exc.strerror or exc})") from None


@click.command()
@click.argument("path", metavar="ARTICLE_OR_DIR", type=str)
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), metavar="FILE",
              help=OUTPUT_HELP.format(example="page.html"))
@click.option("--doc", "doc_ids", multiple=True, metavar="ID",
              help="DIR only: show this document (repeat for several). Example: --doc rdA-001 --doc rdA-002")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True,
              help="DIR only, without --doc: how many documents to show. Example: --limit 50")
@click.option("--all", "everything", is_flag=True,
              help="DIR only, without --doc: documents without events too. Example: --all")
@click.option("--published", metavar="DATE",
              help="ARTICLE only: publication date (YYYY-MM-DD) to resolve dates against. Example: --published 2025-12-30")
@click.option("--input-format", type=click.Choice(["auto", "txt", "html"]), default="auto", show_default=True,
              help="ARTICLE only: how to read it. Example: --input-format html")
@click.option("--names", type=click.Choice(["rules", "model"]), default="rules", show_default=True,
              help="ARTICLE only: rules, or also the trained name recogniser. Example: --names model")
@click.option("--instrument", "instruments", metavar="LIST",
              help="ARTICLE only: keep only funding events of these instruments (equity, placement, debt). "
                   "Example: --instrument equity")
@user_data_options
def view(path: str, output: str, doc_ids: tuple[str, ...], limit: int, everything: bool, published: str | None,
         input_format: str, names: str, instruments: str | None, user=None) -> None:
    """Write one self-contained HTML page showing documents: the text with
    entities and event roles marked, and the events as cards with their
    normalised values and confidence.

    ARTICLE_OR_DIR is an article (txt or HTML, - for stdin), analysed now, or
    the output folder of zhfin batch, whose documents are shown as they were
    found. The page needs the text: docs.jsonl holds it with batch --keep-text;
    otherwise it is read again from the input files the records name.

    \b
    Examples:
      zhfin view article.txt --published 2025-12-30 --output page.html
      zhfin view out/ --output page.html
      zhfin view out/ --doc rdA-001 --doc rdA-002 --output two.html
    """
    from . import view as viewer

    note = None
    if path != "-" and Path(path).is_dir():
        shown, note = viewer.from_folder(path, doc_ids, limit, everything)
    else:
        if doc_ids:
            raise click.UsageError("--doc needs a batch output folder, not an article")
        from ..io import readers
        from ..pipeline import load, parse_published

        parse_published(published)
        document = readers.read_stdin(input_format) if path == "-" else readers.read_path(path, input_format)
        document.published = published
        shown = viewer.from_article(document, load("all", names, _instruments(instruments), user))
    _write(output, viewer.render(shown, path, note))
    if note:
        click.echo(note, err=True)
    events = sum(len(s.record.get("events") or []) for s in shown)
    click.echo(f"{len(shown)} document(s), {events} event(s) -> {output}", err=True)


@click.command()
@click.argument("folder", metavar="DIR", type=str)
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), metavar="FILE",
              help=OUTPUT_HELP.format(example="report.html"))
def report(folder: str, output: str) -> None:
    """Write corpus statistics of a batch output folder as one self-contained
    HTML page with charts (inline SVG): events per month by type and
    instrument, the top investors and the largest rounds, listings by exchange
    and stage, failures by reason.

    \b
    Examples:
      zhfin batch news.jsonl --output out/ && zhfin report out/ --output report.html
    """
    from .corpus import BatchFolder
    from .report import collect, render

    stats = collect(BatchFolder(folder))
    _write(output, render(stats, folder))
    click.echo(f"{stats.documents} document(s), {sum(stats.events.values())} event(s) -> {output}", err=True)
