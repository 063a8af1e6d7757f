using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Wijkbeeld.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Werkagenda : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LinkOpportunities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkOpportunities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LinkOpportunities_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HoursPerMonth = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Essential = table.Column<bool>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PolicyDrivers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Themes = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyDrivers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Situation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Reflection = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedById = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkCases_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MeetingParticipant",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingParticipant", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingParticipant_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LinkOpportunityDriver",
                columns: table => new
                {
                    LinkOpportunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyDriverId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkOpportunityDriver", x => new { x.LinkOpportunityId, x.PolicyDriverId });
                    table.ForeignKey(
                        name: "FK_LinkOpportunityDriver_LinkOpportunities_LinkOpportunityId",
                        column: x => x.LinkOpportunityId,
                        principalTable: "LinkOpportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LinkOpportunityDriver_PolicyDrivers_PolicyDriverId",
                        column: x => x.PolicyDriverId,
                        principalTable: "PolicyDrivers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgendaActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Partners = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    How = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MeasurableResult = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaActions_WorkCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "WorkCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelfScanRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfScanRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfScanRounds_WorkCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "WorkCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActionNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionNotes_AgendaActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "AgendaActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SliderAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Slider = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Now = table.Column<int>(type: "INTEGER", nullable: false),
                    Intended = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SliderAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SliderAnswers_SelfScanRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SelfScanRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "PolicyDrivers",
                columns: new[] { "Id", "Code", "Name", "Themes" },
                values: new object[,]
                {
                    { 1, "energietransitie", "Energietransitie", "energie,wonen" },
                    { 2, "veilige-wijk", "Veilige wijk", "veiligheid,jeugd" },
                    { 3, "gezonde-wijk", "Gezonde wijk", "gezondheid,sport-bewegen,zorg-welzijn,ouderen" },
                    { 4, "klimaatadaptatie", "Klimaatadaptatie", "groen-openbare-ruimte" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionNotes_ActionId",
                table: "ActionNotes",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaActions_CaseId",
                table: "AgendaActions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkOpportunities_ItemId",
                table: "LinkOpportunities",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkOpportunityDriver_PolicyDriverId",
                table: "LinkOpportunityDriver",
                column: "PolicyDriverId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingParticipant_MeetingId",
                table: "MeetingParticipant",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_OrganisationId",
                table: "Meetings",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyDrivers_Code",
                table: "PolicyDrivers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfScanRounds_CaseId",
                table: "SelfScanRounds",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_SliderAnswers_RoundId_UserId_Slider",
                table: "SliderAnswers",
                columns: new[] { "RoundId", "UserId", "Slider" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkCases_OrganisationId",
                table: "WorkCases",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionNotes");

            migrationBuilder.DropTable(
                name: "LinkOpportunityDriver");

            migrationBuilder.DropTable(
                name: "MeetingParticipant");

            migrationBuilder.DropTable(
                name: "SliderAnswers");

            migrationBuilder.DropTable(
                name: "AgendaActions");

            migrationBuilder.DropTable(
                name: "LinkOpportunities");

            migrationBuilder.DropTable(
                name: "PolicyDrivers");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "SelfScanRounds");

            migrationBuilder.DropTable(
                name: "WorkCases");
        }
    }
}
