using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steppe.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BankOwnershipAndVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AnswerChangedAtTicks",
                table: "Cards",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "QuestionRemoved",
                table: "Cards",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ShareKey",
                table: "Banks",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Banks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Visibility",
                table: "Banks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "BankVersions",
                columns: table => new
                {
                    BankId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    QuestionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SavedAtTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    Compressed = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankVersions", x => new { x.BankId, x.Number });
                    table.ForeignKey(
                        name: "FK_BankVersions_Banks_BankId",
                        column: x => x.BankId,
                        principalTable: "Banks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Banks_Visibility",
                table: "Banks",
                column: "Visibility");

            // Banks saved before versions existed are their own first version (their rows in BankVersions are made
            // at their next save). Banks added in the browser become private, as every new one is, except those
            // without an author (added before banks had one, or whose account was deleted): nobody could share them,
            // so they stay readable by everyone, as they were.
            migrationBuilder.Sql("UPDATE Banks SET Version = 1;");
            migrationBuilder.Sql("UPDATE Banks SET Visibility = 2 WHERE OwnerId IS NULL AND SourceFile IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BankVersions");

            migrationBuilder.DropIndex(
                name: "IX_Banks_Visibility",
                table: "Banks");

            migrationBuilder.DropColumn(
                name: "AnswerChangedAtTicks",
                table: "Cards");

            migrationBuilder.DropColumn(
                name: "QuestionRemoved",
                table: "Cards");

            migrationBuilder.DropColumn(
                name: "ShareKey",
                table: "Banks");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Banks");

            migrationBuilder.DropColumn(
                name: "Visibility",
                table: "Banks");
        }
    }
}
