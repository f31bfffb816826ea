"""Command line: ``python -m analysis build CORPUS --out DIR`` and friends (``--help`` lists them)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import AnalysisError


def _build(args: argparse.Namespace) -> int:
    from .pipeline import build
    from .reports import write_manifest
    from .tables import write_tables

    tables = build(args.corpus, args.metadata, text_column=args.text_column, codebook=args.codebook)
    paths = write_tables(tables, args.out)
    # what the tables were built from, so that `make reports` knows they are fresh
    paths.append(write_manifest(args.out, args.corpus, args.metadata, args.codebook))
    for path in paths[:-1]:
        name = path.stem
        print(f"{path}  {tables[name].height:>8} rows")
    return 0


def _bench(args: argparse.Namespace) -> int:
    from .bench import run_bench

    run_bench(articles=args.articles, seeds=Path(args.seeds))
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluation import run_evaluation

    return run_evaluation(Path(args.gold), Path(args.corpora))


def _reports(args: argparse.Namespace) -> int:
    from .reports import run_reports

    run_reports(
        corpus=args.corpus, metadata=args.metadata, tables=args.tables, start=args.start, end=args.end,
        outlets=args.outlets, focus_actors=args.actors, language=args.language, top_n=args.top_n,
        output=args.out, codebook=args.codebook,
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="read a corpus and write its tables as Parquet files")
    build.add_argument("corpus", help="a folder of .txt articles, or a .jsonl/.csv/.parquet file with a text column")
    build.add_argument("--out", required=True, help="folder for the Parquet tables")
    build.add_argument("--metadata", help="metadata sidecar (doc_id, outlet, author, title, published, url)")
    build.add_argument("--text-column", help="name of the text column in a table corpus (default: text)")
    build.add_argument("--codebook", help="framing codebook (YAML) instead of the package's analysis/resources/codebook.yaml")
    build.set_defaults(run=_build)

    bench = commands.add_parser("bench", help="time the table build on replicated seed articles")
    bench.add_argument("--articles", type=int, default=100_000, help="number of articles (default 100000)")
    bench.add_argument("--seeds", default="seeds", help="folder of articles to replicate (default seeds)")
    bench.set_defaults(run=_bench)

    evaluate = commands.add_parser("evaluate", help="score entities against annotated articles")
    evaluate.add_argument("--gold", default="data/eval", help="folder of annotation files (default data/eval)")
    evaluate.add_argument("--corpora", default="../shared/corpora", help="folder holding the annotated corpora")
    evaluate.set_defaults(run=_evaluate)

    reports = commands.add_parser("reports", help="run the report notebooks and write HTML reports and chart files")
    reports.add_argument("corpus", nargs="?", default="seeds", help="the corpus (default: seeds)")
    reports.add_argument("--metadata", help="metadata sidecar")
    reports.add_argument("--tables", default="data/processed", help="folder of the corpus tables, rebuilt when missing or stale (default data/processed)")
    reports.add_argument("--out", default="reports", help="folder for the reports and charts/ (default reports)")
    reports.add_argument("--start", help="first publication date, YYYY-MM-DD")
    reports.add_argument("--end", help="last publication date, YYYY-MM-DD")
    reports.add_argument("--outlets", default="", help="outlets to keep, comma-separated (default: all)")
    reports.add_argument("--actors", default="", help="focus actors, comma-separated names or ids")
    reports.add_argument("--language", default="en", choices=["en", "ar"], help="chart labels: en or ar (default en)")
    reports.add_argument("--top-n", type=int, default=15, help="most actors/places a chart shows (default 15)")
    reports.add_argument("--codebook", help="framing codebook (YAML)")
    reports.set_defaults(run=_reports)

    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except AnalysisError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
