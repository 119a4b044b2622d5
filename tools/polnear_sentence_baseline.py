#!/usr/bin/env python3
"""A yardstick for `make eval-real`, outside the product: how far a generic sentence classifier gets.

Is PolNeAR's recall target (P >= 0.90 with R >= 0.85, sentence level) within reach of a linear
model at all? This trains logistic regression on every word 1-2-gram and character 3-5-gram of
each sentence (TF-IDF), 5-fold cross-validated with whole articles held out, to tell sentences
that hold an annotated Cue from those that do not, and prints the best recall at a few
precisions. It sees every word of the sentence, which the product's cue model (one word and its
neighbours) does not, but it finds no cue and no source: a reader could not be shown anything
from it. Sentences are cut by a plain regular expression, not by the product's segmenter, so its
units differ a little from `sourcelight eval --brat`'s.

Needs scikit-learn (not part of the build). Usage:
    python3 tools/polnear_sentence_baseline.py [../shared/polnear-train] [C]
Session 6 (C 1, 4, 16): best recall at P >= 0.90 was 0.68-0.71; best precision at R >= 0.85 0.81-0.82.
"""
import glob
import os
import re
import sys

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_curve
from sklearn.model_selection import GroupKFold

DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'polnear-train')
C = float(sys.argv[2]) if len(sys.argv) > 2 else 4.0
if not os.path.isdir(os.path.join(DATA, 'text')):
    sys.exit(f'no PolNeAR data at {DATA} (expected text/ and attributions/)')

sentences, labels, articles = [], [], []
for article, path in enumerate(sorted(glob.glob(os.path.join(DATA, 'text', '*.txt')))):
    name = os.path.basename(path)[:-4]
    text = open(path, encoding='utf-8').read()
    annotations = sorted(glob.glob(os.path.join(DATA, 'attributions', name + '_*.ann')))
    if not annotations:
        continue
    # Where each Cue starts (code points), from the first annotator's file.
    cues = []
    for line in open(annotations[0], encoding='utf-8'):
        fields = line.split('\t')
        if len(fields) >= 2 and fields[0].startswith('T') and fields[1].startswith('Cue'):
            cues.append(int(re.findall(r'\d+', fields[1])[0]))
    for paragraph in re.finditer(r'[^\n]+', text):
        for sentence in re.finditer(r'.+?(?:[.!?]["”’]?(?=\s+[A-Z“"])|$)', paragraph.group(0)):
            if len(sentence.group(0).strip()) < 3:
                continue
            start, end = paragraph.start() + sentence.start(), paragraph.start() + sentence.end()
            sentences.append(sentence.group(0).strip())
            labels.append(any(start <= c < end for c in cues))
            articles.append(article)

y = np.array(labels)
print(f'{len(sentences)} sentences, {y.mean():.3f} of them hold a cue')
scores = np.zeros(len(sentences))
for train, test in GroupKFold(5).split(sentences, y, articles):
    words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=r"(?u)\b\w+\b|[\"“”']")
    chars = TfidfVectorizer(analyzer='char_wb', ngram_range=(3, 5), min_df=3, sublinear_tf=True)
    pick = lambda rows: [sentences[i] for i in rows]
    x_train = hstack([words.fit_transform(pick(train)), chars.fit_transform(pick(train))]).tocsr()
    x_test = hstack([words.transform(pick(test)), chars.transform(pick(test))]).tocsr()
    model = LogisticRegression(C=C, max_iter=2000).fit(x_train, y[train])
    scores[test] = model.decision_function(x_test)

precision, recall, _ = precision_recall_curve(y, scores)
for floor in (0.95, 0.90, 0.85):
    reachable = recall[precision >= floor]
    print(f'best recall at P >= {floor:.2f}: {reachable.max() if len(reachable) else 0:.3f}')
print(f'best precision at R >= 0.85: {precision[recall >= 0.85].max():.3f}')
