using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steppe.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class StudyQueueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cards_UserId_State",
                table: "Cards");

            migrationBuilder.DropIndex(
                name: "IX_Cards_UserId_Suspended_DueTicks",
                table: "Cards");

            migrationBuilder.CreateIndex(
                name: "IX_Cards_UserId_State_DueTicks_Suspended_BuriedUntilTicks",
                table: "Cards",
                columns: new[] { "UserId", "State", "DueTicks", "Suspended", "BuriedUntilTicks" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cards_UserId_State_DueTicks_Suspended_BuriedUntilTicks",
                table: "Cards");

            migrationBuilder.CreateIndex(
                name: "IX_Cards_UserId_State",
                table: "Cards",
                columns: new[] { "UserId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Cards_UserId_Suspended_DueTicks",
                table: "Cards",
                columns: new[] { "UserId", "Suspended", "DueTicks" });
        }
    }
}
