using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Wijkbeeld.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WerkwijzerAndNetwork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BlocksVersion",
                table: "WorkCases",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "InnovationVersion",
                table: "WorkCases",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "SessionPromptCards",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "sessie");

            migrationBuilder.AddColumn<string>(
                name: "Theme",
                table: "SessionPromptCards",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "SessionPromptCards",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Meetings",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "CaseCompetences",
                columns: table => new
                {
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false)
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
                name: "CaseScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    Tool = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Score = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Obstacle = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseScores_WorkCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "WorkCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CompetencePicks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    Code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "NetworkMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Activities = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AreaCodes = table.Column<string>(type: "character varying(220)", maxLength: 220, nullable: false),
                    WorksForId = table.Column<int>(type: "integer", nullable: true),
                    OrganisationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BestPersonTypes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HowToReach = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ContactConsent = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ContactPhone = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                name: "VisibleActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AreaCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Goal = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Partners = table.Column<string>(type: "character varying(1452)", maxLength: 1452, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Evaluation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PhotoId = table.Column<Guid>(type: "uuid", nullable: true),
                    FocusThemeId = table.Column<int>(type: "integer", nullable: true),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisibleActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisibleActions_FocusThemes_FocusThemeId",
                        column: x => x.FocusThemeId,
                        principalTable: "FocusThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_VisibleActions_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
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

            migrationBuilder.CreateTable(
                name: "Safeguards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AreaCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ExperimentId = table.Column<int>(type: "integer", nullable: true),
                    ActionId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    OwnerOrganisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OwnerPerson = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BudgetLine = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReviewMeeting = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NextReviewOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.UpdateData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 1,
                columns: new[] { "Category", "Theme", "Version" },
                values: new object[] { "sessie", "", 1 });

            migrationBuilder.UpdateData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 2,
                columns: new[] { "Category", "Theme", "Version" },
                values: new object[] { "sessie", "", 1 });

            migrationBuilder.UpdateData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 3,
                columns: new[] { "Category", "Theme", "Version" },
                values: new object[] { "sessie", "", 1 });

            migrationBuilder.UpdateData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 4,
                columns: new[] { "Category", "Theme", "Version" },
                values: new object[] { "sessie", "", 1 });

            migrationBuilder.UpdateData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 5,
                columns: new[] { "Category", "Theme", "Version" },
                values: new object[] { "sessie", "", 1 });

            migrationBuilder.UpdateData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 6,
                columns: new[] { "Category", "Theme", "Version" },
                values: new object[] { "sessie", "", 1 });

            migrationBuilder.UpdateData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 7,
                columns: new[] { "Category", "Theme", "Version" },
                values: new object[] { "sessie", "", 1 });

            migrationBuilder.UpdateData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 8,
                columns: new[] { "Category", "Theme", "Version" },
                values: new object[] { "sessie", "", 1 });

            migrationBuilder.InsertData(
                table: "SessionPromptCards",
                columns: new[] { "Id", "Active", "Category", "Text", "Theme", "Version" },
                values: new object[,]
                {
                    { 101, true, "gesprek", "Hoe zie jij de wijk? Als een legpuzzel van vraag en aanbod, of als een ecosysteem waarin alles met elkaar samenhangt?", "Van legpuzzel naar ecosysteem", 1 },
                    { 102, true, "gesprek", "Wat je ziet is bepalend voor wat je wel of juist niet doet. Wat laat jij liggen door hoe je naar de wijk kijkt?", "Van legpuzzel naar ecosysteem", 1 },
                    { 103, true, "gesprek", "Als de wijk een ecosysteem is: waar moeten we zaaien, waar snoeien, en waar zorgen voor water en zonlicht?", "Van legpuzzel naar ecosysteem", 1 },
                    { 104, true, "gesprek", "We willen 'doen wat nodig is' en 'samenwerken voorbij de schotten van de organisaties'. Maar hoe doen we dat in deze casus?", "Anders denken, doen en organiseren", 1 },
                    { 105, true, "gesprek", "Waar ligt het eigenaarschap nu? Hoe komt het zo dicht mogelijk bij de praktijk?", "Anders denken, doen en organiseren", 1 },
                    { 106, true, "gesprek", "Proeftuin Ruwaard in Oss zette mooie stappen. Welke essenties daarvan herken je in je eigen werkpraktijk, en welke mis je?", "Anders denken, doen en organiseren", 1 },
                    { 107, true, "gesprek", "'Wat je voor mij doet, maar niet met mij, doe je tegen mij.' Waar doen we iets vóór bewoners in plaats van mét hen?", "De volgende stap", 1 },
                    { 108, true, "gesprek", "Organiseren we nu kleinschalig vanuit dezelfde logica als vroeger landelijk? Waar zie je dat?", "De volgende stap", 1 },
                    { 109, true, "gesprek", "Welke stap hebben we al wel gemaakt? En wat zou de volgende denkslag kunnen zijn?", "De volgende stap", 1 },
                    { 110, true, "gesprek", "Waar staat het vasthouden aan deskundigheid en het professionele spel de gelijkwaardige relatie met bewoners in de weg?", "Gelijkwaardig samenwerken", 1 },
                    { 111, true, "gesprek", "Wat betekent gelijkwaardig samenwerken voor de professional? Voor de manier waarop we onze middelen verdelen? En voor verantwoording afleggen?", "Gelijkwaardig samenwerken", 1 },
                    { 112, true, "gesprek", "Waar voel je de spanning tussen wat hier en nu nodig is en wat is vastgelegd in regels en financieringscriteria?", "Werken vanuit de bedoeling", 1 },
                    { 113, true, "gesprek", "Hoe speelt werken vanuit de bedoeling in jullie wijkaanpak? En hoe kun je daar samen beter mee omgaan?", "Werken vanuit de bedoeling", 1 },
                    { 114, true, "gesprek", "Hoort het of helpt het? Noem een regel of afspraak waar je aan twijfelt.", "Werken vanuit de bedoeling", 1 },
                    { 115, true, "gesprek", "Hoe verkleinen we de afstand tussen visie en praktijk? En hoe geven we ruimte zonder grip te verliezen?", "Werken vanuit de bedoeling", 1 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_SessionPromptCards_Category",
                table: "SessionPromptCards",
                column: "Category");

            migrationBuilder.CreateIndex(
                name: "IX_CaseScores_CaseId_Tool_Code",
                table: "CaseScores",
                columns: new[] { "CaseId", "Tool", "Code" },
                unique: true);

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
                name: "IX_NetworkMembers_OrganisationId",
                table: "NetworkMembers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMembers_WorksForId",
                table: "NetworkMembers",
                column: "WorksForId");

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

            migrationBuilder.CreateIndex(
                name: "IX_VisibleActions_AreaCode",
                table: "VisibleActions",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_VisibleActions_Date",
                table: "VisibleActions",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_VisibleActions_FocusThemeId",
                table: "VisibleActions",
                column: "FocusThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_VisibleActions_OrganisationId",
                table: "VisibleActions",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseCompetences");

            migrationBuilder.DropTable(
                name: "CaseScores");

            migrationBuilder.DropTable(
                name: "CompetencePicks");

            migrationBuilder.DropTable(
                name: "FocusThemeObservations");

            migrationBuilder.DropTable(
                name: "FocusThemePatterns");

            migrationBuilder.DropTable(
                name: "FocusThemeStories");

            migrationBuilder.DropTable(
                name: "NetworkMembers");

            migrationBuilder.DropTable(
                name: "Safeguards");

            migrationBuilder.DropTable(
                name: "Stories");

            migrationBuilder.DropTable(
                name: "VisibleActions");

            migrationBuilder.DropTable(
                name: "FocusThemes");

            migrationBuilder.DropIndex(
                name: "IX_SessionPromptCards_Category",
                table: "SessionPromptCards");

            migrationBuilder.DeleteData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 101);

            migrationBuilder.DeleteData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 102);

            migrationBuilder.DeleteData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 103);

            migrationBuilder.DeleteData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 104);

            migrationBuilder.DeleteData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 105);

            migrationBuilder.DeleteData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 106);

            migrationBuilder.DeleteData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 107);

            migrationBuilder.DeleteData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 108);

            migrationBuilder.DeleteData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 109);

            migrationBuilder.DeleteData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 110);

            migrationBuilder.DeleteData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 111);

            migrationBuilder.DeleteData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 112);

            migrationBuilder.DeleteData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 113);

            migrationBuilder.DeleteData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 114);

            migrationBuilder.DeleteData(
                table: "SessionPromptCards",
                keyColumn: "Id",
                keyValue: 115);

            migrationBuilder.DropColumn(
                name: "BlocksVersion",
                table: "WorkCases");

            migrationBuilder.DropColumn(
                name: "InnovationVersion",
                table: "WorkCases");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "SessionPromptCards");

            migrationBuilder.DropColumn(
                name: "Theme",
                table: "SessionPromptCards");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "SessionPromptCards");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Meetings");
        }
    }
}
