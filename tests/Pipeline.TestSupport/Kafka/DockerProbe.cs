using System.Net.Sockets;

namespace Pipeline.TestSupport.Kafka;

/// <summary>Whether a Docker engine answers (<c>DOCKER_HOST</c> over TCP, else <c>/var/run/docker.sock</c>), probed once per test run.</summary>
public static class DockerProbe
{
    private static readonly Lazy<string?> Problem = new(Probe);

    /// <summary>True when <c>GET /_ping</c> answered OK.</summary>
    public static bool Available => Problem.Value is null;

    /// <summary>Why Docker is not available, or null when it is.</summary>
    public static string? Unavailable => Problem.Value;

    private static string? Probe()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        try
        {
            using var handler = new SocketsHttpHandler();
            Uri baseUri;
            if (host is { Length: > 0 } && host.StartsWith("tcp://", StringComparison.Ordinal))
            {
                baseUri = new Uri("http://" + host["tcp://".Length..]);
            }
            else
            {
                var socket = host is { Length: > 0 } && host.StartsWith("unix://", StringComparison.Ordinal) ? host["unix://".Length..] : "/var/run/docker.sock";
                if (!File.Exists(socket)) return $"no Docker engine: {socket} does not exist and DOCKER_HOST is not a tcp:// address";
                handler.ConnectCallback = async (_, ct) =>
                {
                    var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), ct);
                    return new NetworkStream(s, ownsSocket: true);
                };
                baseUri = new Uri("http://docker");
            }
            using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(3) };
            var answer = http.GetStringAsync(new Uri(baseUri, "/_ping")).GetAwaiter().GetResult();
            return answer.Trim() == "OK" ? null : $"Docker engine answered /_ping with '{answer.Trim()}'";
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException or IOException)
        {
            return $"no Docker engine answered ({e.GetType().Name}: {e.Message})";
        }
    }
}
