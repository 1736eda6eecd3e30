using Steppe.Domain.Banks;

namespace Steppe.Domain.Live;

public enum GamePhase
{
    /// <summary>Players join; nothing is asked yet.</summary>
    Lobby,

    /// <summary>A question is shown; answers open after the reading delay.</summary>
    Reading,

    /// <summary>Answers are taken until the deadline or until every player has answered.</summary>
    Open,

    /// <summary>The correct answer, the distribution and the explanation are shown.</summary>
    Revealed,

    Ended,
}

/// <summary>The host's choices for a game.</summary>
public sealed record GameSettings
{
    public const int MinSeconds = 5;
    public const int MaxSeconds = 240;

    /// <summary>Seconds per question when the question has no <c>timeLimitSeconds</c> of its own.</summary>
    public int SecondsPerQuestion { get; init; } = 20;

    /// <summary>0, 1000 or 2000; a question's own <c>points</c> wins.</summary>
    public int PointsPerQuestion { get; init; } = 1000;

    /// <summary>The question is shown this long before answers open.</summary>
    public TimeSpan ReadingDelay { get; init; } = TimeSpan.Zero;

    public ScoringRules Scoring { get; init; } = new();

    /// <summary>Why these settings cannot be used, or null.</summary>
    public string? Problem() =>
        SecondsPerQuestion is < MinSeconds or > MaxSeconds ? $"The time per question is {MinSeconds} to {MaxSeconds} seconds."
        : PointsPerQuestion is not (0 or 1000 or 2000) ? "Points per question are 0, 1000 or 2000."
        : ReadingDelay < TimeSpan.Zero || ReadingDelay > TimeSpan.FromSeconds(30) ? "The reading delay is 0 to 30 seconds."
        : null;
}

public sealed class LivePlayer
{
    public required int Id { get; init; }
    public required string Nickname { get; init; }

    /// <summary>The secret a player's browser keeps to come back as this player.</summary>
    public required string RejoinToken { get; init; }

    public int Score { get; internal set; }
    public int Streak { get; internal set; }
    public bool Kicked { get; internal set; }
}

/// <summary>One player's answer to one question, as the server received it.</summary>
public sealed record LiveAnswer(int PlayerId, int QuestionIndex, GivenAnswer Given, TimeSpan Elapsed, bool Correct, AnswerScore Score);

public enum AnswerStatus { Accepted, AlreadyAnswered, NotOpen, TooLate, UnknownPlayer }

public readonly record struct AnswerOutcome(AnswerStatus Status, LiveAnswer? Answer = null);

public enum JoinStatus { Joined, NicknameRefused, NicknameTaken, Locked, Ended }

public readonly record struct JoinOutcome(JoinStatus Status, LivePlayer? Player = null, string? Error = null);

/// <summary>One live game as a state machine: pure, with the time given by the caller on every step (the server's
/// clock decides, never a client's), so every edge can be tested with a fake clock. Not thread-safe: the host
/// serialises the calls for a game.</summary>
public sealed class LiveGame
{
    private readonly List<LivePlayer> _players = [];
    private readonly Dictionary<string, LivePlayer> _byNickname = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LivePlayer> _byToken = new(StringComparer.Ordinal);
    private readonly List<LiveAnswer> _answers = [];
    private readonly HashSet<(int Player, int Question)> _answered = [];
    private int _activeCount;
    private int _answeredNow; // active players who have answered the current question
    private TimeSpan _pausedFor;
    private DateTimeOffset? _pausedAt;

    public LiveGame(GameSettings settings, IReadOnlyList<Question> questions)
    {
        if (settings.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(settings));
        }
        if (questions.Count == 0)
        {
            throw new ArgumentException("A game needs at least one question.", nameof(questions));
        }
        Settings = settings;
        Questions = questions;
    }

    public GameSettings Settings { get; }
    public IReadOnlyList<Question> Questions { get; }
    public GamePhase Phase { get; private set; } = GamePhase.Lobby;
    public bool LobbyLocked { get; private set; }
    public bool Paused => _pausedAt is not null;

    /// <summary>The question shown, from 0; -1 in the lobby.</summary>
    public int QuestionIndex { get; private set; } = -1;

    public Question? Current => QuestionIndex >= 0 && QuestionIndex < Questions.Count ? Questions[QuestionIndex] : null;

    /// <summary>When answers open for the current question.</summary>
    public DateTimeOffset? OpensAt { get; private set; }

    /// <summary>When answers close, moved on by any pause.</summary>
    public DateTimeOffset? Deadline => OpensAt is { } open && Current is { } q ? open + TimeLimit(q) + _pausedFor : null;

    public IReadOnlyList<LivePlayer> Players => _players;
    public IEnumerable<LivePlayer> ActivePlayers => _players.Where(p => !p.Kicked);

    /// <summary>Players not kicked, kept as a count so that each answer costs the same in a game of thousands.</summary>
    public int ActiveCount => _activeCount;

    /// <summary>Active players who have answered the current question.</summary>
    public int AnsweredCount => _answeredNow;

    /// <summary>A player by id (ids are 1, 2, … in joining order), kicked or not.</summary>
    public LivePlayer? Player(int playerId) => playerId >= 1 && playerId <= _players.Count ? _players[playerId - 1] : null;
    public IReadOnlyList<LiveAnswer> Answers => _answers;

    public TimeSpan TimeLimit(Question q) => TimeSpan.FromSeconds(q.TimeLimitSeconds ?? Settings.SecondsPerQuestion);

    public int PointsFor(Question q) => q.Points ?? Settings.PointsPerQuestion;

    /// <summary>Adds a player: the nickname is checked (<see cref="Nickname.Check"/>) and must be free in this
    /// game ignoring case. Late joiners are welcome until the game ends, unless the host locked the lobby.</summary>
    public JoinOutcome Join(string? nickname, string rejoinToken)
    {
        if (Phase == GamePhase.Ended)
        {
            return new(JoinStatus.Ended, Error: "This game has ended.");
        }
        if (LobbyLocked)
        {
            return new(JoinStatus.Locked, Error: "The host has locked this game.");
        }
        var (name, error) = Nickname.Check(nickname);
        if (name is null)
        {
            return new(JoinStatus.NicknameRefused, Error: error);
        }
        if (IsTaken(name))
        {
            return new(JoinStatus.NicknameTaken, Error: $"“{name}” is taken in this game; choose another.");
        }
        if (rejoinToken.Length < 22 || _byToken.ContainsKey(rejoinToken))
        {
            throw new ArgumentException("A rejoin token is a fresh random value of at least 128 bits.", nameof(rejoinToken));
        }
        var player = new LivePlayer { Id = _players.Count + 1, Nickname = name, RejoinToken = rejoinToken };
        _players.Add(player);
        _activeCount++;
        _byNickname[Nickname.Key(name)] = player;
        _byToken[rejoinToken] = player;
        return new(JoinStatus.Joined, player);
    }

    /// <summary>Whether a nickname is in use in this game (kicked players keep theirs).</summary>
    public bool IsTaken(string name) => _byNickname.ContainsKey(Nickname.Key(name));

    /// <summary>The player a rejoin token belongs to, unless kicked.</summary>
    public LivePlayer? Rejoin(string rejoinToken) =>
        _byToken.TryGetValue(rejoinToken, out var p) && !p.Kicked ? p : null;

    public bool Kick(int playerId)
    {
        var player = Player(playerId);
        if (player is null || player.Kicked)
        {
            return false;
        }
        player.Kicked = true;
        _activeCount--;
        if (_answered.Contains((playerId, QuestionIndex)))
        {
            _answeredNow--;
        }
        return true;
    }

    public void LockLobby(bool locked) => LobbyLocked = locked;

    /// <summary>Shows the first question.</summary>
    public bool Start(DateTimeOffset now)
    {
        if (Phase != GamePhase.Lobby)
        {
            return false;
        }
        Show(0, now);
        return true;
    }

    /// <summary>From the reveal, shows the next question, or ends the game after the last.</summary>
    public bool Next(DateTimeOffset now)
    {
        if (Phase != GamePhase.Revealed)
        {
            return false;
        }
        if (QuestionIndex + 1 >= Questions.Count)
        {
            Phase = GamePhase.Ended;
        }
        else
        {
            Show(QuestionIndex + 1, now);
        }
        return true;
    }

    private void Show(int index, DateTimeOffset now)
    {
        QuestionIndex = index;
        OpensAt = now + Settings.ReadingDelay;
        _pausedFor = TimeSpan.Zero;
        _pausedAt = null;
        _answeredNow = 0;
        Phase = Settings.ReadingDelay > TimeSpan.Zero ? GamePhase.Reading : GamePhase.Open;
    }

    /// <summary>Moves the game on by the clock: reading → open at the opening time, open → revealed at the
    /// deadline. Returns whether the phase changed.</summary>
    public bool Tick(DateTimeOffset now)
    {
        if (Paused)
        {
            return false;
        }
        if (Phase == GamePhase.Reading && now >= OpensAt)
        {
            Phase = GamePhase.Open;
            return true;
        }
        if (Phase == GamePhase.Open && now > Deadline)
        {
            Reveal();
            return true;
        }
        return false;
    }

    /// <summary>Takes a player's answer. Scored by the server's time since answers opened (less any pause);
    /// one answer per player per question; an answer after the deadline scores 0. When every active player has
    /// answered, the question is revealed at once.</summary>
    public AnswerOutcome Answer(int playerId, GivenAnswer given, DateTimeOffset now)
    {
        Tick(now);
        var player = Player(playerId);
        if (player is null || player.Kicked)
        {
            return new(AnswerStatus.UnknownPlayer);
        }
        if (_answered.Contains((playerId, QuestionIndex)))
        {
            return new(AnswerStatus.AlreadyAnswered);
        }
        if (Phase == GamePhase.Revealed && Current is not null && now > Deadline)
        {
            return new(AnswerStatus.TooLate);
        }
        if (Phase != GamePhase.Open || Paused)
        {
            return new(AnswerStatus.NotOpen);
        }
        var question = Current!;
        var elapsed = now - OpensAt!.Value - _pausedFor;
        var correct = Grading.IsCorrect(question, given);
        var score = Scoring.Score(Settings.Scoring, PointsFor(question), TimeLimit(question), elapsed, correct, player.Streak);
        player.Score += score.Total;
        player.Streak = score.StreakAfter;
        var answer = new LiveAnswer(playerId, QuestionIndex, given, elapsed, correct, score);
        _answers.Add(answer);
        _answered.Add((playerId, QuestionIndex));
        if (++_answeredNow >= _activeCount)
        {
            Reveal();
        }
        return new(AnswerStatus.Accepted, answer);
    }

    /// <summary>A player's score as players may know it: while the current question is open, without the points of
    /// their answer to it, which would tell them (and anyone they whisper to) whether it was right.</summary>
    public int ScoreShown(LivePlayer player) =>
        Phase is GamePhase.Reading or GamePhase.Open && _answered.Contains((player.Id, QuestionIndex))
            ? player.Score - _answers.Last(a => a.PlayerId == player.Id && a.QuestionIndex == QuestionIndex).Score.Total
            : player.Score;

    /// <summary>Active players who have not answered the current question.</summary>
    public IEnumerable<LivePlayer> Unanswered => ActivePlayers.Where(p => !_answered.Contains((p.Id, QuestionIndex)));

    /// <summary>Closes the answers. No answer counts as a wrong one: the streak is lost.</summary>
    private void Reveal()
    {
        foreach (var player in Unanswered)
        {
            player.Streak = 0;
        }
        Phase = GamePhase.Revealed;
    }

    /// <summary>Freezes the countdown; the deadline moves on by the time paused.</summary>
    public bool Pause(DateTimeOffset now)
    {
        if (Paused || Phase is not (GamePhase.Reading or GamePhase.Open))
        {
            return false;
        }
        _pausedAt = now;
        return true;
    }

    public bool Resume(DateTimeOffset now)
    {
        if (_pausedAt is not { } at)
        {
            return false;
        }
        if (Phase == GamePhase.Reading)
        {
            OpensAt += now - at;
        }
        else
        {
            _pausedFor += now - at;
        }
        _pausedAt = null;
        return true;
    }

    /// <summary>Closes the current question at once (answers so far stand) and reveals it.</summary>
    public bool Skip(DateTimeOffset now)
    {
        if (Phase is not (GamePhase.Reading or GamePhase.Open))
        {
            return false;
        }
        if (Paused)
        {
            Resume(now);
        }
        Reveal();
        return true;
    }

    public void End() => Phase = GamePhase.Ended;

    /// <summary>Active players by score, highest first; ties by who joined first.</summary>
    public IReadOnlyList<(int Rank, LivePlayer Player)> Leaderboard()
    {
        var ordered = ActivePlayers.OrderByDescending(p => p.Score).ThenBy(p => p.Id).ToList();
        var result = new List<(int, LivePlayer)>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            // Equal scores share a rank (1, 2, 2, 4).
            var rank = i > 0 && ordered[i].Score == ordered[i - 1].Score ? result[i - 1].Item1 : i + 1;
            result.Add((rank, ordered[i]));
        }
        return result;
    }

    /// <summary>How the answers to a question spread: each given answer's display text and its count.</summary>
    public IReadOnlyDictionary<string, int> Distribution(int questionIndex) =>
        _answers.Where(a => a.QuestionIndex == questionIndex)
            .GroupBy(a => a.Given.Shown(normalizeText: true))
            .ToDictionary(g => g.Key, g => g.Count());
}
