using Steppe.Domain.Scheduling;

namespace Steppe.Domain.Tests.Scheduling;

public class StepListTests
{
    [Theory]
    [InlineData("1m 10m", new[] { 1.0, 10.0 })]
    [InlineData("1m,10m", new[] { 1.0, 10.0 })]
    [InlineData("15m, 1h, 1d", new[] { 15.0, 60.0, 1440.0 })]
    [InlineData("", new double[0])]
    public void Steps_are_read_in_minutes_hours_and_days(string text, double[] minutes)
    {
        StepList.Parse(text).Select(s => s.TotalMinutes).Should().Equal(minutes);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("1w")]
    [InlineData("0m")]
    [InlineData("-5m")]
    public void Anything_else_is_refused_with_the_part_that_is_wrong(string text)
    {
        var act = () => StepList.Parse(text);

        act.Should().Throw<FormatException>().WithMessage($"'{text}' is not a step*");
    }

    [Theory]
    [InlineData(0.5, "1m")]
    [InlineData(10, "10m")]
    [InlineData(90, "2h")]
    [InlineData(3 * 1440, "3d")]
    [InlineData(75 * 1440, "2.5mo")]
    [InlineData(500 * 1440, "1.4y")]
    public void A_duration_reads_as_a_button_label(double minutes, string label)
    {
        StepList.Format(TimeSpan.FromMinutes(minutes)).Should().Be(label);
    }
}
