using InterpAudit.Ablation;
using InterpAudit.Reporting.Images;
using InterpAudit.Reporting.Sections;
using InterpAudit.Reporting.Tests.Images;
using InterpAudit.Results;
using Snapshooter.Xunit;

namespace InterpAudit.Reporting.Tests;

public sealed class AblationSectionTests
{
    /// <summary>
    /// Two clusters, two classes. Zero ablation: cluster 0 costs class "zero" half its accuracy, cluster 1
    /// costs the second class a quarter and lifts "zero" by 0.05. Mean ablation moves nothing.
    /// </summary>
    private static AuditResult WithAblation(string secondClass = "seven")
    {
        var zero = new AblationKindResult(AblationKind.Zero, [[-0.5, 0.0], [0.05, -0.25]], [1.0, 0.25 / 0.3],
            [[0.5, 0.5], [0.5, 1.0]], [1.0 / 3, 2.0 / 3], [0, 1], [0.0, 0.0]);
        var mean = new AblationKindResult(AblationKind.Mean, [[0.0, 0.0], [0.0, 0.0]], [0.5, 0.5],
            [[0.5, 0.5], [0.5, 0.5]], [1.0, 1.0], [-1, -1], [0.0, 0.0]);
        var ablation = new ClusterAblationResult("fc2", 4, ["zero", secondClass], new AblationOptions(RandomSets: 2), "modularity:fc2:k=2",
            [[0, 1], [2, 3]], [100, 100], [95, 83], [0.5, 0.25, 0.0, -1.0], zero, mean);
        AuditResult result = SampleResults.Create(className: secondClass);
        return result with { Measurements = new Dictionary<string, object>(result.Measurements) { ["ablation:fc2:k=2"] = ablation } };
    }

    [Fact]
    public void The_ablation_section_matches_its_snapshot()
    {
        Snapshot.Match(SampleResults.Render(new HtmlReportWriter(), WithAblation()));
    }

    [Fact]
    public void The_heat_maps_colour_drops_red_and_gains_blue_on_one_scale_for_both_kinds()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), WithAblation());
        // Largest |Δ| is 0.5 (over both kinds): the strongest red (opacity 0.8, for the labels' contrast); 0.25 half that; the gain of 0.05 a tenth, in blue.
        Assert.Contains("<rect x=\"96\" y=\"20\" width=\"46\" height=\"22\" fill=\"#c44e52\" fill-opacity=\"0.8\"", html);
        Assert.Contains("<rect x=\"142\" y=\"42\" width=\"46\" height=\"22\" fill=\"#c44e52\" fill-opacity=\"0.4\"", html);
        Assert.Contains("<rect x=\"96\" y=\"42\" width=\"46\" height=\"22\" fill=\"#4c72b0\" fill-opacity=\"0.08\"", html);
        Assert.Contains(">−0.50</text>", html);
        Assert.Contains("zero ablation: mean S 0.917 (random sets 0.625), largest collateral drop 0.000.", html);
        Assert.Contains("mean ablation: mean S 0.500 (random sets 0.500)", html);
        // Cluster 1 under zero ablation: S = 0.25/0.30, p = 2/3, owns the second class.
        Assert.Contains("<tr><td>1</td><td class=\"num\">2</td><td class=\"num\">0.833</td><td class=\"num\">0.667</td><td>seven</td>", html);
        Assert.Contains("not more specialised clusters", html);
    }

    [Fact]
    public void Class_names_are_escaped_in_the_heat_map_and_the_table()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), WithAblation(secondClass: "<script>x</script>"));
        Assert.DoesNotContain("<script>x</script>", html);
        Assert.Contains("text-anchor=\"middle\">&lt;script&gt;x&lt;/script&gt;</text>", html);
    }

    /// <summary>21 classes, one over the labelled map's limit; the last named <paramref name="lastClass"/>. Zero ablation: cluster 0 costs class 0 half its accuracy, cluster 1 lifts the last class by a quarter.</summary>
    private static AuditResult WithWideAblation(string lastClass = "twenty", string layer = "fc2")
    {
        string[] classes = [.. Enumerable.Range(0, 20).Select(y => "c" + y), lastClass];
        double[] Row(int changed, double delta) => classes.Select((_, y) => y == changed ? delta : 0.0).ToArray();
        var zero = new AblationKindResult(AblationKind.Zero, [Row(0, -0.5), Row(20, 0.25)], [1.0, 1.0], [[0.5], [0.5]], [0.5, 0.5],
            classes.Select((_, y) => y == 20 ? 1 : 0).ToArray(), [0.0, 0.0]);
        var mean = new AblationKindResult(AblationKind.Mean, [Row(0, 0), Row(0, 0)], [0.05, 0.05], [[0.05], [0.05]], [1.0, 1.0],
            classes.Select(_ => -1).ToArray(), [0.0, 0.0]);
        var ablation = new ClusterAblationResult(layer, 4, classes, new AblationOptions(RandomSets: 1), $"modularity:{layer}:k=2",
            [[0, 1], [2, 3]], classes.Select(_ => 100L).ToArray(), classes.Select(_ => 90L).ToArray(), [0.5, 0.25, 0.0, -1.0], zero, mean);
        AuditResult result = SampleResults.Create();
        return result with { Measurements = new Dictionary<string, object>(result.Measurements) { ["ablation:fc2:k=2"] = ablation } };
    }

    [Fact]
    public void A_map_of_more_than_20_classes_is_one_image_at_most_640_px_wide_with_every_value_in_a_csv_download()
    {
        AblationView.Kind zero = Assert.IsType<AblationView>(HtmlReportWriter.BuildModel(WithWideAblation()).Sections.Single(s => s.Name == "ablation").View)
            .Layers.Single().Kinds[0];
        Assert.Empty(zero.Cells);
        // 640 px / 21 classes → 30 px a class (630 px); 2 clusters at the labelled map's 22 px.
        Assert.Equal(("630", "44"), (zero.Width, zero.Height));
        DecodedPng image = DecodedPng.FromDataUri(zero.Image!);
        Assert.Equal((21, 2), (image.Width, image.Height));
        // The largest |Δ| at opacity 0.8 over white: 0.8·(196, 78, 82) + 51 = (207.8, 113.4, 116.6); the gain of half that at 0.4: 0.4·(76, 114, 176) + 153.
        Assert.Equal(new Rgb(208, 113, 117), image.Pixels[0, 0]);
        Assert.Equal(new Rgb(183, 199, 223), image.Pixels[20, 1]);
        Assert.Equal(Rgb.White, image.Pixels[1, 0]);

        // A row per class, a column per cluster, every Δ unrounded: cluster 0 costs c0 half, cluster 1 lifts the last class a quarter.
        string[] lines = Csv(zero.Values!.DataUri).Split("\r\n");
        Assert.Equal(("ablation-fc2-zero.csv", 21, 2), (zero.Values.FileName, zero.Values.Classes, zero.Values.Clusters));
        Assert.Equal(["class,cluster 0,cluster 1", "c0,-0.5,0", "c1,0,0"], lines[..3]);
        Assert.Equal(["twenty,0,0.25", ""], lines[21..]);

        string html = SampleResults.Render(new HtmlReportWriter(), WithWideAblation());
        Assert.Contains("Rows: the 2 clusters, cluster 0 at the top; columns: the 21 classes in the order of the CSV's rows", html);
        Assert.Contains("<a download=\"ablation-fc2-zero.csv\" href=\"data:text/csv;charset&#x3D;utf-8;base64,", html);
        Assert.Contains("as CSV</a> (21 classes × 2 clusters, unrounded, as in metrics.json; a row per class)", html);
        Assert.DoesNotContain("<table class=\"grid\"><thead><tr><th>Class</th>", html);
        Assert.DoesNotContain("<rect x=\"96\" y=\"20\" width=\"46\"", html);
    }

    [Fact]
    public void Class_and_layer_names_are_escaped_in_the_image_s_label_and_its_csv()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), WithWideAblation(lastClass: "=HYPERLINK(\"x\"),<b>twenty</b>", layer: "<i>fc2</i>"));
        Assert.DoesNotContain("<b>twenty</b>", html);
        Assert.DoesNotContain("<i>fc2</i>", html);
        Assert.Contains("aria-label=\"Accuracy change per cluster and class, zero ablation of &lt;i&gt;fc2&lt;/i&gt;: a row per cluster", html);
        Assert.Contains("<a download=\"ablation-_i_fc2__i_-zero.csv\"", html);
        AblationView.Kind zero = Assert.IsType<AblationView>(HtmlReportWriter.BuildModel(WithWideAblation(lastClass: "=HYPERLINK(\"x\"),<b>twenty</b>"))
            .Sections.Single(s => s.Name == "ablation").View).Layers.Single().Kinds[0];
        // A spreadsheet must not run the name as a formula, and its comma and quotes must stay in one field.
        Assert.EndsWith("\r\n\"'=HYPERLINK(\"\"x\"\"),<b>twenty</b>\",0,0.25\r\n", Csv(zero.Values!.DataUri));
    }

    /// <summary>The CSV behind a data: URI, checking the media type and the byte-order mark Excel needs.</summary>
    private static string Csv(string dataUri)
    {
        const string Prefix = "data:text/csv;charset=utf-8;base64,";
        Assert.StartsWith(Prefix, dataUri);
        byte[] bytes = Convert.FromBase64String(dataUri[Prefix.Length..]);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        return System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    [Fact]
    public void Metrics_json_carries_both_matrices_and_the_ranks()
    {
        string json = SampleResults.Render(new MetricsJsonWriter(), WithAblation());
        Assert.Contains("\"ablation:fc2:k=2\": {", json);
        Assert.Contains("\"clusterSource\": \"modularity:fc2:k=2\"", json);
        Assert.Contains("\"kind\": \"zero\"", json);
        Assert.Contains("\"kind\": \"mean\"", json);
        Assert.Contains("\"meanSpecialization\": 0.9166666666666667", json);
        Assert.Contains("\"percentile\": [", json);
        Assert.Contains("\"unitMeans\": [", json);
    }
}
