"""`zhfin import` (annotations -> gold passages) and the annotation formats of
`zhfin export` (the command itself lives in nlp/cli.py and hands these formats here)."""
from __future__ import annotations

import click

from . import EXPORT_FORMATS, IMPORT_FORMATS

__all__ = ["EXPORT_FORMATS", "import_command", "run_export"]


def run_export(folder: str, fmt: str, output: str | None) -> None:
    """`zhfin export DIR --to doccano|label-studio|brat|docbin`."""
    from . import export

    where, counts = export(folder, fmt, output)
    parts = [f"{counts.get('documents', 0)} document(s), {counts.get('events', 0)} event(s)"]
    if counts.get("without_text"):
        parts.append(f"{counts['without_text']} left out without text (run zhfin batch with --keep-text)")
    if counts.get("failed"):
        parts.append(f"{counts['failed']} failed document(s) left out")
    click.echo("; ".join(parts) + f" -> {where}", err=True)


@click.command("import")
@click.argument("path", metavar="FILE", type=click.Path(exists=True, dir_okay=False))
@click.option("--from", "fmt", required=True, type=click.Choice(IMPORT_FORMATS),
              help="The tool that exported FILE: doccano (JSONL with entities and relations) or label-studio "
                   "(JSON export). Example: --from doccano")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="The gold passages to write (JSON lines). Example: --output gold.jsonl")
@click.option("--split", type=click.Choice(["train", "blind"]), default="train", show_default=True,
              help="The split every passage gets: train (the train commands learn from it) or blind (kept for "
                   "measuring). Example: --split blind")
def import_command(path: str, fmt: str, output: str, split: str) -> None:
    """Read corrected annotations exported by doccano or Label Studio and write
    gold passages (the realnews_dev format), which zhfin evaluate and the train
    commands read.

    Start from zhfin export DIR --to doccano (or label-studio): each event is
    its company's mention labelled funding:<instrument> or listing:<stage>,
    with relations named by role (amount, round, investor …) to its arguments.
    Arguments left where they were keep zhfin's normalised values; new or moved
    ones are normalised from their words.

    \b
    Examples:
      zhfin export out/ --to doccano
      zhfin import corrected.jsonl --from doccano --output gold.jsonl
      zhfin evaluate --gold gold.jsonl --pred out/
    """
    from . import import_file

    result = import_file(path, fmt, output, split)
    for warning in result["warnings"]:
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"{result['passages']} passage(s), {result['events']} event(s) -> {output}", err=True)
