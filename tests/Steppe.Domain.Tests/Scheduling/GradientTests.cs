using Steppe.Domain.Scheduling;
using Steppe.Domain.Scheduling.Optimization;

namespace Steppe.Domain.Tests.Scheduling;

public class GradientTests
{
    // V14 (fsrs-optimizer test_loss_and_grad, same in fsrs-rs): four cards, six reviews each, then a prediction.
    private static readonly int[,] Days = { { 0, 0, 0, 0 }, { 0, 0, 0, 0 }, { 0, 0, 0, 1 }, { 0, 1, 1, 3 }, { 1, 3, 3, 5 }, { 3, 6, 6, 12 } };
    private static readonly int[,] Ratings = { { 1, 2, 3, 4 }, { 3, 4, 2, 4 }, { 1, 4, 4, 3 }, { 4, 3, 3, 3 }, { 3, 1, 3, 3 }, { 2, 3, 3, 4 } };
    private static readonly int[] PredictAfter = [4, 11, 12, 23];
    private static readonly bool[] Recalled = [true, true, true, false];

    private static CardHistory Card(int k) => new(
        k,
        [.. Enumerable.Range(0, 6).Select(i => (Rating)Ratings[i, k]), Recalled[k] ? Rating.Good : Rating.Again],
        [.. Enumerable.Range(0, 6).Select(i => Days[i, k]), PredictAfter[k]],
        [.. Enumerable.Range(0, 7).Select(i => DateTimeOffset.UnixEpoch.AddDays(i))]);

    private static (double Loss, double[] Gradient) LossAndGradient(double[] w)
    {
        var gradient = new double[21];
        var loss = Enumerable.Range(0, 4).Sum(k => Gradients.Accumulate(w, Card(k), 6, 1.0, gradient));
        return (loss, gradient);
    }

    [Fact]
    public void The_loss_and_gradient_match_the_reference_optimizer()
    {
        var (loss, gradient) = LossAndGradient([.. FsrsParameters.Default.W]);

        loss.Should().BeApproximately(4.0466027, 1e-5);
        double[] expected =
        [
            -0.095688485, -0.0051607806, -0.0012249565, 0.007462064, 0.03650761, -0.082112335, 0.0593964,
            -2.1474836, 0.57626534, -2.8751316, 0.7154875, -0.028993709, 0.0099172965, -0.2189217,
            -0.0017800558, -0.089381434, 0.299141, 0.068104014, -0.011605468, -0.25398168, 0.27700496,
        ];
        for (var k = 0; k < 21; k++)
        {
            // float32 in the reference: agree to 1e-4 relative or 1e-6 absolute
            gradient[k].Should().BeApproximately(expected[k], Math.Max(1e-4 * Math.Abs(expected[k]), 1e-6), $"∂loss/∂w{k}");
        }
    }

    [Fact]
    public void The_analytic_gradient_agrees_with_finite_differences_away_from_the_defaults()
    {
        double[] w = [0.3, 1.1, 2.9, 9.5, 6.2, 0.7, 2.8, 0.05, 1.7, 0.2, 0.9, 1.6, 0.05, 0.3, 1.5, 0.5, 2.1, 0.4, 0.1, 0.05, 0.2];
        var (_, gradient) = LossAndGradient(w);

        for (var k = 0; k < 21; k++)
        {
            var h = 1e-6 * Math.Max(1, Math.Abs(w[k]));
            double[] up = [.. w], down = [.. w];
            up[k] += h;
            down[k] -= h;
            var numeric = (LossAndGradient(up).Loss - LossAndGradient(down).Loss) / (2 * h);
            gradient[k].Should().BeApproximately(numeric, 1e-5 + 1e-4 * Math.Abs(numeric), $"∂loss/∂w{k}");
        }
    }
}
