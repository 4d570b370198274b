import json
from datetime import date

import pytest

from evintel.extract import extract_article
from evintel.ingest.records import parse_record_line
from evintel.jobs import spark_extract
from evintel.jobs.spark_extract import JobReport, extract_partition, run_extract_job
from evintel.models import Article, ArticleFacts

# Twenty short articles in varied phrasings (companies and figures invented for the test).
_STORIES = [
    (
        "BMW Group delivered 91,300 battery-electric vehicles in the second quarter, up 14 percent.",
        "2024-07-10",
    ),
    (
        "Kestrel Motors handed over 4,210 electric vans in February, the Leipzig-based maker said.",
        "2024-03-05",
    ),
    (
        "Borealis Cells will supply battery cells to Ostrava Autoworks from 2026 under a new contract.",
        "2024-04-02",
    ),
    ("Volkswagen owns a 49 percent stake in the Chinese joint venture, the company said.", "2024-01-15"),
    ("Tessaro invested 300 million euros in Lumeris, a Norwegian sodium-ion start-up.", "2024-09-11"),
    (
        "Hyundai Motor and Kia sold 1.2 million cars in Europe last year, including 180,000 hybrids.",
        "2024-01-20",
    ),
    (
        "Grauwerk and Tessaro agreed to form a joint venture to recycle battery packs in Austria.",
        "2024-06-04",
    ),
    ("Nordhalle Batterien will build a cell plant near Chemnitz that opens in 2027.", None),
    (
        "Solenne Motors handed over 12,000 electric cars in May, a record for the French start-up.",
        "2024-06-03",
    ),
    ("Renault sold 62,000 fully electric cars in the first half of the year.", "2024-07-25"),
    ("Halden Trucks received orders for 300 hydrogen trucks from a Norwegian haulier.", "2024-02-12"),
    (
        "Stellantis plans to build an electric pickup at its plant in Sterling Heights from 2025.",
        "2023-11-30",
    ),
    (
        "Toyota said it is considering a partnership with a Korean battery maker, people familiar said.",
        "2024-05-21",
    ),
    ("Miravel denied reports that it had agreed to sell its scooter unit to a rival.", "2024-08-08"),
    (
        "Ford sold 508,000 vehicles in the United States in the first quarter, including 20,000 EVs.",
        "2024-04-03",
    ),
    ("Tata Motors acquired a 26 percent stake in a charging firm for $40 million.", "2024-10-01"),
    ("BYD sold 3.02 million new energy vehicles last year, the Shenzhen-based company said.", "2024-01-02"),
    ("Nissan and Mitsubishi will jointly develop an electric pickup for North America.", "2024-12-18"),
    (
        "Polestar delivered about 12,000 cars in the third quarter, down from 13,900 a year earlier.",
        "2024-10-04",
    ),
    ("Brennfeld, an Austrian supplier, will deliver e-motors to Ostrava Autoworks for three models.", None),
]
ARTICLES = [
    Article(id=f"spark-{n:02d}", text=text, date=date.fromisoformat(day) if day else None, title=f"Story {n}")
    for n, (text, day) in enumerate(_STORIES, start=1)
]
BAD_LINE = '{"id": "spark-bad", "text": "unterminated'


@pytest.fixture
def input_file(tmp_path):
    path = tmp_path / "articles.jsonl"
    lines = [json.dumps(a.to_dict()) for a in ARTICLES]
    lines.insert(7, BAD_LINE)
    lines.insert(12, "")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def _single_process() -> dict[str, dict]:
    return {a.id: ArticleFacts(a.id, extract_article(a)).to_dict() for a in ARTICLES}


def test_extract_partition_yields_output_lines_and_errors(input_file):
    rows = [(line, i) for i, line in enumerate(input_file.read_text("utf-8").splitlines())]
    results = list(extract_partition(rows, "articles.jsonl"))
    errors = [r for r in results if r[0] == "error"]
    assert errors == [
        ("error", "articles.jsonl:8: not valid JSON (Unterminated string starting at column 29)", 0)
    ]
    outputs = {json.loads(r[1])["article_id"]: json.loads(r[1]) for r in results if r[0] == "ok"}
    assert outputs == _single_process()
    assert all(r[2] == len(json.loads(r[1])["facts"]) for r in results if r[0] == "ok")


def test_extract_partition_matches_record_parsing():
    line = json.dumps(ARTICLES[0].to_dict())
    assert parse_record_line(line, "x:1") == ARTICLES[0]


@pytest.mark.spark
def test_run_extract_job_equals_single_process_extraction(input_file, tmp_path):
    output = tmp_path / "facts"
    report = run_extract_job(str(input_file), str(output), master="local[1]")

    lines = [line for part in sorted(output.glob("part-*")) for line in part.read_text("utf-8").splitlines()]
    written = [json.loads(line) for line in lines]
    assert [w["article_id"] for w in written] == [a.id for a in ARTICLES]  # input order kept
    assert {w["article_id"]: w for w in written} == _single_process()
    assert report.articles == 20
    assert report.facts == sum(len(w["facts"]) for w in written)
    assert report.bad_lines == 1
    assert report.errors == ["articles.jsonl:8: not valid JSON (Unterminated string starting at column 29)"]


@pytest.mark.parametrize(
    ("report", "status", "stderr_lines"),
    [
        (JobReport(articles=20, facts=31), 0, ["20 articles, 31 facts, 0 bad lines -> out/"]),
        (
            JobReport(articles=19, facts=30, bad_lines=3, errors=["in.jsonl:4: not valid JSON (x)"]),
            1,
            [
                "in.jsonl:4: not valid JSON (x)",
                "... and 2 more bad lines",
                "19 articles, 30 facts, 3 bad lines -> out/",
            ],
        ),
    ],
)
def test_main_reports_bad_lines_and_sets_exit_status(monkeypatch, capsys, report, status, stderr_lines):
    calls = []

    def fake_run(input_path, output_path, *, master, partitions):
        calls.append((input_path, output_path, master, partitions))
        return report

    monkeypatch.setattr(spark_extract, "run_extract_job", fake_run)
    assert spark_extract.main(["in.jsonl", "out/", "--master", "local[1]", "--partitions", "4"]) == status
    assert calls == [("in.jsonl", "out/", "local[1]", 4)]
    assert capsys.readouterr().err.splitlines() == stderr_lines
