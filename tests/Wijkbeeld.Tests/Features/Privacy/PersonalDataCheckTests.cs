using Wijkbeeld.Features.Privacy;

namespace Wijkbeeld.Tests.Features.Privacy;

/// <summary>The detector on its own: what people really type, found; numbers that are not about a person, left alone.</summary>
public sealed class PersonalDataCheckTests
{
    // 111222333, 123456782 and 012345672 pass the elfproef; 123456789 does not.
    public static TheoryData<string, PersonalDataKind, string> Found => new()
    {
        { "Cliënt met BSN 111222333 meldt zich", PersonalDataKind.Bsn, "111222333" },
        { "bsn: 123456782.", PersonalDataKind.Bsn, "123456782" },
        { "BSN 1234.56.782 (moeder)", PersonalDataKind.Bsn, "123456782" },
        { "nummer 123 456 782", PersonalDataKind.Bsn, "123456782" },
        { "123-456-782", PersonalDataKind.Bsn, "123456782" },
        { "oud sofinummer 12345672", PersonalDataKind.Bsn, "012345672" },
        { "(111222333)", PersonalDataKind.Bsn, "111222333" },
        { "Bel 06-12345678 voor info", PersonalDataKind.Phone, "0612345678" },
        { "0612345678", PersonalDataKind.Phone, "0612345678" },
        { "mobiel 06 1234 5678", PersonalDataKind.Phone, "0612345678" },
        { "06 12 34 56 78", PersonalDataKind.Phone, "0612345678" },
        { "+31 6 1234 5678", PersonalDataKind.Phone, "0612345678" },
        { "+31 (0)6 12345678", PersonalDataKind.Phone, "0612345678" },
        { "+31(0)6-12345678", PersonalDataKind.Phone, "0612345678" },
        { "+316-12345678", PersonalDataKind.Phone, "0612345678" },
        { "0031 6 12345678", PersonalDataKind.Phone, "0612345678" },
        { "0031612345678", PersonalDataKind.Phone, "0612345678" },
        { "Tel. 0223-123456", PersonalDataKind.Phone, "0223123456" },
        { "(0223) 123456", PersonalDataKind.Phone, "0223123456" },
        { "020 - 123 45 67", PersonalDataKind.Phone, "0201234567" },
        { "010-1234567.", PersonalDataKind.Phone, "0101234567" },
        { "+31 223 123 456", PersonalDataKind.Phone, "0223123456" },
        { "0612 345 678, na 17 uur", PersonalDataKind.Phone, "0612345678" },
        { "mail naar jan.jansen@gmail.com graag", PersonalDataKind.Email, "jan.jansen@gmail.com" },
        { "Anne-Marie.de.Vries+wijk@Example.NL", PersonalDataKind.Email, "anne-marie.de.vries+wijk@example.nl" },
        { "<p.bakker@denhelder.nl>", PersonalDataKind.Email, "p.bakker@denhelder.nl" },
        { "mailto:info@buurthuis-oost.nl.", PersonalDataKind.Email, "info@buurthuis-oost.nl" },
        { "jöran@straße.de", PersonalDataKind.Email, "jöran@straße.de" },
        { "mail jan.jansen [at] gmail.com", PersonalDataKind.Email, "jan.jansen@gmail.com" },
        { "p.bakker(at)denhelder.nl", PersonalDataKind.Email, "p.bakker@denhelder.nl" },
    };

    [Theory]
    [MemberData(nameof(Found))]
    public void Finds_personal_data(string text, PersonalDataKind kind, string value)
    {
        var finding = Assert.Single(PersonalDataCheck.Find(text));
        Assert.Equal(kind, finding.Kind);
        Assert.Equal(value, finding.Value);
        // The span is the value as typed: no surrounding punctuation.
        var span = text.Substring(finding.Index, finding.Length);
        Assert.True(char.IsLetterOrDigit(span[^1]), span);
        Assert.True(char.IsLetterOrDigit(span[0]) || span[0] is '+' or '(', span);
    }

    public static TheoryData<string> NotFound => new()
    {
        "",
        "Speeltuin aan de Zuidstraat 12, open sinds 2019",
        "Postcode 1781 AB Den Helder",
        "1781AB, huisnummer 23-II",
        "Buurt BU04000101 in wijk WK040003 van gemeente GM0400",
        "BU04000101",
        "Subsidie € 123.456.782 toegekend",
        "€123456782",
        "kosten 123456782 euro",
        "Budget 12.345.678,00",
        "Budget 1.250.000 voor 2024-2026",
        "Bijeenkomst op 01-03-2024 10:00 in het buurthuis",
        "06-03-2024 14:30",
        "op 12-03-2024 of 2024-03-12",
        "2019-2023",
        "KvK 12345672",
        "KvK-nummer: 12345672",
        "BSN 123456789 (geen geldig nummer)",
        "000000000",
        "IBAN NL91 ABNA 0417 1643 00",
        "NL91ABNA0417164300",
        "Bel 0800-1234 of 0900-1234567",
        "Bel 112 bij nood, 14 0223 voor de gemeente",
        "Versie 1.2.3 en 10.000 bezoekers, 85% tevreden",
        "Coördinaten 52.9563, 4.7601",
        "52.95631234",
        "+32 2 123 45 67",
        "#0612345678",
        "order-0612345678x",
        "12 34 56 78 90",
        "Tijd: 10:30-12:00, zaal 3.14",
        "e-mail: info @ buurthuis",
        "naam@localhost",
        "@wijkbeeld op Mastodon",
        "We zijn (at) the moment vol",
        "Bijeenkomst [at] buurthuis",
    };

    [Theory]
    [MemberData(nameof(NotFound))]
    public void Leaves_other_numbers_and_text_alone(string text) => Assert.Empty(PersonalDataCheck.Find(text));

    [Fact]
    public void Finds_every_kind_in_one_text_in_order()
    {
        var found = PersonalDataCheck.Find(
            "Mevrouw (BSN 111222333) woont op nummer 12. Bel haar op 06-12345678 of mail m.devries@example.nl. Zoon: 0223 123456.");
        Assert.Equal(
            [PersonalDataKind.Bsn, PersonalDataKind.Phone, PersonalDataKind.Email, PersonalDataKind.Phone],
            found.Select(f => f.Kind));
    }

    [Theory]
    [InlineData("BSN 111222333", "33")]
    [InlineData("06-12345678", "78")]
    [InlineData("jan.jansen@gmail.com", "j…@gmail.com")]
    public void The_hint_never_repeats_the_whole_value(string text, string hint)
    {
        var finding = Assert.Single(PersonalDataCheck.Find(text));
        Assert.Equal(hint, finding.Hint);
        Assert.DoesNotContain(finding.Value, finding.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("111222333", true)]
    [InlineData("123456782", true)]
    [InlineData("12345672", true)]
    [InlineData("012345672", true)]
    [InlineData("123456789", false)]
    [InlineData("111222334", false)]
    [InlineData("000000000", false)]
    [InlineData("1234567", false)]
    [InlineData("1234567890", false)]
    [InlineData("12345678a", false)]
    public void Elfproef(string digits, bool passes) => Assert.Equal(passes, PersonalDataCheck.PassesElfproef(digits));

    [Fact]
    public void About_one_in_eleven_random_nine_digit_numbers_passes_the_elfproef()
    {
        // A sanity check on the weights: a wrong weight would make this far off 1/11.
        var passing = Enumerable.Range(0, 110_000).Count(n => PersonalDataCheck.PassesElfproef((100_000_000 + n * 7919).ToString("D9")));
        Assert.InRange(passing, 9_000, 11_000);
    }

    [Fact]
    public void A_long_text_is_checked_quickly()
    {
        var text = string.Concat(Enumerable.Repeat("Op 12-03-2024 kwamen 1.250 mensen naar 1781 AB; bel 0800-1234. ", 60));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Empty(PersonalDataCheck.Find(text));
        Assert.True(watch.ElapsedMilliseconds < 500, $"took {watch.ElapsedMilliseconds} ms");
    }
}
