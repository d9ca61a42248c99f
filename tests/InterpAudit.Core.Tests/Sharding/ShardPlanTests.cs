using InterpAudit.Checks;
using InterpAudit.Results;
using InterpAudit.Sharding;

namespace InterpAudit.Core.Tests.Sharding;

public sealed class ShardPlanTests
{
    private static PlannedMeasurement M(string key, double cost) => new(MeasurementId.Of(key), cost);

    private static IReadOnlyList<PlannedMeasurement>[] Declarations(params PlannedMeasurement[][] declarations) => declarations;

    [Fact]
    public void Declarations_that_share_a_measurement_form_one_unit_with_each_measurement_counted_once()
    {
        // a is shared by declarations 0 and 2, c by 2 and 4: {0, 2, 4} is one unit, b and d are alone.
        var plan = ShardPlan.Build(Declarations([M("a", 1)], [M("b", 1)], [M("a", 1), M("c", 2)], [M("d", 1)], [M("c", 2)]), shards: 1);

        Assert.Equal(["a + c", "b", "d"], plan.Select(u => u.Id));
        Assert.Equal([0, 2, 4], plan[0].Declarations);
        Assert.Equal(["a", "c"], plan[0].Measurements);
        Assert.Equal(3, plan[0].Cost); // 1 + 2, not 1 + 1 + 2 + 2
        Assert.All(plan, u => Assert.Equal(1, u.Shard));
    }

    [Fact]
    public void Units_go_longest_first_to_the_least_loaded_shard()
    {
        // By hand: 7 → 1; 5 → 2; 4 → 2 (5 < 7, load 9); 3 → 1 (7 < 9, load 10); 1 → 2 (9 < 10, load 10).
        var plan = ShardPlan.Build(Declarations([M("u3", 3)], [M("u7", 7)], [M("u1", 1)], [M("u5", 5)], [M("u4", 4)]), shards: 2);

        Assert.Equal([1, 1, 2, 2, 2], new[] { "u7", "u3", "u5", "u4", "u1" }.Select(id => plan.Single(u => u.Id == id).Shard));
        Assert.Equal([10.0, 10.0], new[] { 1, 2 }.Select(s => plan.Where(u => u.Shard == s).Sum(u => u.Cost)));
    }

    [Fact]
    public void A_second_audit_starts_from_the_first_ones_loads_so_the_two_are_balanced_together()
    {
        // A first audit of only a big unit (9) leaves loads 9, 0. The second starts from them: 9 → 2 (0 < 9);
        // 4 → 1 (9 = 9: the lower); 3 → 2 (9 < 13); 2 → 2 (12 < 13). Planned alone, its 9 would go to shard 1 too.
        var first = ShardPlan.Build(Declarations([M("big", 9)]), 2);
        double[] loads = ShardPlan.Loads(first, [0, 0]);
        Assert.Equal([9.0, 0.0], loads);
        var second = ShardPlan.Build(Declarations([M("ecs", 9)], [M("a", 4)], [M("b", 3)], [M("c", 2)]), 2, loads);
        Assert.Equal([2, 1, 2, 2], second.Select(u => u.Shard));
        Assert.Equal([13.0, 14.0], ShardPlan.Loads(second, loads));
    }

    [Fact]
    public void Equal_costs_are_ordered_by_id_not_by_declaration_order()
    {
        var forward = ShardPlan.Build(Declarations([M("x", 1)], [M("y", 1)]), shards: 2);
        var backward = ShardPlan.Build(Declarations([M("y", 1)], [M("x", 1)]), shards: 2);

        Assert.Equal(1, forward.Single(u => u.Id == "x").Shard);
        Assert.Equal(1, backward.Single(u => u.Id == "x").Shard);
        Assert.Equal(2, backward.Single(u => u.Id == "y").Shard);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void Every_unit_gets_exactly_one_shard_and_the_units_do_not_depend_on_the_shard_count(int shards)
    {
        var declarations = Declarations([M("a", 2)], [M("b", 5)], [M("a", 2), M("c", 1)], [M("d", 0)]);
        var plan = ShardPlan.Build(declarations, shards);

        Assert.Equal(ShardPlan.Build(declarations, 1).Select(u => u.Id), plan.Select(u => u.Id));
        Assert.All(plan, u => Assert.InRange(u.Shard, 1, shards));
        Assert.Equal(Enumerable.Range(0, 4), plan.SelectMany(u => u.Declarations).Order());
    }

    private static PlannedMeasurement ByClass(string key, int classes, double cost) => M(key, cost) with { Parts = PlannedParts.ByClass(classes, cost) };

    [Fact]
    public void Ten_classes_of_equal_cost_over_three_shards_are_dealt_round_robin_for_loads_of_4_3_3()
    {
        // LPT by hand: every part costs 1, so ties go by id ("(class 0)" … "(class 9)") to the least
        // loaded shard, the lowest on a tie: 0 → 1, 1 → 2, 2 → 3, 3 → 1, … 9 → 1.
        var plan = ShardPlan.Build(Declarations([ByClass("ecs", 10, 10)]), shards: 3);

        Assert.Equal(Enumerable.Range(0, 10).Select(c => $"ecs (class {c})"), plan.Select(u => u.Id));
        Assert.Equal([1, 2, 3, 1, 2, 3, 1, 2, 3, 1], plan.Select(u => u.Shard));
        Assert.Equal([4.0, 3.0, 3.0], ShardPlan.Loads(plan, [0, 0, 0]));
        Assert.All(plan, u => Assert.Equal([0], u.Declarations));
        Assert.Equal(Enumerable.Range(0, 10), plan.Select(u => u.Part!.First));
        Assert.All(plan, u => Assert.Equal(u.Part!.First, u.Part.Last));
    }

    [Fact]
    public void A_unit_splits_only_when_every_measurement_of_it_splits_along_the_same_axis_into_as_many_parts()
    {
        // exact and agreement (shared by declarations 0 and 1) split alike: one unit per class with both
        // keys, costing the sum of their class shares (6/3 + 3/3 = 3). The ablation shares a key with a
        // whole measurement (its co-clustering), so its unit stays whole.
        var plan = ShardPlan.Build(Declarations(
            [ByClass("exact", 3, 6)], [ByClass("exact", 3, 6), ByClass("agreement", 3, 3)],
            [M("modularity", 2), ByClass("ablation", 3, 3)]), shards: 1);

        Assert.Equal(["exact + agreement (class 0)", "exact + agreement (class 1)", "exact + agreement (class 2)", "modularity + ablation"], plan.Select(u => u.Id));
        Assert.All(plan.Take(3), u => Assert.Equal(3.0, u.Cost));
        Assert.All(plan.Take(3), u => Assert.Equal([0, 1], u.Declarations));
        Assert.Equal(5.0, plan[3].Cost);
        Assert.Null(plan[3].Part);
        // A measurement of one class, or parts of different lengths, leave the unit whole.
        Assert.Null(Assert.Single(ShardPlan.Build(Declarations([ByClass("one", 1, 4)]), 2)).Part);
        Assert.Null(Assert.Single(ShardPlan.Build(Declarations([ByClass("a", 3, 3)], [ByClass("b", 4, 4), ByClass("a", 3, 3)]), 2)).Part);
    }

    private static PlannedMeasurement ByCluster(string key, int clusters, double perCluster, double perPart) =>
        M(key, perPart + clusters * perCluster) with { Parts = new PlannedParts(PlannedParts.Clusters, Enumerable.Repeat(perCluster, clusters).ToArray(), perPart) };

    [Fact]
    public void An_ablation_splits_by_cluster_into_parts_whose_share_at_least_equals_what_each_part_repeats()
    {
        // Each part repeats the co-clustering (3) and the means pass (1): 4. The 8 clusters' variants
        // (2 each, 16 in all) make ⌊16 / 4⌋ = 4 parts of 2 clusters, each 4 + 2·2 = 8.
        var plan = ShardPlan.Build(Declarations([M("modularity", 3) with { Prerequisite = true }, ByCluster("ablation", 8, 2, 1)]), shards: 4);

        Assert.Equal(["modularity + ablation (clusters 0–1)", "modularity + ablation (clusters 2–3)", "modularity + ablation (clusters 4–5)", "modularity + ablation (clusters 6–7)"],
            plan.Select(u => u.Id));
        Assert.All(plan, u => Assert.Equal(8.0, u.Cost));
        Assert.All(plan, u => Assert.Equal(["modularity"], u.Prerequisites!));
        Assert.All(plan, u => Assert.True(u.Splits("ablation") && !u.Splits("modularity")));
        Assert.Equal([1, 2, 3, 4], plan.Select(u => u.Shard));

        // Variants worth less than the repeated work (2 clusters × 1 < 4) leave the unit whole, at its summed cost 3 + 1 + 2.
        PlannedUnit cheap = Assert.Single(ShardPlan.Build(Declarations([M("modularity", 3) with { Prerequisite = true }, ByCluster("ablation", 2, 1, 1)]), shards: 2));
        Assert.Null(cheap.Part);
        Assert.Null(cheap.Prerequisites);
        Assert.Equal(6.0, cheap.Cost);
        // A prerequisite alone never splits a unit, and a measurement without parts beside it keeps the unit whole.
        Assert.Null(Assert.Single(ShardPlan.Build(Declarations([M("modularity", 3) with { Prerequisite = true }]), 2)).Part);
        Assert.Null(Assert.Single(ShardPlan.Build(Declarations([M("other", 1), ByCluster("ablation", 8, 2, 0)]), 2)).Part);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void The_parts_do_not_depend_on_the_shard_count_and_each_gets_exactly_one_shard(int shards)
    {
        var declarations = Declarations([ByClass("ecs", 10, 20)], [M("redundancy", 15)]);
        var plan = ShardPlan.Build(declarations, shards);

        Assert.Equal(ShardPlan.Build(declarations, 1).Select(u => u.Id), plan.Select(u => u.Id));
        Assert.All(plan, u => Assert.InRange(u.Shard, 1, shards));
        Assert.Equal(Enumerable.Range(0, 10), plan.Where(u => u.Part is not null).SelectMany(u => u.Part!.Indices));
        // By hand, two shards: 15 → 1; classes 0–7 → 2 (2, 4, … 14 < 15, then 16); 8 → 1 (15 < 16: 17); 9 → 2 (16 < 17: 18).
        if (shards == 2) Assert.Equal([17.0, 18.0], ShardPlan.Loads(plan, [0, 0]));
    }

    [Theory]
    [InlineData(5, 5, 1, 1)]
    [InlineData(64, 64, 1, 1)]
    [InlineData(128, 64, 2, 2)]
    [InlineData(130, 64, 2, 3)]
    [InlineData(1000, 64, 15, 16)]
    public void Past_64_parts_neighbouring_classes_share_a_part_of_nearly_equal_size(int classes, int parts, int smallest, int largest)
    {
        IReadOnlyList<UnitPart> ranges = ShardPlan.Ranges("class", classes);

        Assert.Equal(parts, ranges.Count);
        Assert.Equal(Enumerable.Range(0, classes), ranges.SelectMany(r => r.Indices));
        Assert.Equal(smallest, ranges.Min(r => r.Last - r.First + 1));
        Assert.Equal(largest, ranges.Max(r => r.Last - r.First + 1));
    }

    [Fact]
    public void A_part_is_named_by_its_classes()
    {
        Assert.Equal("class 3", new UnitPart("class", 3, 3).ToString());
        Assert.Equal("classes 3–4", new UnitPart("class", 3, 4).ToString());
    }
}
