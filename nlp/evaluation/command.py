"""`zhfin evaluate`: read the gold (either format), take predictions from a file or run
the pipeline on the gold's texts, score, and say it as a table or JSON.

Error lines (`errors=True`) are refused on held-out parts (`blind`, `frozen`): those
are for measuring, never for reading errors. Every user mistake is an InputError
with a one-line message."""
from __future__ import annotations

import json
from dataclasses import dataclass

from ..document import InputError
from . import duee_fin, files, passages, predict, report, splits


@dataclass
class Request:
    gold: str
    pred: str | None = None
    split: str | None = None
    by_genre: bool = False
    as_json: bool = False
    errors: bool = False
    names: str | None = None  # None: rules (only without pred)
    by_slot: bool = False


@dataclass
class Outcome:
    text: str  # for stdout
    warnings: list[str]  # for stderr


SPLITS = {files.PASSAGES: splits.PASSAGE_SPLITS, files.DUEE: splits.DUEE_SPLITS}
GOLD_NAMES = {files.PASSAGES: "gold passages", files.DUEE: "DuEE-Fin gold"}


def check_request(kind: str, records: list[dict], req: Request) -> None:
    if req.split is not None and req.split not in SPLITS[kind]:
        raise InputError(f"--split {req.split}: the splits of {GOLD_NAMES[kind]} are "
                         f"{' and '.join(SPLITS[kind])}")
    if req.by_genre and kind == files.DUEE:
        raise InputError("--by-genre: DuEE-Fin gold has no genres (gold passages have)")
    if req.by_slot and kind == files.DUEE:
        raise InputError("--by-slot: DuEE-Fin gold is scored per role already (gold passages have slots)")
    if req.pred is not None and req.names is not None:
        raise InputError("--names: only without --pred, when evaluate runs the pipeline itself")
    if req.errors:
        refuse_held_out_errors(kind, records, req.split)


def refuse_held_out_errors(kind: str, records: list[dict], split: str | None) -> None:
    readable = SPLITS[kind][0]  # train, dev
    if split in splits.HELD_OUT:
        raise InputError(f"--errors refuses the {split} split: it is for measuring, not for reading errors "
                         f"(use --split {readable})")
    if split is None and splits.has_held_out(records):
        held = next(s for s in SPLITS[kind] if s in splits.HELD_OUT)
        raise InputError(f"--errors needs --split {readable}: this gold has {held} records, which are for "
                         "measuring, not for reading errors")


def _selected(records: list[dict], split: str | None) -> list[dict]:
    if split is None:
        return records
    chosen = splits.select(records, split)
    if not chosen:
        raise InputError(f"--split {split}: no gold records in that split")
    return chosen


def _predictions(kind: str, selected: list[dict], req: Request) -> tuple[str, list[dict], list[str]]:
    """(prediction kind, records, warnings)."""
    if req.pred is None:
        records, failed = predict.run(kind, selected, req.gold, req.names or "rules")
        warnings = [f"warning: {len(failed)} documents failed and count as finding nothing "
                    f"(first: {failed[0]['doc_id']}: {failed[0]['error']})"] if failed else []
        return files.DOCS, records, warnings
    pred_kind, records = files.read_predictions(req.pred)
    if kind == files.PASSAGES and pred_kind == files.DUEE:
        raise InputError(f"{req.pred}: DuEE-Fin predictions carry no values to compare with gold passages: "
                         "give zhfin events.jsonl, docs.jsonl or a batch output folder")
    return pred_kind, records, _disjoint_warning(selected, pred_kind, records, req.pred)


def _disjoint_warning(selected: list[dict], pred_kind: str, records: list[dict], path: str) -> list[str]:
    """Predictions for other documents score zero: say so rather than let it pass as a figure."""
    key = "id" if pred_kind == files.DUEE else "doc_id"
    predicted = {str(r.get(key)) for r in records}
    if not records or predicted & {r["id"] for r in selected}:
        return []
    return [f"warning: {path}: no prediction is for a document of the gold (other ids, or another corpus?)"]


def _header(kind: str, records: list[dict], selected: list[dict], req: Request) -> str:
    unit = "passages" if kind == files.PASSAGES else "documents"
    part = f" (split {req.split})" if req.split else ""
    source = req.pred or f"the pipeline (names {req.names or 'rules'})"
    return f"{GOLD_NAMES[kind]}: {len(selected)} of {len(records)} {unit}{part}, predictions from {source}"


def _passages_outcome(selected: list[dict], events: list[dict], header: str, req: Request) -> str:
    tally = passages.tally(selected, events)
    result = tally.result()
    by_genre = passages.score_by_genre(selected, events) if req.by_genre else None
    errors = report.passage_errors(tally) if req.errors else None
    per_slot = tally.per_slot() if req.by_slot else None
    if req.as_json:
        out = {"gold": req.gold, "split": req.split, "passages": len(selected), **result}
        if by_genre is not None:
            out["per_genre"] = by_genre
        if per_slot is not None:
            out["per_slot"] = per_slot
        if errors is not None:
            out["errors"] = errors
        return json.dumps(out, ensure_ascii=False, indent=2)
    lines = [header, report.passages_table(result, by_genre, per_slot)] + (errors or [])
    return "\n".join(lines)


def _duee_outcome(selected: list[dict], pred_lines: list[dict], header: str, req: Request) -> str:
    result = duee_fin.score(selected, pred_lines)
    errors = report.duee_errors(duee_fin.errors(selected, pred_lines)) if req.errors else None
    if req.as_json:  # the figures at the top level, as before --split existed
        return json.dumps({**result, "micro": duee_fin.micro(result),
                           **({"errors": errors} if errors is not None else {})}, ensure_ascii=False, indent=2)
    return "\n".join([header, duee_fin.format_table(result)] + (errors or []))


def _as_duee(pred_kind: str, predictions: list[dict], req: Request) -> list[dict]:
    if pred_kind == files.DUEE:
        return predictions
    try:
        return duee_fin.to_duee(files.zhfin_docs(pred_kind, predictions))
    except InputError as exc:
        raise InputError(f"{req.pred}: {exc}") from None


def evaluate(req: Request) -> Outcome:
    kind, records = files.read_gold(req.gold)
    check_request(kind, records, req)
    selected = _selected(records, req.split)
    pred_kind, predictions, warnings = _predictions(kind, selected, req)
    header = _header(kind, records, selected, req)
    if kind == files.PASSAGES:
        text = _passages_outcome(selected, files.zhfin_events(pred_kind, predictions), header, req)
    else:
        text = _duee_outcome(selected, _as_duee(pred_kind, predictions, req), header, req)
    return Outcome(text, warnings)
