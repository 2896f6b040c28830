using System.Reflection;
using Confluent.Kafka;
using Streamiz.Kafka.Net;

namespace Pipeline.Features.Streamiz;

/// <summary>
/// Gives the librdkafka properties of <c>--kafka-config</c> to every client Streamiz creates. Streamiz takes a
/// consumer or producer setting under a prefix (<c>main.consumer.</c>, <c>producer.</c>, ...), but builds its admin
/// client from its own typed properties only; so each general client setting (security.protocol, sasl.*, ssl.*) is
/// also parsed by Confluent's <see cref="ClientConfig"/> and copied to the <see cref="StreamConfig"/> property of the
/// same name and type.
/// </summary>
internal static class StreamizClientProperties
{
    public static void Apply(StreamConfig config, IReadOnlyDictionary<string, string> properties)
    {
        if (properties.Count == 0) return;
        foreach (var (key, value) in properties)
        {
            config.AddConfig(config.MainConsumerPrefix(key), value);
            config.AddConfig(config.RestoreConsumerPrefix(key), value);
            config.AddConfig(config.GlobalConsumerPrefix(key), value);
            config.AddConfig(config.ProducerPrefix(key), value);
        }
        var parsed = new ClientConfig(properties.ToDictionary(p => p.Key, p => p.Value));
        // Confluent parses enum values by their .NET names (SaslSsl), librdkafka files spell them SASL_SSL.
        var enumSpelling = new ClientConfig(properties.ToDictionary(p => p.Key, p => p.Value.Replace("_", "", StringComparison.Ordinal)));
        foreach (var source in typeof(ClientConfig).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (source.GetIndexParameters().Length > 0) continue;
            var target = config.GetType().GetProperty(source.Name, BindingFlags.Public | BindingFlags.Instance);
            if (target is null || !target.CanWrite || target.PropertyType != source.PropertyType) continue;
            if ((Read(source, parsed) ?? Read(source, enumSpelling)) is { } value) target.SetValue(config, value);
        }
    }

    private static object? Read(PropertyInfo property, ClientConfig config)
    {
        try { return property.GetValue(config); }
        catch (TargetInvocationException) { return null; } // not parseable as this property's type
    }
}
