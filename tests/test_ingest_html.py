"""Saved government web pages: the article is kept, page chrome is removed and listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.errors import InputError
from compare.ingest import read_bytes, read_source

FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


def test_article_kept_with_its_paragraph_breaks() -> None:
    src = read_source(str(FORMATS / "gov_article.html"))
    assert src.kind == "html" and src.encoding == "utf-8"
    lines = src.text.split("\n")
    assert "一、主要举措和成效" in lines
    assert "三、下一步工作计划" in lines
    # <br> inside a paragraph is a line break; full-width indentation is trimmed
    assert "（一）健全依法决策机制。全年提请区政府常务会议审议重大行政决策事项十一项，" in lines
    assert "全部经过合法性审查。" in lines
    # link text inside the article stays
    assert "（二）深化行政复议改革。全年办理行政复议案件三十七件，同比增长百分之九。" in lines
    # the metadata table and the title stay for the structure stage to strip and mine
    assert any("青区政〔2022〕9号" in ln for ln in lines)
    assert src.text.index("索引号") < src.text.index("一、主要举措和成效")


def test_chrome_removed_and_recorded() -> None:
    src = read_source(str(FORMATS / "gov_article.html"))
    for chrome in ("首页", "当前位置", "ICP备", "公网安备", "网站地图", "分享到", "打印本页", "相关文章",
                   "_hmt", "统计代码", "nav{"):
        assert chrome not in src.text, chrome
    reasons = {r.reason for r in src.removed}
    assert {"html_code", "html_navigation", "html_footer", "html_tools", "html_aside"} <= reasons
    removed_text = " ".join(r.text for r in src.removed)
    assert "闽ICP备00000000号-1" in removed_text
    assert "当前位置" in removed_text


def test_title_is_a_heading_hint() -> None:
    src = read_source(str(FORMATS / "gov_article.html"))
    (span, level), = src.heading_hints
    assert level == 1
    assert span.slice(src.text) == "青溪区人民政府关于2021年度法治政府建设情况的报告"


def test_gbk_page_decoded_from_its_meta_charset() -> None:
    src = read_source(str(FORMATS / "gov_article_gbk.html"))
    assert src.kind == "html" and src.encoding == "gb18030"
    assert "青溪区人民政府关于2021年度法治政府建设（GBK）情况的报告" in src.text
    assert "ICP备" not in src.text


def test_wrong_meta_charset_falls_back_to_detection() -> None:
    # "政府工作报告" in UTF-8 also decodes in GB18030, as nonsense; valid UTF-8 wins over the meta tag
    page = '<html><head><meta charset="gbk"></head><body><p>政府工作报告全年办理案件十二件。</p></body></html>'
    src = read_bytes(page.encode("utf-8"), "page.html")
    assert (src.encoding, src.text) == ("utf-8", "政府工作报告全年办理案件十二件。")


def test_page_of_only_boilerplate_is_a_clear_error() -> None:
    with pytest.raises(InputError, match=r"boilerplate_only\.html: no article text"):
        read_source(str(FORMATS / "boilerplate_only.html"))


def test_html_detected_despite_a_txt_extension(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_bytes((FORMATS / "gov_article.html").read_bytes())
    src = read_source(str(path))
    assert src.kind == "html"
    assert "<p>" not in src.text and "一、主要举措和成效" in src.text


def test_hostile_markup_is_text_only() -> None:
    page = "<html><body><div><p>甲&lt;script&gt;乙</p><p>丙<b>丁</b>戊</p></div></body></html>"
    src = read_bytes(page.encode("utf-8"), "x.html")
    assert src.text == "甲<script>乙\n丙丁戊"


def test_page_title_used_when_the_body_shows_none() -> None:
    page = ("<html><head><title>青溪区2021年度法治政府建设情况报告_青溪区人民政府</title></head>"
            "<body><div class='content'><p>一、主要举措和成效</p><p>全年办理案件十二件。</p></div></body></html>")
    src = read_bytes(page.encode("utf-8"), "t.html")
    assert src.text.split("\n")[0] == "青溪区2021年度法治政府建设情况报告"
    assert [level for _, level in src.heading_hints] == [1]


def test_article_title_meta_preferred_and_not_duplicated() -> None:
    page = ('<html><head><meta name="ArticleTitle" content="年度报告"><title>别的_网站</title></head>'
            "<body><div class='title'>年度报告</div><div><p>全年办理案件十二件。</p></div></body></html>")
    src = read_bytes(page.encode("utf-8"), "t.html")
    assert src.text == "年度报告\n全年办理案件十二件。"
