using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steppe.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LiveResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LiveGames",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Pin = table.Column<string>(type: "TEXT", nullable: false),
                    HostUserId = table.Column<string>(type: "TEXT", nullable: false),
                    BankId = table.Column<string>(type: "TEXT", nullable: false),
                    BankTitle = table.Column<string>(type: "TEXT", nullable: false),
                    SecondsPerQuestion = table.Column<int>(type: "INTEGER", nullable: false),
                    PointsPerQuestion = table.Column<int>(type: "INTEGER", nullable: false),
                    SpeedScoring = table.Column<bool>(type: "INTEGER", nullable: false),
                    StreakBonus = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReadingSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAtTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAtTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    QuestionsAsked = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveGames", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveGames_AspNetUsers_HostUserId",
                        column: x => x.HostUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GameId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlayerNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionPosition = table.Column<int>(type: "INTEGER", nullable: false),
                    Given = table.Column<string>(type: "TEXT", nullable: false),
                    Correct = table.Column<bool>(type: "INTEGER", nullable: false),
                    ElapsedMs = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    StreakBonus = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveAnswers_LiveGames_GameId",
                        column: x => x.GameId,
                        principalTable: "LiveGames",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LivePlayers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GameId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Nickname = table.Column<string>(type: "TEXT", nullable: false),
                    RejoinTokenHash = table.Column<string>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Kicked = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LivePlayers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LivePlayers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_LivePlayers_LiveGames_GameId",
                        column: x => x.GameId,
                        principalTable: "LiveGames",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveQuestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GameId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", nullable: false),
                    Prompt = table.Column<string>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", nullable: false),
                    TimeLimitSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveQuestions_LiveGames_GameId",
                        column: x => x.GameId,
                        principalTable: "LiveGames",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LiveAnswers_GameId_QuestionPosition_PlayerNumber",
                table: "LiveAnswers",
                columns: new[] { "GameId", "QuestionPosition", "PlayerNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveGames_HostUserId_CreatedAtTicks",
                table: "LiveGames",
                columns: new[] { "HostUserId", "CreatedAtTicks" });

            migrationBuilder.CreateIndex(
                name: "IX_LivePlayers_GameId_Number",
                table: "LivePlayers",
                columns: new[] { "GameId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LivePlayers_UserId",
                table: "LivePlayers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_LiveQuestions_GameId_Position",
                table: "LiveQuestions",
                columns: new[] { "GameId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LiveAnswers");

            migrationBuilder.DropTable(
                name: "LivePlayers");

            migrationBuilder.DropTable(
                name: "LiveQuestions");

            migrationBuilder.DropTable(
                name: "LiveGames");
        }
    }
}
