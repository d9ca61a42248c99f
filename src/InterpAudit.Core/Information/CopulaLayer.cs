namespace InterpAudit.Information;

/// <summary>
/// One layer's units after copula normalisation (spec step 1), each with its own seeded tie-breaking
/// stream, plus what the report needs about them: the tie fraction per unit and which units are
/// constant (skipped: a constant unit carries no information, and its "ranks" would be pure tie-breaking).
/// </summary>
internal sealed class CopulaLayer
{
    private CopulaLayer(string name, int seed, double[]?[] units, double[] tieFractions, int sampleCount)
    {
        Name = name;
        Seed = seed;
        Units = units;
        TieFractions = tieFractions;
        SampleCount = sampleCount;
    }

    public string Name { get; }

    public int Seed { get; }

    public int SampleCount { get; }

    /// <summary>Copula-normalised values per unit; null for a constant unit.</summary>
    public IReadOnlyList<double[]?> Units { get; }

    public double[] TieFractions { get; }

    public IReadOnlyList<double[]> NonConstantUnits => Units.Where(u => u is not null).ToArray()!;

    public int ConstantCount => Units.Count(u => u is null);

    /// <param name="units">Raw unit values, one row of N samples per unit.</param>
    public static CopulaLayer Normalize(string name, IReadOnlyList<double[]> units, int sampleCount, int seed)
    {
        double[] scores = CopulaNormalization.NormalScores(sampleCount);
        var normalized = new double[]?[units.Count];
        var ties = new double[units.Count];
        for (int u = 0; u < units.Count; u++)
        {
            double[] values = units[u];
            if (values.Length != sampleCount)
                throw new ArgumentException($"Unit {u} of layer '{name}' has {values.Length} samples; expected {sampleCount}.", nameof(units));
            ties[u] = CopulaNormalization.TieFraction(values);
            if (CopulaNormalization.IsConstant(values)) continue;
            var random = new Random(SeedDerivation.Derive(seed, "copula-unit:" + name, u));
            normalized[u] = CopulaNormalization.Transform(values, random, scores);
        }
        return new CopulaLayer(name, seed, normalized, ties, sampleCount);
    }

    /// <summary>
    /// The <paramref name="count"/> leading principal components of the non-constant units, each
    /// copula-normalised again (the components of copula data are not exactly Gaussian-marginal).
    /// </summary>
    public double[][] Components(int count)
    {
        double[][] scores = PrincipalComponents.Project(NonConstantUnits, count);
        double[] normalScores = CopulaNormalization.NormalScores(SampleCount);
        return scores.Select((component, c) => CopulaNormalization.Transform(component,
            new Random(SeedDerivation.Derive(Seed, "copula-component:" + Name, c)), normalScores)).ToArray();
    }
}
