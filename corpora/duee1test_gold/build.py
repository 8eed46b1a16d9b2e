"""Join the gold events of corpora/duee1test_gold/gold.jsonl with their texts from ../shared/data.

    .venv/bin/python corpora/duee1test_gold/build.py [--data ../shared/data] [--out duee1test_passages.jsonl]

The texts are DuEE 1.0 test sentences (Baidu; research and teaching use only), so only ids and our own
gold are in the repository; this writes the gold-passage file (the format of realnews_dev) that
`zhfin batch` and `zhfin evaluate` read, outside the repository by default.
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from join_gold import main  # noqa: E402

if __name__ == "__main__":
    main(__doc__, HERE / "gold.jsonl", "news/duee_sentences.jsonl", "duee1test_passages.jsonl")
