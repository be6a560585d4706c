using ScanPipeline.Core.Configuration;
using ScanPipeline.Tests.Infrastructure;
using ScanPipeline.Worker.Options;

namespace ScanPipeline.Tests.Core;

public sealed class RoutingRulesTests
{
    [Fact]
    public void The_shipped_routing_rules_load_and_route_every_type_to_a_known_department()
    {
        var rules = RoutingRules.Load(Repository.Path("config/routing-rules.json"));
        Assert.True(rules.Rules.Count >= 10);
        Assert.All(rules.Rules, r => Assert.Contains(rules.Departments, d => d.Code == r.Department));
        Assert.Equal(("63", "rule"), rules.Decide("Bauantrag", 0.9));
        Assert.Equal(("verification", "low-confidence"), rules.Decide("Widerspruch", 0.65));
    }

    [Fact]
    public void Invalid_rules_are_refused_with_every_problem_named()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "rules.json");
        File.WriteAllText(path, """
            { "departments": [ { "code": "63", "name": "Bauordnungsamt" }, { "code": "../x", "name": "Böse" } ],
              "rules": [ { "documentType": "Bauantrag", "department": "99" },
                         { "documentType": "Bauantrag", "department": "63", "minConfidence": 1.5 } ] }
            """);
        var error = Assert.Throws<InvalidOperationException>(() => RoutingRules.Load(path));
        Assert.Contains("'../x'", error.Message);
        Assert.Contains("unknown department '99'", error.Message);
        Assert.Contains("two rules", error.Message);
        Assert.Contains("outside 0..1", error.Message);
    }

    [Fact]
    public void Roles_expand_all_and_refuse_unknown_names()
    {
        Assert.Equal(Roles.Stages.Order(), Roles.Resolve(["all"]).Order());
        Assert.Equal(Roles.Stages.Order(), Roles.Resolve([]).Order());
        Assert.Equal(["classify", "ocr"], Roles.Resolve(["ocr, Classify"]).Order());
        Assert.Throws<InvalidOperationException>(() => Roles.Resolve(["scan"]));
        // The web pages are a role of the same host, but not a stage and not part of "all".
        Assert.Equal([.. Roles.Stages.Order(), "web"], Roles.Resolve(["all,web"]).Order());
        Assert.Equal(["web"], Roles.Resolve(["Web"]));
    }
}
