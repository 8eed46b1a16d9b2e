"""An invented corpus (written for these tests) and its batch output folder, shared by
the tests of `zhfin view`, `zhfin report` and the annotation round trip."""
from __future__ import annotations

import inspect
import json
from pathlib import Path

# the hostile document: markup and quotes in the text and in its id; none may reach the page raw
HOSTILE_ID = 'x"<b>1'
SCRIPT = '<script>alert("zhfin")</script>'
CORPUS = [
    {"id": "f1", "published": "2025-12-05",
     "text": "2025年11月，湖光电池完成20亿元C轮融资，由红岭资本领投，北溪创投、远山资本跟投。"},
    {"id": "l1", "published": "2025-12-05",
     "text": "芯衡微今日在上交所科创板正式上市，证券代码688792。芯衡微本次公开发行4000万股，发行价格为29.60元/股，"
             "募集资金总额为11.84亿元。"},
    {"id": HOSTILE_ID, "published": "2025-12-05",
     "text": f"{SCRIPT}12月2日，星桥机器人宣布完成3亿元A轮融资，本轮由\"远山资本\"领投，'青禾创投'跟投，"
             "<b>募集资金</b>将用于研发。"},
    {"id": "h2", "published": "2025-12-05", "text": "星桥机器人向港交所递交招股书，拟在香港主板上市。"},
    {"id": "n1", "published": "2025-12-05", "text": "今天天气晴朗，员工在公园里散步，股市平稳。"},
    {"id": "bad", "published": "2025-12-05", "text": "   "},
]


def make_batch(root: Path) -> Path:
    """root/news.jsonl and root/out, its batch output (no --keep-text: the text is read back
    from news.jsonl)."""
    from nlp.batch import run_batch

    corpus = root / "news.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in CORPUS), encoding="utf-8")
    # in this process: one worker, no time budget (where the batch code has one)
    in_process = {"doc_timeout": 0} if "doc_timeout" in inspect.signature(run_batch).parameters else {}
    run_batch([str(corpus)], str(root / "out"), workers=1, entities="all", progress=False, **in_process)
    return root / "out"


def with_text_in_docs(out: Path) -> None:
    """What `batch --keep-text` writes: each docs record carries its text (from the corpus)."""
    texts = {r["id"]: r["text"] for r in CORPUS}
    docs = [json.loads(line) for line in (out / "docs.jsonl").read_text(encoding="utf-8").splitlines()]
    lines = [json.dumps({**d, "text": texts[d["doc_id"]]} if not d.get("errors") else d, ensure_ascii=False)
             for d in docs]
    (out / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
