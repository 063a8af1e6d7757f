using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Wijkbeeld.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SelfScanParts : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseScores");

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
