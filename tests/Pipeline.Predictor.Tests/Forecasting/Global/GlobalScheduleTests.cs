using Pipeline.Predictor.Forecasting.Global;

namespace Pipeline.Predictor.Tests.Forecasting.Global;

public class GlobalScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(15, 199, false, 0, false)] // too few pooled rows
    [InlineData(15, 200, false, 0, true)] // first model
    [InlineData(15, 300, true, 23, false)] // trained at 200: neither doubled nor a day old
    [InlineData(15, 400, true, 1, true)] // doubled
    [InlineData(15, 300, true, 24, true)] // a day old
    [InlineData(3600, 300, true, 24, false)] // hourly: a day is 24 points, fewer than RetrainMinPoints (500)
    [InlineData(3600, 300, true, 500, true)] // hourly: 500 points
    public void Due_AfterARoundAt200Rows_FollowsRowsAndEventTime(int stepSeconds, long rows, bool trained, int hoursLater, bool due)
    {
        var step = TimeSpan.FromSeconds(stepSeconds);
        var schedule = new GlobalSchedule(minRows: 200, interval: TimeSpan.FromDays(1), minPoints: 500);
        schedule.Add(Math.Min(rows, 200), T0, step);
        if (trained) schedule.Started();
        schedule.Add(rows - Math.Min(rows, 200), T0.AddHours(hoursLater), step);

        Assert.Equal(due, schedule.Due(hasModel: trained));
    }
}
