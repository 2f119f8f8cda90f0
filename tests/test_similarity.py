"""Scorers: year-normalised headings, n-gram content cosine, sentence candidates."""

from __future__ import annotations

import numpy as np

from compare.text.similarity import (
    content_matrix,
    heading_matrix,
    heading_similarity,
    normalise_heading,
    sentence_candidates,
)


def test_years_markers_and_punctuation_leave_the_heading() -> None:
    assert normalise_heading("一、2018年工作回顾") == normalise_heading("三、2019年工作回顾")
    assert heading_similarity("（二）2018年主要任务", "（五）2019年主要任务") == 1.0
    assert heading_similarity("主要举措和成效", "存在的问题和不足") < 0.5


def test_heading_matrix_scores_every_pair_and_empty_headings_match_each_other() -> None:
    m = heading_matrix(["", "工作回顾"], ["", "2019年工作回顾", "下一步计划"])
    assert m.shape == (2, 3)
    assert m[0, 0] == 1.0 and m[0, 1] == 0.0 and m[1, 1] == 1.0
    assert m[1, 2] < 0.3


def test_content_cosine_prefers_the_same_topic_and_is_symmetric() -> None:
    old = ["全面推行行政执法公示制度，执法全过程记录，重大执法决定法制审核。",
           "深入开展普法宣传，建设法治文化阵地，举办法治讲座。"]
    new = ["举办法治讲座二十场，建设法治文化公园，开展普法宣传进社区。",
           "推行行政执法公示、执法全过程记录和重大执法决定法制审核三项制度。"]
    c = content_matrix(old, new)
    assert c[0, 1] > c[0, 0] and c[1, 0] > c[1, 1]
    assert np.allclose(c.T, content_matrix(new, old))


def test_sentence_candidates_find_the_changed_figure_and_are_symmetric() -> None:
    old = ["城镇新增就业1100万人以上。", "居民消费价格涨幅3%左右。", "完全不同的一句话在这里。"]
    new = ["居民消费价格涨幅3%左右。", "城镇新增就业1200万人以上。"]
    got = {(i, j) for _, i, j in sentence_candidates(old, new)}
    assert {(0, 1), (1, 0)} <= got and all(i != 2 for i, _ in got)
    swapped = {(i, j) for _, j, i in sentence_candidates(new, old)}
    assert got == swapped
