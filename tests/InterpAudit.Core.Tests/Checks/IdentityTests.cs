using System.Text.Json;
using InterpAudit.Results;

namespace InterpAudit.Tests.Checks;

public sealed class IdentityTests
{
    [Fact]
    public void A_metric_id_gives_the_baseline_key_and_the_text_a_reader_sees()
    {
        var scoped = new MetricId("accuracy", "accuracy", "class=7");
        Assert.Equal("accuracy|accuracy|class=7", scoped.Key);
        Assert.Equal("accuracy(class=7)", scoped.Display);
        Assert.Equal("meanEcs", new MetricId("circuit", "meanEcs", "").Display);
    }

    [Fact]
    public void A_scope_names_its_parts_in_order_and_leaves_out_defaults()
    {
        Assert.Equal("class=7,samples=500", MetricScope.Of(("class", "7"), ("mode", null), ("samples", 500)));
        Assert.Equal("layer=fc2", MetricScope.Of(("layer", "fc2"), ("k", MetricScope.UnlessDefault(4, 4))));
        Assert.Equal("layer=fc2,k=8", MetricScope.Of(("layer", "fc2"), ("k", MetricScope.UnlessDefault(8, 4))));
        Assert.Equal("", MetricScope.Of(("mode", null)));
    }

    [Fact]
    public void A_measurement_key_has_one_form_and_equal_identities_share_it()
    {
        MeasurementId modularity = MeasurementId.Of("modularity", layers: ["fc2"], options: [("k", 4), ("restarts", null)]);
        Assert.Equal("modularity:fc2:k=4", modularity.Key);
        Assert.Equal("circuit:exact:samples=500", MeasurementId.Of("circuit", "exact", options: ("samples", 500)).Key);
        Assert.Equal("lib:relu1,relu2:tau=1E-10", MeasurementId.Of("lib", layers: ["relu1", "relu2"], options: ("tau", 1e-10)).Key);
        Assert.Equal("accuracy", MeasurementId.Of("accuracy").Key);
        Assert.Equal(modularity, MeasurementId.Of("modularity", layers: ["fc2"], options: ("k", 4)));
        Assert.NotEqual(modularity, MeasurementId.Of("modularity", layers: ["fc2"], options: ("k", 8)));
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_reader_selects_a_measurement_by_its_parts_after_a_round_trip_through_json()
    {
        MeasurementId written = MeasurementId.Of("circuit", "exact", options: ("samples", 500));
        string json = JsonSerializer.Serialize(written, Web);
        MeasurementId read = JsonSerializer.Deserialize<MeasurementId>(json, Web)!;
        Assert.Equal(("circuit", "exact", "500"), (read.Family, read.Variant, read.Option("samples")));
        Assert.Null(read.Option("k"));
        Assert.Equal(written.Key, read.Key);
        Assert.DoesNotContain("\"key\"", json);
    }
}
