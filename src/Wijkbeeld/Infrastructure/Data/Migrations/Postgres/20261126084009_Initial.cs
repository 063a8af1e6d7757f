using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Wijkbeeld.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Areas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    MunicipalityCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Geometry = table.Column<string>(type: "text", nullable: false),
                    MinLongitude = table.Column<double>(type: "double precision", nullable: false),
                    MinLatitude = table.Column<double>(type: "double precision", nullable: false),
                    MaxLongitude = table.Column<double>(type: "double precision", nullable: false),
                    MaxLatitude = table.Column<double>(type: "double precision", nullable: false),
                    LabelLongitude = table.Column<double>(type: "double precision", nullable: false),
                    LabelLatitude = table.Column<double>(type: "double precision", nullable: false),
                    IsSample = table.Column<bool>(type: "boolean", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Areas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Items",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    NeighbourhoodCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    OwnerOrganisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsDeleted = table.Column<bool>(type: "boolean", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Themes",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Themes", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "ItemLinks",
                columns: table => new
                {
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    RelatedItemId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemLinks", x => new { x.ItemId, x.RelatedItemId });
                    table.ForeignKey(
                        name: "FK_ItemLinks_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ItemThemes",
                columns: table => new
                {
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    ThemeCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemThemes", x => new { x.ItemId, x.ThemeCode });
                    table.ForeignKey(
                        name: "FK_ItemThemes_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ItemUpdates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ItemUpdates_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Themes",
                columns: new[] { "Code", "Name" },
                values: new object[,]
                {
                    { "armoede-schulden", "Armoede en schulden" },
                    { "cultuur", "Cultuur" },
                    { "energie", "Energie" },
                    { "gezondheid", "Gezondheid" },
                    { "groen-openbare-ruimte", "Groen en openbare ruimte" },
                    { "jeugd", "Jeugd" },
                    { "mobiliteit", "Verkeer en vervoer" },
                    { "onderwijs", "Onderwijs" },
                    { "ontmoeting", "Ontmoeting" },
                    { "ouderen", "Ouderen" },
                    { "sport-bewegen", "Sport en bewegen" },
                    { "veiligheid", "Veiligheid" },
                    { "werk-inkomen", "Werk en inkomen" },
                    { "wonen", "Wonen" },
                    { "zorg-welzijn", "Zorg en welzijn" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Areas_Code",
                table: "Areas",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Areas_MunicipalityCode",
                table: "Areas",
                column: "MunicipalityCode");

            migrationBuilder.CreateIndex(
                name: "IX_Items_DistrictCode",
                table: "Items",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_Items_Longitude_Latitude",
                table: "Items",
                columns: new[] { "Longitude", "Latitude" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_NeighbourhoodCode",
                table: "Items",
                column: "NeighbourhoodCode");

            migrationBuilder.CreateIndex(
                name: "IX_Items_UpdatedAt",
                table: "Items",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ItemThemes_ThemeCode",
                table: "ItemThemes",
                column: "ThemeCode");

            migrationBuilder.CreateIndex(
                name: "IX_ItemUpdates_ItemId_At",
                table: "ItemUpdates",
                columns: new[] { "ItemId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Areas");

            migrationBuilder.DropTable(
                name: "ItemLinks");

            migrationBuilder.DropTable(
                name: "ItemThemes");

            migrationBuilder.DropTable(
                name: "ItemUpdates");

            migrationBuilder.DropTable(
                name: "Themes");

            migrationBuilder.DropTable(
                name: "Items");
        }
    }
}
