using ScanPipeline.Core.Classification;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Tests.Infrastructure;

namespace ScanPipeline.Tests.Core;

/// <summary>
/// Threshold routing (issue 4, point 12) with the shipped config/routing-rules.json: below a type's
/// threshold to verification (low-confidence), at or above it to the department; out-of-domain documents
/// to verification (unknown-type) whatever the confidence; no prediction (no usable model) to verification.
/// </summary>
public sealed class ThresholdRoutingTests
{
    private static readonly RoutingRules Rules = RoutingRules.Load(Repository.Path("config/routing-rules.json"));

    private static Prediction Predict(string type, double confidence, bool outOfDomain = false) =>
        new(type, confidence, [new ClassScore(type, confidence)], "test-model", outOfDomain, DomainSimilarity: outOfDomain ? 0.05 : 0.4);

    [Theory]
    // Widerspruch and Bußgeld-Einspruch have their own threshold of 0.7 in the shipped rules.
    [InlineData("Widerspruch", 0.6999, "verification", "low-confidence")]
    [InlineData("Widerspruch", 0.7, "30", "rule")]
    [InlineData("Widerspruch", 0.95, "30", "rule")]
    [InlineData("Bußgeld-Einspruch", 0.65, "verification", "low-confidence")]
    [InlineData("Bußgeld-Einspruch", 0.7, "32", "rule")]
    // Bauantrag has none: defaultMinConfidence (0.6) applies.
    [InlineData("Bauantrag", 0.5999, "verification", "low-confidence")]
    [InlineData("Bauantrag", 0.6, "63", "rule")]
    [InlineData("Bauantrag", 0.65, "63", "rule")]
    public void A_prediction_below_its_types_threshold_goes_to_verification_and_at_or_above_to_the_department(
        string type, double confidence, string target, string reason)
    {
        Assert.Equal((target, reason), Rules.Decide(Predict(type, confidence)));
        Assert.Equal((target, reason), Rules.Decide(type, confidence));
    }

    [Fact]
    public void The_thresholds_are_the_rules_own_else_the_default()
    {
        Assert.Equal(0.7, Rules.MinConfidenceFor("Widerspruch"));
        Assert.Equal(0.7, Rules.MinConfidenceFor("Bußgeld-Einspruch"));
        Assert.Equal(Rules.DefaultMinConfidence, Rules.MinConfidenceFor("Bauantrag"));
        Assert.Equal(Rules.DefaultMinConfidence, Rules.MinConfidenceFor("Kochrezept"));
    }

    [Theory]
    [InlineData("Rechnung", 0.99)]
    [InlineData("Widerspruch", 0.3)]
    public void An_out_of_domain_document_goes_to_verification_as_unknown_type_whatever_its_confidence(string type, double confidence)
    {
        Assert.Equal(("verification", RoutingRules.ReasonUnknownType), Rules.Decide(Predict(type, confidence, outOfDomain: true)));
        Assert.Equal(("verification", RoutingRules.ReasonUnknownType), Rules.Decide(type, confidence, outOfDomain: true));
    }

    [Fact]
    public void Without_a_prediction_the_document_goes_to_verification_as_no_model()
    {
        Assert.Equal(("verification", RoutingRules.ReasonNoModel), Rules.Decide((Prediction?)null));
        Assert.Equal(("verification", RoutingRules.ReasonNoModel), Rules.Decide(null, 0.99));
    }

    [Fact]
    public void A_type_without_a_rule_goes_to_verification_as_no_rule()
    {
        Assert.Equal(("verification", RoutingRules.ReasonNoRule), Rules.Decide(Predict("Kochrezept", 0.99)));
    }

    [Fact]
    public void A_rule_with_its_own_threshold_overrides_the_default_both_ways()
    {
        var rules = new RoutingRules
        {
            DefaultMinConfidence = 0.6,
            Departments = [new Department("63", "Bauordnungsamt"), new Department("10", "Hauptamt")],
            Rules = [new RoutingRule("Bauantrag", "63", MinConfidence: 0.4), new RoutingRule("Beschwerde", "10", MinConfidence: 0.9)],
        };
        Assert.Empty(rules.Validate());
        Assert.Equal(("63", "rule"), rules.Decide("Bauantrag", 0.45));
        Assert.Equal(("verification", "low-confidence"), rules.Decide("Beschwerde", 0.85));
        Assert.Equal(("10", "rule"), rules.Decide("Beschwerde", 0.9));
    }
}
