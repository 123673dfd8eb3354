"""The occupation search index, built from the database once per O*NET release.

Building takes under a second, so each process builds it on the first search and keeps
it until another release becomes current (an import replaces every row at once).
"""

from __future__ import annotations

import threading
from datetime import datetime
from itertools import chain

from headway.core.occupations.search import OCCUPATION, SearchIndex, build_index
from headway.onet.models import Occupation, OccupationTitle, Release

_lock = threading.Lock()
# (release id, imported at) -> index. The time is part of the key because a test
# database may hand out the id of a rolled-back release again.
_cached: tuple[tuple[int, datetime], SearchIndex] | None = None


def occupation_index(release: Release) -> SearchIndex:
    """The index for `release`, built on first use."""
    global _cached
    key = (release.pk, release.imported_at)
    with _lock:  # waitress serves from threads: build once, not once per thread
        if _cached is None or _cached[0] != key:
            _cached = (key, _build())
        return _cached[1]


def _build() -> SearchIndex:
    own = Occupation.objects.values_list("code", "title")
    others = OccupationTitle.objects.values_list("occupation_id", "title", "kind")
    return build_index(chain(((code, title, OCCUPATION) for code, title in own), others.iterator()))


def clear_cache() -> None:
    global _cached
    with _lock:
        _cached = None
