using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Features.Werkagenda;

namespace Wijkbeeld.Features.Network.WhosWho;

public sealed record Competence(string Code, string Name, string Category);
public sealed record CompetenceCategory(string Code, string Name);

/// <summary>
/// The competence game ("competentiespel") of the Platform31 workbook (§3.1): more than forty competences a
/// neighbourhood professional may have. The talents of the Zwijndrecht team, the Zwolle wijkmanager profile (§3.2),
/// the good conversation (§3.3) and the best persons are all in it; the grouping in five categories is ours.
/// </summary>
public static class CompetenceCatalog
{
    public const int MaxPicks = 5;

    public static readonly IReadOnlyList<CompetenceCategory> Categories =
    [
        new("verbinden", "Verbinden en netwerken"),
        new("doen", "Doen en organiseren"),
        new("denken", "Denken en richting geven"),
        new("communiceren", "Communiceren en het gesprek voeren"),
        new("houding", "Houding en lef"),
    ];

    static readonly (string Category, string[] Names)[] Source =
    [
        ("verbinden", ["Verbinden", "De juiste personen zoeken bij elke uitdaging", "Netwerker: netwerk opbouwen en onderhouden",
            "Samenwerking regisseren", "Teamplayer", "Bruggen bouwen tussen groepen", "Faciliteren zonder over te nemen",
            "Oog voor belangen van andere partijen", "De weg kennen op het gemeentehuis", "Coalities vormen"]),
        ("doen", ["Goede doener, hands-on", "Praktisch", "Organiseren", "Structuur aanbrengen", "Bewaart het overzicht", "Zorgvuldig",
            "Het juiste proces organiseren", "Resultaten zichtbaar maken", "Creatief omgaan met regels", "Afspraken nakomen"]),
        ("denken", ["Visie ontwikkelen", "Ontwikkelingen en trends analyseren", "Kansen zien en verbinden", "Denkt oplossingsgericht",
            "Staat open voor kansen ondanks kaders", "Praktische en abstracte werelden verbinden", "Samenhang zien tussen domeinen",
            "Bestuur en management adviseren", "Urgentie onderbouwen met cijfers en verhalen"]),
        ("communiceren", ["Spreekt de taal van bewoners", "Leefwereld en systeemwereld vertalen", "Presenteren", "Boodschap afstemmen op de doelgroep",
            "Goed luisteren", "Open vragen stellen", "Het moedige gesprek voeren", "Transparant", "Enthousiasmeren", "Collega's inspireren"]),
        ("houding", ["Lef", "Toch doen!", "Fouten durven maken", "Inlevingsvermogen", "Sfeermaker, werkt aanstekelijk",
            "Zet mensen die zich inzetten in het zonnetje", "Lange adem", "Respect voor elkaars wereld", "Buiten de lijntjes denken"]),
    ];

    public static readonly IReadOnlyList<Competence> All =
        Source.SelectMany(s => s.Names.Select(n => new Competence(Slug(n), n, s.Category))).ToList();

    static readonly Dictionary<string, Competence> ByCode = All.ToDictionary(c => c.Code);

    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code);
    public static Competence? Find(string code) => ByCode.GetValueOrDefault(code);

    static string Slug(string name)
    {
        var plain = new StringBuilder();
        foreach (var ch in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            plain.Append(char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-');
        }
        return string.Join('-', plain.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>One of a colleague's strongest competences (at most <see cref="CompetenceCatalog.MaxPicks"/>).</summary>
public sealed class CompetencePick
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public string UserName { get; set; } = "";
    public int? OrganisationId { get; set; }
    public string Code { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>A competence a case ("casus") asks for.</summary>
public sealed class CaseCompetence
{
    public int CaseId { get; set; }
    public string Code { get; set; } = "";
}

sealed class CompetencePickConfiguration : IEntityTypeConfiguration<CompetencePick>
{
    public void Configure(EntityTypeBuilder<CompetencePick> p)
    {
        p.ToTable("CompetencePicks");
        p.Property(x => x.Code).HasMaxLength(80);
        p.Property(x => x.UserName).HasMaxLength(200);
        p.HasIndex(x => new { x.UserId, x.Code }).IsUnique();
        p.HasIndex(x => x.OrganisationId);
        p.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class CaseCompetenceConfiguration : IEntityTypeConfiguration<CaseCompetence>
{
    public void Configure(EntityTypeBuilder<CaseCompetence> c)
    {
        c.ToTable("CaseCompetences");
        c.HasKey(x => new { x.CaseId, x.Code });
        c.Property(x => x.Code).HasMaxLength(80);
        c.HasOne<WorkCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
