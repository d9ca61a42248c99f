namespace InterpAudit.Circuits;

/// <summary>
/// ECS's fast mode (spec modularity.md §4): order the weights by attribution |w · ∂L/∂w| at the
/// unpruned model, smallest first (ties in the exact mode's visiting order: last layer first,
/// row-major), and find by bisection how many of them can be zeroed together while the class's mean
/// cross-entropy meets the same <see cref="LossCriterion"/> as the exact mode.
/// </summary>
/// <remarks>
/// The loss is not monotone in how many weights are pruned, so the bisection returns a boundary k
/// (k passes, k + 1 fails), not necessarily the largest passing k: about log₂(#weights) forward
/// passes instead of one trial per weight. Its agreement with the exact mode is measured, not assumed.
/// </remarks>
internal static class AttributionCircuitPruning
{
    public static PruningOutcome Run(LinearChain chain, ClassInputs samples, double relativeTolerance = LossCriterion.DefaultRelativeTolerance)
    {
        int layers = chain.Layers.Count;
        if (samples.Count == 0)
            return new PruningOutcome(new PrunedWeights(chain.Layers.Select(l => new bool[l.WeightCount]).ToArray()), double.NaN, double.NaN, 0);

        double[][] attribution = WeightAttribution.Measure(chain, samples);
        var order = new List<(int Layer, int Index)>();
        for (int l = layers - 1; l >= 0; l--)
            for (int k = 0; k < chain.Layers[l].WeightCount; k++)
                order.Add((l, k));
        // A stable sort keeps the visiting order among equal attributions (List.Sort is not stable).
        (int Layer, int Index)[] ranked = order.OrderBy(w => attribution[w.Layer][w.Index]).ToArray();

        double original = ChainActivations.Compute(chain, chain.CopyWeights(), samples).MeanLoss;
        var criterion = new LossCriterion(original, relativeTolerance);
        long evaluations = 1;
        double LossWithFirst(int count)
        {
            evaluations++;
            double[][] weights = chain.CopyWeights();
            for (int r = 0; r < count; r++) weights[ranked[r].Layer][ranked[r].Index] = 0;
            return ChainActivations.Compute(chain, weights, samples).MeanLoss;
        }

        int passing = 0, failing = ranked.Length;
        double passingLoss = original;
        double all = LossWithFirst(ranked.Length);
        if (criterion.Admits(all))
        {
            passing = ranked.Length;
            passingLoss = all;
        }
        while (failing - passing > 1)
        {
            int middle = passing + (failing - passing) / 2;
            double loss = LossWithFirst(middle);
            if (criterion.Admits(loss))
            {
                passing = middle;
                passingLoss = loss;
            }
            else
            {
                failing = middle;
            }
        }

        bool[][] zeroed = chain.Layers.Select(l => new bool[l.WeightCount]).ToArray();
        for (int r = 0; r < passing; r++) zeroed[ranked[r].Layer][ranked[r].Index] = true;
        return new PruningOutcome(new PrunedWeights(zeroed), original, passingLoss, evaluations);
    }
}
