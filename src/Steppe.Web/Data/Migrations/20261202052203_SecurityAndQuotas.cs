using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steppe.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SecurityAndQuotas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OwnerId",
                table: "Banks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BankContents",
                columns: table => new
                {
                    BankId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankContents", x => x.BankId);
                    table.ForeignKey(
                        name: "FK_BankContents_Banks_BankId",
                        column: x => x.BankId,
                        principalTable: "Banks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The content moves to a table of its own (see BankContentEntity), copied before its column goes.
            migrationBuilder.Sql("INSERT INTO \"BankContents\" (\"BankId\", \"Content\") SELECT \"Id\", \"Content\" FROM \"Banks\";");

            migrationBuilder.DropColumn(
                name: "Content",
                table: "Banks");

            migrationBuilder.CreateTable(
                name: "Sessions",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Ticket = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAtTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAtTicks = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sessions", x => x.Key);
                    table.ForeignKey(
                        name: "FK_Sessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Banks_OwnerId",
                table: "Banks",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_UserId",
                table: "Sessions",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_Banks_AspNetUsers_OwnerId",
                table: "Banks",
                column: "OwnerId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Banks_AspNetUsers_OwnerId",
                table: "Banks");

            migrationBuilder.DropTable(
                name: "BankContents");

            migrationBuilder.DropTable(
                name: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Banks_OwnerId",
                table: "Banks");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "Banks");

            migrationBuilder.AddColumn<byte[]>(
                name: "Content",
                table: "Banks",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);
        }
    }
}
