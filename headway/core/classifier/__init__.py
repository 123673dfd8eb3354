"""Codes a coach's turns MITI/MISC-style: question (open / closed), reflection (simple /
complex), input (information / advice / options / negotiation) or other.

A linear model over word and context features (features.py) and a static turn vector
(wordpiece.py, vectors.py: word-piece vectors distilled from the sentence encoder
all-MiniLM-L6-v2), trained by scripts/train_classifier.py on AnnoMI plus our
career-coaching examples, stored in model.npz and run with numpy only: no network, no data
outside the package."""

from __future__ import annotations

from headway.core.classifier.model import (
    CODES,
    SUBTYPES,
    CodedTurn,
    Model,
    classify_conversation,
    load_model,
)

__all__ = ["CODES", "SUBTYPES", "CodedTurn", "Model", "classify_conversation", "load_model"]
