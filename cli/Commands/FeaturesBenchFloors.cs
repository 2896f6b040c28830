using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Contracts.Validation;
using Pipeline.Features.Service;
using Pipeline.Runtime.Kafka.Hosting;
using Pipeline.Runtime.Kafka.Streaming;

namespace Pipeline.Cli.Commands;

/// <summary>
/// Lower bounds for <c>pipeline features-bench --floors</c>: stages on the same loop that do less than the features stage,
/// so its time can be split into what Kafka and the loop cost, what the JSON contract costs, and what windowing adds.
/// Both run as the features stage (same name, consumer settings and commit cadence) over the same records.
/// </summary>
internal static class FeaturesBenchFloors
{
    /// <summary>Name printed for <see cref="LoopOnly"/>.</summary>
    public const string LoopName = "floor: loop only";

    /// <summary>Name printed for <see cref="Contract"/> without its windows.</summary>
    public const string ReadName = "floor: read samples";

    /// <summary>Name printed for <see cref="Contract"/>.</summary>
    public const string ContractName = "floor: contract";

    /// <summary>The three floors in the order they run, each with the registration <see cref="FeaturesBench.Stage"/> takes.</summary>
    public static IReadOnlyList<(string Name, Action<IServiceCollection> Register)> Stages(WindowSchedule schedule) =>
    [
        (LoopName, s => s.AddStage<LoopOnly>()),
        (ReadName, s => s.AddSingleton(WindowSchedule.None).AddStage<Contract>()),
        (ContractName, s => s.AddSingleton(schedule).AddStage<Contract>()),
    ];

    /// <summary>Consumes through the loop and does nothing else: the loop's own cost over raw consume.</summary>
    public sealed class LoopOnly : IStageProcessor
    {
        public string Stage => FeaturesEngines.Stage;

        public IReadOnlyList<string> InputTopics { get; } = [TopicNames.Metrics];

        public int CommitEveryRecords => 10_000;

        public void Process(InputMessage message, IStageOutput output)
        {
        }
    }

    /// <summary>
    /// What any features stage with this contract must do: read and validate each sample's JSON, and publish (serialized
    /// by the loop) the windows the features stage publishes over the same records, taken from
    /// <see cref="WindowSchedule"/> instead of computed. With an empty schedule it only reads.
    /// </summary>
    public sealed class Contract(WindowSchedule schedule) : IStageProcessor
    {
        private int _consumed;

        public string Stage => FeaturesEngines.Stage;

        public IReadOnlyList<string> InputTopics { get; } = [TopicNames.Metrics];

        public int CommitEveryRecords => 10_000;

        public void Process(InputMessage message, IStageOutput output)
        {
            if (!MetricSampleJson.TryRead(message.Value, out var sample) || MetricSampleValidator.Validate(sample).Count > 0)
            {
                output.DeadLetter("invalid");
                return;
            }
            foreach (var window in schedule.After(_consumed++)) output.Publish(TopicNames.Features, window.Service, window);
        }
    }

    /// <summary>The windows the features stage closes after each record of the benchmark, computed once in memory.</summary>
    public sealed class WindowSchedule
    {
        private readonly FeatureWindow[][] _after;

        /// <summary>No windows after any record.</summary>
        public static WindowSchedule None { get; } = new([]);

        public WindowSchedule(IReadOnlyList<InputMessage> records)
        {
            var processor = new FeaturesProcessor(new Features.Windowing.WindowingOptions(), TimeProvider.System);
            var captured = new Capture();
            _after = new FeatureWindow[records.Count][];
            for (var i = 0; i < records.Count; i++)
            {
                processor.Process(records[i], captured);
                _after[i] = captured.Take();
                Windows += _after[i].Length;
            }
        }

        /// <summary>Windows in the schedule.</summary>
        public int Windows { get; }

        /// <summary>Microseconds to serialize one of the windows as the loop does, over all of them (a second pass, so compiled).</summary>
        public double SerializeMicroseconds()
        {
            var clock = new System.Diagnostics.Stopwatch();
            for (var pass = 0; pass < 2; pass++)
            {
                clock.Restart();
                foreach (var windows in _after)
                {
                    foreach (var window in windows) JsonSerde<FeatureWindow>.Instance.Serialize(window, default);
                }
            }
            return clock.Elapsed.TotalMilliseconds * 1000 / Math.Max(1, Windows);
        }

        /// <summary>The windows closed after the record at <paramref name="index"/> (none past the end).</summary>
        public FeatureWindow[] After(int index) => index < _after.Length ? _after[index] : [];

        private sealed class Capture : IStageOutput
        {
            private readonly List<FeatureWindow> _windows = [];

            public void Publish<T>(string topic, string key, T message)
            {
                if (message is FeatureWindow window) _windows.Add(window);
            }

            public void DeadLetter(string reason) => throw new InvalidOperationException($"benchmark record dead-lettered: {reason}");

            public FeatureWindow[] Take()
            {
                if (_windows.Count == 0) return [];
                var taken = _windows.ToArray();
                _windows.Clear();
                return taken;
            }
        }
    }
}
