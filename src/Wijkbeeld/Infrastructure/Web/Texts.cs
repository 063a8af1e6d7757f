namespace Wijkbeeld;

/// <summary>Marker for the UI texts in Resources/Texts.resx (Dutch, B1).</summary>
public sealed class Texts;
