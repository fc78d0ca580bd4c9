"""Reads a report's runs.csv with pandas and checks it against its summary.csv (RunsCsvPandasTest).

    python check_runs_csv.py REPORT_DIR/runs.csv REPORT_DIR/summary.csv

Per environment and cell, the mean of final_return over the used runs must equal summary.csv's
final_mean and their count its n; every left-out run must give its reason. Prints "ok <cells>".
"""
import sys

import pandas as pd

ids = {"cell_id": str, "cell": str, "spec": str}
runs = pd.read_csv(sys.argv[1], dtype=ids)
summary = pd.read_csv(sys.argv[2], dtype=ids)
used = runs[runs["status"] == "used"]
per_cell = used.groupby(["env", "cell_id"])["final_return"].agg(["mean", "count"]).reset_index()
merged = summary.merge(per_cell, left_on=["env", "cell"], right_on=["env", "cell_id"], how="outer", indicator=True)
assert (merged["_merge"] == "both").all(), merged[merged["_merge"] != "both"]
scale = merged["final_mean"].abs().clip(lower=1.0)
assert ((merged["mean"] - merged["final_mean"]).abs() <= 1e-9 * scale).all(), merged[["mean", "final_mean"]]
assert (merged["count"] == merged["n"]).all(), merged[["count", "n"]]
left_out = runs[runs["status"] == "left out"]
assert left_out["left_out_reason"].notna().all()
assert set(runs["status"]) <= {"used", "left out"}
print("ok", len(merged), "cells,", len(used), "used runs,", len(left_out), "left out")
