namespace Wijkbeeld.Features.Werkagenda;

/// <summary>
/// The five sliders ("vijf schuiven") of the Platform31 workbook "Wijkgericht werken: een lokale werkagenda"
/// (table 1). The workbook describes the top end of each slider; the bottom end is where those features are missing.
/// Texts (name, ends, questions) are in Texts.resx under "Werkagenda.Slider.{code}.*".
/// </summary>
public static class Sliders
{
    public const int Min = 1;
    public const int Max = 10;

    public static readonly string[] Codes =
        ["positionering-intern", "proces-binnen-gemeente", "proces-met-bewoners", "bestuur-en-politiek", "communicatie"];

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code);
}

/// <summary>Limits of the free text of the werkagenda tools.</summary>
public static class WerkagendaRules
{
    public const int TitleMax = 200;
    public const int ShortMax = 300;
    public const int LongTextMax = 4000;
    public const int ReasonMax = 1000;
}
