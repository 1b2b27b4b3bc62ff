#!/usr/bin/env python3
"""Compare the gold layer of two Liangshan lakehouses with an independent reader (delta-rs).

Usage: tools/compare-lakehouses.py LEFT_ROOT RIGHT_ROOT [--layer gold] [--layer silver]

Every Delta table under <root>/<layer>/ is read at its latest version on both sides. Columns that differ
between runs by design are left out: run ids (run_id, *_run_id), timestamps (any timestamp column) and
provenance (input Delta versions). The remaining rows are compared as multisets. Exit 0 when every table
is equal, 1 otherwise. Needs `pip install deltalake pyarrow`.
"""
import argparse
import os
import sys

import pyarrow as pa
from deltalake import DeltaTable

VOLATILE = {"run_id", "provenance", "report_path"}


def volatile(field):
    name = field.name
    return (name in VOLATILE or name.endswith("_run_id") or name.endswith("_path")
            or pa.types.is_timestamp(field.type) or pa.types.is_date32(field.type) and name.endswith("_at"))


def tables(root, layer):
    base = os.path.join(root, layer)
    if not os.path.isdir(base):
        return {}
    return {f"{layer}.{name}": os.path.join(base, name) for name in sorted(os.listdir(base))
            if os.path.isdir(os.path.join(base, name, "_delta_log"))}


def columns(path):
    schema = pa.schema(DeltaTable(path).schema().to_arrow())
    return [f.name for f in schema if not volatile(f)]


def rows(path, keep):
    table = DeltaTable(path).to_pyarrow_table(columns=keep)
    return sorted(repr(tuple(row[c] for c in keep)) for row in table.to_pylist())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("left")
    parser.add_argument("right")
    parser.add_argument("--layer", action="append", help="layer(s) to compare (default gold)")
    args = parser.parse_args()
    layers = args.layer or ["gold"]
    differ = 0
    compared = 0
    for layer in layers:
        left, right = tables(args.left, layer), tables(args.right, layer)
        for name in sorted(set(left) | set(right)):
            if name not in left or name not in right:
                print(f"DIFF {name}: only in {'left' if name in left else 'right'}")
                differ += 1
                continue
            lcols, rcols = columns(left[name]), columns(right[name])
            common = [c for c in lcols if c in rcols]
            note = ""
            if [c for c in lcols if c not in rcols]:
                print(f"DIFF {name}: columns only on the left: {[c for c in lcols if c not in rcols]}")
                differ += 1
            if [c for c in rcols if c not in lcols]:
                note = f" (new on the right, not compared: {', '.join(c for c in rcols if c not in lcols)})"
            lrows, rrows = rows(left[name], common), rows(right[name], common)
            compared += 1
            if lrows != rrows:
                only_left = len(set(lrows) - set(rrows))
                only_right = len(set(rrows) - set(lrows))
                print(f"DIFF {name}: {len(lrows):,} vs {len(rrows):,} rows, {only_left:,} only left, {only_right:,} only right")
                differ += 1
            else:
                print(f"same {name}: {len(lrows):,} rows, {len(common)} columns compared{note}")
    print(f"{compared} tables compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
