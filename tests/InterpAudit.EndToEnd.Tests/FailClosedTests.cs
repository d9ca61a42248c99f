using System.Text.Json;

namespace InterpAudit.EndToEnd.Tests;

/// <summary>
/// Issue #16, "fail closed in every case", through real builds of the fixture: every case that used to
/// pass, crash or mislead is a coded error at the audit's attribute (or, where the input is fine,
/// a clean pass), and what the output folder shows is true.
/// </summary>
[Collection("fixture")]
public sealed class FailClosedTests(FixtureProject fixture)
{
    [Theory]
    [InlineData("wide-logits", 5)]
    [InlineData("narrow-logits", 2)]
    public void Logits_wider_or_narrower_than_the_class_names_are_IA3027_naming_both_widths(string audit, int width)
    {
        DotnetBuild.Outcome build = FreshAudit(audit);
        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains($"Audits.cs({fixture.LineOf($"[InterpretabilityAudit(\"{audit}\")]")},2): error IA3027: [{audit}] The output (logits) of Sequential has shape [256, {width}]: expected [256, 3], one logit per class name (3 ClassNames), found {width} logits.", build.Output);
        Assert.DoesNotContain("   at ", build.Output);
        AssertOnlyTheFailureIsRecorded(audit);
    }

    [Fact]
    public void A_class_without_evaluation_samples_is_IA3028_before_anything_is_measured()
    {
        DotnetBuild.Outcome build = FreshAudit("empty-class");
        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains($"Audits.cs({fixture.LineOf("[InterpretabilityAudit(\"empty-class\")]")},2): error IA3028: [empty-class] No evaluation samples of class \"c\" (label 2): expected at least one sample of every class in ClassNames, found 0 of 200 samples.", build.Output);
        Assert.DoesNotContain("IA1001", build.Output);
        Assert.DoesNotContain("NaN", build.Output);
        AssertOnlyTheFailureIsRecorded("empty-class");
    }

    [Theory]
    [InlineData(".", "'.', which names the output folder itself")]
    [InlineData("..", "'..', which names the folder above it")]
    [InlineData("aux.v1", "'aux', a device name on Windows")]
    public void A_name_that_is_not_a_plain_folder_name_is_IA3016_at_its_attribute(string audit, string found)
    {
        DotnetBuild.Outcome build = fixture.Audit(audit);
        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains($"Audits.cs({fixture.LineOf($"[InterpretabilityAudit(\"{audit}\")]")},2): error IA3016: [{audit}] Audit name \"{audit}\" on ", build.Output);
        Assert.Contains(found, build.Output);
        Assert.DoesNotContain("PASS", build.Output);
    }

    [Fact]
    public void Batches_of_varying_sizes_with_float64_inputs_and_int32_labels_are_accepted()
    {
        DotnetBuild.Outcome build = fixture.Audit("mixed-batches");
        Assert.True(build.Succeeded, build.ToString());
        using JsonDocument metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.OutputOf("mixed-batches"), "metrics.json")));
        JsonElement dataset = metrics.RootElement.GetProperty("dataset");
        Assert.Equal(300, dataset.GetProperty("sampleCount").GetInt64());
        Assert.Equal([100L, 100L, 100L], dataset.GetProperty("classCounts").EnumerateArray().Select(c => c.GetInt64()));
    }

    [Fact]
    public void Float_labels_are_IA3009_even_when_integral()
    {
        DotnetBuild.Outcome build = FreshAudit("float-labels");
        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains($"Audits.cs({fixture.LineOf("[InterpretabilityAudit(\"float-labels\")]")},2): error IA3009: [float-labels] Evaluation batch 0: expected integer class labels, found Float32.", build.Output);
    }

    [Fact]
    public void A_reported_internal_error_fails_the_build_once_without_IA9001()
    {
        DotnetBuild.Outcome build = FreshAudit("forward-throws");
        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains($"Audits.cs({fixture.LineOf("[InterpretabilityAudit(\"forward-throws\")]")},2): error IA9003: [forward-throws] Internal error: InvalidOperationException: the fixture's forward always throws.", build.Output);
        Assert.DoesNotContain("IA9001", build.Output);
        Assert.DoesNotContain("   at ", build.Output);
    }

    /// <summary>
    /// A metrics.json that is not the tool's, one of an older run with NaN written as a string, and a
    /// folder whose name needs escaping: the audit that ran still passes, and index.html lists what it
    /// could not read, with the reason, instead of failing.
    /// </summary>
    [Fact]
    public void Foreign_and_older_metrics_files_in_the_output_root_are_skipped_and_listed_never_fatal()
    {
        string root = Path.GetDirectoryName(fixture.OutputOf("passing"))!;
        string foreign = Path.Combine(root, "zz-foreign"), older = Path.Combine(root, "zz-older"), odd = Path.Combine(root, "zz-<b>&");
        try
        {
            Directory.CreateDirectory(foreign);
            File.WriteAllText(Path.Combine(foreign, "metrics.json"), """{ "hello": "world" }""");
            Directory.CreateDirectory(older);
            File.WriteAllText(Path.Combine(older, "metrics.json"), """
                { "verdict": "fail", "checks": [ { "failsGate": true } ],
                  "measurementIds": [ { "family": "modularity", "variant": null, "layers": ["fc2"], "options": { "k": "4" } } ],
                  "measurements": { "modularity:fc2:k=4": { "layer": "fc2", "clusterability": "NaN", "normalizedClusterability": "NaN" } } }
                """);
            Directory.CreateDirectory(odd);
            File.WriteAllText(Path.Combine(odd, "metrics.json"), "[1, 2");

            DotnetBuild.Outcome build = fixture.Audit("passing");

            Assert.True(build.Succeeded, build.ToString());
            Assert.DoesNotContain("IA9003", build.Output);
            string index = File.ReadAllText(Path.Combine(root, "index.html"));
            Assert.Contains("""<a href="passing/report.html">passing</a>""", index);
            Assert.Contains("""<a href="zz-older/report.html">zz-older</a>""", index);
            Assert.Contains("<td class=\"num\">NaN</td>", index);
            Assert.Contains("<code>zz-foreign/metrics.json</code>", index);
            Assert.Contains("not an InterpAudit metrics file: expected a string &quot;verdict&quot;", index);
            Assert.Contains("<code>zz-&lt;b&gt;&amp;/metrics.json</code>", index);
            Assert.DoesNotContain("zz-<b>", index);
        }
        finally
        {
            foreach (string directory in new[] { foreign, older, odd })
                if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// A failed run keeps the previous outputs but records itself in last-run.json, and index.html shows
    /// that the audit's last run failed rather than the previous PASS alone; the next good run clears it.
    /// </summary>
    [Fact]
    public void A_failed_run_is_recorded_in_last_run_json_and_marked_on_the_index_page()
    {
        string output = fixture.OutputOf("toggle"), index = Path.Combine(Path.GetDirectoryName(output)!, "index.html");
        Assert.True(fixture.Audit("toggle").Succeeded);
        using (JsonDocument passed = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "last-run.json"))))
        {
            Assert.Equal("pass", passed.RootElement.GetProperty("verdict").GetString());
            // Warnings are recorded too: IA2002 when this is the audit's first run (no baseline yet).
            Assert.All(passed.RootElement.GetProperty("codes").EnumerateArray(), c => Assert.Equal("IA2002", c.GetString()));
        }
        string metrics = File.ReadAllText(Path.Combine(output, "metrics.json"));

        DotnetBuild.Outcome broken = fixture.Audit("toggle", new Dictionary<string, string> { ["FIXTURE_BREAK"] = "nan" });

        Assert.False(broken.Succeeded);
        Assert.Equal(metrics, File.ReadAllText(Path.Combine(output, "metrics.json")));
        using (JsonDocument failed = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "last-run.json"))))
        {
            Assert.Equal("error", failed.RootElement.GetProperty("verdict").GetString());
            Assert.Equal(["IA3007"], failed.RootElement.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
            Assert.True(DateTimeOffset.UtcNow - failed.RootElement.GetProperty("at").GetDateTimeOffset() < TimeSpan.FromMinutes(10));
        }
        string row = Row(File.ReadAllText(index), "toggle");
        Assert.Contains("last run failed at", row);
        Assert.Contains("IA3007; showing the previous outputs", row);

        Assert.True(fixture.Audit("toggle").Succeeded);
        Assert.DoesNotContain("last run failed at", Row(File.ReadAllText(index), "toggle"));
    }

    /// <summary>The index page's table row of <paramref name="audit"/>.</summary>
    private static string Row(string index, string audit)
    {
        int start = index.IndexOf($"""<tr><td><a href="{audit}/report.html">""", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {audit} in index.html");
        return index[start..index.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    /// <summary>A failed audit writes no outputs: its folder holds only the record of the failed run.</summary>
    private void AssertOnlyTheFailureIsRecorded(string audit) =>
        Assert.Equal(["last-run.json"], Directory.GetFiles(fixture.OutputOf(audit)).Select(Path.GetFileName));

    /// <summary>Runs the audit with no outputs left from an earlier test.</summary>
    private DotnetBuild.Outcome FreshAudit(string audit)
    {
        if (Directory.Exists(fixture.OutputOf(audit))) Directory.Delete(fixture.OutputOf(audit), recursive: true);
        return fixture.Audit(audit);
    }
    /// <summary>
    /// A failed run commits nothing to the project folder: before, the baseline was written before the
    /// outputs, so a run that then could not write them (IA3015) left a baseline and the next build saw
    /// no IA2002.
    /// </summary>
    [Fact]
    public void A_run_that_cannot_write_its_outputs_writes_no_baseline_either()
    {
        string blocked = Path.Combine(Path.GetTempPath(), "interpaudit-blocked-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(blocked, "not a folder");
        string baselines = Directory.CreateTempSubdirectory("interpaudit-no-baseline").FullName;
        DotnetBuild.Outcome build = fixture.Audit("passing", $"-p:InterpAuditOutputPath={blocked}/out/", $"-p:InterpAuditBaselineDirectory={baselines}/");
        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains("error IA3015", build.Output);
        Assert.DoesNotContain("IA2002", build.Output);
        Assert.Empty(Directory.GetFiles(baselines));
    }

    /// <summary>
    /// Weights replaced (write and rename) while the audit runs: the audit read them through one handle
    /// before the first batch, so metrics.json names the SHA-256 of the weights it audited.
    /// </summary>
    [Fact]
    public void Weights_replaced_during_the_audit_do_not_change_what_was_audited()
    {
        string original = Path.Combine(fixture.Directory, "obj", "fixture.weights");
        DotnetBuild.Outcome build = fixture.Audit("weights-replaced");
        Assert.True(build.Succeeded, build.ToString());
        string audited = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.OutputOf("weights-replaced"), "metrics.json")))
            .RootElement.GetProperty("model").GetProperty("weightsSha256").GetString()!;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(original))), audited);
        Assert.NotEqual(audited, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            File.ReadAllBytes(Path.Combine(fixture.Directory, "obj", "replaced.weights")))));
    }
}
