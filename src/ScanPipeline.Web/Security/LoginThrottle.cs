using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ScanPipeline.Web.Security;

/// <summary>
/// Counts failed sign-ins per client address and account name. After <see cref="WebOptions.MaxFailedSignIns"/>
/// failures within <see cref="WebOptions.SignInLockout"/>, further attempts for that pair are refused (429)
/// until the window has passed; a successful sign-in clears the count.
/// </summary>
public sealed class LoginThrottle(IOptions<WebOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    private sealed record Failures(int Count, DateTimeOffset FirstAt);

    public bool IsLocked(string client, string name, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_failures.TryGetValue(Key(client, name), out var failures)) return false;
        var until = failures.FirstAt + options.Value.SignInLockout;
        var now = clock.GetUtcNow();
        if (now >= until)
        {
            _failures.TryRemove(Key(client, name), out _);
            return false;
        }
        retryAfter = until - now;
        return failures.Count >= options.Value.MaxFailedSignIns;
    }

    public void RecordFailure(string client, string name)
    {
        var now = clock.GetUtcNow();
        _failures.AddOrUpdate(Key(client, name), _ => new Failures(1, now),
            (_, f) => now - f.FirstAt >= options.Value.SignInLockout ? new Failures(1, now) : f with { Count = f.Count + 1 });
        // Keep the table small under a spraying attack: forget windows that have passed.
        if (_failures.Count > 10_000)
            foreach (var (key, f) in _failures)
                if (now - f.FirstAt >= options.Value.SignInLockout) _failures.TryRemove(key, out _);
    }

    public void RecordSuccess(string client, string name) => _failures.TryRemove(Key(client, name), out _);

    private static string Key(string client, string name) => client + "\n" + name.ToLowerInvariant();
}
