using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Fleet.Proxy;
using Pipeline.Fleet.Replica;
using Pipeline.Fleet.Tests.Replica;

namespace Pipeline.Fleet.Tests.Proxy;

public sealed class AdminTests
{
    [Fact]
    public async Task PutWeights_KnownAndUnknownIds_AppliesKnownAndListsUnknown()
    {
        await using var replica = await RunningReplica.StartAsync(new ReplicaOptions());
        await using var proxy = await RunningProxy.StartAsync(new ProxyOptions { Balancer = ProxyBalancerNames.Learned });
        await proxy.AddAsync("r1", replica.Address);

        using var response = await proxy.Client.PutAsJsonAsync("/admin/weights", new Dictionary<string, double> { ["r1"] = 2.5, ["ghost"] = 1 });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ghost", Assert.Single(body.GetProperty("unknown").EnumerateArray()).GetString());
        var row = Assert.Single(await proxy.DestinationsAsync());
        Assert.Equal("r1", row.GetProperty("id").GetString());
        Assert.Equal(replica.Address.GetLeftPart(UriPartial.Authority), row.GetProperty("address").GetString());
        Assert.Equal(2.5, row.GetProperty("weight").GetDouble());
        Assert.True(row.GetProperty("ready").GetBoolean());
        Assert.Equal(0, row.GetProperty("inFlight").GetInt32());
    }

    [Fact]
    public async Task PutDestination_NotAnHttpUrl_Answers400()
    {
        await using var proxy = await RunningProxy.StartAsync(new ProxyOptions());

        using var response = await proxy.Client.PutAsJsonAsync("/admin/destinations/x", new { address = "not a url" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void Create_UnknownBalancer_ThrowsListingKnownNames()
    {
        var e = Assert.Throws<ArgumentException>(() => ProxyHost.Create(new ProxyOptions { Balancer = "magic" }));

        Assert.Contains(ProxyBalancerNames.PowerOfTwo, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Work_NoDestinations_Answers503()
    {
        await using var proxy = await RunningProxy.StartAsync(new ProxyOptions());

        using var response = await proxy.Client.GetAsync("/work");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
