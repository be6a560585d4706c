using ScanPipeline.Messaging;
using Xunit;

namespace ScanPipeline.Tests.Messaging;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(0, 1_000)]
    [InlineData(1, 2_000)]
    [InlineData(2, 4_000)]
    [InlineData(5, 32_000)]
    [InlineData(6, 60_000)]
    [InlineData(1_000, 60_000)]
    [InlineData(-3, 1_000)]
    public void The_delay_doubles_per_earlier_delivery_up_to_the_cap(long previousDeliveries, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs),
            RetryBackoff.For(previousDeliveries, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)));

    [Fact]
    public void A_zero_base_delay_means_no_delay() =>
        Assert.Equal(TimeSpan.Zero, RetryBackoff.For(4, TimeSpan.Zero, TimeSpan.FromSeconds(60)));
}
