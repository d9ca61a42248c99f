using InterpAudit.Circuits;
using InterpAudit.Sharding;

namespace InterpAudit.Tests.Circuits;

/// <summary>
/// A sharded audit's ECS parts assemble into the whole measurement (issue #19): classes back in
/// ClassNames order whatever order the shards come in, the mean over classes computed from the whole,
/// and parts that are not of one measurement, or miss or repeat a class, refused with a reason.
/// </summary>
public sealed class CircuitPartsTests
{
    private static readonly string[] Names = ["a", "b", "c"];

    private static ClassCircuit Class(string name, long zeroed) => new(name, 10, 1 - zeroed / 10.0, zeroed, 10, [zeroed], 0.5, 0.5, 1);

    private static CircuitSizeResult Sizes(params ClassCircuit[] classes) => new("exact", "criterion", 1e-9, 1000, "fc1 → relu1 → fc2", ["fc1", "fc2"], 10, classes);

    private static object Assemble(params IAssembledFromParts[] parts) => parts[0].Assemble(parts, Names);

    [Fact]
    public void Parts_in_any_order_assemble_in_class_order_and_the_mean_is_over_all_classes()
    {
        // ECS 0.1, 0.2 and 0.6 (9, 8 and 4 of 10 weights zeroed): the mean is 0.3, not the mean of the
        // parts' own means ((0.1 + 0.6) / 2 = 0.35 and 0.2), which would give 0.275.
        IAssembledFromParts first = Sizes(Class("a", 9), Class("c", 4)), second = Sizes(Class("b", 8));
        var whole = (CircuitSizeResult)Assemble(second, first);

        Assert.Equal(Names, whole.Classes.Select(c => c.ClassName));
        Assert.Equal(0.3, whole.MeanEcs, 12);
        Assert.Equal([0, 2], first.PartIndices(Names));
        Assert.Equal(("exact", "fc1 → relu1 → fc2", 10L, 1000), (whole.Mode, whole.Chain, whole.Weights, whole.MaxSamplesPerClass));
        Assert.Equal(["fc1", "fc2"], whole.Layers);
    }

    [Fact]
    public void Agreement_parts_assemble_row_by_row_in_class_order()
    {
        IAssembledFromParts first = new CircuitAgreement(["c"], [0.3], [0.5]), second = new CircuitAgreement(["a", "b"], [-0.1, 0.2], [1.0, 0.25]);
        var whole = (CircuitAgreement)Assemble(first, second);

        Assert.Equal(Names, whole.ClassNames);
        Assert.Equal([-0.1, 0.2, 0.3], whole.EcsDifference);
        Assert.Equal([1.0, 0.25, 0.5], whole.Jaccard);
        Assert.Equal((0.1 + 0.2 + 0.3) / 3, whole.MeanAbsoluteDifference, 12);
    }

    [Fact]
    public void Parts_of_different_measurements_or_with_a_class_missing_or_twice_are_refused()
    {
        Assert.Contains("class \"c\" is in no part", Assert.Throws<InvalidDataException>(() => Assemble(Sizes(Class("a", 1)), Sizes(Class("b", 1)))).Message);
        Assert.Contains("class \"b\" is in two parts",
            Assert.Throws<InvalidDataException>(() => Assemble(Sizes(Class("a", 1), Class("b", 1)), Sizes(Class("b", 1), Class("c", 1)))).Message);
        Assert.Contains("class \"z\" is not one of the audit's classes", Assert.Throws<InvalidDataException>(() => Assemble(Sizes(Class("z", 1)))).Message);
        CircuitSizeResult fast = Sizes(Class("b", 1), Class("c", 1)) with { Mode = "fast" };
        Assert.Contains("the parts' modes differ (exact and fast)", Assert.Throws<InvalidDataException>(() => Assemble(Sizes(Class("a", 1)), fast)).Message);
        CircuitSizeResult otherChain = Sizes(Class("b", 1), Class("c", 1)) with { Layers = ["fc1", "fc3"] };
        Assert.Contains("the parts' layers differ (fc1, fc2 and fc1, fc3)", Assert.Throws<InvalidDataException>(() => Assemble(Sizes(Class("a", 1)), otherChain)).Message);
    }
}
