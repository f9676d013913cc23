using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dating.Matching.Migrations
{
    /// <inheritdoc />
    public partial class SwipesOnShards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "swipes",
                schema: "matching");

            migrationBuilder.CreateTable(
                name: "shard_maps",
                schema: "matching",
                columns: table => new
                {
                    version = table.Column<int>(type: "integer", nullable: false),
                    shards = table.Column<string[]>(type: "text[]", nullable: false),
                    virtual_nodes = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shard_maps", x => x.version);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shard_maps",
                schema: "matching");

            migrationBuilder.CreateTable(
                name: "swipes",
                schema: "matching",
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
                schema: "matching",
                table: "swipes",
                column: "target_id");
        }
    }
}
