using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkbeeld.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NetworkWhosWho : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseCompetences",
                columns: table => new
                {
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseCompetences", x => new { x.CaseId, x.Code });
                    table.ForeignKey(
                        name: "FK_CaseCompetences_WorkCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "WorkCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CompetencePicks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompetencePicks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompetencePicks_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Activities = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AreaCodes = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    WorksForId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BestPersonTypes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HowToReach = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ContactConsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkMembers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NetworkMembers_Organisations_WorksForId",
                        column: x => x.WorksForId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CompetencePicks_OrganisationId",
                table: "CompetencePicks",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CompetencePicks_UserId_Code",
                table: "CompetencePicks",
                columns: new[] { "UserId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMembers_OrganisationId",
                table: "NetworkMembers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMembers_WorksForId",
                table: "NetworkMembers",
                column: "WorksForId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseCompetences");

            migrationBuilder.DropTable(
                name: "CompetencePicks");

            migrationBuilder.DropTable(
                name: "NetworkMembers");
        }
    }
}
