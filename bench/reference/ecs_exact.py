"""ECS exact mode (spec modularity.md §4) for a ReLU MLP, written independently in numpy float64.

The bench writes one class's samples and the chain's weights into a folder; this script prunes them the
way Golechha et al. define it (layers last to first, each weight in row-major order, keep the zero if
the class's mean cross-entropy stays within 1e-9 of the original's) and prints one JSON line with its
time and result. It follows a trial only through downstream weights that are still non-zero and skips
samples whose input to the weight is zero: the shortcuts issue #18 measured the tool against.

Usage: python3 ecs_exact.py FOLDER   (FOLDER/chain.json names the layers and shapes; *.f64 are raw float64)
"""
import json
import sys
import time

import numpy as np


def cross_entropy(logits, label):
    top = logits.max(axis=1, keepdims=True)
    return (top[:, 0] + np.log(np.exp(logits - top).sum(axis=1))) - logits[:, label]


def relu(z):
    return np.maximum(z, 0.0)


def main(folder):
    spec = json.load(open(f"{folder}/chain.json"))
    n, label = spec["samples"], spec["label"]
    x = np.fromfile(f"{folder}/inputs.f64").reshape(n, -1)
    weights, biases = [], []
    for layer in spec["layers"]:
        weights.append(np.fromfile(f"{folder}/{layer['name']}.weight.f64").reshape(layer["outputs"], layer["inputs"]).copy())
        biases.append(np.fromfile(f"{folder}/{layer['name']}.bias.f64"))
    depth = len(weights)
    started = time.perf_counter()

    z, a = [], []
    h = x
    for l in range(depth):
        z.append(h @ weights[l].T + biases[l])
        a.append(relu(z[l]) if l < depth - 1 else z[l])
        h = a[l]
    loss = cross_entropy(z[-1], label)
    original = loss.sum() / n
    bound = original + 1e-9 * abs(original)
    total = loss.sum()
    trials = 0

    for l in range(depth - 1, -1, -1):
        w = weights[l]
        inputs = x if l == 0 else a[l - 1]
        lit = [np.nonzero(inputs[:, i])[0] for i in range(w.shape[1])]
        # Units of layer l (and later) that still reach the logits through non-zero weights.
        reach = [None] * depth
        reach[depth - 1] = np.ones(w.shape[0] if l == depth - 1 else weights[-1].shape[0], dtype=bool)
        for m in range(depth - 1, l, -1):
            reach[m - 1] = (weights[m][reach[m]] != 0).any(axis=0)
        for o in range(w.shape[0]):
            if not reach[l][o]:
                admitted = total / n <= bound
                for i in range(w.shape[1]):
                    if w[o, i] != 0 and len(lit[i]) > 0 and not admitted:
                        continue
                    w[o, i] = 0.0
                continue
            for i in range(w.shape[1]):
                wi = w[o, i]
                rows = lit[i]
                if wi == 0 or len(rows) == 0:
                    w[o, i] = 0.0
                    continue
                trials += 1
                zo = z[l][rows, o] - wi * inputs[rows, i]
                if l == depth - 1:
                    logits = z[l][rows].copy()
                    logits[:, o] = zo
                    new = cross_entropy(logits, label)
                    changed = rows
                    updates = [(l, rows, o, zo)]
                else:
                    moved = relu(zo) - a[l][rows, o]
                    keep = moved != 0
                    changed = rows[keep]
                    change = moved[keep]
                    updates = [(l, rows, o, zo)]
                    sources = np.array([o])
                    changes = change[:, None]
                    for m in range(l + 1, depth):
                        live = np.nonzero(reach[m])[0]
                        sub = weights[m][np.ix_(live, sources)]
                        targets = live[(sub != 0).any(axis=1)]
                        zm = z[m][np.ix_(changed, targets)] + changes @ weights[m][np.ix_(targets, sources)].T
                        if m == depth - 1:
                            logits = z[m][changed].copy()
                            logits[:, targets] = zm
                            new = cross_entropy(logits, label)
                            updates.append((m, changed, targets, zm))
                            break
                        updates.append((m, changed, targets, zm))
                        changes = relu(zm) - a[m][np.ix_(changed, targets)]
                        sources = targets
                delta = (new - loss[changed]).sum()
                if (total + delta) / n > bound:
                    continue
                w[o, i] = 0.0
                for m, r, units, values in updates:
                    if m == l:
                        z[m][r, units] = values
                        a[m][r, units] = relu(values) if m < depth - 1 else values
                    else:
                        z[m][np.ix_(r, np.atleast_1d(units))] = values
                        a[m][np.ix_(r, np.atleast_1d(units))] = relu(values) if m < depth - 1 else values
                loss[changed] = new
                total = loss.sum()
    zero_count = sum(int((wl == 0).sum()) for wl in weights)
    count = sum(wl.size for wl in weights)
    print(json.dumps({
        "seconds": time.perf_counter() - started,
        "ecs": 1 - zero_count / count,
        "trials": trials,
        "prunedLoss": total / n,
    }))


if __name__ == "__main__":
    main(sys.argv[1])
