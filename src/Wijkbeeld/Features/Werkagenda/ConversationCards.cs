using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Privacy;
using Wijkbeeld.Features.Sessions;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Werkagenda;

/// <summary>
/// The starting deck of conversation cards: questions taken from the "Verandertoolkit Wijkaanpak" (Wouter Hart and
/// Thom Verheggen, seed 002), per werkpakket. They sit beside the sliders, building blocks and social innovation as
/// prompts for the good conversation; coordinators edit, add and hide cards. Stored in the one deck of
/// <see cref="PromptCard"/> with category "gesprek".
/// </summary>
public static class ConversationDeck
{
    public const int FirstId = 101;

    public static readonly (string Theme, string Text)[] Seed =
    [
        ("Van legpuzzel naar ecosysteem", "Hoe zie jij de wijk? Als een legpuzzel van vraag en aanbod, of als een ecosysteem waarin alles met elkaar samenhangt?"),
        ("Van legpuzzel naar ecosysteem", "Wat je ziet is bepalend voor wat je wel of juist niet doet. Wat laat jij liggen door hoe je naar de wijk kijkt?"),
        ("Van legpuzzel naar ecosysteem", "Als de wijk een ecosysteem is: waar moeten we zaaien, waar snoeien, en waar zorgen voor water en zonlicht?"),
        ("Anders denken, doen en organiseren", "We willen 'doen wat nodig is' en 'samenwerken voorbij de schotten van de organisaties'. Maar hoe doen we dat in deze casus?"),
        ("Anders denken, doen en organiseren", "Waar ligt het eigenaarschap nu? Hoe komt het zo dicht mogelijk bij de praktijk?"),
        ("Anders denken, doen en organiseren", "Proeftuin Ruwaard in Oss zette mooie stappen. Welke essenties daarvan herken je in je eigen werkpraktijk, en welke mis je?"),
        ("De volgende stap", "'Wat je voor mij doet, maar niet met mij, doe je tegen mij.' Waar doen we iets vóór bewoners in plaats van mét hen?"),
        ("De volgende stap", "Organiseren we nu kleinschalig vanuit dezelfde logica als vroeger landelijk? Waar zie je dat?"),
        ("De volgende stap", "Welke stap hebben we al wel gemaakt? En wat zou de volgende denkslag kunnen zijn?"),
        ("Gelijkwaardig samenwerken", "Waar staat het vasthouden aan deskundigheid en het professionele spel de gelijkwaardige relatie met bewoners in de weg?"),
        ("Gelijkwaardig samenwerken", "Wat betekent gelijkwaardig samenwerken voor de professional? Voor de manier waarop we onze middelen verdelen? En voor verantwoording afleggen?"),
        ("Werken vanuit de bedoeling", "Waar voel je de spanning tussen wat hier en nu nodig is en wat is vastgelegd in regels en financieringscriteria?"),
        ("Werken vanuit de bedoeling", "Hoe speelt werken vanuit de bedoeling in jullie wijkaanpak? En hoe kun je daar samen beter mee omgaan?"),
        ("Werken vanuit de bedoeling", "Hoort het of helpt het? Noem een regel of afspraak waar je aan twijfelt."),
        ("Werken vanuit de bedoeling", "Hoe verkleinen we de afstand tussen visie en praktijk? En hoe geven we ruimte zonder grip te verliezen?"),
    ];
}

public sealed record ConversationCardDto(int Id, string Text, string Theme, bool Active, int Version);
public sealed record ConversationCardInput(string? Text, string? Theme, bool? Active, bool ConfirmPersonalData = false);

public static class ConversationCardRules
{
    public const int TextMax = SessionLimits.ShortMax;
    public const int ThemeMax = 100;
}

/// <summary>The conversation cards: everyone signed in reads and draws them; coordinators add, edit and hide them.</summary>
public sealed class ConversationCards(WijkbeeldDb db, Viewer viewer, IStringLocalizer<Texts> text)
{
    IQueryable<PromptCard> Deck => db.SessionPromptCards.Where(c => c.Category == PromptCategories.Conversation);

    static ConversationCardDto ToDto(PromptCard c) => new(c.Id, c.Text, c.Theme, c.Active, c.Version);

    /// <summary>The deck in order; hidden cards only for those who edit it.</summary>
    public async Task<IReadOnlyList<ConversationCardDto>> ListAsync(CancellationToken ct) =>
        (await Deck.Where(c => c.Active || viewer.CanModerate).OrderBy(c => c.Theme == "" ? 1 : 0).ThenBy(c => c.Id).AsNoTracking().ToListAsync(ct))
            .Select(ToDto).ToList();

    public async Task<ConversationCardDto?> GetAsync(int id, CancellationToken ct) =>
        await Deck.Where(c => c.Id == id && (c.Active || viewer.CanModerate)).AsNoTracking().FirstOrDefaultAsync(ct) is { } c ? ToDto(c) : null;

    /// <summary>A random card that is not hidden; not the one just shown when there is another.</summary>
    public async Task<ConversationCardDto?> DrawAsync(int? notId, CancellationToken ct)
    {
        var cards = await Deck.Where(c => c.Active).OrderBy(c => c.Id).AsNoTracking().ToListAsync(ct);
        if (cards.Count > 1 && notId is { } skip) cards.RemoveAll(c => c.Id == skip);
        return cards.Count == 0 ? null : ToDto(cards[RandomNumberGenerator.GetInt32(cards.Count)]);
    }

    public async Task<Result<ConversationCardDto>> AddAsync(ConversationCardInput input, CancellationToken ct)
    {
        if (!viewer.CanModerate) return Result<ConversationCardDto>.Forbidden;
        var (valid, errors) = Validate(input, null);
        if (valid is null) return Result<ConversationCardDto>.Invalid(errors);
        var card = new PromptCard { Category = PromptCategories.Conversation, Text = valid.Value.Text, Theme = valid.Value.Theme, Active = input.Active ?? true, Version = 1 };
        db.SessionPromptCards.Add(card);
        await db.SaveChangesAsync(ct);
        return new(Outcome.Ok, ToDto(card));
    }

    public async Task<Result<ConversationCardDto>> UpdateAsync(int id, int expectedVersion, ConversationCardInput input, CancellationToken ct)
    {
        if (!viewer.CanModerate) return Result<ConversationCardDto>.Forbidden;
        if (await Deck.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } card) return Result<ConversationCardDto>.NotFound;
        var (valid, errors) = Validate(input, card);
        if (valid is null) return Result<ConversationCardDto>.Invalid(errors);
        if (card.Version != expectedVersion) return new(Outcome.Conflict, CurrentVersion: card.Version);
        (card.Text, card.Theme, card.Active) = (valid.Value.Text, valid.Value.Theme, input.Active ?? card.Active);
        card.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(Outcome.Conflict, CurrentVersion: expectedVersion + 1);
        }
        return new(Outcome.Ok, ToDto(card));
    }

    ((string Text, string Theme)? Value, Dictionary<string, string[]> Errors) Validate(ConversationCardInput input, PromptCard? stored)
    {
        var errors = new Dictionary<string, string[]>();
        var value = ItemRules.Clean(input.Text);
        if (value is null || value.Length > ConversationCardRules.TextMax) errors["text"] = [text["Cards.Error.Text", ConversationCardRules.TextMax]];
        var theme = input.Theme?.Trim() ?? "";
        if (theme.Length > ConversationCardRules.ThemeMax) errors["theme"] = [text["Werkagenda.Error.TooLong", ConversationCardRules.ThemeMax]];
        if (errors.Count == 0 && !input.ConfirmPersonalData)
        {
            errors = PersonalDataRules.Check(text, [("text", input.Text), ("theme", input.Theme)], stored is null ? null : [stored.Text, stored.Theme]);
        }
        return errors.Count > 0 ? (null, errors) : ((value!, theme), errors);
    }
}
