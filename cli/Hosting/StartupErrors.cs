namespace Pipeline.Cli.Hosting;

/// <summary>Turns start-up errors (unknown plug-in names, bad options, no broker, InfluxDB unreachable) into one message and exit code 2.</summary>
internal static class StartupErrors
{
    public static async Task<int> Guard(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or FileNotFoundException
            or HttpRequestException or Confluent.Kafka.KafkaException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
    }
}
