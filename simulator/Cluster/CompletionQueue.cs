namespace Pipeline.Simulator.Cluster;

/// <summary>A request in service: when it completes, on which replica (index in the cluster's replica table), and when it arrived.</summary>
/// <remarks>Unmanaged on purpose: moving it inside the heap needs no GC write barrier.</remarks>
internal struct Completion
{
    public double Time;
    public double Arrival;
    public int Replica;
}

/// <summary>Binary min-heap of <see cref="Completion"/> structs ordered by time (no allocation after growth).</summary>
internal sealed class CompletionQueue
{
    private Completion[] _items = new Completion[256];

    public int Count { get; private set; }

    public double MinTime => Count > 0 ? _items[0].Time : double.PositiveInfinity;

    public void Push(double time, double arrival, int replica)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        var i = Count++;
        var items = _items;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (items[parent].Time <= time) break;
            items[i] = items[parent];
            i = parent;
        }
        items[i].Time = time;
        items[i].Arrival = arrival;
        items[i].Replica = replica;
    }

    public Completion Pop()
    {
        var items = _items;
        var top = items[0];
        var n = --Count;
        if (n > 0)
        {
            var last = items[n];
            var i = 0;
            while (true)
            {
                var child = 2 * i + 1;
                if (child >= n) break;
                if (child + 1 < n && items[child + 1].Time < items[child].Time) child++;
                if (items[child].Time >= last.Time) break;
                items[i] = items[child];
                i = child;
            }
            items[i] = last;
        }
        items[n] = default;
        return top;
    }
}
