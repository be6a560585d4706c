using ScanPipeline.Messaging;

namespace ScanPipeline.Web.Dashboard;

public static class DashboardServices
{
    /// <summary>
    /// The operators' dashboard: read-only access to the broker's queue counts (no publisher, no topology set-up),
    /// the figures of the page and the sampler that records the backlog history.
    /// </summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRabbitMqInspection(configuration);
        services.AddSingleton<BacklogReader>();
        services.AddTransient<DashboardFigures>();
        services.AddSingleton<BacklogSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<BacklogSampler>());
        return services;
    }
}
