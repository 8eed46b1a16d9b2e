"""Start-up stays light: the record path imports no spaCy and no jieba.posseg, and
the cached dictionary (nlp/segment/dictionary.py) is exactly what jieba builds.
The timing itself is benchmarks/startup.py."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile

from nlp.segment import dictionary, tokenizer

from .helpers import ARTICLES, ROOT

HEAVY = ("spacy", "thinc", "jieba.posseg", "torch", "transformers")
REPORT = f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))"


def heavy_modules(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", f"import json, sys\n{code}\n{REPORT}"],
                         capture_output=True, text=True, cwd=ROOT, check=True, timeout=120)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_api_record_path_imports_no_spacy_nor_posseg():
    assert heavy_modules("import nlp\nnlp.extract('星河科技宣布完成5亿元B轮融资，由红杉中国领投。', published='2025-12-30')") == []


def test_an_event_clause_that_names_no_party_is_read_without_spacy():
    # the recogniser (models/ner) runs in numpy for such a clause (nlp/entities/ner_numpy.py)
    assert heavy_modules("import nlp\nnlp.extract('据悉，LumiCloud本周获得了5000万元A轮融资。')") == []


def test_cli_extract_imports_no_spacy_nor_posseg():
    article = ARTICLES / "star_market_listing.txt"
    code = ("import runpy\n"
            f"sys.argv = ['cli.py', 'extract', {str(article)!r}, '--format', 'json']\n"
            "try:\n    runpy.run_path('cli.py', run_name='__main__')\nexcept SystemExit as e:\n    assert not e.code")
    assert heavy_modules(code) == []


def test_cached_dictionary_is_what_jieba_builds():
    """The same prefix dictionary as jieba's own plus add_word, the same tags as jieba.posseg."""
    import jieba
    import jieba.posseg

    reference = jieba.Tokenizer()
    reference.initialize()
    for word, freq in tokenizer._user_words():
        reference.add_word(word, freq=freq)
    ours = tokenizer.jieba_tokenizer()
    assert ours.FREQ == reference.FREQ and ours.total == reference.total
    assert tokenizer.word_tags() == jieba.posseg.dt.word_tag_tab
    text = "星河科技宣布完成5亿元B轮融资，由红杉中国领投，老股东继续加注。"
    assert ours.lcut(text) == reference.lcut(text)


def test_dictionary_cache_is_built_once_and_a_broken_one_rebuilt(tmp_path, monkeypatch):
    builds = []

    def build(jieba, words, with_tags=True):  # jieba's real build is checked above; this one is instant
        builds.append(words)
        return {w: f for w, f in words}, sum(f for _, f in words), {"完成": "v"} if with_tags else {}

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(dictionary, "_build", build)
    words = [("星河科技", 5000)]
    tok, tags = dictionary.load(words)
    [cache] = tmp_path.glob("zhfin-jieba-*.cache")
    assert (tok.FREQ, tok.total, tok.initialized, tags) == ({"星河科技": 5000}, 5000, True, {"完成": "v"})
    assert dictionary.load(words)[0].FREQ == tok.FREQ and len(builds) == 1  # read back, not rebuilt

    cache.write_bytes(b"not a cache")
    assert dictionary.load(words)[0].FREQ == tok.FREQ and len(builds) == 2
    assert dictionary.load(words)[0].FREQ == tok.FREQ and len(builds) == 2  # rewritten whole

    dictionary.load([("云帆智能", 5000)])  # other words: another file
    assert len(builds) == 3 and len(list(tmp_path.glob("zhfin-jieba-*.cache"))) == 2
    assert dictionary.load(words, with_tags=False)[1] == {} and len(builds) == 4  # without tags: another file too

    for n in range(dictionary.KEEP + 2):  # old ones are removed, the newest kept
        dictionary.load([(f"公司{n}", 5000)])
    kept = list(tmp_path.glob("zhfin-jieba-*.cache"))
    assert len(kept) == dictionary.KEEP and dictionary._key(sys.modules["jieba"], [("公司5", 5000)]) in str(kept)
