using System.ComponentModel;

namespace Wijkbeeld.Features.Items;

/// <summary>What a client sends to create or change an item (API body and page form alike).</summary>
public sealed record ItemInput
{
    [Description("Soort: voorziening, kans, opgave, initiatief, kracht, signaal of gebeurtenis")]
    public string? Kind { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    [Description("WGS84 breedtegraad")]
    public double? Latitude { get; init; }
    [Description("WGS84 lengtegraad")]
    public double? Longitude { get; init; }
    [Description("Themacodes, zoals jeugd of ontmoeting")]
    public IReadOnlyList<string>? Themes { get; init; }
    [Description("Status uit de werkstroom van de soort; leeg is de eerste status")]
    public string? Status { get; init; }
    public string? OwnerOrganisation { get; init; }
    public string? Contact { get; init; }
    [Description("openbaar, partners of organisatie")]
    public string? Visibility { get; init; }
    public string? Source { get; init; }
    [Description("Ids van verwante items")]
    public IReadOnlyList<int>? RelatedItemIds { get; init; }
    [Description("true: de tekst bevat gegevens die op een BSN, telefoonnummer of e-mailadres lijken, en dat mag (AVG)")]
    public bool? ConfirmPersonalData { get; init; }
}

public sealed record CommentInput
{
    public string? Text { get; init; }
    [Description("true: de tekst bevat gegevens die op een BSN, telefoonnummer of e-mailadres lijken, en dat mag (AVG)")]
    public bool? ConfirmPersonalData { get; init; }
}
