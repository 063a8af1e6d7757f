using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wijkbeeld.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActivityFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ItemChanges",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OwnerOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MunicipalityCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    NeighbourhoodCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Themes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemChanges", x => x.Sequence);
                    table.ForeignKey(
                        name: "FK_ItemChanges_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ItemChanges_ItemId",
                table: "ItemChanges",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemChanges_MunicipalityCode_Sequence",
                table: "ItemChanges",
                columns: new[] { "MunicipalityCode", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ItemChanges");
        }
    }
}
