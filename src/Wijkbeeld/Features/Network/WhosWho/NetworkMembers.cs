using System.Net.Mail;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;
using Wijkbeeld.Features.Privacy;
using Wijkbeeld.Features.Werkagenda;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Network.WhosWho;

public sealed record MemberInput(string? Kind, string? Name, string? Role, string? Activities, List<string>? Areas, int? WorksForId,
    string? OrganisationName, List<string>? BestPersonTypes, string? HowToReach, bool ContactConsent = false, string? ConsentDate = null,
    string? ContactPhone = null, string? ContactEmail = null, string? Visibility = null, bool ConfirmPersonalData = false);

public sealed record MemberArea(string Code, string Name);
public sealed record NetworkMemberDto(int Id, string Kind, string Name, string Role, string Activities, IReadOnlyList<MemberArea> Areas, int? WorksForId,
    string Organisation, IReadOnlyList<string> BestPersonTypes, string HowToReach, bool ContactConsent, DateOnly? ConsentDate,
    string? ContactPhone, string? ContactEmail, string Visibility, string CreatedBy, DateTime UpdatedAt, int Version, bool MayChange);

/// <summary>The who's who: reading (visibility rule), validating (consent, privacy) and saving, for the pages and the API.</summary>
public sealed partial class NetworkMembers(WijkbeeldDb db, Viewer viewer, AreaIndex areaIndex, TimeProvider clock, IStringLocalizer<Texts> text)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;
    DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>Partners see shared entries, members of the organisation its own; coordinators and administrators see all.</summary>
    IQueryable<NetworkMember> Visible
    {
        get
        {
            var members = db.Set<NetworkMember>().AsQueryable();
            if (viewer.CanModerate) return members;
            if (!viewer.IsSignedIn) return members.Where(m => false);
            var organisation = viewer.OrganisationId;
            return members.Where(m => m.Visibility == Visibility.Partners || (m.Visibility == Visibility.Organisation && organisation != null && m.OrganisationId == organisation));
        }
    }

    bool MayChange(NetworkMember m) => viewer.CanModerate || (viewer.CanWrite && (m.OrganisationId is null || m.OrganisationId == viewer.OrganisationId));

    /// <summary>Entries, optionally only those active in an area (a wijk includes its buurten) or of one best-person type.</summary>
    public async Task<IReadOnlyList<NetworkMemberDto>> ListAsync(string? area, string? type, CancellationToken ct)
    {
        var map = await areaIndex.GetAsync(ct);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var list = await Visible.AsNoTracking().OrderBy(m => m.Name).ThenBy(m => m.Id).ToListAsync(ct);
        return list.Where(m => InArea(m, area, map) && (string.IsNullOrEmpty(type) || m.Types.Contains(type)))
            .Select(m => ToDto(m, map, organisations)).ToList();
    }

    /// <summary>Active in the area itself, in a buurt of it (for a wijk or gemeente), or in the wijk a buurt belongs to.</summary>
    public static bool InArea(NetworkMember m, string? area, AreaMap map)
    {
        if (string.IsNullOrEmpty(area)) return true;
        return m.Areas.Any(code => string.Equals(code, area, StringComparison.OrdinalIgnoreCase) || IsWithin(map, code, area));
    }

    static bool IsWithin(AreaMap map, string code, string ancestor)
    {
        for (var a = map.Find(code); a?.ParentCode is { } parent; a = map.Find(parent))
        {
            if (string.Equals(parent, ancestor, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    public async Task<IReadOnlyList<NetworkMember>> VisibleEntitiesAsync(CancellationToken ct) =>
        await Visible.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);

    public async Task<NetworkMemberDto?> GetAsync(int id, CancellationToken ct)
    {
        if (await Visible.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } m) return null;
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return ToDto(m, await areaIndex.GetAsync(ct), organisations);
    }

    NetworkMemberDto ToDto(NetworkMember m, AreaMap map, Dictionary<int, string> organisations) => new(m.Id, m.Kind, m.Name, m.Role, m.Activities,
        m.Areas.Select(c => new MemberArea(c, map.Find(c)?.Name ?? c)).ToList(), m.WorksForId,
        m.WorksForId is { } w && organisations.TryGetValue(w, out var name) ? name : m.OrganisationName,
        m.Types, m.HowToReach, m.ContactConsent, m.ConsentDate, m.ContactPhone, m.ContactEmail, m.Visibility.Code(), m.CreatedBy, m.UpdatedAt,
        m.Version, MayChange(m));

    public async Task<Result<NetworkMemberDto>> CreateAsync(MemberInput input, CancellationToken ct)
    {
        if (!viewer.CanWrite) return Result<NetworkMemberDto>.Forbidden;
        var (valid, errors) = await ValidateAsync(input, null, ct);
        if (valid is null) return Result<NetworkMemberDto>.Invalid(errors);
        var m = new NetworkMember { CreatedAt = Now, UpdatedAt = Now, Version = 1, OrganisationId = viewer.OrganisationId, CreatedBy = viewer.Name ?? "" };
        Apply(m, valid);
        db.Add(m);
        await db.SaveChangesAsync(ct);
        return new(Outcome.Ok, await GetAsync(m.Id, ct));
    }

    public async Task<Result<NetworkMemberDto>> UpdateAsync(int id, int expectedVersion, MemberInput input, CancellationToken ct)
    {
        if (await Visible.FirstOrDefaultAsync(m => m.Id == id, ct) is not { } m) return Result<NetworkMemberDto>.NotFound;
        if (!MayChange(m)) return Result<NetworkMemberDto>.Forbidden;
        var (valid, errors) = await ValidateAsync(input, m, ct);
        if (valid is null) return Result<NetworkMemberDto>.Invalid(errors);
        if (m.Version != expectedVersion) return new(Outcome.Conflict, CurrentVersion: m.Version);
        Apply(m, valid);
        m.UpdatedAt = Now;
        m.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(Outcome.Conflict, CurrentVersion: expectedVersion + 1);
        }
        return new(Outcome.Ok, await GetAsync(m.Id, ct));
    }

    public async Task<Outcome> DeleteAsync(int id, CancellationToken ct)
    {
        if (await Visible.FirstOrDefaultAsync(m => m.Id == id, ct) is not { } m) return Outcome.NotFound;
        if (!MayChange(m)) return Outcome.Forbidden;
        db.Remove(m);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    static void Apply(NetworkMember m, NetworkMember valid)
    {
        m.Kind = valid.Kind;
        m.Name = valid.Name;
        m.Role = valid.Role;
        m.Activities = valid.Activities;
        m.AreaCodes = valid.AreaCodes;
        m.WorksForId = valid.WorksForId;
        m.OrganisationName = valid.OrganisationName;
        m.BestPersonTypes = valid.BestPersonTypes;
        m.HowToReach = valid.HowToReach;
        m.ContactConsent = valid.ContactConsent;
        m.ConsentDate = valid.ConsentDate;
        m.ContactPhone = valid.ContactPhone;
        m.ContactEmail = valid.ContactEmail;
        m.Visibility = valid.Visibility;
    }

    async Task<(NetworkMember? Valid, Dictionary<string, string[]> Errors)> ValidateAsync(MemberInput input, NetworkMember? stored, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = string.IsNullOrWhiteSpace(input.Kind) ? MemberKinds.Professional : input.Kind.Trim();
        if (!MemberKinds.All.Contains(kind)) errors["kind"] = [text["Network.Error.Kind"]];
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > NetworkRules.NameMax) errors["name"] = [text["Network.Error.Name", NetworkRules.NameMax]];
        var role = input.Role?.Trim() ?? "";
        if (role.Length > NetworkRules.NameMax) errors["role"] = [text["Werkagenda.Error.TooLong", NetworkRules.NameMax]];
        if ((input.Activities?.Length ?? 0) > NetworkRules.TextMax) errors["activities"] = [text["Werkagenda.Error.TooLong", NetworkRules.TextMax]];
        if ((input.HowToReach?.Length ?? 0) > NetworkRules.TextMax) errors["howToReach"] = [text["Werkagenda.Error.TooLong", NetworkRules.TextMax]];
        var organisationName = input.OrganisationName?.Trim() ?? "";
        if (organisationName.Length > NetworkRules.NameMax) errors["organisationName"] = [text["Werkagenda.Error.TooLong", NetworkRules.NameMax]];

        var map = await areaIndex.GetAsync(ct);
        var areas = (input.Areas ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim().ToUpperInvariant()).Distinct().ToList();
        if (areas.Count == 0) errors["areas"] = [text["Network.Error.Areas"]];
        else if (areas.Count > NetworkRules.MaxAreas) errors["areas"] = [text["Network.Error.TooManyAreas", NetworkRules.MaxAreas]];
        else if (areas.FirstOrDefault(a => map.Find(a) is null || map.Find(a)!.Level == AreaLevel.Municipality) is { } unknown)
        {
            errors["areas"] = [text["Error.AreaUnknown", unknown]];
        }
        var types = (input.BestPersonTypes ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct().ToList();
        if (types.FirstOrDefault(t => !BestPersonTypes.IsKnown(t)) is { } badType)
        {
            errors["bestPersonTypes"] = [text["Network.Error.Type", badType, string.Join(", ", BestPersonTypes.All.Select(t => t.Code))]];
        }
        if (input.WorksForId is { } worksFor && !await db.Organisations.AnyAsync(o => o.Id == worksFor, ct))
        {
            errors["worksForId"] = [text["Network.Error.Organisation"]];
        }
        var visibility = Visibility.Partners;
        if (!string.IsNullOrWhiteSpace(input.Visibility) && (!ItemCatalog.TryParseVisibility(input.Visibility.Trim(), out visibility) || visibility == Visibility.Public))
        {
            errors["visibility"] = [text["Network.Error.Visibility"]];
        }

        // Consent: without it no phone number or e-mail address is stored at all.
        var phone = string.IsNullOrWhiteSpace(input.ContactPhone) ? null : input.ContactPhone.Trim();
        var email = string.IsNullOrWhiteSpace(input.ContactEmail) ? null : input.ContactEmail.Trim();
        DateOnly? consentDate = null;
        if (!input.ContactConsent)
        {
            if (phone is not null) errors["contactPhone"] = [text["Network.Error.NoConsent"]];
            if (email is not null) errors["contactEmail"] = [text["Network.Error.NoConsent"]];
        }
        else
        {
            if (string.IsNullOrWhiteSpace(input.ConsentDate)) consentDate = Today;
            else if (!DateOnly.TryParseExact(input.ConsentDate.Trim(), "yyyy-MM-dd", out var date) || date > Today) errors["consentDate"] = [text["Network.Error.ConsentDate"]];
            else consentDate = date;
            if (phone is not null && (phone.Length > 20 || !PhonePattern().IsMatch(phone))) errors["contactPhone"] = [text["Network.Error.Phone"]];
            if (email is not null && (email.Length > NetworkRules.ContactMax || !MailAddress.TryCreate(email, out var address) || address.Address != email))
            {
                errors["contactEmail"] = [text["Network.Error.Email"]];
            }
        }
        if (errors.Count == 0 && !input.ConfirmPersonalData)
        {
            errors = PersonalDataRules.Check(text, [("name", name), ("role", role), ("activities", input.Activities), ("howToReach", input.HowToReach)],
                stored is null ? null : [stored.Name, stored.Role, stored.Activities, stored.HowToReach]);
        }
        if (errors.Count > 0) return (null, errors);
        return (new NetworkMember
        {
            Kind = kind, Name = name, Role = role, Activities = input.Activities?.Trim() ?? "", AreaCodes = string.Join(',', areas),
            WorksForId = input.WorksForId, OrganisationName = input.WorksForId is null ? organisationName : "", BestPersonTypes = string.Join(',', types),
            HowToReach = input.HowToReach?.Trim() ?? "", ContactConsent = input.ContactConsent, ConsentDate = consentDate,
            ContactPhone = input.ContactConsent ? phone : null, ContactEmail = input.ContactConsent ? email : null, Visibility = visibility,
        }, errors);
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{5,18}$")]
    private static partial Regex PhonePattern();
}
