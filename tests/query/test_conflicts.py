from evintel.query import list_conflicts


def test_list_conflicts_figure_conflict_has_both_sides_evidence(filled):
    (conflict,) = list_conflicts(filled, "figure")
    values = sorted(side["value"] for side in conflict.sides)
    articles = sorted(src["article_id"] for side in conflict.sides for src in side["sources"])
    assert values == [82700, 83700] and articles == ["q1", "q2"]
    assert len(conflict.fact_ids) == 2


def test_list_conflicts_kb_conflict_names_claim_and_kb_record(filled):
    (conflict,) = list_conflicts(filled, "kb")
    claim, kb_side = conflict.sides
    assert claim["sources"][0]["evidence"]["text"] == "Volkswagen Group owns Rimac."
    assert claim["sources"][0]["url"] == "https://news.example/q6"
    assert kb_side["kb_record"]["entity"] == "Rimac Group"


def test_list_conflicts_all_kinds_sorted(filled):
    assert [c.kind for c in list_conflicts(filled)] == ["figure", "kb"]
