using Microsoft.Extensions.Time.Testing;
using Steppe.Domain.Banks;
using Steppe.Domain.Live;

namespace Steppe.Domain.Tests.Live;

public sealed class LiveGameTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private static int _tokens;

    private static readonly Question[] Quiz =
    [
        new MultipleChoiceQuestion { Id = "capital", Prompt = "Capital of Kazakhstan?", Choices = ["Astana", "Almaty", "Shymkent"], Answer = "Astana" },
        new TrueFalseQuestion { Id = "border", Prompt = "China borders Kazakhstan.", Answer = true, TimeLimitSeconds = 10 },
        new NumericQuestion { Id = "year", Prompt = "Independence year?", Answer = 1991, Points = 2000 },
    ];

    private static readonly GivenAnswer Right0 = new(Text: "Astana");
    private static readonly GivenAnswer Wrong0 = new(Text: "Almaty");

    private DateTimeOffset Now => _clock.GetUtcNow();

    private static string Token() => $"token-{Interlocked.Increment(ref _tokens):D4}-0123456789abcdef";

    private LiveGame Game(GameSettings? settings = null, params string[] players)
    {
        var game = new LiveGame(settings ?? new GameSettings(), Quiz);
        foreach (var p in players)
        {
            game.Join(p, Token()).Status.Should().Be(JoinStatus.Joined);
        }
        return game;
    }

    [Fact]
    public void Nicknames_are_unique_ignoring_case_and_a_locked_or_ended_game_takes_no_one()
    {
        var game = Game(null, "Aruzhan");

        game.Join("ARUZHAN", Token()).Status.Should().Be(JoinStatus.NicknameTaken);
        game.Join("", Token()).Status.Should().Be(JoinStatus.NicknameRefused);
        game.LockLobby(true);
        game.Join("Dana", Token()).Status.Should().Be(JoinStatus.Locked);
        game.LockLobby(false);
        game.Join("Dana", Token()).Status.Should().Be(JoinStatus.Joined);
        game.End();
        game.Join("Erlan", Token()).Status.Should().Be(JoinStatus.Ended);
        game.Players.Select(p => p.Nickname).Should().Equal("Aruzhan", "Dana");
    }

    [Fact]
    public void A_rejoin_token_brings_back_the_player_unless_kicked()
    {
        var game = Game();
        var token = Token();
        var player = game.Join("Aigerim", token).Player!;

        game.Rejoin(token).Should().BeSameAs(player);
        game.Rejoin(Token()).Should().BeNull();
        game.Kick(player.Id).Should().BeTrue();
        game.Rejoin(token).Should().BeNull();
        game.Join("aigerim", Token()).Status.Should().Be(JoinStatus.NicknameTaken, "a kicked player's name is not free for an impostor");
    }

    public static TheoryData<double, AnswerStatus, int> DeadlineRows => new()
    {
        // seconds after answers open (limit 20 s) → status, points
        { 0.2, AnswerStatus.Accepted, 1000 },
        { 19.999, AnswerStatus.Accepted, 500 },
        { 20, AnswerStatus.Accepted, 500 },
        { 20.001, AnswerStatus.TooLate, 0 },
    };

    [Theory]
    [MemberData(nameof(DeadlineRows))]
    public void The_server_clock_decides_at_the_deadline(double seconds, AnswerStatus status, int points)
    {
        var game = Game(null, "A", "B");
        game.Start(Now);

        _clock.Advance(TimeSpan.FromSeconds(seconds));
        var outcome = game.Answer(1, Right0, Now);

        outcome.Status.Should().Be(status);
        game.Players[0].Score.Should().Be(points);
    }

    [Fact]
    public void Answers_open_after_the_reading_delay_and_are_timed_from_the_opening()
    {
        var game = Game(new GameSettings { ReadingDelay = TimeSpan.FromSeconds(3) }, "A", "B");
        game.Start(Now);
        game.Phase.Should().Be(GamePhase.Reading);

        _clock.Advance(TimeSpan.FromSeconds(2.999));
        game.Answer(1, Right0, Now).Status.Should().Be(AnswerStatus.NotOpen);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        game.Tick(Now).Should().BeTrue();
        game.Phase.Should().Be(GamePhase.Open);
        _clock.Advance(TimeSpan.FromSeconds(0.4));
        game.Answer(1, Right0, Now).Answer!.Score.Points.Should().Be(1000, "0.4 s after opening, not 3.4 s after showing");
    }

    [Fact]
    public void One_answer_per_player_per_question_and_the_reveal_comes_when_everyone_has_answered()
    {
        var game = Game(null, "A", "B");
        game.Start(Now);
        _clock.Advance(TimeSpan.FromSeconds(2));

        game.Answer(1, Right0, Now).Status.Should().Be(AnswerStatus.Accepted);
        game.Answer(1, Wrong0, Now).Status.Should().Be(AnswerStatus.AlreadyAnswered);
        game.Answer(1, Right0, Now).Status.Should().Be(AnswerStatus.AlreadyAnswered);
        game.Phase.Should().Be(GamePhase.Open);
        game.Answer(2, Wrong0, Now).Status.Should().Be(AnswerStatus.Accepted);

        game.Phase.Should().Be(GamePhase.Revealed);
        game.Players.Select(p => p.Score).Should().Equal(950, 0);
        game.Distribution(0).Should().BeEquivalentTo(new Dictionary<string, int> { ["astana"] = 1, ["almaty"] = 1 });
        game.Answer(99, Right0, Now).Status.Should().Be(AnswerStatus.UnknownPlayer);
    }

    [Fact]
    public void A_pause_freezes_the_countdown_and_moves_the_deadline()
    {
        var game = Game(null, "A", "B");
        game.Start(Now);
        var deadline = game.Deadline!.Value;
        _clock.Advance(TimeSpan.FromSeconds(5));
        game.Pause(Now).Should().BeTrue();
        _clock.Advance(TimeSpan.FromSeconds(30));
        game.Tick(Now).Should().BeFalse("nothing moves while paused");
        game.Answer(1, Right0, Now).Status.Should().Be(AnswerStatus.NotOpen);
        game.Resume(Now).Should().BeTrue();

        game.Deadline.Should().Be(deadline + TimeSpan.FromSeconds(30));
        _clock.Advance(TimeSpan.FromSeconds(5));
        game.Answer(1, Right0, Now).Answer!.Elapsed.Should().Be(TimeSpan.FromSeconds(10), "the 30 s paused do not count");
        game.Players[0].Score.Should().Be(750);
    }

    [Fact]
    public void The_score_players_are_told_gains_an_answers_points_only_at_the_reveal()
    {
        var game = Game(null, "A", "B");
        game.Start(Now);
        game.Answer(1, Right0, Now);
        var (a, b) = (game.Players[0], game.Players[1]);

        (a.Score > 0, game.ScoreShown(a), game.ScoreShown(b)).Should().Be((true, 0, 0), "a right answer is not told before the reveal");
        game.Skip(Now);
        game.ScoreShown(a).Should().Be(a.Score);
        game.Next(Now);
        game.Answer(1, new GivenAnswer(Choice: true), Now);
        game.ScoreShown(a).Should().BeLessThan(a.Score).And.Be(game.Answers.Where(x => x.PlayerId == 1 && x.QuestionIndex == 0).Sum(x => x.Score.Total));
    }

    [Fact]
    public void Skip_reveals_at_once_and_a_player_without_an_answer_loses_the_streak()
    {
        var game = Game(null, "A", "B");
        game.Start(Now);
        game.Answer(1, Right0, Now);
        game.Answer(2, Right0, Now);
        game.Next(Now);
        game.Answer(1, new GivenAnswer(Choice: true), Now).Answer!.Score.StreakBonus.Should().Be(100);

        game.Skip(Now).Should().BeTrue();
        game.Phase.Should().Be(GamePhase.Revealed);
        game.Answer(2, new GivenAnswer(Choice: true), Now).Status.Should().Be(AnswerStatus.NotOpen);
        game.Players.Select(p => p.Streak).Should().Equal(2, 0);
    }

    [Fact]
    public void A_game_runs_question_by_question_to_the_end_with_a_ranked_leaderboard()
    {
        var game = Game(null, "A", "B", "C");
        game.Next(Now).Should().BeFalse("nothing to move on from in the lobby");
        game.Start(Now).Should().BeTrue();
        game.Start(Now).Should().BeFalse();

        foreach (var p in new[] { 1, 2, 3 })
        {
            game.Answer(p, p == 3 ? Wrong0 : Right0, Now);
        }
        game.Next(Now).Should().BeTrue();
        game.QuestionIndex.Should().Be(1);
        game.TimeLimit(game.Current!).Should().Be(TimeSpan.FromSeconds(10), "the question's own limit wins");
        _clock.Advance(TimeSpan.FromSeconds(10.001));
        game.Tick(Now).Should().BeTrue();
        game.Phase.Should().Be(GamePhase.Revealed);
        game.Next(Now);
        game.PointsFor(game.Current!).Should().Be(2000, "the question's own points win");
        game.Answer(3, new GivenAnswer(Text: "1991"), Now);
        game.Skip(Now);
        game.Next(Now).Should().BeTrue();

        game.Phase.Should().Be(GamePhase.Ended);
        game.Leaderboard().Select(r => (r.Rank, r.Player.Nickname, r.Player.Score)).Should().Equal(
            (1, "C", 2000), (2, "A", 1000), (2, "B", 1000));
    }

    [Theory]
    [InlineData(4, 1000, "The time per question is 5 to 240 seconds.")]
    [InlineData(241, 1000, "The time per question is 5 to 240 seconds.")]
    [InlineData(20, 500, "Points per question are 0, 1000 or 2000.")]
    public void Settings_out_of_range_are_refused(int seconds, int points, string problem)
    {
        var settings = new GameSettings { SecondsPerQuestion = seconds, PointsPerQuestion = points };

        settings.Problem().Should().Be(problem);
        FluentActions.Invoking(() => new LiveGame(settings, Quiz)).Should().Throw<ArgumentException>().WithMessage(problem + "*");
    }
}
