"""Turn vectors: the sum of a turn's word-piece vectors, scaled to unit length.

The piece vectors are static: each piece of the sentence encoder all-MiniLM-L6-v2 was put
through the encoder on its own once, at training time, and the outputs were reduced to a
few dimensions and weighted down for frequent pieces (scripts/classifier_vectors.py). So
run time is a table lookup and a sum, not a transformer."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def turn_vectors(pieces: Sequence[Sequence[int]], table: np.ndarray) -> np.ndarray:
    """One unit-length row per turn (all zeros for a turn with no pieces)."""
    if not pieces:
        return np.zeros((0, table.shape[1]), dtype=np.float32)
    flat: list[int] = []
    starts: list[int] = []
    for ids in pieces:
        starts.append(len(flat))
        flat.extend(ids or (0,))  # a stand-in piece, zeroed below: reduceat needs one
    gathered = np.asarray(table, dtype=np.float32)[np.asarray(flat)]
    summed = np.add.reduceat(gathered, np.asarray(starts), axis=0)
    summed[[not ids for ids in pieces]] = 0.0
    norms = np.linalg.norm(summed, axis=1, keepdims=True)
    return summed / np.maximum(norms, 1e-9)
