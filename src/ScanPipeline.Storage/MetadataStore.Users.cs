using Microsoft.Data.Sqlite;

namespace ScanPipeline.Storage;

/// <summary>The three kinds of web user.</summary>
public static class UserRoles
{
    /// <summary>Sachbearbeitung: reads and works the post of their departments.</summary>
    public const string CaseWorker = "caseworker";

    /// <summary>Poststelle: verification list (Klärfälle), quarantine and the dashboard.</summary>
    public const string Operator = "operator";

    /// <summary>Models, configuration and the audit log.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [CaseWorker, Operator, Admin];
}

/// <summary>
/// A web user. <see cref="PasswordHash"/> is ASP.NET's hasher output (null for a user who signs in only
/// through OpenID Connect). A case worker belongs to one or more departments.
/// </summary>
public sealed record UserAccount(string Name, string? PasswordHash, string Role, IReadOnlyList<string> Departments, DateTimeOffset CreatedAt);

public sealed partial class MetadataStore
{
    /// <summary>Creates the user or replaces their password hash, role and departments.</summary>
    public void SaveUser(UserAccount user)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        Write(connection, transaction, """
            INSERT INTO users (name, password_hash, role, created_at) VALUES ($name, $hash, $role, $at)
            ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role;
            DELETE FROM user_departments WHERE name = $name;
            """, ("$name", user.Name), ("$hash", (object?)user.PasswordHash ?? DBNull.Value), ("$role", user.Role),
            ("$at", Format(user.CreatedAt)));
        foreach (var department in user.Departments.Distinct(StringComparer.Ordinal))
            Write(connection, transaction, "INSERT INTO user_departments (name, department) VALUES ($name, $dept);",
                ("$name", user.Name), ("$dept", department));
        transaction.Commit();
    }

    public UserAccount? FindUser(string name) => ReadUsers("WHERE name = $name", ("$name", name)).SingleOrDefault();

    public IReadOnlyList<UserAccount> ListUsers() => ReadUsers("");

    /// <summary>Case workers of a department: the colleagues a document can be assigned to.</summary>
    public IReadOnlyList<UserAccount> ListUsersOfDepartment(string department) =>
        ReadUsers("WHERE name IN (SELECT name FROM user_departments WHERE department = $dept)", ("$dept", department));

    private List<UserAccount> ReadUsers(string where, params (string Name, object Value)[] parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT u.name, u.password_hash, u.role, u.created_at,
                   (SELECT group_concat(department, ',') FROM (SELECT department FROM user_departments d
                    WHERE d.name = u.name ORDER BY department))
            FROM users u {where} ORDER BY u.name;
            """;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        var users = new List<UserAccount>();
        while (reader.Read())
            users.Add(new UserAccount(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(4) ? [] : reader.GetString(4).Split(','), Parse(reader.GetString(3))));
        return users;
    }
}
