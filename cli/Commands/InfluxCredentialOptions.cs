using System.CommandLine;
using Pipeline.Sink.Influx;

namespace Pipeline.Cli.Commands;

/// <summary>
/// InfluxDB credentials from options, files or the environment, never from a value on the command line (which other
/// users see in the process list): <c>--influx-token-file</c> / <c>$INFLUX_TOKEN_FILE</c> / <c>$INFLUX_TOKEN</c>, and
/// <c>--influx-user</c> / <c>$INFLUX_USERNAME</c> with <c>--influx-password-file</c> / <c>$INFLUX_PASSWORD_FILE</c> / <c>$INFLUX_PASSWORD</c>.
/// </summary>
internal sealed class InfluxCredentialOptions
{
    public Option<string?> TokenFile { get; } = new("--influx-token-file") { Description = "File holding the InfluxDB token (else $INFLUX_TOKEN_FILE, $INFLUX_TOKEN); sent as an Authorization header." };
    public Option<string> TokenScheme { get; } = new("--influx-token-scheme") { Description = "Token (InfluxDB 2.x/3.x, 1.8+) or Bearer (a JWT for 1.x).", DefaultValueFactory = _ => "Token" };
    public Option<string?> User { get; } = new("--influx-user") { Description = "InfluxDB user (else $INFLUX_USERNAME); sent as HTTP Basic with the password." };
    public Option<string?> Organization { get; } = new("--influx-org") { Description = "InfluxDB 2.x/3.x organization (else $INFLUX_ORG): write to /api/v2/write with --database as the bucket (token auth)." };
    public Option<string?> PasswordFile { get; } = new("--influx-password-file") { Description = "File holding the InfluxDB password (else $INFLUX_PASSWORD_FILE, $INFLUX_PASSWORD)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { TokenFile, TokenScheme, User, PasswordFile, Organization }) command.Options.Add(option);
    }

    /// <summary>Sets the credentials of <paramref name="options"/> from the options, else from the environment.</summary>
    public InfluxWriterOptions Apply(ParseResult? result, InfluxWriterOptions options)
    {
        options.Token = Secret(result?.GetValue(TokenFile), "INFLUX_TOKEN") ?? options.Token;
        options.TokenScheme = result?.GetValue(TokenScheme) ?? options.TokenScheme;
        options.Username = result?.GetValue(User) ?? (Environment.GetEnvironmentVariable("INFLUX_USERNAME") is { Length: > 0 } user ? user : options.Username);
        options.Password = Secret(result?.GetValue(PasswordFile), "INFLUX_PASSWORD") ?? options.Password;
        options.Organization = result?.GetValue(Organization) ?? (Environment.GetEnvironmentVariable("INFLUX_ORG") is { Length: > 0 } org ? org : options.Organization);
        InfluxAuth.Header(options); // an unknown token scheme fails at start-up
        return options;
    }

    /// <summary>The trimmed content of <paramref name="file"/>, else of <c>${variable}_FILE</c>, else <c>${variable}</c>, else null.</summary>
    private static string? Secret(string? file, string variable)
    {
        file ??= Environment.GetEnvironmentVariable(variable + "_FILE") is { Length: > 0 } f ? f : null;
        if (file is not null) return File.ReadAllText(file).Trim();
        return Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;
    }
}
