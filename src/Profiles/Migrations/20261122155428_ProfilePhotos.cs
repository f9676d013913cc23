using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dating.Profiles.Migrations
{
    /// <inheritdoc />
    public partial class ProfilePhotos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "primary_photos",
                schema: "profiles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    photo_id = table.Column<Guid>(type: "uuid", nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_primary_photos", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "profile_photos",
                schema: "profiles",
                columns: table => new
                {
                    photo_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ready_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profile_photos", x => x.photo_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_profile_photos_user_id",
                schema: "profiles",
                table: "profile_photos",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "primary_photos",
                schema: "profiles");

            migrationBuilder.DropTable(
                name: "profile_photos",
                schema: "profiles");
        }
    }
}
