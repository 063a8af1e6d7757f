using System.Globalization;
using System.Text;

namespace Wijkbeeld.Features.Profile;

/// <summary>A profile's figures as CSV for Excel in Dutch: ';' and decimal comma, every year of the area.</summary>
public static class ProfileCsv
{
    public static string Write(AreaFigures figures)
    {
        var csv = new StringBuilder();
        csv.AppendLine("gebiedscode;gebied;indicator;sleutel;jaar;waarde;gemeente;nederland;eenheid;bron");
        foreach (var f in figures.Figures)
        {
            var years = f.Trend.Select(t => t.Year).Append(f.Year).Distinct().Order();
            foreach (var year in years)
            {
                var value = f.Trend.FirstOrDefault(t => t.Year == year)?.Value;
                csv.AppendJoin(';', Cell(figures.Code), Cell(figures.Name), Cell(f.Indicator.Label), Cell(f.Indicator.Key),
                    year.ToString(CultureInfo.InvariantCulture), Number(value),
                    year == f.Year ? Number(f.Municipality) : "", year == f.Year ? Number(f.Netherlands) : "",
                    Cell(f.Indicator.Unit), Cell(f.Indicator.Source)).AppendLine();
            }
        }
        return csv.ToString();
    }

    static string Number(double? value) => value?.ToString("0.####", IndicatorReader.Dutch) ?? "";

    /// <summary>Quoted when needed; a leading = + - @ is defused so a spreadsheet does not run it as a formula.</summary>
    static string Cell(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && "=+-@".Contains(v[0]))
        {
            v = "'" + v;
        }
        return v.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
    }
}
