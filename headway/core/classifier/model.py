"""Inference: feature names -> vocabulary indices -> one matrix product per head."""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt

from headway.core.classifier.features import conversation_features
from headway.core.classifier.vectors import turn_vectors
from headway.core.classifier.wordpiece import WordPiece

CODES = ("question", "reflection", "input", "other")
SUBTYPES: dict[str, tuple[str, ...]] = {
    "question": ("open", "closed"),
    "reflection": ("simple", "complex"),
    "input": ("information", "advice", "options", "negotiation"),
}
# Heads in the order their columns sit in the weight matrix.
HEADS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("code", CODES),
    ("question", SUBTYPES["question"]),
    ("reflection", SUBTYPES["reflection"]),
    ("input", SUBTYPES["input"]),
    # A head of its own for advice: rare, and the one moment the review dwells on.
    ("advice", ("no", "yes")),
)
MODEL_FILE = "model.npz"
# Scores are float32 at run time, but numpy's stubs do not follow the width through every
# operation (a norm is float64 to them), so scores are typed as floating point of any width.
Scores = npt.NDArray[np.floating[Any]]


@dataclass(frozen=True)
class CodedTurn:
    index: int  # position of the turn in its conversation
    code: str
    subtype: str | None
    confidence: float  # probability of the code, 0-1


@dataclass(frozen=True)
class Model:
    vocab: dict[str, int]
    weights: npt.NDArray[np.float32]  # (features, columns of all heads)
    bias: npt.NDArray[np.float32]  # (columns,)
    info: str  # how it was trained, for the docs and the review page
    pieces: WordPiece  # cuts a turn into the word pieces the vectors are for
    # (pieces, dimensions): static word-piece vectors, see vectors.py
    vectors: npt.NDArray[np.float32]
    dense: npt.NDArray[np.float32]  # (dimensions, columns): weights of the turn vector

    def scores(self, features: Sequence[Sequence[str]], texts: Sequence[str]) -> Scores:
        """Raw scores, one row per turn: its binary features scaled to unit length, plus
        its turn vector (the turn's own text)."""
        sparse = self._sparse_scores(features)
        vectors = turn_vectors([self.pieces(t) for t in texts], self.vectors)
        return sparse + vectors @ self.dense

    def _sparse_scores(self, features: Sequence[Sequence[str]]) -> Scores:
        vocab = self.vocab
        flat: list[int] = []
        starts: list[int] = []
        scale: list[float] = []
        for feats in features:
            ids = [vocab[f] for f in feats if f in vocab]
            ids.append(0)  # index 0 is the always-on feature, so no row is empty
            starts.append(len(flat))
            flat.extend(ids)
            scale.append(1.0 / np.sqrt(len(ids)))
        if not features:
            return np.zeros((0, self.weights.shape[1]), dtype=np.float32)
        summed = np.add.reduceat(self.weights[np.asarray(flat)], np.asarray(starts), axis=0)
        return summed * np.asarray(scale, dtype=np.float32)[:, None] + self.bias

    def predict(
        self, features: Sequence[Sequence[str]], texts: Sequence[str]
    ) -> list[tuple[str, str | None, float]]:
        raw = self.scores(features, texts)
        out: list[tuple[str, str | None, float]] = []
        columns: dict[str, slice] = {}
        start = 0
        for name, labels in HEADS:
            columns[name] = slice(start, start + len(labels))
            start += len(labels)
        main = raw[:, columns["code"]]
        main = np.exp(main - main.max(axis=1, keepdims=True))
        main /= main.sum(axis=1, keepdims=True)
        best = main.argmax(axis=1)
        for row, k in enumerate(best):
            code = CODES[int(k)]
            subtype = None
            advice = raw[row, columns["advice"]]
            if advice[1] > advice[0]:
                code, subtype = "input", "advice"
            elif code in SUBTYPES:
                sub = raw[row, columns[code]]
                subtype = SUBTYPES[code][int(sub.argmax())]
            out.append((code, subtype, float(main[row, k])))
        return out


@functools.cache
def load_model() -> Model:
    """The committed model, read once per process."""
    data = resources.files("headway.core.classifier").joinpath(MODEL_FILE).read_bytes()
    return model_from_bytes(data)


def model_from_bytes(data: bytes) -> Model:
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        names = bytes(npz["vocab"]).decode("utf-8").split("\n")
        weights = npz["weights"].astype(np.float32)
        bias = npz["bias"].astype(np.float32)
        info = bytes(npz["info"]).decode("utf-8")
        pieces = bytes(npz["pieces"]).decode("utf-8").split("\n")
        vectors = npz["vectors"].astype(np.float32)
        dense = npz["dense"].astype(np.float32)
    return Model(
        vocab={n: i for i, n in enumerate(names)},
        weights=weights,
        bias=bias,
        info=info,
        pieces=WordPiece(pieces),
        vectors=vectors,
        dense=dense,
    )


def _text(value: Sequence[str]) -> np.ndarray:
    return np.frombuffer("\n".join(value).encode("utf-8"), dtype=np.uint8)


def save_model(
    path: str,
    *,
    vocab: Sequence[str],
    weights: np.ndarray,
    bias: np.ndarray,
    info: str,
    pieces: Sequence[str],
    vectors: np.ndarray,
    dense: np.ndarray,
) -> None:
    """Used by the trainer. vocab[0] must be the always-on feature. Not compressed: the
    float16 vectors, most of the file, hardly compress, and inflating them would be most of
    the model's load time."""
    np.savez(
        path,
        vocab=_text(vocab),
        weights=weights.astype(np.float16),
        bias=bias.astype(np.float32),
        info=_text([info]),
        pieces=_text(pieces),
        vectors=vectors.astype(np.float16),
        dense=dense.astype(np.float32),
    )


def classify_conversation(
    speakers: Sequence[str], texts: Sequence[str], coach: str, model: Model | None = None
) -> list[CodedTurn]:
    """Codes for the coach's turns of one conversation (other speakers' turns get none)."""
    model = model or load_model()
    featured = conversation_features(speakers, texts, coach)
    predictions = model.predict([f for _, f in featured], [texts[i] for i, _ in featured])
    return [
        CodedTurn(index=i, code=code, subtype=subtype, confidence=conf)
        for (i, _), (code, subtype, conf) in zip(featured, predictions, strict=True)
    ]
