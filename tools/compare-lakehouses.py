#!/usr/bin/env python3
"""Compare the gold layer of two Liangshan lakehouses with an independent reader (delta-rs).

Usage: tools/compare-lakehouses.py LEFT_ROOT RIGHT_ROOT [--layer gold] [--rel-tol 1e-12]

Every Delta table under <root>/<layer>/ is read at its latest version on both sides. Columns that differ
between runs by design are left out: run ids (run_id, *_run_id), timestamps (any timestamp column) and
provenance (input Delta versions); the lakehouse root inside a text (a scene's location) is read as <root>.
A column only the right side has (a new column) is reported and left out; a column only the left has is a
difference. The remaining rows are compared as multisets, first exactly, then with floating-point numbers
(in double columns and inside texts such as a JSON basis) equal within --rel-tol, so that a last-bit
difference of a double sum is told apart from a changed figure. Decimal (money) columns are always compared
exactly. Exit 0 when every table is equal (exactly or within the tolerance), 1 otherwise.
Needs `pip install deltalake pyarrow`.
"""
import argparse
import decimal
import math
import os
import re
import sys

import pyarrow as pa
from deltalake import DeltaTable

VOLATILE = {"run_id", "provenance"}
NUMBER = re.compile(r"-?\d+\.\d+(?:[eE][-+]?\d+)?")


def volatile(field):
    name = field.name
    return name in VOLATILE or name.endswith("_run_id") or pa.types.is_timestamp(field.type)


def tables(root, layer):
    base = os.path.join(root, layer)
    if not os.path.isdir(base):
        return {}
    return {f"{layer}.{name}": os.path.join(base, name) for name in sorted(os.listdir(base))
            if os.path.isdir(os.path.join(base, name, "_delta_log"))}


def columns(path):
    schema = pa.schema(DeltaTable(path).schema().to_arrow())
    return [f.name for f in schema if not volatile(f)]


def rows(path, keep, root):
    table = DeltaTable(path).to_pyarrow_table(columns=keep)
    roots = {os.path.abspath(root), "file:" + os.path.abspath(root)}
    out = []
    for row in table.to_pylist():
        values = []
        for c in keep:
            v = row[c]
            if isinstance(v, str):
                for r in sorted(roots, key=len, reverse=True):
                    v = v.replace(r, "<root>")
            values.append(v)
        out.append(tuple(values))
    return out


def rounded(value):
    """A sort key that is the same for values equal within a tolerance far above a double's last bit."""
    if isinstance(value, float):
        return float(f"{value:.9g}") if math.isfinite(value) else value
    if isinstance(value, str):
        return NUMBER.sub(lambda m: f"{float(m.group()):.9g}", value)
    return value


def close(a, b, tol):
    if isinstance(a, float) and isinstance(b, float):
        return a == b or abs(a - b) <= tol * max(abs(a), abs(b))
    if isinstance(a, str) and isinstance(b, str):
        ta, tb = NUMBER.split(a), NUMBER.split(b)
        na, nb = NUMBER.findall(a), NUMBER.findall(b)
        return ta == tb and len(na) == len(nb) and all(close(float(x), float(y), tol) for x, y in zip(na, nb))
    return a == b


def key(row):
    return tuple((v is None, repr(rounded(v))) for v in row)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("left")
    parser.add_argument("right")
    parser.add_argument("--layer", action="append", help="layer(s) to compare (default gold)")
    parser.add_argument("--rel-tol", type=float, default=1e-12,
                        help="relative tolerance for floating-point numbers (default 1e-12); 0: exact only")
    args = parser.parse_args()
    layers = args.layer or ["gold"]
    differ = within = compared = 0
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
            lrows, rrows = rows(left[name], common, args.left), rows(right[name], common, args.right)
            compared += 1
            if sorted(map(repr, lrows)) == sorted(map(repr, rrows)):
                print(f"same {name}: {len(lrows):,} rows, {len(common)} columns{note}")
                continue
            if len(lrows) == len(rrows) and args.rel_tol > 0:
                ls, rs = sorted(lrows, key=key), sorted(rrows, key=key)
                cols_off = set()
                ok = True
                for a, b in zip(ls, rs):
                    for c, x, y in zip(common, a, b):
                        if x != y:
                            if close(x, y, args.rel_tol):
                                cols_off.add(c)
                            else:
                                ok = False
                if ok:
                    within += 1
                    print(f"close {name}: {len(lrows):,} rows equal within {args.rel_tol:g} "
                          f"(floating-point last bits in: {', '.join(sorted(cols_off))}){note}")
                    continue
            print(f"DIFF {name}: {len(lrows):,} vs {len(rrows):,} rows differ beyond the tolerance")
            differ += 1
    print(f"{compared} tables compared: {compared - differ - within} identical, {within} equal within "
          f"{args.rel_tol:g}, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
