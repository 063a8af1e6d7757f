using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Wijkbeeld.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StoriesAndFocus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FocusThemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AreaCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FocusThemes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FocusThemes_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Stories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SourceType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Themes = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    NeighbourhoodCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ToldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    CreatedById = table.Column<int>(type: "integer", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Moderation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ModerationNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Stories_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "FocusThemeObservations",
                columns: table => new
                {
                    FocusThemeId = table.Column<int>(type: "integer", nullable: false),
                    ObservationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FocusThemeObservations", x => new { x.FocusThemeId, x.ObservationId });
                    table.ForeignKey(
                        name: "FK_FocusThemeObservations_FocusThemes_FocusThemeId",
                        column: x => x.FocusThemeId,
                        principalTable: "FocusThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FocusThemeObservations_Observations_ObservationId",
                        column: x => x.ObservationId,
                        principalTable: "Observations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FocusThemePatterns",
                columns: table => new
                {
                    FocusThemeId = table.Column<int>(type: "integer", nullable: false),
                    PatternId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FocusThemePatterns", x => new { x.FocusThemeId, x.PatternId });
                    table.ForeignKey(
                        name: "FK_FocusThemePatterns_FocusThemes_FocusThemeId",
                        column: x => x.FocusThemeId,
                        principalTable: "FocusThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FocusThemePatterns_TimelinePatterns_PatternId",
                        column: x => x.PatternId,
                        principalTable: "TimelinePatterns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FocusThemeStories",
                columns: table => new
                {
                    FocusThemeId = table.Column<int>(type: "integer", nullable: false),
                    StoryId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FocusThemeStories", x => new { x.FocusThemeId, x.StoryId });
                    table.ForeignKey(
                        name: "FK_FocusThemeStories_FocusThemes_FocusThemeId",
                        column: x => x.FocusThemeId,
                        principalTable: "FocusThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FocusThemeStories_Stories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "Stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FocusThemeObservations_ObservationId",
                table: "FocusThemeObservations",
                column: "ObservationId");

            migrationBuilder.CreateIndex(
                name: "IX_FocusThemePatterns_PatternId",
                table: "FocusThemePatterns",
                column: "PatternId");

            migrationBuilder.CreateIndex(
                name: "IX_FocusThemes_AreaCode",
                table: "FocusThemes",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_FocusThemes_OrganisationId",
                table: "FocusThemes",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_FocusThemeStories_StoryId",
                table: "FocusThemeStories",
                column: "StoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_AreaCode",
                table: "Stories",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_DistrictCode",
                table: "Stories",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_Moderation",
                table: "Stories",
                column: "Moderation");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_NeighbourhoodCode",
                table: "Stories",
                column: "NeighbourhoodCode");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_OrganisationId",
                table: "Stories",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FocusThemeObservations");

            migrationBuilder.DropTable(
                name: "FocusThemePatterns");

            migrationBuilder.DropTable(
                name: "FocusThemeStories");

            migrationBuilder.DropTable(
                name: "FocusThemes");

            migrationBuilder.DropTable(
                name: "Stories");
        }
    }
}
