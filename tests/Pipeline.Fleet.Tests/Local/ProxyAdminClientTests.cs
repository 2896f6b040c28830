using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Fleet.Local;
using Pipeline.Fleet.Tests.Support;

namespace Pipeline.Fleet.Tests.Local;

/// <summary>The admin client against a real <c>pipeline proxy</c> process, with a real Kestrel app as the destination.</summary>
public sealed class ProxyAdminClientTests
{
    [Fact]
    public async Task AddWeightRemove_RealProxy_DestinationListedWeightedThenGone()
    {
        await using var service = await TestService.Delayed(TimeSpan.FromMilliseconds(1));
        using var proxy = ProxyProcess.Start();
        using var admin = new ProxyAdminClient(proxy.BaseUrl, TimeSpan.FromSeconds(5));

        await admin.AddAsync("web-a", service.BaseUrl, CancellationToken.None);
        await admin.SetWeightsAsync(new Dictionary<string, double> { ["web-a"] = 2.5 }, CancellationToken.None);
        var listed = Assert.Single(await admin.ListAsync(CancellationToken.None));
        using var http = new HttpClient();
        var proxied = await http.GetAsync(new Uri(proxy.BaseUrl, "/work"));
        var drained = await admin.RemoveAsync("web-a", TimeSpan.FromSeconds(5), CancellationToken.None);
        var unknown = await admin.RemoveAsync("web-a", TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal("web-a", listed.Id);
        Assert.Equal(service.BaseUrl.GetLeftPart(UriPartial.Authority), listed.Address);
        Assert.Equal(2.5, listed.Weight);
        Assert.Equal(System.Net.HttpStatusCode.OK, proxied.StatusCode);
        Assert.True(drained);
        Assert.True(unknown);
        Assert.Empty(await admin.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_RequestStillInFlightPastTimeout_ReturnsFalse()
    {
        await using var service = await TestService.Delayed(TimeSpan.FromSeconds(5));
        using var proxy = ProxyProcess.Start();
        using var admin = new ProxyAdminClient(proxy.BaseUrl, TimeSpan.FromSeconds(5));
        await admin.AddAsync("web-slow", service.BaseUrl, CancellationToken.None);
        using var http = new HttpClient();
        var slow = http.GetAsync(new Uri(proxy.BaseUrl, "/work"));
        Assert.True(await LocalTargetTests.Eventually(() =>
            admin.ListAsync(CancellationToken.None).Result.Single().InFlight == 1, TimeSpan.FromSeconds(10)));

        var drained = await admin.RemoveAsync("web-slow", TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.False(drained);
        await slow;
    }
}
