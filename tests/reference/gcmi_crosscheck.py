# Independent cross-check of the sample's I(relu1; Y): raw npm JSON + TorchSharp weights parsed by hand,
# numpy/scipy reimplementation of copnorm -> PCA(16) -> copnorm -> gcmi_model_cd (Ince et al. 2017).
import json, struct, sys, numpy as np
from scipy.special import ndtri, psi

def leb(f):
    r = s = 0
    while True:
        b = f.read(1)[0]; r |= (b & 0x7f) << s; s += 7
        if not b & 0x80: return r

def weights(path):
    out = {}
    with open(path, 'rb') as f:
        for _ in range(leb(f)):
            name = f.read(leb(f)).decode(); dtype = leb(f); rank = leb(f)
            shape = [leb(f) for _ in range(rank)]; n = int(np.prod(shape))
            assert dtype == 6
            out[name] = np.frombuffer(f.read(4 * n), dtype='<f4').reshape(shape).astype(np.float64)
    return out

def copnorm(x, rng):
    n = x.shape[1]; out = np.empty_like(x)
    for i in range(x.shape[0]):
        order = np.lexsort((rng.random(n), x[i]))   # random tie-breaking
        ranks = np.empty(n); ranks[order] = np.arange(1, n + 1)
        out[i] = ndtri(ranks / (n + 1))
    return out

def ent_terms(x, n):
    d = x.shape[0]; xc = x - x.mean(1, keepdims=True)
    c = xc @ xc.T / (n - 1); h = np.log(np.diag(np.linalg.cholesky(c))).sum()
    bias = d * (np.log(2) - np.log(n - 1)) / 2 + psi((n - np.arange(1, d + 1)) / 2).sum() / 2
    return h, bias

def gcmi_model_cd(x, y, k):
    n = x.shape[1]; h, b = ent_terms(x, n); hc = bc = 0.0
    for c in range(k):
        xc = x[:, y == c]; w = xc.shape[1] / n; hh, bb = ent_terms(xc, xc.shape[1]); hc += w * hh; bc += w * bb
    return ((h - hc) - (b - bc)) / np.log(2), (h - hc) / np.log(2)

root = sys.argv[1]
W = weights(root + '/obj/mnist-mlp.weights')
xs, ys, pos = [], [], 0
for label in range(10):
    flat = np.array(json.load(open(f'{root}/obj/mnist/package/src/digits/{label}.json'))['data'])
    for img in flat.reshape(-1, 784):
        if pos % 5 == 4: xs.append(np.round(img * 255) / 255); ys.append(label)
        pos += 1
X, y = np.array(xs), np.array(ys)
relu1 = np.maximum(0, X @ W['fc1.weight'].T + W['fc1.bias'])
relu2 = np.maximum(0, relu1 @ W['fc2.weight'].T + W['fc2.bias'])
logits = relu2 @ W['fc3.weight'].T + W['fc3.bias']
print('accuracy', (logits.argmax(1) == y).mean(), 'per class correct', [int(((logits.argmax(1) == y) & (y == c)).sum()) for c in range(10)])
print('H(Y) bits', -sum((y == c).mean() * np.log2((y == c).mean()) for c in range(10)))
for name, t in [('relu1', relu1), ('relu2', relu2), ('fc3', logits)]:
    vals = []
    for seed in range(3):
        rng = np.random.default_rng(seed)
        units = t.T[np.ptp(t.T, axis=1) > 0]
        z = copnorm(units, rng)
        zc = z - z.mean(1, keepdims=True)
        u, s, vt = np.linalg.svd(zc, full_matrices=False)
        comps = copnorm((u[:, :16].T @ zc), rng)
        vals.append(gcmi_model_cd(comps, y, 10))
    print(name, 'units', units.shape[0], 'I(PCA16;Y) corrected/uncorrected bits', [(round(a, 4), round(b, 4)) for a, b in vals])
