using Pipeline.Predictor.Routing.Learned;

namespace Pipeline.Predictor.Tests.Routing.Learned;

public sealed class RecursiveLeastSquaresTests
{
    [Fact]
    public void Add_LinearData_RecoversInterceptAndSlope()
    {
        var rls = new RecursiveLeastSquares(0.95);

        for (var i = 0; i < 50; i++)
        {
            var x = i % 7 * 0.5;
            rls.Add(x, 100 + 40 * x);
        }

        Assert.Equal(100, rls.A, 3);
        Assert.Equal(40, rls.B, 3);
    }

    [Fact]
    public void Add_ChangedRelation_ForgetsTheOldOne()
    {
        var rls = new RecursiveLeastSquares(0.8);
        for (var i = 0; i < 40; i++) rls.Add(i % 5, 100 + 10 * (i % 5));

        for (var i = 0; i < 40; i++) rls.Add(i % 5, 400 + 10 * (i % 5)); // the replica became 4x slower

        Assert.Equal(400, rls.A, 0);
    }

    [Fact]
    public void Add_ConstantInput_DoesNotWindUp()
    {
        var rls = new RecursiveLeastSquares(0.9);
        for (var i = 0; i < 10_000; i++) rls.Add(1, 100);

        Assert.True(double.IsFinite(rls.A) && double.IsFinite(rls.B));
        Assert.Equal(100, rls.Predict(1), 6);
    }
}
