"""Stage 1, ingest: a saved web page (bytes) -> the article's paragraphs as `Extracted`.

Government and news pages wrap a few thousand characters of report in navigation, breadcrumbs,
share buttons, footers (ICP备 / 公网安备 lines) and scripts. This reader parses the page with lxml
(tolerant of broken markup), removes that chrome and records each removed piece as `Removed`,
and keeps the rest in document order: title, metadata table (索引号, 文号 …, which the structure
stage strips and mines for metadata) and the body, one paragraph (<p>, <br>, block) per line.
Headings (<h1>…<h6>) become heading hints.

lxml is imported inside `read_html`, so `yoy --help` does not pay for it.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from ..errors import InputError
from ..model import Removed
from .blocks import Block, Extracted
from .encoding import decode_bytes
from .labels import KNOWN_LABELS, LABELS
from .tables import format_row, is_data_table

__all__ = ["read_html", "decode_html"]

# Charset names pages declare, mapped to the codec that decodes them; GB18030 is a superset of
# GB2312 and GBK, so a page that says gb2312 but uses a GBK-only character still reads.
_CHARSET_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
    "cp936": "gb18030", "gb18030": "gb18030", "utf8": "utf-8", "utf-8": "utf-8",
    "big5": "big5", "iso-8859-1": "cp1252", "latin1": "cp1252", "windows-1252": "cp1252",
}
_WEB_CODEC_PREFIXES = ("utf-", "gb", "big5", "cp", "iso8859", "shift_jis", "euc", "koi8", "mac", "latin", "ascii")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_META_SNIFF_BYTES = 8192

# Elements whose content is never report text.
_CODE_TAGS = {"script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed"}
# Elements that are page chrome by their tag, with the reason recorded.
_CHROME_TAGS = {
    "nav": "html_navigation", "header": "html_header", "footer": "html_footer", "aside": "html_aside",
    "form": "html_form", "button": "html_form", "select": "html_form", "input": "html_form",
    "textarea": "html_form", "menu": "html_navigation",
}
# class/id words of chrome on government and news sites (dqwz = 当前位置, xgxx = 相关信息,
# ewm = 二维码); "head" and "top" are left out because article title blocks use them.
_CHROME_WORDS: tuple[tuple[str, str], ...] = (
    (r"nav|navbar|menu|breadcrumbs?|crumbs?|position|location|dqwz|wzdh|pathway", "html_navigation"),
    (r"share|bdshare|social|qrcode|ewm|print|toolbar|tools?|fontsize|zoomfont", "html_tools"),
    (r"footer|foot|bottom|copyright|banquan", "html_footer"),
    (r"header|topbar|banner|search|login|logo", "html_header"),
    (r"sidebar|side|related|xgxx|xgwz|glgj|recommend|hot", "html_aside"),
    (r"dialog|modal|popup|pop|mask|overlay|layer|tanchuang", "html_popup"),
)
_CHROME_CLASS = [(re.compile(rf"(?:^|[\s_\-])(?:{words})(?:$|[\s_\-\d])"), reason) for words, reason in _CHROME_WORDS]

# Short lines that are page furniture wherever they stand: footers, tool bars, the headings of
# link boxes (关联稿件), site services (智能问答, 政务邮箱) and the leave-site pop-up.
_FURNITURE_LINE = re.compile(
    r"ICP备|公网安备|网站标识码|版权所有|主办单位|承办单位|技术支持|Copyright|©|网站地图|联系我们"
    r"|扫一扫在手机打开当前页|打印本页|关闭窗口|【\s*打印\s*】|【\s*关闭\s*】|字号[:：]|分享到|^当前位置[:：]"
    r"|^首页\s*[>＞»]|^(?:关联稿件|相关稿件|相关阅读|相关文章|相关链接|相关新闻|相关文件|延伸阅读)[:：]?$"
    r"|智能问答|智能客服|政务邮箱|书记信箱|县长信箱|区长信箱|市长信箱|返回顶部|关闭本页|即将离开.{0,40}是否继续"
    r"|^(?:继续访问|放弃|取消|确定|我知道了)$",
    re.I,
)
# Pieces of a line that are furniture while the rest is not: a visit counter beside the
# publication time, bracketed buttons, the font-size switch.
_FURNITURE_PIECE = re.compile(
    r"(?:访问量|浏览量|浏览次数|访问次数|阅读量|阅读次数|点击量|点击数|点击率)\s*[:：]\s*\d+\s*次?"
    r"|【\s*(?:返回顶部|关闭本页|打印本页|关闭窗口|打印|关闭|收藏|纠错)\s*】"
    r"|【?\s*字[体号]\s*[:：]\s*大\s*中\s*小\s*】?"
)
_FURNITURE_MAX_CHARS = 120  # a longer line is prose that happens to mention one of these words

# Share of an element's text inside links above which it is navigation (menus, link lists);
# article paragraphs rarely link more than a few words.
_MAX_LINK_SHARE = 0.6

_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "center", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul",
    "caption", "body", "html",
}
# The 信息公开 table's labels (labels.py): a piece that starts with one, and where a chunk holds several.
_LABEL_PIECE = re.compile(rf"^({LABELS})\s*(?:[:：]\s*(.*)|$)")
_LABEL_SPLIT = re.compile(rf"\s+(?=(?:{LABELS})\s*[:：])")
_LABEL_KEY = re.compile(r"\s")
_METADATA_MIN_LABELS = 3  # fewer is a sentence that mentions a 文号, not the table
_METADATA_SPARE_PIECES = 2  # pieces beyond one value per label: a caption (信息公开), a note
_METADATA_TABLE_MAX_CHARS = 1500  # the table is a few hundred characters; more is the article
_METADATA_VALUE_MAX = 120  # a title is the longest value; a longer chunk is prose
_TITLE_LOOKAHEAD = 12  # blocks in which a visible title would stand
_TITLE_MIN_CHARS = 6  # a shorter page title is a site's or an office's name, not a document's
# "报告标题_青溪区人民政府" / "Title - Site" / "标题｜网站": the part before the site name
_SITE_SUFFIX = re.compile(r"\s*[_|｜]\s*|\s+[-–—]\s+")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def decode_html(data: bytes, path: str) -> tuple[str, str]:
    """Decode a page: BOM, then UTF-8 if valid, then the <meta charset> it declares, then detection."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data, path)
    try:
        # Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the page declares: GBK text is almost
        # never valid UTF-8, but UTF-8 text often decodes (as nonsense) in GB18030, and pages
        # re-saved as UTF-8 keep their old <meta charset="gbk">.
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(data[:_META_SNIFF_BYTES])
    if m:
        declared = m.group(1).decode("ascii", "ignore").lower()
        declared_codec = _CHARSET_ALIASES.get(declared) or _web_codec(declared)
        if declared_codec:
            try:
                return data.decode(declared_codec), declared_codec
            except UnicodeDecodeError:
                pass  # the declaration is wrong (a UTF-8 page saved with a gbk meta): detect instead
    return decode_bytes(data, path)


def _web_codec(declared: str) -> str | None:
    """Python's codec for a declared page charset; only text encodings pages use (never
    "unicode_escape", "punycode" and the like, which a hostile page could name)."""
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    return name if name.startswith(_WEB_CODEC_PREFIXES) else None


def read_html(data: bytes, path: str) -> Extracted:
    """Extract the article from a saved web page; every dropped piece is listed in `removed`."""
    text, encoding = decode_html(data, path)
    from lxml import etree
    from lxml import html as lxml_html

    text = _CONTROL.sub("", _XML_DECL.sub("", text, count=1))
    if not text.strip():
        raise InputError(f"{path}: the page is empty; save the page again with its content.")
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        raise InputError(f"{path}: the page cannot be parsed as HTML; save it again from the browser.") from None
    removed: list[Removed] = []
    removed.extend(_drop_code(root))
    fields, unused, name = _read_metadata_table(root)
    removed.extend(unused)
    main = _main_content(root)
    removed.extend(_drop_chrome(root, main))
    blocks, furniture = _blocks(root)
    removed.extend(furniture)
    title = _page_title(root)
    if title and blocks and not any(b.level is not None for b in blocks) and not any(
        title in b.text for b in blocks[:_TITLE_LOOKAHEAD]
    ):
        # the article shows no title (it sits in a banner image or only in the tab): take the page's;
        # a page with no article text stays empty, so it is still refused
        blocks.insert(0, Block(title, 1))
    # a 信息公开 table without 标题 gets the document's title as that field, so that it is read
    # whatever its wording: the table's 名称, else the page's title (not when that is only the
    # site's or the issuer's name)
    if blocks and fields and not any(label == "标题" for label, _ in fields):
        site = {_site_name(root)} | {v for label, v in fields if label in ("发布机构", "发文机关")}
        doc_title = name or (title if title not in site and len(title) >= _TITLE_MIN_CHARS else "")
        if doc_title:
            fields.append(("标题", doc_title))
    blocks[:0] = [Block(f"{label}：{value}") for label, value in fields]
    return Extracted(tuple(blocks), tuple(removed), encoding, "\n")


def _site_name(root: Any) -> str:
    for meta in root.iter("meta"):
        if (meta.get("name") or "").lower() == "sitename":
            return _SPACES.sub(" ", meta.get("content") or "").strip()
    return ""


def _read_metadata_table(root: Any) -> tuple[list[tuple[str, str]], list[Removed], str]:
    """Find the 信息公开 table (索引号, 发布机构, 发文日期 … in cells, list items or spans), take it
    out of the page and return its fields as (label, value) pairs, plus what was not kept.

    A label is never taken as a value: a label whose cell is empty gets no value. The structure
    stage knows the labels of `labels.KNOWN_LABELS` (it strips their lines and reads title, issuer and
    date from them); the fields under other labels (名称, 公开方式 …) and empty ones are listed as
    removed, so the body gets no metadata either way. The value of 名称 (the document's title) is
    returned too.
    """
    best: Any = None
    best_pieces: list[str] = []
    best_labels = 0
    for el in root.iter("table", "tbody", "ul", "ol", "dl", "div", "section"):
        if len(el.text_content() or "") > _METADATA_TABLE_MAX_CHARS:
            continue
        pieces = _label_pieces(el)
        if any(len(p) > _METADATA_VALUE_MAX for p in pieces):
            continue  # prose: an article that mentions a 文号, not the table
        labels = len({_LABEL_KEY.sub("", m.group(1)) for p in pieces if (m := _LABEL_PIECE.match(p))})
        if len(pieces) - labels > labels + _METADATA_SPARE_PIECES:
            continue  # more values than labels: a list of documents under a 名称/文号/日期 header
        # the innermost element holding as many labels as any: a wrapper may also hold the title
        if labels >= _METADATA_MIN_LABELS and (labels > best_labels or (
                labels == best_labels and best is not None and best in el.iterancestors())):
            best, best_pieces, best_labels = el, pieces, labels
    if best is None:
        return [], [], ""
    pieces = best_pieces
    fields: list[tuple[str, str]] = []
    removed: list[Removed] = []
    name = ""
    k = 0
    while k < len(pieces):
        m = _LABEL_PIECE.match(pieces[k])
        if m is None:
            removed.append(Removed(pieces[k], "html_metadata"))
            k += 1
            continue
        label, value = _LABEL_KEY.sub("", m.group(1)), (m.group(2) or "").strip()
        if not value and k + 1 < len(pieces) and not _LABEL_PIECE.match(pieces[k + 1]):
            value = pieces[k + 1]
            k += 1
        if value and KNOWN_LABELS.match(label):
            fields.append((label, value))
        else:
            removed.append(Removed(f"{label}：{value}", "html_metadata"))
            if label == "名称" and value:
                name = value
        k += 1
    best.drop_tree()
    return fields, removed, name


def _label_pieces(el: Any) -> list[str]:
    """The element's text chunks, a chunk with several "label：value" pairs cut before each label."""
    pieces: list[str] = []
    for chunk in el.itertext():
        chunk = _SPACES.sub(" ", chunk).strip()
        pieces.extend(p.strip() for p in _LABEL_SPLIT.split(chunk) if p.strip())
    return pieces


def _page_title(root: Any) -> str:
    """<meta name="ArticleTitle"> (government CMSs write it), else <title> without the site name."""
    for meta in root.iter("meta"):
        if (meta.get("name") or "").lower() == "articletitle" and (meta.get("content") or "").strip():
            return _SPACES.sub(" ", meta.get("content") or "").strip()
    title = root.find(".//title")
    if title is None or not (title.text or "").strip():
        return ""
    text = _SPACES.sub(" ", title.text or "").strip()
    return _SITE_SUFFIX.split(text, maxsplit=1)[0].strip()


def _tag(el: Any) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _drop_code(root: Any) -> list[Removed]:
    """Remove scripts and styles; record one summary line instead of pages of code."""
    counts: dict[str, int] = {}
    chars = 0
    for el in list(root.iter()):
        tag = _tag(el)
        if tag in _CODE_TAGS and el.getparent() is not None:
            counts[tag] = counts.get(tag, 0) + 1
            chars += len(el.text_content() or "")
            el.drop_tree()
    if not counts:
        return []
    what = ", ".join(f"{n} <{tag}>" for tag, n in sorted(counts.items()))
    return [Removed(f"{what} ({chars} characters of code)", "html_code")]


def _main_content(root: Any) -> Any:
    """The element that holds most paragraph text (readability-style scoring), or the body."""
    scores: dict[Any, float] = {}
    for el in root.iter("p", "div", "td", "section", "article", "span", "font"):
        own = _own_text_len(el)
        if own < 10:
            continue
        parent = el.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0.0) + own
            grand = parent.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0.0) + own / 2
    if not scores:
        return root.find("body") if root.find("body") is not None else root
    # ties go to the first element in document order (dicts keep insertion order)
    return max(scores, key=lambda e: scores[e])


def _own_text_len(el: Any) -> int:
    """Characters of text directly in `el` (its text and its inline children), not in links."""
    n = len((el.text or "").strip())
    for child in el:
        if _tag(child) in _BLOCK_TAGS:
            n += len((child.tail or "").strip())
            continue
        if _tag(child) != "a":
            n += len((child.text_content() or "").strip())
        n += len((child.tail or "").strip())
    return n


def _drop_chrome(root: Any, main: Any) -> list[Removed]:
    keep = set(main.iterancestors()) | {main}
    link_len, text_len = _link_stats(root)
    inside_main = set(main.iter())
    doomed: list[tuple[Any, str]] = []
    doomed_set: set[Any] = set()
    for el in root.iter():
        if el in keep or _tag(el) in ("html", "body", "head"):
            continue
        if any(a in doomed_set for a in el.iterancestors()):
            continue
        reason = _chrome_reason(el, inside_main=el in inside_main,
                                links=link_len.get(el, 0), total=text_len.get(el, 0))
        if reason:
            doomed.append((el, reason))
            doomed_set.add(el)
    removed: list[Removed] = []
    for el, reason in doomed:
        content = _SPACES.sub(" ", " ".join(el.itertext())).strip()
        if content:
            removed.append(Removed(content, reason))
        _drop_keep_tail(el)
    return removed


def _chrome_reason(el: Any, *, inside_main: bool, links: int, total: int) -> str | None:
    tag = _tag(el)
    if not tag:
        return None
    holds_title = tag not in ("nav",) and el.find(".//h1") is not None
    if tag in _CHROME_TAGS and not holds_title:
        return _CHROME_TAGS[tag]
    marks = f"{el.get('class') or ''} {el.get('id') or ''}".lower().strip()
    if marks and not holds_title:
        for pattern, reason in _CHROME_CLASS:
            if pattern.search(marks):
                return reason
    if not inside_main and tag in ("div", "ul", "ol", "table", "dl", "p", "section", "td", "tr", "span"):
        if total > 0 and links / total > _MAX_LINK_SHARE:
            return "html_navigation"
    return None


def _link_stats(root: Any) -> tuple[dict[Any, int], dict[Any, int]]:
    """Per element: characters inside links and characters in all, in one pass over the tree."""
    from lxml import etree

    # keyed by element: holding the proxy keeps it (and its identity) alive
    link_len: dict[Any, int] = {}
    text_len: dict[Any, int] = {}
    stack: list[list[int]] = []  # per open element: [text chars, link chars]
    link_depth = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            if _tag(el) == "a":
                link_depth += 1
            n = len((el.text or "").strip())
            stack.append([n, n if link_depth else 0])
            continue
        own = stack.pop()
        text_len[el] = own[0]
        link_len[el] = own[1]
        if _tag(el) == "a":
            link_depth -= 1
        if stack:
            tail = len((el.tail or "").strip())
            stack[-1][0] += own[0] + tail
            stack[-1][1] += own[1] + (tail if link_depth else 0)
    return link_len, text_len


def _drop_keep_tail(el: Any) -> None:
    """Remove `el` but keep the text that follows it (lxml's drop_tree does exactly this)."""
    if el.getparent() is not None:
        el.drop_tree()


def _blocks(root: Any) -> tuple[list[Block], list[Removed]]:  # noqa: C901 - one walk, one case per node kind
    """Walk the cleaned tree: block tags and <br> end a paragraph; a row of a data table is one
    line written by `tables.format_row` (a paragraph inside a cell is part of the cell); the
    cells of a layout table (a page laid out in a table) join with a space, as text."""
    from lxml import etree

    blocks: list[Block] = []
    furniture: list[Removed] = []
    buf: list[str] = []
    levels: list[int] = []
    data_rows = _data_table_rows(root)
    row: list[str] | None = None  # the cells of the open data-table row
    in_cell = False

    def take(text: str) -> str:
        line = _SPACES.sub(" ", text).strip()
        if not line:
            return ""
        for m in _FURNITURE_PIECE.finditer(line):
            furniture.append(Removed(m.group().strip(), "html_tools"))
        line = _SPACES.sub(" ", _FURNITURE_PIECE.sub(" ", line)).strip()
        if line and len(line) <= _FURNITURE_MAX_CHARS and _FURNITURE_LINE.search(line):
            furniture.append(Removed(line, "html_footer"))
            return ""
        return line

    def flush() -> None:
        text = "".join(buf)
        buf.clear()
        if row is not None and in_cell:
            row[-1] += " " + text  # a paragraph inside a cell stays in the cell
            return
        line = take(text)
        if line:
            blocks.append(Block(line, levels[-1] if levels else None))

    body = root.find("body")
    for event, el in etree.iterwalk(body if body is not None else root, events=("start", "end")):
        tag = _tag(el)
        if event == "start":
            if tag == "tr" and el in data_rows:
                flush()
                row, in_cell = [], False
            elif tag in ("td", "th") and row is not None:
                flush()
                row.append("")
                in_cell = True
            elif tag in _BLOCK_TAGS:
                flush()
            if tag in _HEADINGS:
                levels.append(_HEADINGS[tag])
            if el.text and tag != "title":
                buf.append(el.text)
            continue
        if tag in ("td", "th") and row is not None:
            flush()
            in_cell = False
        elif tag == "tr" and row is not None and el in data_rows:
            flush()
            line = format_row([take(c) for c in row])
            row = None
            if line:
                blocks.append(Block(line))
        elif tag in _BLOCK_TAGS:
            flush()
        elif tag in ("td", "th"):
            buf.append(" ")
        if tag in _HEADINGS and levels:
            levels.pop()
        if el.tail:
            buf.append(el.tail)
    flush()
    return blocks, furniture


def _data_table_rows(root: Any) -> set[Any]:
    """The <tr> elements of data tables (`tables.is_data_table`); a page laid out in a table (the
    article in one cell) is not one."""
    rows: set[Any] = set()
    for table in root.iter("table"):
        trs = list(table.iterdescendants("tr"))
        cells = [[c.text_content() or "" for c in tr if _tag(c) in ("td", "th")] for tr in trs]
        if is_data_table(cells, nested=any(True for _ in table.iterdescendants("table"))):
            rows.update(trs)
    return rows
