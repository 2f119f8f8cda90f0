"""The fast paths of the follow-through (issue 16, speed) give what the plain definitions give.

An item's features are read from its clauses in one pass (`_item_features`); the key-term index
keeps only the windows of the items it will be asked about and counts the old text's windows in one
pass. The corpus check (all 100 pairs rendered byte-identical before and after) is in the report of
issue 16; these keep the equivalences.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.followthrough.evidence import _clause_parts, _item_features, features
from compare.followthrough.key_terms import _OLD_SEARCHES, KEY_TERM_MAX_OLD, KeyTerms
from compare.followthrough.targets import _SUB_AREA, _sub_areas
from compare.text.similarity import occurrences

from conftest import FIXTURES, expected

# Chinese characters, Latin words and digits, and the stops items are cut at (and some they are not)
_PIECES = ["推进", "城市", "绿道", "建设", "改革", "试点", "Software", "revenue", "grew", "the", "PM2.5", "5G", "3.5",
           "12", "，", ",", "；", ";", "：", ":", ", ", "; ", ": ", "、", "。", " ", "-", "’s"]


def _clause_features_plain(item_text: str, language: str) -> list[set[str]]:
    """The clauses' features as they were first computed: each clause featurised on its own."""
    parts = _clause_parts(item_text, language)
    if len(parts) < 2:
        return []
    return [f for f in (features(p, language) for p in parts) if len(f) >= 4]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=24), st.sampled_from(["zh", "en"]))
def test_item_features_are_the_features_of_the_whole_and_its_clauses(pieces: list[str], language: str) -> None:
    text = "".join(pieces)
    got = _item_features(text, language)
    assert got.whole == features(text, language)
    assert got.parts == len(_clause_parts(text, language))
    assert got.clauses == _clause_features_plain(text, language)


def test_item_features_of_an_english_item_keep_the_word_pairs_across_its_clauses() -> None:
    got = _item_features("grow Software revenue, cut costs", "en")
    assert "revenue cut" in got.whole  # the pair across the cut, as `features` of the whole has it
    assert got.whole == features("grow Software revenue, cut costs", "en")


_NEW = ["稳妥推进低效工业园区整合清退。", "实施河湖水系连通工程。", "推进城市绿道建设，提升城市绿道品质。", "加强基层医疗队伍建设。"]
_OLD = ("加大低效工业园区整合清退和连片改造力度。推进城市绿道建设，提升城市绿道品质，完善城市绿道配套。"
        "实施河湖水系连通工程。河湖水系连通。")
_ITEMS = ["加大低效工业园区整合清退和连片改造力度", "推进城市绿道建设，提升城市绿道品质，完善城市绿道配套", "实施河湖水系连通工程"]


def test_the_key_terms_of_the_items_asked_about_are_those_of_the_whole_index() -> None:
    whole = KeyTerms(_NEW, _OLD)
    asked = KeyTerms(_NEW, _OLD, items=_ITEMS)
    for item in _ITEMS:
        assert asked.restatements(item, lambda i: True, lambda g: 1.0) == \
               whole.restatements(item, lambda i: True, lambda g: 1.0)
    assert any(asked.restatements(item, lambda i: True, lambda g: 1.0) for item in _ITEMS)



_CLAUSES = ["推进城市绿道建设", "提升城市绿道品质", "实施河湖水系连通工程", "整合清退低效工业园区", "加强基层医疗队伍建设",
            "完善配套", "河湖水系", "推进", "建设"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_CLAUSES), min_size=1, max_size=3), min_size=1, max_size=6),
       st.sampled_from(_ITEMS), st.sampled_from([0.0, 0.2, 0.35, 0.5, 0.8]))
def test_terse_matches_above_a_least_score_are_those_of_the_full_list(sentences: list[list[str]], item: str,
                                                                      least: float) -> None:
    """A clause whose precision is below `least` is not read further: the matches kept are exactly
    those of the full list that score `least` or more, in the same order."""
    new = ["，".join(s) + "。" for s in sentences]
    terms = KeyTerms(new, _OLD, items=_ITEMS)
    weight = {"推进": 0.2, "建设": 0.3, "城市": 0.5}.get
    full = KeyTerms(new, _OLD, items=_ITEMS).restatements(item, lambda i: True, lambda g: weight(g, 1.0))
    got = terms.restatements(item, lambda i: True, lambda g: weight(g, 1.0), least=least)
    assert got == [m for m in full if m.score >= least]
    # the item's evidence features hold its bigrams (and lone characters, no other pair): the same
    assert terms.restatements(item, lambda i: True, lambda g: weight(g, 1.0), least=least,
                              bigrams=features(item + " 12 ab")) == got


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="河湖水系连通工程城市绿道，。a1", max_size=80), st.text(alphabet="河湖水系连通工程城市绿道", min_size=4,
                                                                          max_size=4))
def test_old_window_counts_are_the_occurrences_in_the_old_text(old_text: str, window: str) -> None:
    terms = KeyTerms([], old_text)
    assert terms._old_uses(window) == occurrences(old_text, window, at_most=KEY_TERM_MAX_OLD)


def test_old_window_counts_past_the_searches_are_the_occurrences_too() -> None:
    """The first _OLD_SEARCHES windows asked are searched for, the others read from the count of
    every window of the old text: both give the occurrences (overlapping ones too)."""
    old_text = "河湖水系连通工程，城市绿道。" * 3 + "水水水水水水。绿道城市绿道城市绿道。" + "".join(chr(0x4E00 + k) for k in range(900))
    windows = sorted({w for k in range(len(old_text) - 3) if "，" not in (w := old_text[k:k + 4]) and "。" not in w})
    terms = KeyTerms([], old_text)
    assert len(windows) > _OLD_SEARCHES + 50
    for window in windows + ["水水水水", "绿道城市", "没有此词"]:
        assert terms._old_uses(window) == occurrences(old_text, window, at_most=KEY_TERM_MAX_OLD), window
    assert terms._old is not None  # the count was made


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["合作区", "示范区", "自贸区", "自由贸易试验区", "片区", "园区", "新区", "开发区", "保税区",
                                 "综保区", "试验区", "产业园", "街道", "前海", "河套", "口岸", "自由", "贸易", "合作", "深汕",
                                 "特别", "全区", "本区", "新", "区", "前", "，", "1", "a", " ", "、", "龙岗"]), max_size=20))
def test_sub_areas_are_the_matches_of_the_pattern(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _sub_areas(text) == [m.group() for m in _SUB_AREA.finditer(text)]


def test_sub_areas_of_a_sentence() -> None:
    text = "深汕特别合作区地区生产总值增长7%，前海蛇口自贸片区新增企业3万家，全区新增就业"
    assert _sub_areas(text) == [m.group() for m in _SUB_AREA.finditer(text)] == ["深汕特别合作区", "前海", "蛇口自贸片区"]


# The words of ZH_PRINCIPLE's branches, pieces of them, and the marks around them
_PRINCIPLE_PIECES = ["做好", "今年", "工作", "目标", "，", ",", "必须", "必", "须", "关键在于", "根本在于", "在", "于",
                     "思想", "要再", "要", "再", "解放", "深化", "意义", "重大", "重", "大", "至关重要", "重要", "是",
                     "责任", "必由之路", "。", "；", "！", " ", "\n", "要", "为", "更好地", "完成", "任务"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_PRINCIPLE_PIECES), max_size=16))
def test_a_principle_holds_one_of_the_words_looked_for_first(pieces: list[str]) -> None:
    from compare.text.cues import ZH_PRINCIPLE, _may_state_principle

    s = "".join(pieces)
    assert _may_state_principle(s) or ZH_PRINCIPLE.search(s.lstrip()) is None


def test_the_principles_of_the_plan_are_still_found() -> None:
    from compare.text.cues import frames_plan

    for s in ("做好今年工作，必须坚持稳中求进", "要实现上述目标，必须做到", "思想要再解放，改革要再深化，开放要再扩大",
              "做好今年工作意义重大、责任重大", "这一点至关重要。", "保障人民群众安居乐业，是政府应尽的责任"):
        assert frames_plan(s), s
    assert not frames_plan("加快建设城市绿道，完善公共服务设施")


def _ranked_plain(index: Any, item_text: str, feats: Any, paired: frozenset[str]) -> list[tuple[float, str, int]]:
    """`_ranked_evidence` as first written: every candidate bounded (its base: max(whole, part ×
    factor) as if it held every common feature, plus its bonus), all of them in bound order, scored
    until no bound left reaches the best score or the evidence shown."""
    from compare.followthrough.evidence import (
        ANCHOR_BONUS,
        CLAUSE_FACTOR,
        MAX_EVIDENCE,
        RELATED_CUTOFF,
        SECTION_BONUS,
        _anchors,
        _Bonuses,
        _ItemScores,
    )

    factor = max(CLAUSE_FACTOR, 1 / math.sqrt(max(1, feats.parts)))
    scores = _ItemScores(index, feats.whole, feats.clauses)
    bonuses = _Bonuses(index, _anchors(item_text), paired)
    ranked: list[tuple[float, str, int]] = []
    for zone in (False, True):
        queue = []
        for i, rare in scores.acc.items():
            if index.review[i] != zone:
                continue
            whole = (rare + scores.common_total) / scores.total
            parts = [(ca[i] + ct) / t for t, ca, _, ct, _ in scores.clauses if i in ca]
            clause = max([scores.part_floor, *parts]) * factor if scores.clauses else 0.0
            bonus, extra = bonuses.of(i)
            queue.append((-(min(max(whole, clause) + bonus, 1.0) + 1e-9), index.starts[i], i, extra))
        found: list[float] = []
        for neg_upper, _, i, extra in sorted(queue):
            if found and -neg_upper < min(found[0], max(RELATED_CUTOFF, sorted(found, reverse=True)[MAX_EVIDENCE - 1]
                                                       if len(found) >= MAX_EVIDENCE else -1.0)):
                break
            whole, part = scores.exact(i)
            how, score = ("clause", part * factor) if part * factor > whole else ("ngram", whole)
            score += ANCHOR_BONUS if "anchor" in extra else 0.0
            score += SECTION_BONUS if "section" in extra else 0.0
            score = min(score, 1.0)
            ranked.append((score, "+".join((how, *extra)), i))
            found.append(score)
            found.sort(reverse=True)
    ranked.sort(key=lambda r: (-r[0], index.sentences[r[2]].span.start))
    return ranked


@pytest.mark.parametrize("case", ["zh-district", "en-letters"])
def test_candidates_bounded_by_rare_weight_first_are_scored_as_all_of_them(case: str) -> None:
    """`_score_zone` bounds only the candidates whose rare weight can reach its floor; what it scores
    is what scoring every candidate in bound order scores, with and without the section bonus."""
    from compare.followthrough.evidence import _Index, _item_features, _ranked_evidence
    from compare.followthrough.plan_items import extract_plan_items
    from compare.ingest import read_source
    from compare.structure.parse import parse_report

    data = expected(case)
    old = parse_report(read_source(str(FIXTURES / case / f"{data['old_year']}.txt")))
    new = parse_report(read_source(str(FIXTURES / case / f"{data['new_year']}.txt")))
    texts = [old.text_of(item.span) for item in extract_plan_items(old)]
    feats = [_item_features(t, new.metadata.language) for t in texts]
    index = _Index(new, set().union(*(f.whole for f in feats)))
    sections = sorted(s.id for s in new.sections)
    for k, (text, f) in enumerate(zip(texts, feats)):
        paired = frozenset(sections[k % 3::3])  # some sections paired, changing from item to item
        for p in (frozenset(), paired):
            assert _ranked_evidence(index, text, f, p, new) == _ranked_plain(index, text, f, p), text
