using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkbeeld.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VisibleActionsAndBorgen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VisibleActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Goal = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Partners = table.Column<string>(type: "TEXT", maxLength: 1452, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Evaluation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PhotoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisibleActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisibleActions_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Safeguards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ExperimentId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    OwnerOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerPerson = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BudgetLine = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReviewMeeting = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NextReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Safeguards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Safeguards_Experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "Experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Safeguards_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Safeguards_VisibleActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "VisibleActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Safeguards_ActionId",
                table: "Safeguards",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_Safeguards_AreaCode",
                table: "Safeguards",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_Safeguards_ExperimentId",
                table: "Safeguards",
                column: "ExperimentId");

            migrationBuilder.CreateIndex(
                name: "IX_Safeguards_NextReviewOn",
                table: "Safeguards",
                column: "NextReviewOn");

            migrationBuilder.CreateIndex(
                name: "IX_Safeguards_OrganisationId",
                table: "Safeguards",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_VisibleActions_AreaCode",
                table: "VisibleActions",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_VisibleActions_Date",
                table: "VisibleActions",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_VisibleActions_OrganisationId",
                table: "VisibleActions",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Safeguards");

            migrationBuilder.DropTable(
                name: "VisibleActions");
        }
    }
}
