using Microsoft.AspNetCore.Identity;
using ScanPipeline.Core.Configuration;
using ScanPipeline.Storage;

namespace ScanPipeline.Web.Security;

/// <summary>Why an account was not saved.</summary>
public enum AccountError
{
    InvalidName,
    PasswordTooShort,
    UnknownRole,
    DepartmentNeeded,
    UnknownDepartment,
}

/// <summary>
/// Local accounts: passwords hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2 with a per-password salt), kept in the metadata store.
/// </summary>
public sealed class UserAccounts(MetadataStore metadata, TimeProvider clock)
{
    public const int MinPasswordLength = 10;

    private static readonly PasswordHasher<string> Hasher = new();

    /// <summary>Creates or updates an account. Case workers need at least one department of the routing rules.</summary>
    public AccountError? Save(string name, string password, string role, IReadOnlyCollection<string> departments, RoutingRules rules)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            return AccountError.InvalidName;
        if (password.Length < MinPasswordLength) return AccountError.PasswordTooShort;
        if (!UserRoles.All.Contains(role)) return AccountError.UnknownRole;
        if (role == UserRoles.CaseWorker && departments.Count == 0) return AccountError.DepartmentNeeded;
        if (departments.Any(d => rules.Departments.All(known => known.Code != d))) return AccountError.UnknownDepartment;
        var created = metadata.FindUser(name)?.CreatedAt ?? clock.GetUtcNow();
        metadata.SaveUser(new UserAccount(name, Hasher.HashPassword(name, password), role,
            role == UserRoles.CaseWorker ? departments.ToList() : [], created));
        return null;
    }

    /// <summary>The account when the password is right; null otherwise (unknown name or wrong password alike).</summary>
    public UserAccount? Verify(string name, string password)
    {
        var user = metadata.FindUser(name);
        if (user?.PasswordHash is null)
        {
            // The same work as a real check, so that response times do not tell which names exist.
            Hasher.VerifyHashedPassword(name, DummyHash, password);
            return null;
        }
        var result = Hasher.VerifyHashedPassword(name, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
            metadata.SaveUser(user with { PasswordHash = Hasher.HashPassword(name, password) });
        return result == PasswordVerificationResult.Failed ? null : user;
    }

    private static readonly string DummyHash = Hasher.HashPassword("", Guid.NewGuid().ToString());
}
