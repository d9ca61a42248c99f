using InterpAudit.Circuits;

namespace InterpAudit.Tests.Circuits;

public sealed class CircuitAgreementTests
{
    private static PrunedWeights Set(params int[] zeroed)
    {
        var flags = new bool[2][] { new bool[3], new bool[3] };
        foreach (int k in zeroed) flags[k / 3][k % 3] = true;
        return new PrunedWeights(flags);
    }

    [Fact]
    public void Jaccard_is_the_shared_share_of_either_set_across_layers()
    {
        Assert.Equal(1.0 / 3, Set(0, 4).Jaccard(Set(4, 5)), 15); // {0,4} ∩ {4,5} = {4}; ∪ = {0,4,5}
        Assert.Equal(1.0, Set().Jaccard(Set()));
        Assert.Equal(0.0, Set(1).Jaccard(Set(2)));
    }

    [Fact]
    public void Agreement_differences_are_fast_minus_exact_and_means_are_over_classes()
    {
        ClassCircuit Class(string name, long zeroed, PrunedWeights pruned) =>
            new(name, 10, 1 - zeroed / 6.0, zeroed, 6, [zeroed], 0.5, 0.5, 1) { Pruned = pruned };
        CircuitSizeResult Result(string mode, params ClassCircuit[] classes) =>
            new(mode, "", 1e-9, 1000, "fc", ["fc"], 6, classes);
        var exact = Result("exact", Class("a", 2, Set(0, 4)), Class("b", 3, Set(0, 1, 2)));
        var fast = Result("fast", Class("a", 2, Set(4, 5)), Class("b", 1, Set(0)));

        CircuitAgreement agreement = CircuitAgreement.Between(exact, fast);
        Assert.Equal(0.0, agreement.EcsDifference[0], 12);
        Assert.Equal(2.0 / 6, agreement.EcsDifference[1], 12); // 1 − 1/6 against 1 − 3/6
        Assert.Equal(1.0 / 6, agreement.MeanAbsoluteDifference, 12);
        Assert.Equal(2.0 / 6, agreement.MaxAbsoluteDifference, 12);
        Assert.Equal((1.0 / 3 + 1.0 / 3) / 2, agreement.MeanJaccard, 12);
    }
}
