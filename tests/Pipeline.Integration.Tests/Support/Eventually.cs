namespace Pipeline.Integration.Tests.Support;

/// <summary>Polls a condition until it holds or a timeout passes.</summary>
internal static class Eventually
{
    public static async Task<bool> HoldsAsync(Func<bool> condition, TimeSpan timeout, TimeSpan? poll = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition()) return true;
            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(200));
        }
        return condition();
    }

    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? poll = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(500));
        }
        return await condition();
    }
}
