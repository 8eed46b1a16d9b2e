"""Round trips through annotation tools: a batch output folder out to doccano, Label
Studio, brat or a spaCy DocBin, and corrected annotations back in as gold passages,
the format `zhfin evaluate` and the train commands read.

One neutral shape sits in the middle (`annotations.Annotated`): spans with labels and
relations from an event's anchor to its arguments.

- entity labels: COMPANY, ORG, PERSON, MONEY, DATE, PERCENT, SHARES, TICKER, ROUND, EXCHANGE;
- event anchors: the company's mention, labelled `funding:equity|placement|debt` or
  `listing:<stage>` (`:historical` appended for an event told as history);
- relations from the anchor to each argument, named by role: round, amount, investor,
  lead_investor, valuation, date, disclosed / exchange, ticker, offer_price,
  shares_offered, proceeds, market_cap, date, listing_date, disclosed.

    zhfin export out/ --to doccano          # out/doccano/
    zhfin import corrected.jsonl --from doccano --output gold.jsonl
"""
from __future__ import annotations

EXPORT_FORMATS = ("doccano", "label-studio", "brat", "docbin")
IMPORT_FORMATS = ("doccano", "label-studio")


def export(folder: str, fmt: str, output: str | None = None, limit: int | None = None) -> tuple[str, dict]:
    """Write the batch output `folder` in `fmt`; returns (where, counts)."""
    from pathlib import Path

    from ..review.corpus import BatchFolder
    from . import annotations, brat, docbin, doccano, label_studio

    writer = {"doccano": doccano.write, "label-studio": label_studio.write, "brat": brat.write,
              "docbin": docbin.write}[fmt]
    batch = BatchFolder(folder)
    target = Path(output) if output else Path(folder) / fmt
    return str(target), writer(annotations.from_folder(batch, limit), target)


def import_file(path: str, fmt: str, output: str, split: str = "train") -> dict:
    """Read annotations exported by doccano or Label Studio; write gold passages to `output`."""
    from . import doccano, gold, label_studio

    reader = {"doccano": doccano.read, "label-studio": label_studio.read}[fmt]
    return gold.write_passages(reader(path), output, split=split, source_format=fmt)
