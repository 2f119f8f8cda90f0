"""English figures whose labels share at most one word pair only when their sentences are the same
passage of another year: "cost" or "companies" alone names no measure, and a page claiming "cost
$2.3 billion → $4.8 billion" for two unrelated purchases misleads. Invented letters."""

from __future__ import annotations

from compare.pipeline import compare_texts

from conftest import written_pairs

_OLD = """Letter to Shareholders 2020

Our year in review

When we bought the rest of the bakery chain in 2001, it cost us about $2.3 billion.
At our annual fair, we sold 11,254 pounds of fudge and 1,249 pairs of boots in nine hours.
The four companies we own in part had a fine year.
Today, over 95% of our staff own shares.
Each of our two portfolio managers now runs more than $10 billion of our money.
"""

_NEW = """Letter to Shareholders 2021

Our year in review

We bought 64% of the mill in 2019 and carry this stake on our books at our cost, $4.8 billion.
At our annual fair, we sold 10,010 pounds of fudge and 1,090 pairs of boots in nine hours.
Within this group, we have two companies that each earned more than $400 million.
Today, all vans pay the same road fee, at 15% of their value.
Each of our two portfolio managers now runs more than $12 billion of our money.
"""


def _pairs() -> set[tuple[str, str]]:
    c = compare_texts(_OLD, _NEW)
    t_old, t_new = c.old.source.text, c.new.source.text
    return {(t_old[p.old.span.start:p.old.span.end], t_new[p.new.span.start:p.new.span.end])
            for p in c.figure_pairs if p.old is not None and p.new is not None}


def test_a_common_word_does_not_pair_figures_of_unlike_sentences() -> None:
    pairs = _pairs()
    assert ("$2.3 billion", "$4.8 billion") not in pairs  # "cost": two purchases
    assert ("four companies", "two companies") not in pairs  # "companies": two groups
    assert ("95%", "15%") not in pairs  # "Today": staff owning shares / a road fee


def test_the_same_passage_of_another_year_still_pairs() -> None:
    pairs = _pairs()
    assert ("11,254 pounds", "10,010 pounds") in pairs
    assert ("1,249 pairs", "1,090 pairs") in pairs
    assert ("$10 billion", "$12 billion") in pairs


_ZH_OLD = """一、2020年工作回顾

产业园区顺利开园，引进了新材料、生物技术等9个项目。开工建设区人民医院二期等10个项目。为了促进教育公平，从新学年开始在各类高校建立国家奖学金和助学金制度，中央财政将安排200亿元。
"""

_ZH_NEW = """一、2021年工作回顾

启动治水行动，统筹推进河道综合整治、景观营造等15个项目。开工建设区中医院、区妇幼保健院改扩建等13个项目。今年中央财政将安排832亿元，用于乡镇卫生院的设备更新和基层医生培训。
"""


def test_a_chinese_label_of_things_of_any_kind_needs_related_sentences() -> None:
    c = compare_texts(_ZH_OLD, _ZH_NEW)
    pairs = written_pairs(c)
    assert ("9个", "15个") not in pairs  # projects brought in / river works
    assert ("200亿元", "832亿元") not in pairs  # scholarships / health
    assert ("10个", "13个") in pairs  # hospital works started, both years


def test_a_payer_before_a_word_for_money_names_no_measure() -> None:
    # 中央财政投入 / 中央财政投入资金 say whose money, not for what: student aid and appliance subsidies
    # are two measures; 中央预算内投资 is a budget line of its own and pairs across years
    old = ("一、2020年工作回顾\n\n助学体系更加健全，中央财政投入223亿元，各地同步增加投入，受资助学生超过2000万人次。"
           "中央财政安排219亿元支持116户困难国有企业实施政策性关闭破产，分离办社会职能工作继续推进。"
           "中央预算内投资拟增加到4576亿元，重点投向保障性安居工程。\n")
    new = ("一、2021年工作回顾\n\n为扩大农村消费，中央财政投入资金450亿元，补贴农民购买家电、汽车和农机具。"
           "中央财政安排51亿元加强基层公共卫生服务体系，艾滋病等重大疾病防控取得明显进展。"
           "今年中央预算内投资增加到4776亿元，引导社会资本投向更多领域。\n")
    c = compare_texts(old, new)
    pairs = written_pairs(c)
    assert ("223亿元", "450亿元") not in pairs
    assert ("219亿元", "51亿元") not in pairs
    assert ("4576亿元", "4776亿元") in pairs


def test_the_sum_of_a_list_does_not_pair_with_one_member() -> None:
    # 「新改扩建幼儿园、中小学校178所」 counts kindergartens and schools together: not the 90 schools of a
    # list whose members have their own figures; a list of verbs (新建、改建公园) still names one thing
    old = ("一、2030年工作回顾\n\n新开工建设幼儿园60所、中小学90所。新增绿色建筑2500万平方米、装配式建筑2380万平方米。"
           "新建改建公园50个。\n")
    new = ("一、2031年工作回顾\n\n新改扩建幼儿园、中小学校178所。新增绿色建筑、装配式建筑4000万平方米。"
           "新建、改建公园55个。\n")
    c = compare_texts(old, new)
    pairs = written_pairs(c)
    assert ("90所", "178所") not in pairs
    assert ("2380万平方米", "4000万平方米") not in pairs and ("2500万平方米", "4000万平方米") not in pairs
    assert ("50个", "55个") in pairs


def test_investment_done_names_no_project() -> None:
    # 「完成年度投资」 / 「完成投资」 say that money was spent, not on what: two projects' investments
    # pair only in related sentences
    old = ("一、2030年工作回顾\n\n推进片区统筹规划研究，小梅沙二期等一批城市更新单元开工，临港产业带实现年度投资85亿元，"
           "完成土地整备和房屋征收任务，腾挪低效工业用地。\n")
    new = ("一、2031年工作回顾\n\n深入实施港口扩能，东港区集装箱码头一期加快推进，完成年度投资13.24亿元，"
           "国际航线新增五条，船舶保税燃油加注业务实现突破。\n")
    c = compare_texts(old, new)
    pairs = written_pairs(c)
    assert ("85亿元", "13.24亿元") not in pairs
