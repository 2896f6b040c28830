using System.Text.Json;
using Pipeline.Contracts.Messages;

namespace Pipeline.Contracts.Serialization;

/// <summary>The members of a <see cref="FeatureWindow"/> and its replicas, in declaration order, as the serializer names them.</summary>
internal static class FeatureWindowWriter
{
    public static void Write(Utf8JsonWriter writer, FeatureWindow window)
    {
        writer.WriteStartObject();
        writer.WriteNumber("version"u8, window.Version);
        if (window.Service is not null) writer.WriteString("service"u8, window.Service);
        writer.WriteString("windowStart"u8, window.WindowStart);
        writer.WriteString("windowEnd"u8, window.WindowEnd);
        writer.WriteNumber("sampleCount"u8, window.SampleCount);
        writer.WriteNumber("replicas"u8, window.Replicas);
        writer.WriteNumber("readyReplicas"u8, window.ReadyReplicas);
        JsonDouble.Write(writer, "requestRate"u8, window.RequestRate);
        JsonDouble.Write(writer, "throughput"u8, window.Throughput);
        JsonDouble.Write(writer, "errorRate"u8, window.ErrorRate);
        JsonDouble.Write(writer, "utilization"u8, window.Utilization);
        writer.WriteNumber("inFlight"u8, window.InFlight);
        JsonDouble.Write(writer, "latencyMeanMs"u8, window.LatencyMeanMs);
        JsonDouble.Write(writer, "latencyP50Ms"u8, window.LatencyP50Ms);
        JsonDouble.Write(writer, "latencyP95Ms"u8, window.LatencyP95Ms);
        JsonDouble.Write(writer, "latencyP99Ms"u8, window.LatencyP99Ms);
        if (window.Normalized is { } normalized)
        {
            writer.WriteStartObject("normalized"u8);
            if (normalized is ScoreMap scores)
            {
                for (var i = 0; i < scores.Count; i++) JsonDouble.Write(writer, scores.At(i).Key, scores.At(i).Value);
            }
            else if (normalized is Dictionary<string, double> dictionary)
            {
                foreach (var (name, value) in dictionary) JsonDouble.Write(writer, name, value); // no boxed enumerator
            }
            else
            {
                foreach (var (name, value) in normalized) JsonDouble.Write(writer, name, value);
            }
            writer.WriteEndObject();
        }
        if (window.ReplicaFeatures is { } replicas)
        {
            writer.WriteStartArray("replicaFeatures"u8);
            for (var i = 0; i < replicas.Count; i++) Write(writer, replicas[i]);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, ReplicaFeatures? replica)
    {
        if (replica is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        if (replica.Replica is not null) writer.WriteString("replica"u8, replica.Replica);
        writer.WriteBoolean("ready"u8, replica.Ready);
        JsonDouble.Write(writer, "requestRate"u8, replica.RequestRate);
        JsonDouble.Write(writer, "throughput"u8, replica.Throughput);
        JsonDouble.Write(writer, "errorRate"u8, replica.ErrorRate);
        JsonDouble.Write(writer, "utilization"u8, replica.Utilization);
        writer.WriteNumber("inFlight"u8, replica.InFlight);
        JsonDouble.Write(writer, "latencyMeanMs"u8, replica.LatencyMeanMs);
        JsonDouble.Write(writer, "latencyP99Ms"u8, replica.LatencyP99Ms);
        writer.WriteEndObject();
    }
}
