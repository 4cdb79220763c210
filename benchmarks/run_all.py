"""Run every benchmark and print its figures (`make bench`)."""

from __future__ import annotations

import json

from benchmarks import bench_ingest, bench_query

if __name__ == "__main__":
    print("ingest:", json.dumps(bench_ingest.main()))
    for row in bench_query.main([1000, 20000]):
        print("query:", json.dumps(row))
