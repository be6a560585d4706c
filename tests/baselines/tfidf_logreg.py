#!/usr/bin/env python3
"""Tuned TF-IDF (word + character n-grams) + logistic regression baseline (issue 4, point 10).

Reads a labelled split as <dir>/<label>/*.txt (UTF-8), tunes the hyper-parameters by stratified k-fold
cross-validation on the TRAINING split only (macro-F1 of the pooled out-of-fold predictions): first the
word and character n-gram ranges and sublinear TF, then C and class weights for the best features. It
refits the best setting on all of train and scores the dev split once. Prints one JSON line on stdout; progress goes to stderr.

    python3 tests/baselines/tfidf_logreg.py --train ../shared/data/10kgnad/train --dev ../shared/data/10kgnad/dev

Needs scikit-learn (Debian: python3-sklearn, installed by scripts/setup.sh). Seeded and single-threaded,
so a rerun prints the same figures.
"""
import argparse
import json
import os
import sys
import time
import unicodedata

# One thread for the BLAS under scipy, before numpy is imported: deterministic and fair on a shared machine.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from scipy.sparse import diags, hstack  # noqa: E402
from sklearn.feature_extraction.text import CountVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import accuracy_score, f1_score  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402
from sklearn.preprocessing import normalize  # noqa: E402

SEED = 20261125


def load(split_dir):
    texts, labels = [], []
    for label in sorted(os.listdir(split_dir)):
        label_dir = os.path.join(split_dir, label)
        if label.startswith(".") or not os.path.isdir(label_dir):
            continue
        for name in sorted(os.listdir(label_dir)):
            if name.startswith(".") or not name.endswith(".txt"):
                continue
            with open(os.path.join(label_dir, name), encoding="utf-8", errors="replace") as f:
                texts.append(unicodedata.normalize("NFC", f.read()))
            labels.append(unicodedata.normalize("NFC", label))
    if not texts:
        raise SystemExit(f"no .txt files under {split_dir}")
    return texts, labels


# Features: word n-grams and character n-grams within word boundaries, TF-IDF, each block L2-normalised.
# The vocabularies and counts of the widest ranges are built once per fold; narrower ranges and sublinear TF
# are derived from them (same terms, same document frequencies), which keeps the search fast.
WORD_WIDEST = (1, 2)
CHAR_WIDEST = (2, 5)
FEATURE_GRID = [
    {"word_ngrams": w, "char_ngrams": c, "sublinear_tf": s}
    for w in [(1, 1), (1, 2)] for c in [(2, 5), (3, 5)] for s in [True, False]
]
CLASSIFIER_GRID = [{"C": c, "class_weight": cw} for c in [1.0, 10.0, 100.0] for cw in [None, "balanced"]]
FIRST_CLASSIFIER = {"C": 10.0, "class_weight": None}


class Counts:
    """Raw term counts of the widest n-gram ranges, fitted on one set of texts (min_df=2 on that set)."""

    def __init__(self, texts):
        self.word = CountVectorizer(analyzer="word", lowercase=True, min_df=2, ngram_range=WORD_WIDEST,
                                    token_pattern=r"(?u)\b\w+\b", dtype=np.float64)
        self.char = CountVectorizer(analyzer="char_wb", lowercase=True, min_df=2, ngram_range=CHAR_WIDEST, dtype=np.float64)
        self.word_counts = self.word.fit_transform(texts)
        self.char_counts = self.char.fit_transform(texts)
        self.word_len = np.array([len(t.split(" ")) for t in self.word.get_feature_names_out()])
        self.char_len = np.array([len(t) for t in self.char.get_feature_names_out()])
        n = len(texts)
        self.word_idf = idf(self.word_counts, n)
        self.char_idf = idf(self.char_counts, n)

    def transform(self, texts):
        return self.word.transform(texts), self.char.transform(texts)

    def features(self, counts, settings):
        word_counts, char_counts = counts
        w_cols = np.flatnonzero((self.word_len >= settings["word_ngrams"][0]) & (self.word_len <= settings["word_ngrams"][1]))
        c_cols = np.flatnonzero((self.char_len >= settings["char_ngrams"][0]) & (self.char_len <= settings["char_ngrams"][1]))
        blocks = [
            tfidf(word_counts[:, w_cols], self.word_idf[w_cols], settings["sublinear_tf"]),
            tfidf(char_counts[:, c_cols], self.char_idf[c_cols], settings["sublinear_tf"]),
        ]
        return hstack(blocks).tocsr()


def idf(counts, n):
    """scikit-learn's smoothed IDF: ln((1 + n) / (1 + df)) + 1."""
    df = np.asarray((counts > 0).sum(axis=0)).ravel()
    return np.log((1.0 + n) / (1.0 + df)) + 1.0


def tfidf(counts, idf_values, sublinear):
    m = counts.copy().tocsr()
    if sublinear:
        m.data = np.log(m.data) + 1.0
    m = m @ diags(idf_values)
    return normalize(m, norm="l2")


def classifier(settings):
    # liblinear: L2-regularised logistic regression, one-vs-rest, solved in the dual (fewer texts than features):
    # fast and deterministic on sparse text features.
    return LogisticRegression(C=settings["C"], class_weight=settings["class_weight"], solver="liblinear", dual=True, max_iter=1000, random_state=SEED)


def cross_validate(folds, labels, feature_settings, classifier_settings):
    """Macro-F1 over the pooled out-of-fold predictions (every training text predicted once)."""
    predicted = np.empty(len(labels), dtype=object)
    for train_idx, val_idx, counts, train_counts, val_counts in folds:
        x_train = counts.features(train_counts, feature_settings)
        x_val = counts.features(val_counts, feature_settings)
        model = classifier(classifier_settings).fit(x_train, labels[train_idx])
        predicted[val_idx] = model.predict(x_val)
    return f1_score(labels, predicted.astype(str), average="macro")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", required=True)
    parser.add_argument("--dev", required=True)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()

    started = time.monotonic()
    train_x, train_y = load(args.train)
    dev_x, dev_y = load(args.dev)
    labels = np.array(train_y)

    folds = []
    splitter = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=SEED)
    for train_idx, val_idx in splitter.split(train_x, labels):
        texts = [train_x[i] for i in train_idx]
        counts = Counts(texts)  # fitted on the fold's training part only
        folds.append((train_idx, val_idx, counts, counts.transform(texts), counts.transform([train_x[i] for i in val_idx])))

    # Stage 1: the features (n-gram ranges, sublinear TF) at a middle regularisation.
    tried = []
    for f in FEATURE_GRID:
        tried.append((cross_validate(folds, labels, f, FIRST_CLASSIFIER), f, FIRST_CLASSIFIER))
        print(f"cv {tried[-1][0]:.4f} {f} {FIRST_CLASSIFIER}", file=sys.stderr)
    best_features = max(tried, key=lambda t: t[0])[1]
    # Stage 2: regularisation and class weights for the best features.
    for c in CLASSIFIER_GRID:
        if c == FIRST_CLASSIFIER:
            continue
        tried.append((cross_validate(folds, labels, best_features, c), best_features, c))
        print(f"cv {tried[-1][0]:.4f} {best_features} {c}", file=sys.stderr)
    cv_score, feature_settings, classifier_settings = max(tried, key=lambda t: t[0])

    # Refit the winner on all of train; dev is scored once.
    counts = Counts(train_x)
    model = classifier(classifier_settings).fit(counts.features(counts.transform(train_x), feature_settings), labels)
    predicted = model.predict(counts.features(counts.transform(dev_x), feature_settings))

    best = {k: (list(v) if isinstance(v, tuple) else v) for k, v in {**feature_settings, **classifier_settings}.items()}
    result = {
        "baseline": "tfidf-word+char-logreg",
        "sklearn": sklearn.__version__,
        "train": len(train_x),
        "dev": len(dev_x),
        "folds": args.folds,
        "settingsTried": len(tried),
        "cvMacroF1": round(float(cv_score), 4),
        "best": best,
        "macroF1": round(float(f1_score(dev_y, predicted, average="macro")), 4),
        "accuracy": round(float(accuracy_score(dev_y, predicted)), 4),
        "seconds": round(time.monotonic() - started, 1),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
