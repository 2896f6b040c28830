using System.Net;
using System.Net.Sockets;

namespace Pipeline.Fleet.Load;

/// <summary>Names a failed request's kind for the error counts: <c>http 503</c>, <c>connection refused</c>, <c>timeout</c>, ...</summary>
internal static class ErrorKinds
{
    public const string Timeout = "timeout";
    public const string ConnectionRefused = "connection refused";

    public static string Of(HttpStatusCode status) => $"http {(int)status}";

    public static string Of(Exception e) => e switch
    {
        OperationCanceledException or TimeoutException => Timeout,
        HttpRequestException { InnerException: SocketException s } => Of(s),
        HttpRequestException { InnerException: IOException { InnerException: SocketException s } } => Of(s),
        HttpRequestException h when h.HttpRequestError != HttpRequestError.Unknown => Words(h.HttpRequestError.ToString()),
        HttpRequestException { InnerException: { } inner } => Of(inner),
        _ => Words(e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)),
    };

    private static string Of(SocketException s) => s.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => ConnectionRefused,
        SocketError.TimedOut => Timeout,
        _ => "socket " + Words(s.SocketErrorCode.ToString()),
    };

    private static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
