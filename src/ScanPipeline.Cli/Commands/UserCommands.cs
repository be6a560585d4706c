using System.CommandLine;
using ScanPipeline.Storage;
using ScanPipeline.Web.Security;
using Spectre.Console;

namespace ScanPipeline.Cli.Commands;

/// <summary>
/// <c>scanpipe users add --name N --password-stdin --role caseworker|operator|admin [--department CODE]...</c> and
/// <c>scanpipe users list</c>: the local web accounts. The password is read from standard input, never from the
/// command line, where other users of the machine could see it.
/// </summary>
internal static class UserCommands
{
    public static Command Create()
    {
        var users = new Command("users", Texts.UsersDescription);
        users.Subcommands.Add(CreateAdd());
        users.Subcommands.Add(CreateList());
        return users;
    }

    private static Command CreateAdd()
    {
        var name = new Option<string>("--name") { Description = Texts.UsersNameOption, Required = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = Texts.UsersPasswordStdinOption, Required = true };
        var role = new Option<string>("--role") { Description = Texts.UsersRoleOption, Required = true };
        role.AcceptOnlyFromAmong([.. UserRoles.All]);
        var department = new Option<string[]>("--department") { Description = Texts.UsersDepartmentOption, AllowMultipleArgumentsPerToken = false };
        var command = new Command("add", Texts.UsersAddDescription) { name, passwordStdin, role, department };
        command.SetAction(parse =>
        {
            // The first line of standard input; a trailing newline from `echo` or a file is not part of it.
            var password = Console.In.ReadLine() ?? "";
            using var host = CliHost.Create(storage: true);
            var rules = host.LoadRoutingRules();
            var accounts = new UserAccounts(host.Get<MetadataStore>(), TimeProvider.System);
            var user = parse.GetRequiredValue(name).Trim();
            var departments = parse.GetValue(department) ?? [];
            var error = accounts.Save(user, password, parse.GetRequiredValue(role), departments, rules);
            if (error is not null)
            {
                Console.Error.WriteLine(error switch
                {
                    AccountError.InvalidName => Texts.UsersInvalidName,
                    AccountError.PasswordTooShort => string.Format(Texts.UsersPasswordTooShort, UserAccounts.MinPasswordLength),
                    AccountError.DepartmentNeeded => Texts.UsersDepartmentNeeded,
                    AccountError.UnknownDepartment => string.Format(Texts.UnknownDepartment, string.Join(", ", departments),
                        string.Join(", ", rules.Departments.Select(d => d.Code))),
                    _ => Texts.UsersInvalidRole,
                });
                return 2;
            }
            Console.WriteLine(string.Format(Texts.UsersSaved, user));
            return 0;
        });
        return command;
    }

    private static Command CreateList()
    {
        var command = new Command("list", Texts.UsersListDescription);
        command.SetAction(_ =>
        {
            using var host = CliHost.Create(storage: true);
            var table = new Table().AddColumns(Texts.UsersColumnName, Texts.UsersColumnRole, Texts.UsersColumnDepartments, Texts.UsersColumnCreated);
            foreach (var user in host.Get<MetadataStore>().ListUsers())
                table.AddRow(Markup.Escape(user.Name), user.Role, string.Join(", ", user.Departments), user.CreatedAt.ToString("yyyy-MM-dd"));
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
