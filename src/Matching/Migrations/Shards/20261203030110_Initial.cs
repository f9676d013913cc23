using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dating.Matching.Migrations.Shards
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "matching_swipes");

            migrationBuilder.CreateTable(
                name: "swipes",
                schema: "matching_swipes",
                columns: table => new
                {
                    swiper_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision = table.Column<int>(type: "integer", nullable: false),
                    swiped_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_swipes", x => new { x.swiper_id, x.target_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_swipes_target_id",
                schema: "matching_swipes",
                table: "swipes",
                column: "target_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "swipes",
                schema: "matching_swipes");
        }
    }
}
