"""Scorers: year-normalised headings, n-gram content cosine, sentence candidates."""

from __future__ import annotations

import math

from compare.text.similarity import (
    heading_similarity,
    normalise_heading,
    sentence_candidates,
    sparse_combined_cosine,
    sparse_content_vectors,
    sparse_cosine,
)


def test_years_markers_and_punctuation_leave_the_heading() -> None:
    assert normalise_heading("一、2018年工作回顾") == normalise_heading("三、2019年工作回顾")
    assert heading_similarity("（二）2018年主要任务", "（五）2019年主要任务") == 1.0
    assert heading_similarity("主要举措和成效", "存在的问题和不足") < 0.5


def test_empty_headings_match_each_other_and_nothing_else() -> None:
    assert heading_similarity("", "") == 1.0
    assert heading_similarity("", "2019年工作回顾") == 0.0
    assert heading_similarity("工作回顾", "2019年工作回顾") == 1.0
    assert heading_similarity("工作回顾", "下一步计划") < 0.3


def test_content_cosine_prefers_the_same_topic_and_is_symmetric() -> None:
    old = ["全面推行行政执法公示制度，执法全过程记录，重大执法决定法制审核。",
           "深入开展普法宣传，建设法治文化阵地，举办法治讲座。"]
    new = ["举办法治讲座二十场，建设法治文化公园，开展普法宣传进社区。",
           "推行行政执法公示、执法全过程记录和重大执法决定法制审核三项制度。"]
    wo, wn = sparse_content_vectors(old, new)
    c = [[sparse_cosine(a, b) for b in wn] for a in wo]
    assert c[0][1] > c[0][0] and c[1][0] > c[1][1]
    # the same weights whichever side is old, and the same cosines to the last bit
    wn2, wo2 = sparse_content_vectors(new, old)
    assert [[sparse_cosine(b, a) for a in wo2] for b in wn2] == [list(col) for col in zip(*c)]
    assert all(math.isclose(math.fsum(w * w for w in v.values()), 1.0) for v in (*wo, *wn))


def test_a_split_section_is_better_matched_by_its_two_parts_together() -> None:
    old = ["推行行政执法公示制度，执法全过程记录，重大执法决定法制审核。开展普法宣传，建设法治文化阵地。"]
    new = ["推行行政执法公示制度和执法全过程记录，落实重大执法决定法制审核。", "开展普法宣传进社区，建设法治文化阵地。"]
    (whole,), (first, second) = sparse_content_vectors(old, new)
    together = sparse_combined_cosine(whole, first, second)
    assert together > max(sparse_cosine(whole, first), sparse_cosine(whole, second)) + 0.1
    assert together <= 1.0


def test_sentence_candidates_find_the_changed_figure_and_are_symmetric() -> None:
    old = ["城镇新增就业1100万人以上。", "居民消费价格涨幅3%左右。", "完全不同的一句话在这里。"]
    new = ["居民消费价格涨幅3%左右。", "城镇新增就业1200万人以上。"]
    got = {(i, j) for _, i, j in sentence_candidates(old, new)}
    assert {(0, 1), (1, 0)} <= got and all(i != 2 for i, _ in got)
    swapped = {(i, j) for _, j, i in sentence_candidates(new, old)}
    assert got == swapped


def test_occurrences_count_overlaps_and_stop_past_the_cap() -> None:
    from compare.text.similarity import occurrences

    assert occurrences("乡村振兴乡村振兴乡村", "乡村", at_most=5) == 3
    assert occurrences("aaaa", "aa", at_most=5) == 3  # overlapping: at 0, 1 and 2
    assert occurrences("aaaa", "aa", at_most=1) == 2  # "more than one" is all a caller asked
    assert occurrences("乡村振兴", "城市", at_most=2) == 0


def test_grouped_candidates_stay_in_their_group_and_mirror() -> None:
    from compare.text.similarity import sentence_candidates

    old = ["城镇新增就业#万人以上，调查失业率#左右。", "城镇新增就业#万人以上，登记失业率#以内。"]
    new = ["城镇新增就业#万人以上，登记失业率#以内。", "城镇新增就业#万人左右，调查失业率#左右。"]
    loose = {(i, j) for _, i, j in sentence_candidates(old, new, cutoff=0.6)}
    assert (0, 0) in loose  # alike across groups
    groups = ([0, 1], [1, 0])
    got = {(i, j) for _, i, j in sentence_candidates(old, new, cutoff=0.6, groups=groups)}
    assert got == {(0, 1), (1, 0)}
    back = {(i, j) for _, j, i in sentence_candidates(new, old, cutoff=0.6, groups=(groups[1], groups[0]))}
    assert back == got


def test_near_verbatim_search_asks_for_most_of_the_rare_shingles() -> None:
    from compare.text.similarity import NEAR_VERBATIM_SHARE, sentence_candidates_of

    query = ["深入开展法治宣传进社区活动，营造浓厚的法治氛围。"]
    target = ["深入开展法治宣传进社区进企业活动，营造浓厚的法治氛围。", "开展法治宣传", "今年新建公园三处。"]
    got = sentence_candidates_of(query, target, cutoff=0.8, min_share=NEAR_VERBATIM_SHARE)
    assert [(i, j) for _, i, j in got] == [(0, 0)] and got[0][0] > 0.9
    # the other way round, the same pair with the same score
    back = sentence_candidates_of(target[:1], query, cutoff=0.8, min_share=NEAR_VERBATIM_SHARE)
    assert back == [(got[0][0], 0, 0)]


def test_a_shared_frame_without_shared_rare_words_is_no_candidate() -> None:
    from compare.text.similarity import sentence_candidates, sentence_similarity

    # a stock frame (the Minister for … will speak at the debate about …) common on both sides
    stock = [f"The Minister for the {w} portfolio will speak at the debate about it." for w in
             ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]] * 5
    a = "The Minister for Health will speak at the debate about clinics, nurses, vaccines, hospitals."
    b = "The Minister for Transport will speak at the debate about trains, buses, cycling, hospitals."
    old = [a, *stock, "Trains run late.", "Buses get lanes.", "Cycling paths grow."]
    new = [b, *stock, "Clinics open late.", "Nurses get pay.", "Vaccines are free."]
    assert sentence_similarity(a, b) > 0.8  # alike by the frame alone
    # of each one's four rare words the other holds one: not the same sentence
    assert not [x for x in sentence_candidates(old, new) if x[1] == 0 or x[2] == 0]
    assert [x[1:] for x in sentence_candidates(old, new, min_share=0.0) if x[1] == 0 or x[2] == 0] == [(0, 0)]
