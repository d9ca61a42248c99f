"""The Local Interaction Basis (spec lib.md) of a ReLU MLP's layers, written independently in PyTorch.

The bench writes the model's modules (Linear weights as raw float32, ReLUs by name), the evaluation inputs
and the audited layers into a folder; this script follows the spec's algorithm literally and prints one JSON
line with its time and figures, which the bench compares with the tool's:

- moments: every audited layer's activations and the logits, collected whole, mean and covariance in float64;
- backwards from the output (C^L = I): PCA of the layer (eigenvalues above tau * max), then per batch one
  backward pass of sum_n f^(l+1)_i(x_n) per next-layer feature i (the network runs in float32, as the model
  does; gradients are stacked and M' = sum g g^T accumulated in float64), M = R+ M' R+^T, its eigenvectors,
  C = R V Lambda^(1/2) and C+ = Lambda^(-1/2) V^T R+;
- edges (spec "Interaction edges"): PCA edges at the activations, through the next layer's PCA features;
  LIB edges with the layer's value replaced by mu + ((x - mu) C) C+, through the next layer's LIB features.
  Column 0 is the constant feature: the part of f^(l+1)_i that the features' linear terms do not explain.

One thread (torch.set_num_threads(1), and the bench sets OMP/MKL/OpenBLAS to one thread), as the tool's row.
Prints: seconds (wall, from the first forward pass to the last edge), cpuSeconds (this process's CPU time
over the same span), gemm32 (this torch's float32 GEMM rate, measured before and not timed: Debian's
python3-torch uses the system BLAS, netlib's unless OpenBLAS is installed, which bounds its speed), and per layer its feature counts and spectra, per pair its edges90 and edge masses.

Usage: python3 lib.py FOLDER   (FOLDER/lib.json gives the modules, shapes, layers, batch and tau; *.f32 raw float32)
"""
import json
import sys
import time

import torch


def load(folder):
    spec = json.load(open(f"{folder}/lib.json"))
    modules = []
    for module in spec["modules"]:
        if module["kind"] == "linear":
            w = torch.from_numpy(_floats(f"{folder}/{module['name']}.weight.f32")).reshape(module["outputs"], module["inputs"])
            b = torch.from_numpy(_floats(f"{folder}/{module['name']}.bias.f32"))
            modules.append((module["name"], lambda x, w=w, b=b: torch.nn.functional.linear(x, w, b)))
        elif module["kind"] == "relu":
            modules.append((module["name"], torch.relu))
        else:
            raise ValueError(f"unknown module kind {module['kind']}")
    x = torch.from_numpy(_floats(f"{folder}/inputs.f32")).reshape(spec["samples"], -1)
    return spec, modules, x


def _floats(path):
    import numpy as np
    return np.fromfile(path, dtype=np.float32)


def run(modules, x, start, stop):
    """Modules start..stop-1 (indices into the model's sequence) applied to x."""
    for _, module in modules[start:stop]:
        x = module(x)
    return x


def eigh_descending(symmetric):
    values, vectors = torch.linalg.eigh(symmetric)
    return values.flip(0), vectors.flip(1)


def kept(values, tau):
    return int((values > tau * values[0]).sum()) if values.numel() and values[0] > 0 else 0


def gradients(heads, leaf):
    """Row i: d heads[i] / d leaf, one backward pass each, as float64 [features, samples, units]."""
    rows = [torch.autograd.grad(heads[i], leaf, retain_graph=True)[0].double() for i in range(heads.shape[0])]
    return torch.stack(rows) if rows else torch.zeros(0, *leaf.shape, dtype=torch.float64)


def accumulate_edges(edges, feature_gradients, features, values):
    """edges[i, 1 + j] += sum_n (d f_i / d feature_j * feature_j)^2; edges[i, 0] += sum_n (f_i - sum_j ...)^2."""
    terms = feature_gradients * features.unsqueeze(0)          # [targets, samples, sources]
    edges[:, 1:] += (terms ** 2).sum(dim=1)
    edges[:, 0] += ((values.t() - terms.sum(dim=2)) ** 2).sum(dim=1)


def edges90(edges):
    masses = torch.sort(edges[:, 1:].flatten(), descending=True).values
    total = masses.sum()
    if not total > 0:
        return 0
    return int((torch.cumsum(masses, 0) < 0.9 * total).sum()) + 1


def gemm_rate(size=512):
    """This torch's float32 GEMM rate in GFLOP/s (Debian's links the system BLAS, netlib's by default)."""
    a, b = torch.rand(size, size), torch.rand(size, size)
    a @ b
    started = time.perf_counter()
    for _ in range(3):
        a @ b
    return 3 * 2 * size ** 3 / (time.perf_counter() - started) / 1e9


def main(folder):
    torch.set_num_threads(1)
    spec, modules, x = load(folder)
    rate = gemm_rate()
    names = [name for name, _ in modules]
    audited = sorted(spec["layers"], key=names.index)
    index = {name: names.index(name) for name in audited}
    batch, tau, n = spec["batch"], spec["tau"], x.shape[0]
    batches = [x[s:s + batch] for s in range(0, n, batch)]
    started, cpu_started = time.perf_counter(), time.process_time()

    # Moments (spec steps 1-2): every audited layer's activations and the logits, whole, in float64.
    with torch.no_grad():
        collected = {name: [] for name in audited + ["output"]}
        for b in batches:
            h, at = b, 0
            for name in audited:
                h = run(modules, h, at, index[name] + 1)
                at = index[name] + 1
                collected[name].append(h.double())
            collected["output"].append(run(modules, h, at, len(modules)).double())
    layers = {}
    for name, chunks in collected.items():
        a = torch.cat(chunks)
        mean = a.mean(dim=0)
        centred = a - mean
        layers[name] = {"mean": mean, "units": a.shape[1]}
        if name != "output":
            variances, axes = eigh_descending(centred.t() @ centred / n)
            r = kept(variances, tau)
            layers[name].update(variances=variances[:r], axes=axes[:, :r])
    out = layers["output"]
    out["C"] = out["axes"] = torch.eye(out["units"], dtype=torch.float64)

    results, interactions = [], []
    for position in range(len(audited) - 1, -1, -1):
        name = audited[position]
        nxt = layers[audited[position + 1]] if position + 1 < len(audited) else out
        stop = index[audited[position + 1]] + 1 if position + 1 < len(audited) else len(modules)
        layer = layers[name]
        mean, axes, variances = layer["mean"], layer["axes"], layer["variances"]

        def section_batches(substitute):
            """Per batch: the layer's activation (float64), the leaf the section starts from, its output."""
            for b in batches:
                with torch.no_grad():
                    a = run(modules, b, 0, index[name] + 1)
                leaf = substitute(a).detach().requires_grad_(True)
                yield a.double(), leaf, run(modules, leaf, index[name] + 1, stop)

        # Pass 1: M' (spec step 3) and the PCA edges, at the activations themselves.
        m_prime = torch.zeros(layer["units"], layer["units"], dtype=torch.float64)
        pca_edges = torch.zeros(nxt["axes"].shape[1], 1 + axes.shape[1], dtype=torch.float64)
        for a, leaf, y in section_batches(lambda a: a):
            total = y.sum(dim=0)
            j_lib = gradients(total @ nxt["C"].float(), leaf)
            j_pca = j_lib if nxt["C"] is nxt["axes"] else gradients(total @ nxt["axes"].float(), leaf)
            rows = j_lib.reshape(-1, layer["units"])
            m_prime += rows.t() @ rows
            values = (y.detach().double() - nxt["mean"]) @ nxt["axes"]
            accumulate_edges(pca_edges, j_pca @ axes, (a - mean) @ axes, values)
        pca_edges /= n

        # Steps 2 and 4: whiten, rotate into M's eigenvectors, scale by sqrt(Lambda).
        r_plus = variances.sqrt().unsqueeze(1) * axes.t()
        m = r_plus @ (m_prime / n) @ r_plus.t()
        lam, v = eigh_descending((m + m.t()) / 2)
        k = kept(lam, tau)
        lam, v = lam[:k], v[:, :k]
        c = (axes * variances.rsqrt()) @ v * lam.sqrt()
        c_plus = (lam.rsqrt().unsqueeze(1) * v.t()) @ r_plus
        layer.update(C=c)

        # Pass 2: the LIB edges through the projection onto the kept features.
        lib_edges = torch.zeros(nxt["C"].shape[1], 1 + k, dtype=torch.float64)
        project = lambda a: (((a.double() - mean) @ c @ c_plus) + mean).float()
        for a, leaf, y in section_batches(project):
            j = gradients(y.sum(dim=0) @ nxt["C"].float(), leaf)
            values = (y.detach().double() - nxt["mean"]) @ nxt["C"]
            accumulate_edges(lib_edges, j @ c_plus.t(), (a - mean) @ c, values)
        lib_edges /= n

        results.append({"layer": name, "units": layer["units"], "libFeatures": k, "pcaFeatures": axes.shape[1],
                        "libSpectrum": lam.tolist(), "pcaSpectrum": variances.tolist()})
        lib90, pca90 = edges90(lib_edges), edges90(pca_edges)
        interactions.append({"from": name, "to": audited[position + 1] if position + 1 < len(audited) else "output",
                             "libEdges90": lib90, "pcaEdges90": pca90,
                             "libEdgeMass": float(lib_edges[:, 1:].sum()), "pcaEdgeMass": float(pca_edges[:, 1:].sum()),
                             "libConstantEdgeMass": float(lib_edges[:, 0].sum()), "pcaConstantEdgeMass": float(pca_edges[:, 0].sum())})

    print(json.dumps({"seconds": time.perf_counter() - started, "cpuSeconds": time.process_time() - cpu_started,
                      "threads": torch.get_num_threads(), "torch": torch.__version__, "gemm32": rate,
                      "layers": results[::-1], "interactions": interactions[::-1]}))


if __name__ == "__main__":
    main(sys.argv[1])
