using Steppe.Domain.Banks;
using Steppe.Domain.Live;
using Steppe.Web.Live;

namespace Steppe.Web.Tests.Live;

public sealed class GameRegistryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly Question[] Quiz = [new TrueFalseQuestion { Id = "q", Prompt = "Astana is the capital.", Answer = true }];

    [Theory]
    [InlineData(29, null, true, 0)]      // ended 29 minutes ago: a late phone can still get its summary
    [InlineData(31, null, true, 1)]      // ended 31 minutes ago: forgotten (its results are stored)
    [InlineData(null, 59, false, 0)]     // a lobby open for 59 minutes: the class may still be coming in
    [InlineData(null, 61, false, 1)]     // a lobby never started in an hour: left open, forgotten
    [InlineData(null, 239, true, 0)]     // played for just under 4 hours
    [InlineData(null, 241, true, 1)]     // never ended, over 4 hours: forgotten (it was 12 hours)
    public void Finished_and_abandoned_games_are_forgotten(int? endedMinutesAgo, int? createdMinutesAgo, bool started, int removed)
    {
        var registry = new GameRegistry();
        var now = T0.AddHours(24);
        var hosted = registry.Create("host", "Bank", new GameSettings(), Quiz, now.AddMinutes(-(createdMinutesAgo ?? 60)));
        if (started)
        {
            hosted.StartedAt = hosted.CreatedAt;
        }
        if (endedMinutesAgo is { } ago)
        {
            hosted.EndedAt = now.AddMinutes(-ago);
        }

        registry.Sweep(now).Should().Be(removed);
        (registry.Find(hosted.Pin) is null).Should().Be(removed == 1);
    }

    [Fact]
    public void An_ordering_question_is_shuffled_once_and_never_in_the_answers_order()
    {
        var hosted = new GameRegistry().Create("host", "Bank", new GameSettings(), Quiz, T0);
        string[] answer = ["a", "b"];

        var first = hosted.ItemsFor(0, answer);

        first.Should().Equal("b", "a");
        hosted.ItemsFor(0, answer).Should().BeSameAs(first, "a phone that rejoins sees the same list");
    }

    [Fact]
    public async Task When_every_pin_is_taken_making_a_game_fails_with_a_message_instead_of_looping_forever()
    {
        var registry = new GameRegistry(nextPin: () => "123456"); // a PIN space of one
        registry.Create("host-a", "Bank", new GameSettings(), Quiz, T0);

        var second = Task.Run(() => registry.Create("host-b", "Bank", new GameSettings(), Quiz, T0));

        (await second.ContinueWith(t => t.Exception?.InnerException, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(10)))
            .Should().BeOfType<Microsoft.AspNetCore.SignalR.HubException>().Which.Message.Should().Contain("No free PIN");
    }

    [Fact]
    public void A_host_may_keep_only_so_many_games_open_and_an_ended_one_frees_its_place()
    {
        var registry = new GameRegistry(Microsoft.Extensions.Options.Options.Create(new LiveOptions { OpenGamesPerHost = 2 }));
        var first = registry.Create("host", "Bank", new GameSettings(), Quiz, T0);
        registry.Create("host", "Bank", new GameSettings(), Quiz, T0);

        var third = () => registry.Create("host", "Bank", new GameSettings(), Quiz, T0);

        third.Should().Throw<Microsoft.AspNetCore.SignalR.HubException>().WithMessage("You have 2 games open, the most a host may have (2)*");
        registry.Create("another host", "Bank", new GameSettings(), Quiz, T0).Should().NotBeNull();
        first.EndedAt = T0;
        third.Should().NotThrow();
    }
}
