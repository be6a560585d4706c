using System.ComponentModel.DataAnnotations;
using ScanPipeline.Messaging;
using Xunit;

namespace ScanPipeline.Tests.Messaging;

public sealed class RabbitMqOptionsTests
{
    private static List<ValidationResult> Validate(RabbitMqOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void The_defaults_are_valid_and_point_at_the_local_broker()
    {
        var options = new RabbitMqOptions();

        Assert.Empty(Validate(options));
        Assert.Equal("/", options.GetVirtualHost());
        Assert.Equal(5, options.DeliveryLimit);
        Assert.Equal(("guest", "guest"), options.ManagementCredentials());
    }

    [Theory]
    [InlineData("http://127.0.0.1:5672/", nameof(RabbitMqOptions.Uri))]
    [InlineData("127.0.0.1", nameof(RabbitMqOptions.Uri))]
    [InlineData("", nameof(RabbitMqOptions.Uri))]
    public void A_uri_that_is_not_amqp_is_rejected(string uri, string member) =>
        Assert.Contains(Validate(new RabbitMqOptions { Uri = uri }), r => r.MemberNames.Contains(member));

    [Fact]
    public void Out_of_range_limits_are_rejected()
    {
        var results = Validate(new RabbitMqOptions { DeliveryLimit = 0, Prefetch = 0, HandlerTimeout = TimeSpan.FromMinutes(45) });

        Assert.Contains(results, r => r.MemberNames.Contains(nameof(RabbitMqOptions.DeliveryLimit)));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(RabbitMqOptions.Prefetch)));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(RabbitMqOptions.HandlerTimeout)));
    }

    [Fact]
    public void Settings_that_contradict_each_other_are_rejected()
    {
        var results = Validate(new RabbitMqOptions
        {
            ManagementUri = "amqp://127.0.0.1:15672/",
            RetryBaseDelay = TimeSpan.FromSeconds(10),
            RetryMaxDelay = TimeSpan.FromSeconds(1),
        });

        Assert.Contains(results, r => r.MemberNames.Contains(nameof(RabbitMqOptions.ManagementUri)));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(RabbitMqOptions.RetryMaxDelay)));
    }

    [Theory]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/", "/")]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/%2F", "/")]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/scanpipe-demo", "scanpipe-demo")]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/stadt%2Fpost", "stadt/post")]
    public void The_virtual_host_comes_from_the_uri_path(string uri, string expected) =>
        Assert.Equal(expected, new RabbitMqOptions { Uri = uri }.GetVirtualHost());

    [Fact]
    public void Management_credentials_come_from_the_management_uri_or_else_from_the_amqp_uri()
    {
        Assert.Equal(("poststelle", "g3h:eim"), new RabbitMqOptions { Uri = "amqp://poststelle:g3h%3Aeim@mq:5672/" }.ManagementCredentials());
        Assert.Equal(("admin", "s3cret"), new RabbitMqOptions
        {
            Uri = "amqp://poststelle:x@mq:5672/",
            ManagementUri = "http://admin:s3cret@mq:15672/",
        }.ManagementCredentials());
    }
}
