using InterpAudit.Capture;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Lib;

/// <summary>
/// The linear algebra of spec lib.md steps 2 and 4, on float64 tensors on the audit's device.
/// Eigendecompositions use <c>torch.linalg.eigh</c> in float64 rather than MathNet: the matrices are
/// already on the device (a GPU audit copies nothing to the host), they are symmetric by construction,
/// and LAPACK's symmetric solver is what the reference code uses too.
/// </summary>
internal static class LibBasis
{
    /// <summary>
    /// Negative eigenvalues of a positive semi-definite matrix larger than this (relative to the largest)
    /// are not round-off but a bug upstream (spec "Pitfalls": check before taking |λ|).
    /// </summary>
    private const double RoundOff = 1e-8;

    /// <summary>
    /// Step 2, the non-constant block: Σ = U D Uᵀ, eigenvalues descending, those below τ · max(D) dropped.
    /// The constant direction is kept separate (it is the first LIB feature, f̂₀ = 1), so τ is relative to
    /// the largest variance, not to the constant's 1: rescaling a layer changes nothing that is kept.
    /// </summary>
    public static (Tensor Axes, Tensor Variances) PrincipalAxes(Tensor covariance, double tau)
    {
        (Tensor values, Tensor vectors) = SymmetricEigen(covariance);
        double max = values[0].item<double>();
        if (!(max > 0)) return (vectors.narrow(1, 0, 0), values.narrow(0, 0, 0));
        int kept = Kept(values, tau * max);
        return (vectors.narrow(1, 0, kept), values.narrow(0, 0, kept));
    }

    /// <summary>
    /// Steps 2–4 for one layer. R = U D^{-1/2} whitens the centred activations, R⁺ = D^{1/2} Uᵀ;
    /// M = R⁺ M' R⁺ᵀ is the Jacobian Gram in whitened coordinates; M = V Λ Vᵀ, descending, Λ below
    /// τ · max(Λ) dropped; C = R V Λ^{1/2} (so feature k has variance Λ_k) and C⁺ = Λ^{-1/2} Vᵀ R⁺, the
    /// inverse of C on the kept directions that the edges are taken through.
    /// </summary>
    public static (Tensor C, Tensor CPlus, Tensor Lambda) Rotate(Tensor axes, Tensor variances, Tensor jacobianGram, double tau)
    {
        Tensor r = axes * variances.rsqrt().unsqueeze(0);
        Tensor rPlus = variances.sqrt().unsqueeze(1) * axes.t();
        Tensor m = rPlus.matmul(jacobianGram).matmul(rPlus.t());
        (Tensor lambda, Tensor v) = SymmetricEigen((m + m.t()).div(HeldScalars.Two));
        double max = lambda.numel() > 0 ? lambda[0].item<double>() : 0;
        int kept = max > 0 ? Kept(lambda, tau * max) : 0;
        lambda = lambda.narrow(0, 0, kept);
        v = v.narrow(1, 0, kept);
        Tensor c = r.matmul(v) * lambda.sqrt().unsqueeze(0);
        Tensor cPlus = (lambda.rsqrt().unsqueeze(1) * v.t()).matmul(rPlus);
        return (c, cPlus, lambda);
    }

    /// <summary>The fewest leading entries of a descending spectrum that hold <paramref name="fraction"/> of its sum.</summary>
    public static int FeaturesHolding(IReadOnlyList<double> descending, double fraction)
    {
        double total = descending.Sum();
        if (!(total > 0)) return 0;
        double running = 0;
        for (int k = 0; k < descending.Count; k++)
        {
            running += descending[k];
            if (running >= fraction * total) return k + 1;
        }
        return descending.Count;
    }

    /// <summary>Spec "edges90": the fewest edges holding <paramref name="fraction"/> of the mass (0 when there is none).</summary>
    public static int EdgesHolding(IEnumerable<double> masses, double fraction) =>
        FeaturesHolding(masses.OrderByDescending(m => m).ToArray(), fraction);

    /// <summary>Eigenvalues descending with their vectors; fails on negative eigenvalues beyond round-off.</summary>
    private static (Tensor Values, Tensor Vectors) SymmetricEigen(Tensor symmetric)
    {
        (Tensor values, Tensor vectors) = linalg.eigh(symmetric);
        values = values.flip(0);
        vectors = vectors.flip(1);
        if (values.numel() == 0) return (values, vectors);
        double max = values[0].item<double>(), min = values[-1].item<double>();
        if (min < -RoundOff * Math.Max(max, 0) && min < -1e-300)
            throw new InvalidOperationException(
                $"A Gram matrix has eigenvalue {min:G3} against a largest of {max:G3}: more negative than float64 round-off, so it is not positive semi-definite.");
        return (values, vectors);
    }

    private static int Kept(Tensor descending, double floor)
    {
        using Scalar threshold = floor.ToScalar(); // held across the call (HeldScalars)
        using Tensor above = descending.gt(threshold);
        return (int)above.sum().item<long>();
    }
}
