namespace InterpAudit.Circuits;

/// <summary>Which weights a pruning pass zeroed: one flag per weight, per layer, row-major.</summary>
internal sealed class PrunedWeights
{
    private readonly bool[][] _zeroed;

    public PrunedWeights(bool[][] zeroed) => _zeroed = zeroed;

    public int LayerCount => _zeroed.Length;

    public bool IsZeroed(int layer, int index) => _zeroed[layer][index];

    public long Count => _zeroed.Sum(l => (long)l.Count(z => z));

    public long CountInLayer(int layer) => _zeroed[layer].Count(z => z);

    /// <summary>
    /// |A ∩ B| / |A ∪ B| of the two zeroed sets; 1 when both are empty (they agree). How far the
    /// fast mode's circuit matches the exact one beyond their sizes.
    /// </summary>
    public double Jaccard(PrunedWeights other)
    {
        long both = 0, either = 0;
        for (int l = 0; l < _zeroed.Length; l++)
            for (int i = 0; i < _zeroed[l].Length; i++)
            {
                bool a = _zeroed[l][i], b = other._zeroed[l][i];
                if (a && b) both++;
                if (a || b) either++;
            }
        return either == 0 ? 1 : (double)both / either;
    }
}
