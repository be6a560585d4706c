using ScanPipeline.Storage;
using Xunit;

namespace ScanPipeline.Tests.Storage;

public sealed class InboxSearchTests
{
    [Theory]
    [InlineData("Widerspruch", "\"Widerspruch\"*")]
    [InlineData("müller widerspruch", "\"müller\" \"widerspruch\"*")]
    [InlineData("Kassenzeichen 5.2026.001234.7", "\"Kassenzeichen\" \"5.2026.001234.7\"")]
    [InlineData("ab", "\"ab\"")]
    [InlineData("\"NEAR( * OR", "\"NEAR\" \"OR\"")]
    [InlineData("  ", null)]
    [InlineData("*** ()", null)]
    public void User_input_becomes_a_safe_fts5_expression(string input, string? expected) =>
        Assert.Equal(expected, MetadataStore.MatchExpression(input));
}
