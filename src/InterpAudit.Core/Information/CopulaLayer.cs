namespace InterpAudit.Information;

/// <summary>
/// One layer's units after copula normalisation (spec step 1), each with its own seeded tie-breaking
/// stream, plus what the report needs about them: the tie fraction per unit and which units are
/// constant (skipped: a constant unit carries no information, and its "ranks" would be pure tie-breaking).
/// </summary>
internal sealed class CopulaLayer
{
    private readonly IReadOnlyList<double[]> _raw;
    private TieBlocks?[]? _tieBlocks;
    private double[]? _normalScores;

    private CopulaLayer(string name, int seed, double[]?[] units, double[] tieFractions, int sampleCount, IReadOnlyList<double[]> raw,
        TieBlocks?[]? tieBlocks = null, double[]? normalScores = null)
    {
        Name = name;
        Seed = seed;
        Units = units;
        TieFractions = tieFractions;
        SampleCount = sampleCount;
        _raw = raw;
        _tieBlocks = tieBlocks;
        _normalScores = normalScores;
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
        return new CopulaLayer(name, seed, normalized, ties, sampleCount, units, normalScores: scores);
    }

    /// <summary>
    /// The same layer with every tie broken by a fresh draw (<paramref name="draw"/>-th stream derived
    /// from the seed). Tie-breaking is part of the measurement's noise: on the sample's ReLU layers the
    /// layer figure moves by about 0.15 bits from one draw to the next, so the bootstrap redraws the ties
    /// with every resample (<see cref="LayerInformation"/>). Distinct values keep their ranks; only the
    /// order within each block of equal values is reshuffled, uniformly, which is what
    /// <see cref="CopulaNormalization.Transform(ReadOnlySpan{double}, Random)"/> draws too, in O(N) per unit
    /// instead of a sort. Units without ties are shared, not copied.
    /// </summary>
    public CopulaLayer WithTiesRedrawn(int draw)
    {
        int seed = SeedDerivation.Derive(Seed, "tie-draw:" + Name, draw);
        // The bootstrap draws in parallel: the shared caches are built once, whoever asks first.
        double[] normalScores = LazyInitializer.EnsureInitialized(ref _normalScores, () => CopulaNormalization.NormalScores(SampleCount));
        TieBlocks?[] tieBlocks = LazyInitializer.EnsureInitialized(ref _tieBlocks, () => Units.Select((u, i) => u is null ? null : TieBlocks.Of(_raw[i])).ToArray());
        var normalized = new double[]?[Units.Count];
        var order = new int[SampleCount];
        for (int u = 0; u < Units.Count; u++)
        {
            TieBlocks? blocks = tieBlocks[u];
            if (blocks is null) continue; // constant
            if (blocks.Starts.Length == 0)
            {
                normalized[u] = Units[u];
                continue;
            }
            var random = new Random(SeedDerivation.Derive(seed, "copula-unit:" + Name, u));
            blocks.Order.CopyTo(order, 0);
            for (int b = 0; b < blocks.Starts.Length; b++) random.Shuffle(order.AsSpan(blocks.Starts[b], blocks.Lengths[b]));
            var values = new double[SampleCount];
            for (int rank = 0; rank < SampleCount; rank++) values[order[rank]] = normalScores[rank];
            normalized[u] = values;
        }
        return new CopulaLayer(Name, seed, normalized, TieFractions, SampleCount, _raw, tieBlocks, normalScores);
    }

    /// <summary>One unit's samples in ascending order of value, and where the runs of equal values lie.</summary>
    private sealed class TieBlocks
    {
        private TieBlocks(int[] order, int[] starts, int[] lengths)
        {
            Order = order;
            Starts = starts;
            Lengths = lengths;
        }

        public int[] Order { get; }

        public int[] Starts { get; }

        public int[] Lengths { get; }

        public static TieBlocks Of(double[] values)
        {
            double[] keys = (double[])values.Clone();
            int[] order = Enumerable.Range(0, values.Length).ToArray();
            Array.Sort(keys, order);
            List<int> starts = [], lengths = [];
            for (int start = 0; start < keys.Length;)
            {
                int end = start + 1;
                while (end < keys.Length && keys[end] == keys[start]) end++;
                if (end - start > 1)
                {
                    starts.Add(start);
                    lengths.Add(end - start);
                }
                start = end;
            }
            return new TieBlocks(order, [.. starts], [.. lengths]);
        }
    }

    /// <summary>
    /// The <paramref name="count"/> leading principal components of the non-constant units, each
    /// copula-normalised again (the components of copula data are not exactly Gaussian-marginal).
    /// </summary>
    public double[][] Components(int count)
    {
        double[][] scores = PrincipalComponents.Project(NonConstantUnits, count);
        double[] normalScores = LazyInitializer.EnsureInitialized(ref _normalScores, () => CopulaNormalization.NormalScores(SampleCount));
        return scores.Select((component, c) => CopulaNormalization.Transform(component,
            new Random(SeedDerivation.Derive(Seed, "copula-component:" + Name, c)), normalScores)).ToArray();
    }
}
