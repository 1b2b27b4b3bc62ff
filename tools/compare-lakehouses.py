#!/usr/bin/env python3
"""Compare the gold layer of two Liangshan lakehouses with an independent reader (delta-rs).

Usage: tools/compare-lakehouses.py LEFT_ROOT RIGHT_ROOT [--layer gold] [--layer silver]

Every Delta table under <root>/<layer>/ is read at its latest version on both sides. Columns that differ
between runs by design are left out: run ids (run_id, *_run_id), timestamps (any timestamp column) and
provenance (input Delta versions). The remaining rows are compared as multisets. Exit 0 when every table
is equal, 1 otherwise. Needs `pip install deltalake pandas`.
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


def rows(path):
    table = DeltaTable(path).to_pyarrow_table()
    keep = [f.name for f in table.schema if not volatile(f)]
    frame = table.select(keep).to_pandas()
    lines = frame.astype(str).agg("\x1f".join, axis=1).tolist() if len(frame) else []
    return keep, sorted(lines)


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
            lcols, lrows = rows(left[name])
            rcols, rrows = rows(right[name])
            compared += 1
            if lcols != rcols:
                print(f"DIFF {name}: columns {lcols} vs {rcols}")
                differ += 1
            elif lrows != rrows:
                only_left = len(set(lrows) - set(rrows))
                only_right = len(set(rrows) - set(lrows))
                print(f"DIFF {name}: {len(lrows):,} vs {len(rrows):,} rows, {only_left:,} only left, {only_right:,} only right")
                differ += 1
            else:
                print(f"same {name}: {len(lrows):,} rows, {len(lcols)} columns compared")
    print(f"{compared} tables compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
