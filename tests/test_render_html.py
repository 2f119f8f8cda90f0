"""The HTML page and the Markdown view, checked as a reader would: what is shown, where links go."""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.cli import main
from compare.model import Figure, FigurePair, Span
from compare.render import render_html, render_markdown
from compare.render.context import build_context, format_figure_change

from pages import NEW_EN, NEW_ZH, OLD_EN, OLD_ZH, en_comparison, visible_text, zh_comparison


class _Page(HTMLParser):
    """Collects ids, hrefs, srcs and the text inside each element with an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.srcs: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"] or "")
        if "href" in a:
            self.hrefs.append(a["href"] or "")
        if "src" in a:
            self.srcs.append(a["src"] or "")


def _parse(html: str) -> _Page:
    p = _Page()
    p.feed(html)
    p.close()
    return p


@pytest.fixture(scope="module")
def zh_html() -> str:
    return render_html(zh_comparison())


def _element(html: str, element_id: str) -> str:
    """The opening tag and content of the element with this id, up to the next sentence, block or pair."""
    m = re.search(rf'<[^>]+id="{re.escape(element_id)}"[^>]*>(.*?)(?=<span class="s |<span class="run|</div>|</article>|</tr>)',
                  html, re.S)
    assert m, f"no element with id {element_id}"
    return m.group(0)


def _run_before(html: str, element_id: str) -> str:
    """The opening of the run (one-sided sentences under one badge) that holds this sentence."""
    i = html.index(f'id="{element_id}"')
    start = html.rindex('<span class="run', 0, i)
    return html[start:i]


def test_header_names_both_documents(zh_html: str) -> None:
    text = visible_text(zh_html)
    assert "示例区人民政府 2020 → 2021" in text
    assert "法治政府建设年度报告" in text
    assert "示政发〔2021〕1号" in text
    assert "2020.txt" in text and "2021.txt" in text
    assert '<html lang="zh-CN">' in zh_html


def test_dashboard_counts_link_to_filtered_views(zh_html: str) -> None:
    start = zh_html.index('<section id="summary"')
    summary = zh_html[start:zh_html.index("</section>", start)]
    # one new commitment, one dropped item: each a link to its filtered view
    assert re.search(r'<a href="#only-new_commitment"><b class="count">1</b> <span class="what">新增举措', summary)
    assert re.search(r'<a href="#only-dropped"><b class="count">1</b> <span class="what">删去举措', summary)
    # measures whose value changed are counted apart from sentences, in their own group, with a
    # label that cannot be read as the sentence count (issue 14: 19 数据变化 next to 21 数字改动)
    figures_group = summary[summary.index('class="cg g-figures"'):]
    assert re.search(r'<dt>数据</dt>.*<a href="#figures"><b class="count">3</b> <span class="what">数值变化的指标',
                     figures_group, re.S)
    changes_group = summary[summary.index('class="cg g-changes"'):summary.index('class="cg g-figures"')]
    assert "#figures" not in changes_group
    n_rows = len(re.findall(r'<tr id="fig-\d+"', zh_html))
    assert n_rows == 3  # the count is the rows of the table it links to
    for status in ("added", "removed", "renamed", "moved"):
        assert f'href="#only-sec-{status}"' in summary
    assert 'href="#only-plan-met"' in summary and 'href="#only-plan-not_found"' in summary
    # a zero count is not a link to an empty view
    assert 'href="#only-plan-addressed"' not in summary
    # every filtered view has its target on the page
    ids = set(_parse(zh_html).ids)
    for href in re.findall(r'href="#(only-[^"]+)"', summary):
        assert href in ids


def test_rows_show_insertions_deletions_and_a_badge_per_change(zh_html: str) -> None:
    # issue 14: a changed sentence is drawn once, inside its paragraph, with the marks inside it
    row = _element(zh_html, "r0-0")
    assert 'class="s changed_figure chg"' in row
    assert '<span class="badge k-changed_figure">数字改动</span>' in row
    assert "<del" in row and "<ins" in row
    assert re.sub(r"<[^>]+>", "", row).count("全年办理行政复议案件") == 1  # unchanged words once
    # the figure change is spelled out beside the sentence
    assert "15件 → 18件（+20%）" in row
    assert "90% → 95%（+5个百分点）" in row
    assert "4.87亿元 → 5.2亿元（+6.8%）" in _element(zh_html, "r0-1")
    # unchanged sentences carry no badge
    assert "badge" not in _element(zh_html, "r0-2")
    # a new commitment is one-sided text under its run's badge, in the same paragraph
    new_row = _element(zh_html, "r0-3")
    assert 'class="s new_commitment chg one"' in new_row and "<del" not in new_row
    assert '<span class="badge k-new_commitment">新增举措</span>' in _run_before(zh_html, "r0-3")
    # the fixture writes each sentence as its own paragraph: one block each, in document order
    assert zh_html.index('id="b0-0"') < zh_html.index('id="r0-0"') < zh_html.index('id="b0-3"') < zh_html.index('id="r0-3"')


def test_sides_rebuild_the_texts(zh_html: str) -> None:
    """Old cells read as the old sentence, new cells as the new one: nothing lost to highlighting."""
    c = zh_comparison()
    ctx = build_context(c)
    for pair, diff in zip(ctx["pairs"], c.diffs):
        for row, src in zip(pair["rows"], diff.rows):
            if src.old:
                assert "".join(p["text"] for p in row["old"]) == c.old.text_of(src.old)
            if src.new:
                assert "".join(p["text"] for p in row["new"]) == c.new.text_of(src.new)
            # the one-paragraph view: equal + delete is the old sentence, equal + insert the new one
            merged = row["pieces"]
            assert "".join(p["text"] for p in merged if p["op"] != "insert") == (c.old.text_of(src.old) if src.old else "")
            assert "".join(p["text"] for p in merged if p["op"] != "delete") == (c.new.text_of(src.new) if src.new else "")


def test_section_statuses_name_both_headings(zh_html: str) -> None:
    renamed = _element(zh_html, "p0")
    assert "st-renamed" in renamed
    assert "一、主要举措和成效" in renamed and "一、主要做法和成效" in renamed
    assert "更名：“一、主要举措和成效”改为“一、主要做法和成效”。" in visible_text(zh_html)
    assert "移位：2020年为第2部分，2021年为第3部分。" in visible_text(zh_html)
    removed = zh_html[zh_html.index('id="p2"'):zh_html.index('id="p3"')]
    assert "删去章节" in removed and "本节仅见于2020年报告。" in removed
    added = zh_html[zh_html.index('id="p3"'):zh_html.index('id="p4"')]
    assert "新增章节" in added and "本节仅见于2021年报告。" in added


def test_figures_table_is_sortable_and_links_to_the_figures(zh_html: str) -> None:
    table = zh_html[zh_html.index('<section id="figures">'):]
    table = table[:table.index("</section>")]
    assert 'class="figs resp sortable"' in table
    rows = re.findall(r'<tr id="fig-(\d+)"', table)
    assert rows == ["0", "1", "2"]  # the unchanged figure (30场 → 30场) is not listed
    assert '<a href="#fo2">4.87亿元</a>' in table and '<a href="#fn2">5.2亿元</a>' in table
    assert 'data-sort="520000000"' in table  # sorted by value in the base unit, not by text
    ids = set(_parse(zh_html).ids)
    assert {"fo2", "fn2"} <= ids
    assert "3项变化；1项不变" in visible_text(table)


def test_evidence_link_points_at_the_passage_itself(zh_html: str) -> None:
    plan = zh_html[zh_html.index('<section id="plan">'):]
    assert '<a class="evlink" href="#ev0-0">培训执法人员520人，执法队伍建设得到加强。</a>' in plan
    assert "实际520人，达到下限500人" in visible_text(plan)  # the result, not the rule
    # the anchor sits in the new sentence, right before the highlighted passage
    new_cell = _element(zh_html, "r0-3")
    assert '<span class="anchor" id="ev0-0"></span>' in new_cell
    marked = "".join(re.findall(r'<ins class="[^"]*m-ev0-0[^"]*">([^<]*)</ins>', new_cell))
    assert marked == "培训执法人员520人，执法队伍建设得到加强。"
    # a plan item without evidence says so instead of linking nowhere
    assert re.search(r'<tr id="plan-1" class="st-not_found">.*?<td data-label="[^"]+">—</td>', plan, re.S)


def test_stripped_text_is_listed_collapsed(zh_html: str) -> None:
    part = zh_html[zh_html.index('<section id="stripped">'):]
    assert "<details>" in part and "<details open" not in part
    assert "比对前剔除的内容 (2)" in part
    assert "示例区门户网站 第1页" in part and "页眉、页脚或页码" in part
    assert "网站首页 &gt; 政务公开" in part and "读取时剔除" in part


def test_ids_are_unique_and_every_internal_link_has_a_target(zh_html: str) -> None:
    page = _parse(zh_html)
    assert len(page.ids) == len(set(page.ids))
    ids = set(page.ids)
    for href in page.hrefs:
        assert href.startswith("#"), href
        assert href[1:] in ids, href


def test_page_is_self_contained(zh_html: str) -> None:
    page = _parse(zh_html)
    assert not page.srcs
    assert "link" not in page.tags and "img" not in page.tags and "iframe" not in page.tags
    assert not re.search(r"https?:", zh_html)
    assert "@import" not in zh_html and "@font-face" not in zh_html and "url(" not in zh_html
    # the CSS and JS are inlined, with the file they came from named
    assert "/* templates/assets/report.css */" in zh_html and "// templates/assets/report.js" in zh_html
    assert '<script type="application/json" id="data">' in zh_html


def test_english_reports_get_english_labels_and_lang_forces() -> None:
    en = render_html(en_comparison())
    assert '<html lang="en">' in en
    assert "Highlights" in en and "Section by section" in en and "要点" not in en
    forced = render_html(en_comparison(), lang="zh")
    assert "要点" in forced and '<html lang="zh-CN">' in forced
    assert "Highlights" in render_html(zh_comparison(), lang="en")


def test_cli_lang_option(tmp_path: Path) -> None:
    old, new = tmp_path / "2020.txt", tmp_path / "2021.txt"
    old.write_text(OLD_ZH, encoding="utf-8")
    new.write_text(NEW_ZH, encoding="utf-8")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "--lang", "en", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Highlights" in out.read_text(encoding="utf-8")
    md = tmp_path / "r.md"
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "--lang", "zh", "-o", str(md)])
    assert result.exit_code == 0, result.output
    assert "## 要点" in md.read_text(encoding="utf-8")
    bad = CliRunner().invoke(main, ["compare", str(old), str(new), "--lang", "fr"])
    assert bad.exit_code == 2


def test_same_input_gives_byte_identical_output() -> None:
    assert render_html(zh_comparison()) == render_html(zh_comparison())
    assert render_markdown(zh_comparison()) == render_markdown(zh_comparison())
    from compare.pipeline import compare_texts
    a = compare_texts(OLD_EN, NEW_EN)
    b = compare_texts(OLD_EN, NEW_EN)
    assert render_html(a) == render_html(b) and render_markdown(a) == render_markdown(b)


def test_markdown_view_has_the_same_findings() -> None:
    md = render_markdown(zh_comparison())
    assert md.startswith("# 年度对比：示例区人民政府 2020 → 2021\n")
    assert "- **语句变化**：新增举措 1；删去举措 1；" in md
    assert "- **数据**：数值变化的指标 3\n" in md
    assert "| 法治建设资金 | — | 实绩 | 4.87亿元 | 5.2亿元 | +6.8% | 一、主要做法和成效 |" in md
    assert "- **达成** (目标) 加强行政执法队伍建设，年内培训执法人员500人。 — 实际520人，达到下限500人" in md
    assert "### [更名] 一、主要举措和成效 → 一、主要做法和成效" in md
    assert "`4.87亿元 → 5.2亿元（+6.8%）`" in md
    assert "## 要点" in md and "- 培训执法人员520人，执法队伍建设得到加强。" in md
    # unchanged sections are left out of the Markdown section list
    assert "其他事项" not in md.split("## 逐节对比", 1)[1].split("## 比对前剔除的内容", 1)[0]


@pytest.mark.parametrize(("old", "new", "delta", "pct", "pp", "lang", "expected"), [
    ("4.87", "5.2", "0.33", "6.776", None, "zh", "4.87亿元 → 5.2亿元（+6.8%）"),
    ("6.5", "6.6", "0.1", "1.538", "0.1", "zh", "6.5% → 6.6%（+0.1个百分点）"),
    ("6.5", "6.6", "0.1", "1.538", "0.1", "en", "6.5% → 6.6% (+0.1 pp)"),
    ("120", "100", "-20", "-16.666", None, "en", "120 → 100 (-16.7%)"),
    ("0", "3", "3", None, None, "en", "0 → 3 (+3 件)"),
])
def test_figure_change_wording(old: str, new: str, delta: str, pct: str | None, pp: str | None, lang: str,
                               expected: str) -> None:
    unit = "%" if pp else ("亿元" if "." in old else "件")
    old_text = f"{old}{unit}" if unit != "件" or lang == "zh" else old
    new_text = f"{new}{unit}" if unit != "件" or lang == "zh" else new
    c = zh_comparison()
    # build two tiny reports whose text is the figures themselves
    from dataclasses import replace
    old_r = replace(c.old, source=replace(c.old.source, text=old_text))
    new_r = replace(c.new, source=replace(c.new.source, text=new_text))
    fp = FigurePair(Figure(Decimal(old), unit, "x", Span(0, len(old_text))),
                    Figure(Decimal(new), unit, "x", Span(0, len(new_text))), 1.0, Decimal(delta),
                    Decimal(pct) if pct else None, Decimal(pp) if pp else None)
    assert format_figure_change(fp, old_r, new_r, lang) == expected


def test_rows_of_added_and_removed_sections_are_not_badged_twice(zh_html: str) -> None:
    # the section badge says "删去章节"; a dropped commitment inside still says so, a plain removal does not
    assert '<span class="badge k-dropped">删去举措</span>' in _run_before(zh_html, "r2-0")
    assert "badge" not in _element(zh_html, "r2-1") and 'class="s removed chg one"' in _element(zh_html, "r2-1")
    assert "badge" not in _element(zh_html, "r3-0") and 'class="s added chg one"' in _element(zh_html, "r3-0")


def test_reports_without_years_or_issuer_still_read_well() -> None:
    from compare.pipeline import compare_texts

    c = compare_texts("一、甲\n内容一。\n", "一、甲\n内容二。\n")
    html = render_html(c)
    assert "<h1>上年 → 本年</h1>" in html
    assert "上年年" not in html and "本年年" not in html
    assert "<h1>Old → New</h1>" in render_html(c, lang="en")


def test_evidence_from_the_new_plan_is_marked_as_such() -> None:
    # a passage of this year's plan says the work is still to do: the reader must see where it stands
    # `compare.render` is also the name of the subpackage: import the function from where it lives
    from compare import compare_files
    from compare.render import render
    from compare.render.context import build_context

    from conftest import FIXTURES

    c = compare_files(str(FIXTURES / "zh-district/2020.txt"), str(FIXTURES / "zh-district/2021.txt"))
    evidence = [e for row in build_context(c)["plan"] for e in row["evidence"]]
    in_plan = {e["text"][:12] for e in evidence if e["in_plan"]}
    in_review = {e["text"][:12] for e in evidence if not e["in_plan"]}
    assert "推动“一件事一次办”办理" in in_plan
    assert "“证照分离”改革全覆盖在" in in_review
    assert "见于本年计划" in render(c, "html") and "见于本年计划" in render(c, "md")
