"""Batch extraction on Apache Spark: article JSON lines in, SCHEMA.md fact lines out, bad lines counted.

Run with `spark-submit -m evintel.jobs.spark_extract IN OUT` or `python -m evintel.jobs.spark_extract IN OUT`.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from evintel.errors import IngestError

# Bad lines are counted in full but only this many messages travel back to the driver.
MAX_REPORTED_ERRORS = 100
_OK, _ERROR = "ok", "error"


@dataclass(slots=True)
class JobReport:
    """What a run did: articles extracted, facts written, bad lines (count and first messages)."""

    articles: int = 0
    facts: int = 0
    bad_lines: int = 0
    errors: list[str] = field(default_factory=list)


def extract_partition(rows: Iterable[tuple[str, int]], name: str) -> Iterator[tuple[str, str, int]]:
    """(status, payload, fact count) per input line: the output JSON line, or an error message."""
    from evintel.extract import extract_article
    from evintel.ingest.records import parse_record_line
    from evintel.models import ArticleFacts

    for line, index in rows:
        if not line.strip():
            continue
        item = f"{name}:{index + 1}"
        try:
            article = parse_record_line(line, item)
        except IngestError as exc:
            yield _ERROR, str(exc), 0
            continue
        try:
            facts = extract_article(article)
        except Exception as exc:  # one article's bug must not fail the whole job: report it as a bad line
            yield _ERROR, f"{item}: extraction failed ({exc.__class__.__name__}: {exc})", 0
            continue
        yield _OK, json.dumps(ArticleFacts(article.id, facts).to_dict(), ensure_ascii=False), len(facts)


def build_session(master: str = "local[2]", app_name: str = "evintel-extract") -> Any:
    """A light Spark session: no UI, few shuffle partitions, workers on this Python."""
    from pyspark.sql import SparkSession

    # Workers must run the interpreter that has evintel installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    return (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.memory", "1g")
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )


def run_extract_job(
    input_path: str, output_path: str, *, master: str = "local[2]", partitions: int | None = None
) -> JobReport:
    """Extract facts from article JSON lines at `input_path` into a JSON-lines folder at `output_path`."""
    spark = build_session(master)
    try:
        return _run(spark, input_path, output_path, partitions)
    finally:
        spark.stop()


def _run(spark: Any, input_path: str, output_path: str, partitions: int | None) -> JobReport:
    from pyspark import StorageLevel

    name = os.path.basename(input_path.rstrip("/")) or input_path
    lines = spark.sparkContext.textFile(input_path)
    if partitions:
        lines = lines.repartition(partitions)
    results = (
        lines.zipWithIndex()
        .mapPartitions(lambda rows: extract_partition(rows, name))
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    try:
        good = results.filter(lambda r: r[0] == _OK)
        spark.createDataFrame(good.map(lambda r: (r[1],)), "value string").write.mode("overwrite").text(
            output_path
        )
        counts = dict(results.map(lambda r: (r[0], 1)).reduceByKey(lambda a, b: a + b).collect())
        facts = good.map(lambda r: r[2]).sum() if counts.get(_OK) else 0
        errors = results.filter(lambda r: r[0] == _ERROR).map(lambda r: r[1]).take(MAX_REPORTED_ERRORS)
    finally:
        results.unpersist()
    return JobReport(
        articles=counts.get(_OK, 0), facts=int(facts), bad_lines=counts.get(_ERROR, 0), errors=errors
    )


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: IN OUT [--master M] [--partitions N]; exit status 1 if any line was bad."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m evintel.jobs.spark_extract",
        description="Extract facts from article JSON lines with Apache Spark.",
        epilog="Example: python -m evintel.jobs.spark_extract articles.jsonl facts_out/ --master local[2]",
    )
    parser.add_argument("input", help="article JSON lines (file, folder or glob Spark can read)")
    parser.add_argument("output", help="output folder of fact JSON lines (overwritten)")
    parser.add_argument("--master", default="local[2]", help="Spark master URL (default: local[2])")
    parser.add_argument("--partitions", type=int, default=None, help="repartition the input into N parts")
    args = parser.parse_args(argv)
    report = run_extract_job(args.input, args.output, master=args.master, partitions=args.partitions)
    for message in report.errors:
        print(message, file=sys.stderr)
    if report.bad_lines > len(report.errors):
        print(f"... and {report.bad_lines - len(report.errors)} more bad lines", file=sys.stderr)
    print(
        f"{report.articles} articles, {report.facts} facts, {report.bad_lines} bad lines -> {args.output}",
        file=sys.stderr,
    )
    return 1 if report.bad_lines else 0


if __name__ == "__main__":
    sys.exit(main())
