"""HTML -> visible article text and title (selectolax), boilerplate removed."""
from __future__ import annotations

import re

# ---------------------------------------------------------------------------
# HTML

_HTML_SNIFF = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|br|article|span|table|script|a\s)[\s>/]",
    re.IGNORECASE,
)

_DROP_TAGS = frozenset(
    "script style noscript nav header footer aside form iframe svg template "
    "button select textarea input object embed canvas video audio map head".split()
)
_BLOCK_TAGS = frozenset(
    "p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr table thead tbody tfoot "
    "section article main blockquote pre figure figcaption hr address center "
    "caption details summary".split()
)
_CELL_TAGS = frozenset(("td", "th"))
_PROTECTED_TAGS = frozenset(("html", "body", "main", "article"))
_BOILERPLATE_TOKEN = re.compile(
    r"^(?:nav|navbar|navigation|menu|menus|footer|foot|share|sharing|social|"
    r"comment|comments|breadcrumb|breadcrumbs|crumbs|sidebar|aside|ad|ads|adv|advert|"
    r"advertisement|adsbygoogle|banner|copyright|related|recommend|recommended|"
    r"promo|sponsor|sponsored|cookie|cookies|popup|modal|subscribe|newsletter|"
    r"login|toolbar|pagination|pager|tags|hot|hotnews|rank|ranking|disclaimer)$"
)
_BOILERPLATE_PREFIX = re.compile(
    r"^(?:nav|menu|footer|share|comment|breadcrumb|sidebar|copyright|related|"
    r"recommend|advert|banner|social|cookie|popup|subscribe|pagination)"
)
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t]*[\r\n]+[ \t]*(?=[{_CJK}])")
_SOURCE_BREAK = re.compile(r"[\r\n]+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u3000\u202f\u205f]+")


def looks_like_html(text: str) -> bool:
    """Cheap sniff: does this text look like an HTML document or fragment?"""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head[:15].lower().startswith(("<!doctype html", "<html")):
        return True
    return head.startswith("<") and len(_HTML_SNIFF.findall(head)) >= 2


def _is_boilerplate(node) -> bool:
    attrs = node.attributes
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", attrs.get("style") or ""):
        return True
    words = " ".join(v for k, v in attrs.items() if k in ("class", "id") and v).lower()
    if attrs.get("role") in ("navigation", "banner", "contentinfo", "complementary"):
        return True
    for token in re.split(r"[^a-z0-9]+", words):
        if token and (_BOILERPLATE_TOKEN.match(token) or _BOILERPLATE_PREFIX.match(token)):
            return True
    return False


def _prune(root) -> None:
    """Remove non-content elements below ``root`` (in place)."""
    total = len(root.text(separator=" ")) or 1
    doomed = []
    stack = [root]
    while stack:
        node = stack.pop()
        child = node.child
        while child is not None:
            if child.is_element_node:
                tag = child.tag
                if tag in _DROP_TAGS:
                    doomed.append(child)
                elif (
                    tag not in _PROTECTED_TAGS
                    and _is_boilerplate(child)
                    and child.css_first("article") is None
                    # a "boilerplate" class on the container of most of the text
                    # (e.g. <div class="content has-sidebar">) is a false alarm
                    and len(child.text(separator=" ")) < 0.6 * total
                ):
                    doomed.append(child)
                else:
                    stack.append(child)
            elif child.is_comment_node:
                doomed.append(child)
            child = child.next
    for node in doomed:
        node.decompose()


def _content_root(body):
    """The element holding the article: the largest <article>, else the element
    whose <p> children hold most text (its parent gets half credit), else body."""
    body_len = len(body.text(separator=" ").strip())
    articles = sorted(body.css("article"), key=lambda n: len(n.text(separator=" ")), reverse=True)
    if articles and len(articles[0].text(separator=" ").strip()) >= 0.3 * body_len:
        return articles[0]
    scores: dict[int, list] = {}
    for p in body.css("p"):
        n = len(p.text(separator=" ").strip())
        parent = p.parent
        if parent is None or n == 0:
            continue
        for node, weight in ((parent, 1.0), (parent.parent, 0.5)):
            if node is None or node.tag == "html":
                continue
            entry = scores.setdefault(node.mem_id, [0.0, node])
            entry[0] += weight * n
    if not scores:
        return body
    score, node = max(scores.values(), key=lambda e: e[0])
    if len(node.text(separator=" ").strip()) >= 0.3 * body_len:
        return node
    return body


def _render(root) -> str:
    """Visible text of ``root``: blocks on their own lines, spaces collapsed.

    A line break in the source is just whitespace in HTML (except in <pre>);
    between two CJK characters it is dropped, as CSS does for segment breaks."""
    parts: list[str] = []
    stack: list = [(root, False)]
    while stack:
        item, in_pre = stack.pop()
        if item is None:  # closing marker of a block
            parts.append(in_pre)
            continue
        node = item
        if node.is_text_node:
            text = node.text(deep=False)
            if in_pre:
                parts.append(text)
            else:
                parts.append(_SOURCE_BREAK.sub(" ", _CJK_BREAK.sub("", text)))
            continue
        if not node.is_element_node:
            continue
        tag = node.tag
        if tag in _BLOCK_TAGS or tag in _CELL_TAGS:
            sep = "\n" if tag in _BLOCK_TAGS else " "
            parts.append(sep)
            stack.append((None, sep))
        in_pre = in_pre or tag in ("pre", "textarea")
        children = []
        child = node.child
        while child is not None:
            children.append((child, in_pre))
            child = child.next
        stack.extend(reversed(children))
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def html_to_text(html: str) -> tuple[str, str | None]:
    """Visible article text of an HTML page (paragraphs on separate lines,
    entities unescaped, navigation and other boilerplate dropped) and its title."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    title = None
    for selector, attr in (("title", None), ('meta[property="og:title"]', "content"),
                           ('meta[name="title"]', "content"), ("h1", None)):
        node = tree.css_first(selector)
        if node is not None:
            value = node.attributes.get(attr) if attr else node.text(separator=" ")
            value = _SPACES.sub(" ", (value or "").replace("\n", " ")).strip()
            if value:
                title = value
                break
    body = tree.body
    if body is None:
        return "", title
    _prune(body)
    return _render(_content_root(body)), title
