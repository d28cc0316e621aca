"""Regenerate boundaries.json from Natural Earth's 1:110m admin-0 countries (public domain).

The shapefile ships inside the geopandas 0.14 wheel (geopandas/datasets/naturalearth_lowres/); read it with pyshp:

    pip download geopandas==0.14.4 pyshp --no-deps -d /tmp/ne && cd /tmp/ne && unzip -o '*.whl'
    PYTHONPATH=/tmp/ne python src/hramada/evidence/data/make_boundaries.py \
        /tmp/ne/geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp > src/hramada/evidence/data/boundaries.json

Only countries whose rings touch the map's frame (latitude 40-62, longitude 12-45) are kept, rounded to 0.01
degrees (about 1 km), which is finer than the source's own precision at this scale.
"""

from __future__ import annotations

import itertools
import json
import sys

FRAME = (12.0, 40.0, 45.0, 62.0)  # min lon, min lat, max lon, max lat: models.MAP_BOUNDS


def _touches(points: list[tuple[float, float]]) -> bool:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return not (max(xs) < FRAME[0] or min(xs) > FRAME[2] or max(ys) < FRAME[1] or min(ys) > FRAME[3])


def main(path: str) -> None:
    import shapefile  # pyshp, needed only to regenerate

    reader = shapefile.Reader(path)
    fields = [f[0] for f in reader.fields[1:]]
    countries = []
    for shape_record in reader.iterShapeRecords():
        attributes = dict(zip(fields, shape_record.record, strict=False))
        shape = shape_record.shape
        parts = [*shape.parts, len(shape.points)]
        rings = []
        for start, end in itertools.pairwise(parts):
            ring = [(round(x, 2), round(y, 2)) for x, y in shape.points[start:end]]
            if _touches(ring):
                rings.append(ring)
        if rings:
            countries.append({"iso": attributes["iso_a3"], "name": attributes["name"], "rings": rings})
    countries.sort(key=lambda c: c["iso"])
    json.dump(
        {"source": "Natural Earth 1:110m admin-0 countries (public domain)", "countries": countries},
        sys.stdout,
        separators=(",", ":"),
    )


if __name__ == "__main__":
    main(sys.argv[1])
