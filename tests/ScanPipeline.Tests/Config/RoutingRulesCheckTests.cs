using ScanPipeline.Core.Configuration;

namespace ScanPipeline.Tests.Config;

/// <summary><see cref="RoutingRules.Check"/>: each problem with its kind and subject, so the pages can explain it.</summary>
public sealed class RoutingRulesCheckTests
{
    [Fact]
    public void Every_problem_is_named_with_its_kind_and_subject()
    {
        var rules = RoutingRules.Parse("""
            { "defaultMinConfidence": 2,
              "departments": [ { "code": "63", "name": "Bauordnungsamt" }, { "code": "63", "name": "doppelt" },
                               { "code": "verification", "name": "Klärung" }, { "code": "70", "name": " " } ],
              "rules": [ { "documentType": "Bau/antrag", "department": "63" },
                         { "documentType": "Bauantrag", "department": "99", "minConfidence": -0.1 },
                         { "documentType": "Bauantrag", "department": "63" } ] }
            """);

        var problems = rules.Check().Select(p => (p.Kind, p.Subject, p.Department)).ToList();

        Assert.Equal(
        [
            (RoutingRulesProblemKind.DuplicateDepartment, "63", null),
            (RoutingRulesProblemKind.ReservedDepartmentCode, "verification", null),
            (RoutingRulesProblemKind.InvalidDepartmentName, "70", null),
            (RoutingRulesProblemKind.InvalidDocumentType, "Bau/antrag", null),
            (RoutingRulesProblemKind.UnknownDepartment, "Bauantrag", "99"),
            (RoutingRulesProblemKind.ThresholdOutOfRange, "Bauantrag", null),
            (RoutingRulesProblemKind.DuplicateRule, "Bauantrag", null),
            (RoutingRulesProblemKind.DefaultThresholdOutOfRange, null, null),
        ], problems);
        Assert.Equal(rules.Check().Select(p => p.Message), rules.Validate());
    }

    [Fact]
    public void Rules_written_as_json_read_back_the_same_and_keep_thresholds_only_where_a_rule_has_its_own()
    {
        var rules = new RoutingRules
        {
            DefaultMinConfidence = 0.65,
            Departments = [new Department("63", "Bauordnungsamt")],
            Rules = [new RoutingRule("Bauantrag", "63"), new RoutingRule("Widerspruch", "63", 0.8)],
        };
        var json = rules.ToJson();
        var read = RoutingRules.LoadJson(json, "test");
        Assert.Equal(json, read.ToJson());
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(json, "minConfidence\""));
        Assert.Equal(0.8, read.MinConfidenceFor("Widerspruch"));
        Assert.Equal(0.65, read.MinConfidenceFor("Bauantrag"));
        Assert.Throws<InvalidOperationException>(() => RoutingRules.Parse("{ kaputt"));
    }
}
