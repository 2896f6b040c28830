using System.Net.Http.Headers;
using System.Text;

namespace Pipeline.Sink.Influx;

/// <summary>
/// How the writer authenticates, always as an <c>Authorization</c> header (never in the URL, so never in a logged URL):
/// a token (<c>Token &lt;token&gt;</c>: InfluxDB 2.x/3.x through their v1-compatible <c>/write</c>, and 1.8+ with
/// <c>user:password</c> as the token; or <c>Bearer &lt;JWT&gt;</c> for 1.x with a shared secret), else user and password as
/// HTTP Basic (InfluxDB 1.x), else none.
/// </summary>
public static class InfluxAuth
{
    /// <summary>The token schemes accepted by <see cref="InfluxWriterOptions.TokenScheme"/>.</summary>
    public static IReadOnlyList<string> TokenSchemes { get; } = ["Token", "Bearer"];

    /// <summary>The header for <paramref name="options"/>, or null when it has no credentials.</summary>
    public static AuthenticationHeaderValue? Header(InfluxWriterOptions options)
    {
        if (!string.IsNullOrEmpty(options.Token))
        {
            if (!TokenSchemes.Contains(options.TokenScheme, StringComparer.Ordinal))
                throw new ArgumentException($"InfluxDB token scheme: must be one of {string.Join(", ", TokenSchemes)}, was \"{options.TokenScheme}\"");
            return new AuthenticationHeaderValue(options.TokenScheme, options.Token);
        }
        var (user, password) = options.Username is not null ? (options.Username, options.Password ?? "") : FromUserInfo(options.Url.UserInfo);
        return user is null ? null : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    /// <summary>Which kind of credentials <paramref name="options"/> carries, for logs: "token", "bearer", "user alice" or "none".</summary>
    public static string Describe(InfluxWriterOptions options) =>
        !string.IsNullOrEmpty(options.Token) ? options.TokenScheme.ToLowerInvariant()
        : (options.Username ?? FromUserInfo(options.Url.UserInfo).User) is { } user ? $"user {user}"
        : "none";

    /// <summary>A request to <paramref name="uri"/> with the credentials of <paramref name="options"/>.</summary>
    public static HttpRequestMessage Post(Uri uri, HttpContent content, InfluxWriterOptions options)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.Authorization = Header(options);
        return request;
    }

    /// <summary>
    /// <paramref name="url"/> safe to print: a password in its user info and the values of <c>p</c>, <c>password</c> and
    /// <c>token</c> query parameters become <c>***</c>. Text that is not a URL is returned as "(not a URL)".
    /// </summary>
    public static string Redact(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return "(not a URL)";
        var builder = new UriBuilder(uri);
        if (builder.Password.Length > 0) builder.Password = "***";
        if (builder.Query.Length > 1)
            builder.Query = string.Join('&', builder.Query.TrimStart('?').Split('&').Select(pair =>
                pair.Split('=', 2) is [var key, _] && SecretParameters.Contains(Uri.UnescapeDataString(key)) ? $"{key}=***" : pair));
        return builder.Uri.ToString();
    }

    private static readonly HashSet<string> SecretParameters = new(StringComparer.OrdinalIgnoreCase) { "p", "password", "token" };

    private static (string? User, string Password) FromUserInfo(string userInfo)
    {
        if (userInfo.Length == 0) return (null, "");
        var colon = userInfo.IndexOf(':');
        return colon < 0
            ? (Uri.UnescapeDataString(userInfo), "")
            : (Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
    }
}
