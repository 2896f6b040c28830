namespace Pipeline.Fleet.Proxy.Learned;

/// <summary>What the learned balancer knows about one candidate when a request arrives.</summary>
internal readonly record struct LearnedCandidate(string Id, double Weight, int InFlight, int Workers);
