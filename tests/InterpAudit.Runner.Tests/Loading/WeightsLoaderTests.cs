using InterpAudit.Diagnostics;
using InterpAudit.Runner.Loading;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Runner.Tests.Loading;

public sealed class WeightsLoaderTests
{
    private static string SaveMlp(int hidden)
    {
        string path = Path.Combine(Path.GetTempPath(), "interpaudit-tests", Guid.NewGuid().ToString("N") + ".weights");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        torch.manual_seed(3);
        using var model = nn.Sequential(("fc1", nn.Linear(4, hidden)), ("fc2", nn.Linear(hidden, 2)));
        model.save(path);
        return path;
    }

    [Fact]
    public void Headers_are_read_with_names_types_and_shapes()
    {
        string path = SaveMlp(hidden: 5);
        IReadOnlyList<WeightsEntry> entries = TorchSharpWeightsFile.ReadEntries(path);
        Assert.Equal(["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"], entries.Select(e => e.Name));
        Assert.Equal([5L, 4L], entries[0].Shape);
        Assert.Equal([2L], entries[3].Shape);
        Assert.All(entries, e => Assert.Equal(6, e.ScalarType)); // float32
    }

    [Fact]
    public void Loading_restores_the_saved_parameters_and_returns_the_file_hash()
    {
        string path = SaveMlp(hidden: 5);
        torch.manual_seed(99);
        using var fresh = nn.Sequential(("fc1", nn.Linear(4, 5)), ("fc2", nn.Linear(5, 2)));
        string sha = WeightsLoader.Instance.Load(fresh, path);

        torch.manual_seed(3);
        using var original = nn.Sequential(("fc1", nn.Linear(4, 5)), ("fc2", nn.Linear(5, 2)));
        Assert.True(fresh.state_dict()["fc1.weight"].eq(original.state_dict()["fc1.weight"]).all().item<bool>());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), sha);
    }

    [Fact]
    public void A_missing_file_is_IA3001_naming_the_path()
    {
        using var model = nn.Linear(2, 2);
        var e = Assert.Throws<AuditInputException>(() => WeightsLoader.Instance.Load(model, "/nonexistent/model.weights"));
        Assert.Equal("IA3001", e.Code);
        Assert.Contains("/nonexistent/model.weights", e.Message);
    }

    [Fact]
    public void Weights_of_another_architecture_are_IA3002_listing_each_tensor()
    {
        string path = SaveMlp(hidden: 5);
        using var other = nn.Sequential(("fc1", nn.Linear(4, 7)), ("fc2", nn.Linear(7, 2)), ("fc3", nn.Linear(2, 2)));
        var e = Assert.Throws<AuditInputException>(() => WeightsLoader.Instance.Load(other, path));
        Assert.Equal("IA3002", e.Code);
        Assert.Contains("'fc1.weight': expected [7, 4], found [5, 4]", e.Message);
        Assert.Contains("'fc3.weight' [2, 2] is missing", e.Message);
    }

    [Fact]
    public void A_truncated_file_is_IA3003()
    {
        string path = SaveMlp(hidden: 5);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 9)]);
        using var model = nn.Sequential(("fc1", nn.Linear(4, 5)), ("fc2", nn.Linear(5, 2)));
        var e = Assert.Throws<AuditInputException>(() => WeightsLoader.Instance.Load(model, path));
        Assert.Equal("IA3003", e.Code);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_weights_file_is_IA3003()
    {
        string path = Path.Combine(Path.GetTempPath(), "interpaudit-tests", Guid.NewGuid().ToString("N") + ".weights");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{ \"this\": \"is json, not weights\" }");
        using var model = nn.Linear(2, 2);
        var e = Assert.Throws<AuditInputException>(() => WeightsLoader.Instance.Load(model, path));
        Assert.Equal("IA3003", e.Code);
    }
}
