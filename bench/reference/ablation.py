"""Per-class cluster ablation (spec modularity.md §5) of one Linear layer's outputs, written independently
in numpy: the bench's 784-64-64-10 MLP, fc2's units in clusters, each cluster and n random unit sets of
its size set to zero (zero ablation) or to their evaluation-set means (mean ablation), accuracy per class.

The same variants as the tool's row: one pass for the unit means and the clean logits, then each of
the 1 + 2·k·(1 + n) variants as a change of the logits by the ablated units' share alone (the layer
after them is linear once the ReLU is applied), the formulation issue #18 measured numpy with. float32,
as the model runs. Prints one JSON line: seconds, and each cluster's Δ-accuracy per class for both kinds (the
bench compares them with the tool's). The random sets are numpy's own draw (they are timed, not compared).

Usage: python3 ablation.py FOLDER   (FOLDER/ablation.json gives the shapes and clusters; *.f32 raw float32, labels.i64)
"""
import json
import sys
import time

import numpy as np


def main(folder):
    spec = json.load(open(f"{folder}/ablation.json"))
    n, clusters, random_sets = spec["samples"], spec["clusters"], spec["randomSets"]
    x = np.fromfile(f"{folder}/inputs.f32", dtype=np.float32).reshape(n, -1)
    labels = np.fromfile(f"{folder}/labels.i64", dtype=np.int64)
    layers = {}
    for layer in spec["layers"]:
        w = np.fromfile(f"{folder}/{layer['name']}.weight.f32", dtype=np.float32).reshape(layer["outputs"], layer["inputs"])
        b = np.fromfile(f"{folder}/{layer['name']}.bias.f32", dtype=np.float32)
        layers[layer["name"]] = (w, b)
    classes = int(spec["classes"])
    started = time.perf_counter()

    w1, b1 = layers["fc1"]
    w2, b2 = layers["fc2"]
    w3, b3 = layers["fc3"]
    z2 = np.maximum(x @ w1.T + b1, 0) @ w2.T + b2  # fc2's output: the ablated layer
    means = z2.mean(axis=0)
    totals = np.bincount(labels, minlength=classes)

    def correct(logits):
        predicted = logits.argmax(axis=1)
        return np.bincount(labels[predicted == labels], minlength=classes)

    a2 = np.maximum(z2, 0)
    logits = a2 @ w3.T + b3
    clean = correct(logits)
    rng = np.random.default_rng(0)
    units = z2.shape[1]
    deltas = {}
    for kind in ("zero", "mean"):
        deltas[kind] = []
        for cluster in clusters:
            sets = [cluster] + [sorted(rng.choice(units, len(cluster), replace=False)) for _ in range(random_sets)]
            for s, members in enumerate(sets):
                # Only the ablated units' share of the logits changes: subtract it, add the replacement's.
                replaced = 0 if kind == "zero" else np.maximum(means[members], 0)
                counts = correct(logits - (a2[:, members] - replaced) @ w3[:, members].T)
                if s == 0:
                    deltas[kind].append(((counts - clean) / np.maximum(totals, 1)).tolist())
    print(json.dumps({"seconds": time.perf_counter() - started, "deltas": deltas, "clean": clean.tolist()}))


if __name__ == "__main__":
    main(sys.argv[1])
