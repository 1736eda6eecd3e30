using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steppe.Web.Accounts;

namespace Steppe.Web.Live;

/// <summary>A live game as stored: who hosted it, from which bank, with which settings. Written when the host
/// opens the lobby; <see cref="EndedAtTicks"/> stays null for a game the server stopped during play.</summary>
public sealed class LiveGameEntity
{
    public long Id { get; set; }
    public required string Pin { get; set; }
    public required string HostUserId { get; set; }
    public required string BankId { get; set; }
    public required string BankTitle { get; set; }
    public int SecondsPerQuestion { get; set; }
    public int PointsPerQuestion { get; set; }
    public bool SpeedScoring { get; set; }
    public bool StreakBonus { get; set; }
    public int ReadingSeconds { get; set; }
    public long CreatedAtTicks { get; set; }
    public long? StartedAtTicks { get; set; }
    public long? EndedAtTicks { get; set; }

    /// <summary>Questions shown (some games end early).</summary>
    public int QuestionsAsked { get; set; }
}

/// <summary>A question of a game, copied from its bank when the game was made, so results stay readable when
/// the bank changes.</summary>
public sealed class LiveQuestionEntity
{
    public long Id { get; set; }
    public long GameId { get; set; }
    public int Position { get; set; }
    public required string QuestionId { get; set; }
    public required string Type { get; set; }
    public required string Prompt { get; set; }
    public required string Answer { get; set; }
    public int TimeLimitSeconds { get; set; }
    public int Points { get; set; }
}

public sealed class LivePlayerEntity
{
    public long Id { get; set; }
    public long GameId { get; set; }

    /// <summary>The player's number in the game (1, 2, … in joining order).</summary>
    public int Number { get; set; }
    public required string Nickname { get; set; }

    /// <summary>SHA-256 of the rejoin token: the player's browser proves it is this player without the server
    /// keeping the secret itself.</summary>
    public required string RejoinTokenHash { get; set; }

    /// <summary>The account the player used when signed in, or that claimed the results afterwards.</summary>
    public string? UserId { get; set; }
    public int Score { get; set; }
    public int? Rank { get; set; }
    public bool Kicked { get; set; }
}

public sealed class LiveAnswerEntity
{
    public long Id { get; set; }
    public long GameId { get; set; }
    public int PlayerNumber { get; set; }
    public int QuestionPosition { get; set; }
    public required string Given { get; set; }
    public bool Correct { get; set; }
    public int ElapsedMs { get; set; }
    public int Points { get; set; }
    public int StreakBonus { get; set; }
}

internal sealed class LiveConfiguration :
    IEntityTypeConfiguration<LiveGameEntity>, IEntityTypeConfiguration<LiveQuestionEntity>,
    IEntityTypeConfiguration<LivePlayerEntity>, IEntityTypeConfiguration<LiveAnswerEntity>
{
    public void Configure(EntityTypeBuilder<LiveGameEntity> b)
    {
        b.ToTable("LiveGames");
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.HostUserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.HostUserId, x.CreatedAtTicks });
    }

    public void Configure(EntityTypeBuilder<LiveQuestionEntity> b)
    {
        b.ToTable("LiveQuestions");
        b.HasOne<LiveGameEntity>().WithMany().HasForeignKey(x => x.GameId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.GameId, x.Position }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<LivePlayerEntity> b)
    {
        b.ToTable("LivePlayers");
        b.HasOne<LiveGameEntity>().WithMany().HasForeignKey(x => x.GameId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.GameId, x.Number }).IsUnique();
        b.HasIndex(x => x.UserId);
    }

    public void Configure(EntityTypeBuilder<LiveAnswerEntity> b)
    {
        b.ToTable("LiveAnswers");
        b.HasOne<LiveGameEntity>().WithMany().HasForeignKey(x => x.GameId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.GameId, x.QuestionPosition, x.PlayerNumber }).IsUnique();
    }
}
