using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Steppe.Domain.Banks;
using Steppe.Domain.Live;
using Steppe.Web.Live;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Live;

/// <summary>The game clock ticks only while the server holds a game: a day of a fake clock with no game costs nothing
/// (the old clock fired 1.7 million times), and a game wakes it and ends its sleep.</summary>
public sealed class LiveClockTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly SteppeFactory _app;

    public LiveClockTests() => _app = new SteppeFactory(_folder);

    public void Dispose()
    {
        _app.Dispose();
        _folder.Dispose();
    }

    private static readonly IReadOnlyList<Question> Quiz =
        [new ShortAnswerQuestion { Id = "q", Prompt = "Capital of Kazakhstan?", Answer = "Astana" }];

    private static async Task Eventually(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }
        condition().Should().BeTrue();
    }

    [Fact]
    public async Task The_clock_sleeps_without_a_game_wakes_for_one_and_sleeps_again_when_it_is_gone()
    {
        _ = _app.CreateClient(); // starts the app
        var clock = _app.Services.GetServices<IHostedService>().OfType<LiveClock>().Single();
        var games = _app.Services.GetRequiredService<GameRegistry>();

        _app.Clock.Advance(TimeSpan.FromDays(1));
        await Task.Delay(200);
        clock.Ticks.Should().Be(0, "no game, no tick");

        games.Create("host", "Capitals", new GameSettings(), Quiz, _app.Clock.GetUtcNow());
        for (var i = 0; i < 5; i++)
        {
            _app.Clock.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(20);
        }
        await Eventually(() => clock.Ticks > 0);

        _app.Clock.Advance(GameRegistry.KeepUnstarted + TimeSpan.FromMinutes(2)); // a lobby never started is swept
        await Eventually(() => games.Count == 0);
        _app.Clock.Advance(TimeSpan.FromMinutes(1)); // lets the loop see that no game is left
        await Task.Delay(200);
        var asleep = clock.Ticks;
        _app.Clock.Advance(TimeSpan.FromDays(1));
        await Task.Delay(200);
        clock.Ticks.Should().Be(asleep, "the clock went back to sleep");
    }
}
