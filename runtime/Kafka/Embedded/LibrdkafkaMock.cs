using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace Pipeline.Runtime.Kafka.Embedded;

/// <summary>
/// The mock-cluster functions librdkafka exports but Confluent.Kafka does not wrap, bound from the very library
/// Confluent.Kafka loaded (found in <c>/proc/self/maps</c>, else next to the application).
/// </summary>
internal static class LibrdkafkaMock
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr HandleMockClusterFn(IntPtr rk);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl, CharSet = CharSet.Ansi)]
    private delegate int TopicCreateFn(IntPtr cluster, [MarshalAs(UnmanagedType.LPStr)] string topic, int partitions, int replicationFactor);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int SetIntFn(IntPtr cluster, int value);

    private static readonly Lazy<IntPtr> Library = new(LoadLibrary);

    /// <summary>The <c>rd_kafka_mock_cluster_t*</c> of a client created with <c>test.mock.num.brokers</c>.</summary>
    public static IntPtr ClusterOf(IClient client)
    {
        var property = typeof(Handle).GetProperty("LibrdkafkaHandle", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException("Confluent.Kafka.Handle has no LibrdkafkaHandle property in this version.");
        var safeHandle = (SafeHandle)property.GetValue(client.Handle)!;
        var cluster = Bind<HandleMockClusterFn>("rd_kafka_handle_mock_cluster")(safeHandle.DangerousGetHandle());
        return cluster != IntPtr.Zero
            ? cluster
            : throw new InvalidOperationException("The client has no mock cluster (was test.mock.num.brokers set?).");
    }

    /// <summary>Creates a topic; returns librdkafka's error code (0 = success).</summary>
    public static int CreateTopic(IntPtr cluster, string topic, int partitions, int replicationFactor) =>
        Bind<TopicCreateFn>("rd_kafka_mock_topic_create")(cluster, topic, partitions, replicationFactor);

    /// <summary>Makes new consumer groups rebalance immediately instead of after the default 3 s.</summary>
    public static void SetInitialRebalanceDelay(IntPtr cluster, int milliseconds) =>
        Bind<SetIntFn>("rd_kafka_mock_group_initial_rebalance_delay_ms")(cluster, milliseconds);

    /// <summary>Sets the broker that answers as controller.</summary>
    public static int SetController(IntPtr cluster, int brokerId) =>
        Bind<SetIntFn>("rd_kafka_mock_set_controller_id")(cluster, brokerId);

    /// <summary>Disconnects broker <paramref name="brokerId"/> and refuses new connections until <see cref="SetBrokerUp"/>.</summary>
    public static int SetBrokerDown(IntPtr cluster, int brokerId) =>
        Bind<SetIntFn>("rd_kafka_mock_broker_set_down")(cluster, brokerId);

    /// <summary>Lets broker <paramref name="brokerId"/> accept connections again.</summary>
    public static int SetBrokerUp(IntPtr cluster, int brokerId) =>
        Bind<SetIntFn>("rd_kafka_mock_broker_set_up")(cluster, brokerId);

    private static T Bind<T>(string name) where T : Delegate =>
        Marshal.GetDelegateForFunctionPointer<T>(NativeLibrary.GetExport(Library.Value, name));

    private static IntPtr LoadLibrary()
    {
        var loaded = File.Exists("/proc/self/maps")
            ? File.ReadLines("/proc/self/maps")
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(parts => parts.Length >= 6 && Path.GetFileName(parts[5]).Contains("librdkafka", StringComparison.Ordinal))
                .Select(parts => parts[5])
                .FirstOrDefault()
            : null;
        if (loaded is not null) return NativeLibrary.Load(loaded);
        foreach (var candidate in CandidatePaths())
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle)) return handle;
        }
        throw new DllNotFoundException("librdkafka is not loaded and was not found under runtimes/<rid>/native.");
    }

    private static IEnumerable<string> CandidatePaths()
    {
        var native = Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native");
        yield return Path.Combine(native, "librdkafka.so");
        yield return Path.Combine(native, "centos8-librdkafka.so");
        yield return Path.Combine(native, "librdkafka.dylib");
        yield return Path.Combine(native, "librdkafka.dll");
    }
}
