using InterpAudit.Diagnostics;
using InterpAudit.Sharding;

namespace InterpAudit.Core.Tests.Sharding;

public sealed class ShardSpecTests
{
    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/4", 2, 4)]
    [InlineData(" 3/3 ", 3, 3)]
    public void I_of_n_parses(string text, int index, int count) =>
        Assert.Equal(new ShardSpec(index, count), ShardSpec.Parse(text));

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("a/b")]
    [InlineData("1/0")]
    [InlineData("-1/2")]
    [InlineData("+1/2")]
    [InlineData("1/2/3")]
    [InlineData("2")]
    [InlineData("")]
    public void Anything_else_is_IA3040_naming_what_was_expected(string text)
    {
        var e = Assert.Throws<AuditInputException>(() => ShardSpec.Parse(text));
        Assert.Equal(DiagnosticCodes.InvalidShard, e.Code);
        Assert.Contains($"Shard \"{text}\" is not usable: expected i/n with 1 ≤ i ≤ n", e.Message);
    }
}
